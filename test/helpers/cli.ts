/** Runs the built CLI (dist/cli.js) in a folder with a clean, colourless environment. */

import { spawnSync } from 'node:child_process';
import { mkdtempSync, cpSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const CLI = join(ROOT, 'dist', 'cli.js');
export const FIXTURES = join(ROOT, 'fixtures');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Spawns `node dist/cli.js ...args` in `cwd` with NO_COLOR=1 TZ=UTC CI=1 and no TTY. */
export function runCli(
  args: string[],
  opts: { cwd: string; env?: Record<string, string>; input?: string; timeoutMs?: number },
): CliResult {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: opts.cwd,
    NO_COLOR: '1',
    TZ: 'UTC',
    CI: '1',
    ...opts.env,
  };
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: opts.cwd,
    env,
    input: opts.input ?? '',
    encoding: 'utf8',
    timeout: opts.timeoutMs ?? 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** A fresh temp folder; `copy` lists paths under fixtures/ to copy into it. */
export function tempDir(prefix = 'mentor-cli-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Copies a fixture file or folder into `dir`. */
export function copyFixture(rel: string, dir: string, as?: string): string {
  const dest = join(dir, as ?? rel.split('/').pop()!);
  cpSync(join(FIXTURES, rel), dest, { recursive: true });
  return dest;
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
