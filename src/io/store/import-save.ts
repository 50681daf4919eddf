/**
 * The stored side of `import`: the roster merged as it streams from disk, and the roster, the
 * saved column mappings and rejected.csv written back.
 */

import { existsSync } from 'node:fs';
import { readState, readStateEach, writeState, type Program } from './program.js';
import { removeStale, writeOutputFile } from '../outputs/user-file.js';
import { toCsv } from '../formats/csv/write.js';
import { formSignature, mappingToSaved } from '../../core/roster/header-map.js';
import { startMerge } from '../../core/roster/merge.js';
import {
  attentionAfterImport,
  mergeOptionsOf,
  planFromMerge,
  resolveBuiltNames,
  rejectedTable,
  type BuiltImport,
  type FileInput,
  type ImportPlan,
} from '../../core/roster/import-plan.js';
import type { Participant, Problem } from '../../core/types.js';
import { attentionTable, type AttentionItem } from '../../core/roster/attention.js';
import { NO_FIXES, type Fixes } from '../../core/roster/fixes.js';

/** The stored fixes (state `fixes`; none before the first fix). */
export const readFixes = (program: Program): Promise<Fixes> =>
  readState<Fixes>(program, 'fixes', NO_FIXES);

/** Column mappings remembered per form (by the signature of its headers). */
export type SavedMappings = Record<string, Record<string, string>>;

/**
 * The built rows merged into the stored roster, which streams through the merge so that a big one
 * is never held twice.
 */
export async function mergeStored(
  program: Program,
  built: BuiltImport,
  readProblems: Problem[],
): Promise<ImportPlan> {
  if (built.refs.length) {
    // Names in preference answers need every stored name: read once more, only when names appear.
    const stored: Array<{ email: string; name: string }> = [];
    await readStateEach<Participant>(program, 'participants', (p) =>
      stored.push({ email: p.email, name: p.name }),
    );
    resolveBuiltNames(built, stored);
  }
  const merge = startMerge(built.incoming, mergeOptionsOf(built));
  await readStateEach<Participant>(program, 'participants', (p) => merge.take(p));
  return planFromMerge(built, merge.finish(), readProblems);
}

/** Where `saveImport` writes its files. */
interface SaveTarget {
  rejectedPath: string;
  attentionPath: string;
  force: boolean;
  /** rejected.csv is the program folder's own (not --rejected): a stale one is removed. */
  defaultRejected: boolean;
  now: Date;
  /** The fixes read before the import: written again only when the import changed them. */
  fixes: Fixes;
}

/**
 * Writes rejected rows, attention items, the mappings and the roster; the caller holds the program
 * lock.
 */
export async function saveImport(
  program: Program,
  plan: ImportPlan,
  inputs: FileInput[],
  saved: SavedMappings,
  target: SaveTarget,
): Promise<void> {
  // What is stored now wins over the copy read before the lock (another import may have saved a
  // form since).
  const mappings: SavedMappings = Object.assign(
    Object.create(null) as SavedMappings,
    saved,
    await readState<SavedMappings>(program, 'mappings', {}),
  );
  for (const { table, mapping } of inputs)
    mappings[formSignature(table.headers)] = mappingToSaved(table.headers, mapping);
  if (plan.rejected.length) {
    const rejected = rejectedTable(plan.rejected, target.now);
    const csv = toCsv(rejected.headers, rejected.rows);
    await writeOutputFile(target.rejectedPath, csv, program.dir, target.force);
  } else if (target.defaultRejected) await removeStale(target.rejectedPath);
  const before = await readState<AttentionItem[]>(program, 'attention', []);
  const attention = attentionAfterImport(before, plan);
  // The same items as before: attention.csv stays as it is, so that fixes being typed into it
  // (while rejected.csv is imported first) are not overwritten.
  const same = JSON.stringify(before) === JSON.stringify(attention);
  if (!attention.length) await removeStale(target.attentionPath);
  else if (!same || !existsSync(target.attentionPath)) {
    const t = attentionTable(attention, target.now);
    await writeOutputFile(target.attentionPath, toCsv(t.headers, t.rows), program.dir, true);
  }
  await writeState(program, 'attention', attention, target.now);
  if (plan.fixes !== target.fixes) await writeState(program, 'fixes', plan.fixes, target.now);
  await writeState(program, 'mappings', mappings, target.now);
  // Participants last: the roster is the state that matters; a crash before this line leaves the
  // old roster intact. A re-import that changes nothing leaves the stored roster as it is
  // (rewriting a big one takes seconds).
  if (!plan.merge.storedUnchanged)
    await writeState(program, 'participants', plan.merge.participants, target.now);
}
