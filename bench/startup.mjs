// Start-up time of the built CLI as whole processes (median of several runs): `--version`,
// `--help`, and `participants --json` on the demo program. Usage: node bench/startup.mjs [runs=9]
// Targets (issue 8): --version and --help < 0.15 s, participants --json < 0.3 s.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI } from './lib.mjs';

const runs = Number(process.argv[2] ?? 9);

/** Wall time of one `node dist/cli.js ...args` process, in seconds. */
function once(args, cwd) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args[0] === '-e' ? args : [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0)
    throw new Error(`mentor-cli ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return seconds;
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

function measure(name, target, args, cwd) {
  once(args, cwd); // warm the file cache
  const times = Array.from({ length: runs }, () => once(args, cwd));
  const m = median(times);
  const ok = m <= target ? 'OK ' : 'SLOW';
  const spread = `min ${Math.min(...times).toFixed(3)}, max ${Math.max(...times).toFixed(3)}`;
  console.log(
    `${ok} ${name.padEnd(40)} ${m.toFixed(3).padStart(6)} s median of ${runs} ` +
      `(target < ${target} s; ${spread})`,
  );
}

const base = mkdtempSync(join(tmpdir(), 'mentor-startup-'));
const demo = join(base, 'demo');
try {
  const made = spawnSync(process.execPath, [CLI, 'demo', demo, '--quiet'], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (made.status !== 0) throw new Error(`demo failed: ${made.stderr}`);
  // What node itself costs on this machine now: the floor under every figure below.
  measure('node -e 0 (node alone)', 0.15, ['-e', '0'], base);
  measure('mentor-cli --version', 0.15, ['--version'], base);
  measure('mentor-cli --help', 0.15, ['--help'], base);
  measure('mentor-cli participants --json (demo)', 0.3, ['participants', '--json'], demo);
} finally {
  rmSync(base, { recursive: true, force: true });
}
