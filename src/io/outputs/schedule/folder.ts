/**
 * Where `schedule` writes and what it may replace there: paths kept relative to the program, a
 * marker file in the folder.
 */

import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, isAbsolute, join, relative, resolve } from 'node:path';
import { UsageError } from '../../../errors.js';
import type { ScheduleState } from '../../../core/scheduling/reconcile.js';
import { isInside } from '../user-file.js';

/**
 * The marker `schedule` leaves in its output folder: it made the folder and lists the files it
 * wrote there.
 */
export const SCHEDULE_MARKER = '.mentor-cli-schedule.json';

/**
 * The output folder as stored in the state: relative to the program folder when inside it, so
 * moving the program keeps it valid.
 */
export function storedOutDir(outDir: string, programDir: string): string {
  return isInside(outDir, programDir)
    ? relative(programDir, outDir).split('\\').join('/') || '.'
    : outDir;
}

/** The absolute output folder of a stored value (older states hold absolute paths). */
export function resolveOutDir(stored: string | undefined, programDir: string): string | undefined {
  return typeof stored === 'string' && stored ? resolve(programDir, stored) : undefined;
}

/** The marker's text for the files written now. */
export function markerText(program: string, files: string[]): string {
  return `${JSON.stringify({ generator: 'mentor-cli schedule', program, files: [...files].sort() }, null, 2)}\n`;
}

/** Files the marker in `outDir` lists, or undefined when there is no readable marker. */
function markerFiles(outDir: string): string[] | undefined {
  try {
    const m = JSON.parse(readFileSync(join(outDir, SCHEDULE_MARKER), 'utf8')) as {
      generator?: unknown;
      files?: unknown;
    };
    if (m.generator !== 'mentor-cli schedule' || !Array.isArray(m.files)) return undefined;
    // Only plain relative names: a hand-edited marker must not make the cleanup delete anything
    // outside the folder.
    return m.files.filter(
      (f): f is string =>
        typeof f === 'string' && !isAbsolute(f) && !f.split(/[\\/]/).includes('..'),
    );
  } catch {
    return undefined;
  }
}

/**
 * Files an earlier run wrote to `outDir` (safe to replace or remove): from the state when it points
 * there, and from the marker.
 */
export function ownedFiles(
  outDir: string,
  programDir: string,
  previous: ScheduleState | undefined,
): string[] {
  const stored = resolveOutDir(previous?.outDir, programDir);
  // States written before paths were relative hold the old absolute path; a vanished .../schedule
  // was this folder before a move.
  const moved =
    stored !== undefined &&
    isAbsolute(previous?.outDir ?? '') &&
    !existsSync(stored) &&
    basename(stored) === 'schedule' &&
    outDir === join(programDir, 'schedule');
  const fromState = previous && (stored === outDir || moved) ? (previous.files ?? []) : [];
  return [...new Set([...fromState, ...(markerFiles(outDir) ?? [])])];
}

/**
 * Throws unless `schedule` may write into `outDir`: inside the program folder (regenerated freely),
 * new or empty, made by an earlier run (state or marker), or --force. A folder of the user's own
 * files is never filled silently.
 */
export function assertMayUseOutDir(
  outDir: string,
  programDir: string,
  previous: ScheduleState | undefined,
  force: boolean,
): void {
  if (force || isInside(outDir, programDir) || !existsSync(outDir)) return;
  if (!statSync(outDir).isDirectory())
    throw new UsageError(`${outDir} is a file, not a folder`, 'Choose a folder for --out');
  if (readdirSync(outDir).length === 0) return;
  if (previous && resolveOutDir(previous.outDir, programDir) === outDir) return;
  if (markerFiles(outDir)) return;
  throw new UsageError(
    `${outDir} already exists and was not written by \`mentor-cli schedule\``,
    'Add --force to write into it anyway (files with the same names are replaced), or choose a new --out folder',
  );
}
