/**
 * Plans an import: every file's rows built and validated, then merged into the stored roster. Pure.
 */

import type { Participant, Problem, SourceRow, SourceTable } from '../types.js';
import { startBuild, type BuildOptions, type RejectedRow } from './build.js';
import { mergeParticipants, type MergeResult } from './merge.js';
import { checkReferences } from './references.js';
import type { ColumnMapping } from './header-map.js';

/** Columns that `rejected.csv` adds; ignored when that file is imported again. */
export const REJECTED_EXTRA_COLUMNS = ['Rejection reason', 'Source file', 'Source row'] as const;

/**
 * Data rows produced a chunk at a time (a big CSV file, see io/csv-read.ts): the table's `rows` is
 * then empty, and each chunk can be built and let go before the next is cut out of the text.
 */
interface RowChunks {
  /** Rows in the file (blank ones included): the total for a progress bar. */
  rowCount: number;
  /** The data rows, exactly those `rows` would hold, at most `size` at a time. */
  chunks(size: number): Iterable<SourceRow[]>;
  /** Cell `col` of every data row, in order (blank rows may give ''). */
  column(col: number): Iterable<string>;
}

/** A table as read for an import: its rows in `rows`, or produced by `chunks`. */
export type ImportTable = SourceTable & Partial<RowChunks>;

/** How many rows an import table holds (for a progress bar's total). */
export function tableRowCount(table: ImportTable): number {
  return table.chunks ? (table.rowCount ?? 0) : table.rows.length;
}

export interface FileInput {
  table: ImportTable;
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
const CHUNK = 1_000;

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
export function planImport(
  files: FileInput[],
  existing: Participant[],
  opts: BuildOptions,
  onRows?: (done: number) => void,
): ImportPlan {
  return finishImport(buildImport(files, opts, onRows), existing);
}

/**
 * The first half of planImport: builds and validates every file. Separate so that a caller can let
 * the source rows go before it loads the stored roster (a 100,000-row import then fits in memory).
 */
export function buildImport(
  files: FileInput[],
  opts: BuildOptions,
  onRows?: (done: number) => void,
): BuiltImport {
  const incoming: Participant[] = [];
  const rejected: RejectedRow[] = [];
  const problems: Problem[] = [];
  const summaries: FileSummary[] = [];
  let done = 0;
  for (const { table, mapping } of files) {
    const col = mapping.fields.submittedAt;
    const submitted =
      col === undefined
        ? []
        : table.chunks
          ? table.column!(col)
          : table.rows.map((r) => r.cells[col] ?? '');
    const builder = startBuild(table, mapping, opts, submitted);
    const { result } = builder;
    let rows = 0;
    // One file's rows at most CHUNK at a time: a lazily read file's rows are then let go chunk by
    // chunk.
    const chunks = table.chunks ? table.chunks(CHUNK) : sliceRows(table.rows);
    for (const chunk of chunks) {
      const before = result.participants.length;
      builder.add(chunk);
      for (let i = before; i < result.participants.length; i++)
        incoming.push(result.participants[i]);
      rows += chunk.length;
      done += chunk.length;
      onRows?.(done);
    }
    for (const r of result.rejected) rejected.push(r);
    for (const p of result.problems) problems.push(p);
    summaries.push({
      file: table.file,
      sheet: table.sheet,
      rows,
      accepted: result.participants.length,
      rejected: result.rejected.length,
    });
  }
  return { incoming, rejected, problems, files: summaries };
}

function* sliceRows(rows: SourceRow[]): Generator<SourceRow[]> {
  for (let i = 0; i < rows.length; i += CHUNK) yield rows.slice(i, i + CHUNK);
}

/**
 * The second half of planImport: merges the built participants into `existing` and checks
 * cross-references.
 */
function finishImport(built: BuiltImport, existing: Participant[]): ImportPlan {
  return planFromMerge(built, mergeParticipants(existing, built.incoming));
}

/**
 * The plan from built files and their merge (from mergeParticipants or startMerge), with the
 * cross-reference warnings (unknown preference, avoid, manager) for this run's people only: people
 * imported earlier were warned about when they came in. `readProblems` are notes from reading the
 * files.
 */
export function planFromMerge(
  built: BuiltImport,
  merge: MergeResult,
  readProblems: Problem[] = [],
): ImportPlan {
  const incoming = new Set<string>();
  for (const p of built.incoming) incoming.add(p.email);
  // Earlier people keep their email (so references to them resolve) but have nothing of their own
  // to check.
  const roster: Participant[] = merge.participants.map((p) =>
    incoming.has(p.email) || !(p.preferences.length || p.avoid.length || p.managerEmail)
      ? p
      : { ...p, preferences: [], avoid: [], managerEmail: undefined },
  );
  const problems = [
    ...readProblems,
    ...built.problems,
    ...merge.problems,
    ...checkReferences(roster),
  ];
  return { merge, rejected: built.rejected, problems, files: built.files };
}

/**
 * Headers and rows of rejected.csv: source file and row, the original columns (union, in order),
 * the reason.
 */
export function rejectedTable(rows: RejectedRow[]): { headers: string[]; rows: string[][] } {
  const original: string[] = [];
  const seen = new Set<string>();
  for (const r of rows)
    for (const h of r.headers)
      if (!seen.has(h) && !(REJECTED_EXTRA_COLUMNS as readonly string[]).includes(h)) {
        seen.add(h);
        original.push(h);
      }
  const headers = [...original, ...REJECTED_EXTRA_COLUMNS];
  const out = rows.map((r) => {
    const byHeader = new Map<string, string>();
    r.headers.forEach((h, i) => byHeader.set(h, r.cells[i] ?? ''));
    const reason = r.reasons
      .map(
        (p) =>
          `${p.location?.column ? `${p.location.column}: ` : ''}${p.message}${p.hint ? ` (${p.hint})` : ''}`,
      )
      .join('; ');
    return [
      ...original.map((h) => byHeader.get(h) ?? ''),
      reason,
      r.sheet ? `${r.file} [${r.sheet}]` : r.file,
      String(r.line),
    ];
  });
  return { headers, rows: out };
}
