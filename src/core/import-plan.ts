/** Plans an import: every file's rows built and validated, then merged into the stored roster. Pure. */

import type { Participant, Problem, SourceTable } from './types.js';
import { buildParticipants, type BuildOptions, type RejectedRow } from './roster/build.js';
import { mergeParticipants, type MergeResult } from './roster/merge.js';
import { checkReferences } from './roster/references.js';
import type { ColumnMapping } from './roster/header-map.js';

/** Columns that `rejected.csv` adds; ignored when that file is imported again. */
export const REJECTED_EXTRA_COLUMNS = ['Rejection reason', 'Source file', 'Source row'] as const;

export interface FileInput {
  table: SourceTable;
  mapping: ColumnMapping;
}

export interface FileSummary {
  file: string;
  sheet?: string;
  rows: number;
  accepted: number;
  rejected: number;
}

export interface ImportPlan {
  merge: MergeResult;
  rejected: RejectedRow[];
  problems: Problem[];
  files: FileSummary[];
}

/** Rows validated between two progress callbacks. */
const CHUNK = 5_000;

/** Every file built and validated, before the merge: what `buildImport` returns. */
export interface BuiltImport {
  incoming: Participant[];
  rejected: RejectedRow[];
  problems: Problem[];
  files: FileSummary[];
}

/**
 * Builds every file, merges the accepted participants into `existing`, and checks cross-references.
 * `onRows` is told how many rows have been validated so far (for a progress bar).
 */
export function planImport(files: FileInput[], existing: Participant[], opts: BuildOptions, onRows?: (done: number) => void): ImportPlan {
  return finishImport(buildImport(files, opts, onRows), existing);
}

/**
 * The first half of planImport: builds and validates every file. Separate so that a caller can let
 * the source rows go before it loads the stored roster (a 100,000-row import then fits in memory).
 */
export function buildImport(files: FileInput[], opts: BuildOptions, onRows?: (done: number) => void): BuiltImport {
  const incoming: Participant[] = [];
  const rejected: RejectedRow[] = [];
  const problems: Problem[] = [];
  const summaries: FileSummary[] = [];
  let done = 0;
  for (const { table, mapping } of files) {
    let accepted = 0;
    let bad = 0;
    for (let i = 0; i < table.rows.length; i += CHUNK) {
      const built = buildParticipants({ ...table, rows: table.rows.slice(i, i + CHUNK) }, mapping, opts);
      for (const p of built.participants) incoming.push(p);
      for (const r of built.rejected) rejected.push(r);
      for (const p of built.problems) problems.push(p);
      accepted += built.participants.length;
      bad += built.rejected.length;
      done += Math.min(CHUNK, table.rows.length - i);
      onRows?.(done);
    }
    summaries.push({ file: table.file, sheet: table.sheet, rows: table.rows.length, accepted, rejected: bad });
  }
  return { incoming, rejected, problems, files: summaries };
}

/** The second half of planImport: merges the built participants into `existing` and checks cross-references. */
export function finishImport(built: BuiltImport, existing: Participant[]): ImportPlan {
  return planFromMerge(built, mergeParticipants(existing, built.incoming));
}

/** The plan from built files and their merge (from mergeParticipants or startMerge): adds the cross-reference checks. */
export function planFromMerge(built: BuiltImport, merge: MergeResult): ImportPlan {
  const problems = [...built.problems, ...merge.problems, ...checkReferences(merge.participants)];
  return { merge, rejected: built.rejected, problems, files: built.files };
}

/** Headers and rows of rejected.csv: source file and row, the original columns (union, in order), the reason. */
export function rejectedTable(rows: RejectedRow[]): { headers: string[]; rows: string[][] } {
  const original: string[] = [];
  const seen = new Set<string>();
  for (const r of rows) for (const h of r.headers) if (!seen.has(h) && !(REJECTED_EXTRA_COLUMNS as readonly string[]).includes(h)) { seen.add(h); original.push(h); }
  const headers = [...original, ...REJECTED_EXTRA_COLUMNS];
  const out = rows.map((r) => {
    const byHeader = new Map<string, string>();
    r.headers.forEach((h, i) => byHeader.set(h, r.cells[i] ?? ''));
    const reason = r.reasons.map((p) => `${p.location?.column ? `${p.location.column}: ` : ''}${p.message}${p.hint ? ` (${p.hint})` : ''}`).join('; ');
    return [...original.map((h) => byHeader.get(h) ?? ''), reason, r.sheet ? `${r.file} [${r.sheet}]` : r.file, String(r.line)];
  });
  return { headers, rows: out };
}
