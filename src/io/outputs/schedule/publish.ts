/**
 * Writing a prepared schedule: the folder swapped in whole, then the state that remembers it (so a
 * failed write leaves the next run comparing with what is really on disk).
 */

import type { ScheduleState } from '../../../core/scheduling/reconcile.js';
import { writeState, type Program } from '../../store/program.js';
import { replaceFolder } from '../../store/staged-write.js';
import type { FileContent } from '../../store/staged-stamps.js';
import { SCHEDULE_MARKER, markerText, ownedFiles, resolveOutDir, storedOutDir } from './folder.js';

/**
 * Writes `files` (already including schedule.xlsx) to `outDir`, then `state` (the reconciled
 * events) with what was written; `previous` is the state of the last run.
 */
export async function publishSchedule(
  program: Program,
  outDir: string,
  files: ReadonlyMap<string, FileContent>,
  state: ScheduleState,
  previous: ScheduleState | undefined,
  now: Date,
): Promise<void> {
  const written = [...files.keys()].sort();
  const withMarker = new Map(files);
  withMarker.set(SCHEDULE_MARKER, markerText(program.config.program.name, written));
  // Stamps only describe the folder they were taken in.
  const sameDir = resolveOutDir(previous?.outDir, program.dir) === outDir;
  const stamps = replaceFolder(
    outDir,
    withMarker,
    ownedFiles(outDir, program.dir, previous),
    sameDir ? previous?.stamps : undefined,
  );
  // State last. The folder is stored relative to the program, so moving the program folder keeps
  // re-runs cleaning up.
  await writeState(
    program,
    'schedule',
    {
      ...state,
      files: [...written, SCHEDULE_MARKER],
      outDir: storedOutDir(outDir, program.dir),
      stamps,
    },
    now,
  );
}
