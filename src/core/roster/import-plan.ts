/**
 * Plans an import: every file's rows built and validated, then merged into the stored roster. Pure.
 */

import type { Participant, Problem, SourceRow, SourceTable } from '../types.js';
import { startBuild, type BuildOptions, type RejectedRow } from './build.js';
import { MERGE_FIELDS, mergeParticipants, type MergeOptions, type MergeResult } from './merge.js';
import { checkReferences } from './references.js';
import {
  describeColumns,
  mappedFields,
  type ColumnMapping,
  type ColumnNotes,
} from './header-map.js';
import { resolveNameRefs, type NameRef } from './name-refs.js';
import { columnBits } from './build-row.js';
import { mergeAttention, type AttentionItem } from './attention.js';
import { FORM_COLUMN, listedAt, REJECTED_EXTRA_COLUMNS } from './fix-files.js';
import { formSignature } from './header-map.js';
import {
  fixesAfter,
  fixesByEmail,
  fixKeptNotice,
  keptByFix,
  NO_FIXES,
  rowKey,
  type Fixes,
  type RowFix,
} from './fixes.js';

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

/** The first `n` data rows' cells, for a look at what columns hold (header-map.ts samples). */
export function sampleRows(table: ImportTable, n = 50): string[][] {
  if (!table.column) return table.rows.slice(0, n).map((r) => r.cells);
  const rows: string[][] = [];
  table.headers.forEach((_, col) => {
    let r = 0;
    for (const v of table.column!(col)) {
      (rows[r] ??= [])[col] = v;
      if (++r >= n) break;
    }
  });
  return rows;
}

/** The distinct `Source form` cells of a fixed rejected.csv or attention.csv (none otherwise). */
export function formsOf(table: ImportTable): string[] {
  const col = table.headers.indexOf(FORM_COLUMN);
  if (col === -1) return [];
  const cells = table.column ? table.column(col) : table.rows.map((r) => r.cells[col] ?? '');
  const out = new Set<string>();
  for (const c of cells) if (c.trim()) out.add(c.trim());
  return [...out];
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
  /** Accepted people with at least one value that could not be read. */
  attention: number;
  /** How the columns were read: guesses, role-specific questions, extra attributes. */
  columns: ColumnNotes;
}

export interface ImportPlan {
  merge: MergeResult;
  rejected: RejectedRow[];
  problems: Problem[];
  files: FileSummary[];
  /** This import's attention items (people kept with an unreadable value). */
  attention: AttentionItem[];
  /** Fields the files had columns for: their stored attention items are replaced. */
  fields: ReadonlySet<string>;
  /** The fixes to store after this import (state `fixes`). */
  fixes: Fixes;
}

/** Rows validated between two progress callbacks. */
const CHUNK = 1_000;

/** Every file built and validated, before the merge: what `buildImport` returns. */
export interface BuiltImport {
  incoming: Participant[];
  /** The fields each incoming row gives (merge.ts masks), by index in `incoming`. */
  given: number[];
  rejected: RejectedRow[];
  problems: Problem[];
  files: FileSummary[];
  attention: AttentionItem[];
  pending: Map<Participant, RejectedRow>;
  fields: Set<string>;
  /** Preference/avoid answers naming people without an email: see resolveBuiltNames. */
  refs: NameRef[];
  /** The fixes stored before this import. */
  fixes: Fixes;
  /** Files whose changes are fixes (a fixed rejected.csv or attention.csv, `set`). */
  fixFiles: Set<string>;
  /** Row fixes made (a fixed rejected.csv) and replaced (a fixed row changed in its source). */
  rowFixes: { added: RowFix[]; replaced: RowFix[] };
  /** ISO time of the import. */
  now: string;
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

/** The merge options of a built import: which fields each row gives, the fixes to keep. */
export function mergeOptionsOf(built: BuiltImport): MergeOptions {
  const { fixFiles } = built;
  return {
    given: built.given,
    fixes: built.fixes.fields.length ? fixesByEmail(built.fixes.fields) : undefined,
    fixBy: fixFiles.size
      ? (p) => (p.source && fixFiles.has(p.source.file) ? p.source.file : undefined)
      : undefined,
    now: built.now,
  };
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
  const given: number[] = [];
  const rejected: RejectedRow[] = [];
  const problems: Problem[] = [];
  const summaries: FileSummary[] = [];
  const attention: AttentionItem[] = [];
  const pending = new Map<Participant, RejectedRow>();
  const fields = new Set<string>();
  const refs: NameRef[] = [];
  const fixFiles = new Set<string>();
  const rowFixes: BuiltImport['rowFixes'] = { added: [], replaced: [] };
  let done = 0;
  for (const { table, mapping } of files) {
    const bits = columnBits(mappedFields(mapping), mapping.attributes.length);
    MERGE_FIELDS.forEach((f, b) => bits & (1 << b) && fields.add(f));
    const col = mapping.fields.submittedAt;
    const submitted =
      col === undefined
        ? []
        : table.chunks
          ? table.column!(col)
          : table.rows.map((r) => r.cells[col] ?? '');
    const column = (c: number): Iterable<string> =>
      table.chunks ? table.column!(c) : table.rows.map((r) => r.cells[c] ?? '');
    const builder = startBuild(table, mapping, opts, submitted, column);
    const { result } = builder;
    let rows = 0;
    // One file's rows at most CHUNK at a time: a lazily read file's rows are then let go chunk by
    // chunk.
    const chunks = table.chunks ? table.chunks(CHUNK) : sliceRows(table.rows);
    for (const chunk of chunks) {
      const before = result.participants.length;
      builder.add(chunk);
      for (let i = before; i < result.participants.length; i++) {
        incoming.push(result.participants[i]);
        given.push(result.given[i]);
      }
      rows += chunk.length;
      done += chunk.length;
      onRows?.(done);
    }
    builder.settle();
    if (result.fixFile || opts.isFix) fixFiles.add(table.file);
    for (const f of result.rowFixes) rowFixes.added.push(f);
    for (const f of result.rowFixesReplaced) rowFixes.replaced.push(f);
    for (const r of result.rejected) rejected.push(r);
    for (const p of result.problems) problems.push(p);
    for (const a of result.attention) attention.push(a);
    for (const [p, r] of result.pending) pending.set(p, r);
    for (const r of result.refs) refs.push(r);
    summaries.push({
      file: table.file,
      sheet: table.sheet,
      rows,
      accepted: result.participants.length,
      rejected: result.rejected.length,
      attention: new Set(result.attention.map((a) => a.email)).size,
      columns: describeColumns(table.headers, mapping),
    });
  }
  return {
    incoming,
    given,
    rejected,
    problems,
    files: summaries,
    attention,
    pending,
    fields,
    refs,
    fixes: opts.fixes ?? NO_FIXES,
    fixFiles,
    rowFixes,
    now: opts.now ?? new Date(0).toISOString(),
  };
}

function* sliceRows(rows: SourceRow[]): Generator<SourceRow[]> {
  for (let i = 0; i < rows.length; i += CHUNK) yield rows.slice(i, i + CHUNK);
}

/**
 * The second half of planImport: merges the built participants into `existing` and checks
 * cross-references.
 */
function finishImport(built: BuiltImport, existing: Participant[]): ImportPlan {
  resolveBuiltNames(built, existing);
  return planFromMerge(built, mergeParticipants(existing, built.incoming, mergeOptionsOf(built)));
}

/**
 * Resolves the names typed in preference/avoid answers against everyone: `stored` and every file of
 * this import (so a preference may name someone in a later file). Call before the merge; unresolved
 * names join the attention items.
 */
export function resolveBuiltNames(
  built: BuiltImport,
  stored: Iterable<{ email: string; name: string }>,
): void {
  if (!built.refs.length) return;
  const roster = new Map<string, string>();
  for (const p of stored) roster.set(p.email, p.name);
  for (const p of built.incoming) if (p.name) roster.set(p.email, p.name);
  const people = [...roster].map(([email, name]) => ({ email, name }));
  for (const a of resolveNameRefs(built.incoming, built.refs, people)) built.attention.push(a);
  built.refs = [];
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
  // Earlier people keep their email (so references to them resolve) but have nothing of their own
  // to check.
  const met = merge.added.length + merge.updated.length + merge.unchanged.length;
  let roster = merge.participants;
  // perf: everyone came with this import (a first import, a full re-import): nobody to blank
  //   (bench/import.mjs).
  if (met !== merge.participants.length) {
    const incoming = new Set<string>();
    for (const p of built.incoming) incoming.add(p.email);
    roster = merge.participants.map((p) =>
      incoming.has(p.email) || !(p.preferences.length || p.avoid.length || p.managerEmail)
        ? p
        : { ...p, preferences: [], avoid: [], managerEmail: undefined },
    );
  }
  const problems = [
    ...readProblems,
    ...built.problems,
    ...merge.problems,
    ...checkReferences(roster),
  ];
  // A row without name or role that named no stored person is rejected after all.
  const rejected = [...built.rejected];
  const droppedEmails = new Set<string>();
  for (const p of merge.dropped) {
    const row = built.pending.get(p);
    if (row) rejected.push(row);
    droppedEmails.add(p.email);
  }
  const files = built.files.map((f) => {
    const dropped = merge.dropped.filter((p) => p.source?.file === f.file).length;
    return dropped ? { ...f, accepted: f.accepted - dropped, rejected: f.rejected + dropped } : f;
  });
  let attention = built.attention.filter((a) => !droppedEmails.has(a.email));
  // A value flagged again exactly as it was typed before a fix: the fix stands, nothing to do.
  if (built.fixes.fields.length) {
    const kept = keptByFix(attention, built.fixes.fields);
    if (kept.size) {
      for (const [a, fix] of kept)
        problems.push(
          fixKeptNotice(a.name || a.email, { file: a.file, sheet: a.sheet, row: a.row }, fix),
        );
      attention = attention.filter((a) => !kept.has(a));
      files.forEach((f, i) => {
        const left = new Set(attention.filter((a) => a.file === f.file).map((a) => a.email));
        files[i] = { ...f, attention: left.size };
      });
    }
  }
  // Rows that updated a stored person by email alone: the item names them as stored.
  if (attention.some((a) => !a.name)) {
    const names = new Map(merge.participants.map((p) => [p.email, p.name]));
    attention = attention.map((a) => (a.name ? a : { ...a, name: names.get(a.email) ?? '' }));
  }
  // perf: the set of everyone only when this import made fixes (bench/import.mjs).
  let present: Set<string> | undefined;
  const keep = (e: string): boolean =>
    (present ??= new Set([...merge.added, ...merge.updated, ...merge.unchanged])).has(e);
  const fixes = fixesAfter(built.fixes, merge.fixes, built.rowFixes, keep);
  return { merge, rejected, problems, files, attention, fields: built.fields, fixes };
}

/**
 * The attention list to store after `plan`: stored items of the people it read are replaced for the
 * fields its files had columns for.
 */
export function attentionAfterImport(
  stored: readonly AttentionItem[],
  plan: ImportPlan,
): AttentionItem[] {
  // perf: no stored items (a first import, or nothing left to fix): the everyone set is not needed
  //   (bench/import.mjs).
  if (!stored.length) return mergeAttention(stored, plan.attention, () => undefined);
  const read = new Set<string>();
  for (const e of plan.merge.added) read.add(e);
  for (const e of plan.merge.updated) read.add(e);
  for (const e of plan.merge.unchanged) read.add(e);
  return mergeAttention(stored, plan.attention, (email) =>
    read.has(email) ? plan.fields : undefined,
  );
}

/**
 * Headers and rows of rejected.csv: source file and row, the original columns (union, in order),
 * the reason.
 */
export function rejectedTable(
  rows: RejectedRow[],
  now: Date,
): { headers: string[]; rows: string[][] } {
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
      r.submittedAt ?? '',
      formSignature(r.headers),
      rowKey(r.cells),
      listedAt(now),
    ];
  });
  return { headers, rows: out };
}
