/**
 * Temp files left by a process that was killed mid-write (kill -9, power loss): the atomic writes'
 * `.<name>.<pid>.<rand>.tmp`, the lock's own temps, and staging folders. Removed under the lock,
 * and only when the process named in the name is gone, so a running writer's temp is never touched.
 */

import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { isAlive } from './lock.js';

const PATTERNS = [
  /^\..+\.(\d+)\.[0-9a-f]{8}\.tmp$/,
  /^lock(?:\.break)?\.(\d+)\.[0-9a-f]{8}\.(?:tmp|stale)$/,
  /^\.staging-(\d+)-[0-9a-f]{8}$/,
];

/** Removes the stale temp files directly inside each of `dirs`; returns the paths removed. */
export function removeStaleTemps(dirs: string[]): string[] {
  const removed: string[] = [];
  for (const dir of dirs) {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names) {
      const pid = PATTERNS.map((re) => re.exec(name)?.[1]).find(Boolean);
      if (!pid || Number(pid) === process.pid || isAlive(Number(pid))) continue;
      try {
        rmSync(join(dir, name), { recursive: true, force: true });
        removed.push(join(dir, name));
      } catch {
        /* not ours to remove after all (permissions): leave it */
      }
    }
  }
  return removed;
}

/** The folders of a program where writes put temp files: state, backups, outputs one level deep. */
export function tempFolders(programDir: string, stateDir: string): string[] {
  const dirs = [stateDir, join(stateDir, 'backup'), programDir];
  try {
    for (const e of readdirSync(programDir, { withFileTypes: true }))
      if (e.isDirectory() && !e.name.startsWith('.')) dirs.push(join(programDir, e.name));
  } catch {
    /* gone: the caller notices */
  }
  return dirs;
}
