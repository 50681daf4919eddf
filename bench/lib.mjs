// Shared helpers for the benchmarks: run the built CLI as a whole process and measure wall time and
// peak memory.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const CLI = join(ROOT, 'dist', 'cli.js');

/**
 * Runs `mentor-cli ...args` in `cwd`; returns seconds, peak RSS in MB, exit code and output (a
 * process stopped by `timeoutMs` has code null).
 */
export function timeCli(args, cwd, { timeoutMs } = {}) {
  const rssFile = join(mkdtempSync(join(tmpdir(), 'bench-rss-')), 'rss');
  const t0 = process.hrtime.bigint();
  const r = spawnSync(
    process.execPath,
    ['--import', join(ROOT, 'bench', 'rss-reporter.mjs'), CLI, ...args],
    {
      cwd,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', BENCH_RSS_FILE: rssFile },
      maxBuffer: 512 * 1024 * 1024,
      ...(timeoutMs ? { timeout: timeoutMs } : {}),
    },
  );
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  let rssMb = NaN;
  try {
    rssMb = Number(readFileSync(rssFile, 'utf8')) / 1024 / 1024;
  } catch {
    /* process died */
  }
  rmSync(dirname(rssFile), { recursive: true, force: true });
  return { seconds, rssMb, code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A fresh program folder in a temp dir. */
export function freshProgram(extraInitArgs = []) {
  const dir = mkdtempSync(join(tmpdir(), 'mentor-bench-'));
  const r = spawnSync(
    process.execPath,
    [CLI, 'init', dir, '--start', '2027-01-11', '--end', '2027-06-25', ...extraInitArgs],
    { encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(r.stderr);
  return dir;
}

/** Prints one result row. */
export function report(name, target, result) {
  const ok = result.seconds <= target ? 'OK ' : 'SLOW';
  console.log(
    `${ok} ${name.padEnd(52)} ${result.seconds.toFixed(2).padStart(7)} s (target < ${target} s)  peak ${result.rssMb.toFixed(0).padStart(5)} MB  exit ${result.code}`,
  );
}
