/** Helpers for the fault tests: a program folder, spawned commands, and reading its state back. */

import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { CLI, runCli, type CliResult } from './cli.js';

/** Creates a program in `dir` (init with fixed dates). */
export function initProgram(dir: string): void {
  const r = runCli(
    ['init', '.', '--start', '2027-01-11', '--end', '2027-06-25', '--timezone', 'Europe/London'],
    { cwd: dir },
  );
  if (r.code !== 0) throw new Error(`init failed: ${r.stderr}`);
}

/** Writes a sign-up CSV of `n` people whose emails start with `tag`; returns its name. */
export function writeRoster(dir: string, tag: string, n: number): string {
  const rows = Array.from(
    { length: n },
    (_, i) => `${tag}-${i}@example.com,Person ${tag} ${i},${i % 2 ? 'mentee' : 'mentor'}`,
  );
  const name = `${tag}.csv`;
  writeFileSync(join(dir, name), ['Email,Name,Role', ...rows].join('\n'));
  return name;
}

/** The emails in the stored roster. */
export function storedEmails(dir: string): Set<string> {
  const path = join(dir, '.mentor', 'participants.json');
  if (!existsSync(path)) return new Set();
  const doc = JSON.parse(readFileSync(path, 'utf8')) as { data: Array<{ email: string }> };
  return new Set(doc.data.map((p) => p.email));
}

/** Temp files (`.name.pid.rand.tmp`) anywhere in the state folder or the program folder. */
export function leftoverTemps(dir: string): string[] {
  const found: string[] = [];
  for (const d of [dir, join(dir, '.mentor')])
    if (existsSync(d)) for (const f of readdirSync(d)) if (f.endsWith('.tmp')) found.push(f);
  return found;
}

/** Spawns the CLI without waiting, so that several can run at once. */
export function spawnCli(
  dir: string,
  args: string[],
): { child: ChildProcess; done: Promise<CliResult> } {
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd: dir,
    env: { PATH: process.env.PATH ?? '', HOME: dir, NO_COLOR: '1', TZ: 'UTC', CI: '1' },
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => {
    stdout += d;
  });
  child.stderr!.on('data', (d) => {
    stderr += d;
  });
  const done = new Promise<CliResult>((resolve) =>
    child.on('close', (code, signal) =>
      resolve({ code: code ?? (signal ? 128 + 9 : -1), stdout, stderr }),
    ),
  );
  return { child, done };
}
