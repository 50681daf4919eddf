/** Writing a result to a user-chosen path: never clobber a user's own file without --force. */

import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { relative, isAbsolute } from 'node:path';
import { UsageError } from '../../errors.js';
import { writeFileAtomic } from '../store/atomic.js';

/** True when `path` lies inside `dir`. */
export function isInside(path: string, dir: string): boolean {
  const rel = relative(dir, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/**
 * Throws unless `path` may be written: new, inside the program folder (regenerated freely), or
 * --force.
 */
export function assertMayWrite(path: string, programDir: string | undefined, force: boolean): void {
  if (force || !existsSync(path)) return;
  if (programDir && isInside(path, programDir)) return;
  throw new UsageError(
    `${path} already exists`,
    'Add --force to overwrite it, or choose another --out',
  );
}

/** Writes `data` to `path` atomically after the overwrite check. */
export async function writeOutputFile(
  path: string,
  data: string | Uint8Array,
  programDir: string | undefined,
  force: boolean,
): Promise<void> {
  assertMayWrite(path, programDir, force);
  await writeFileAtomic(path, data);
}

/** Removes a file the program wrote earlier that no longer applies (a stale rejected.csv). */
export async function removeStale(path: string): Promise<void> {
  await rm(path, { force: true });
}
