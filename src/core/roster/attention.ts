/**
 * Attention items: a value that could not be read, kept as typed while the person is imported with
 * that field empty or at its default. Stored in the program state until fixed.
 */

import type { Problem } from '../types.js';
import { ATTENTION_EXTRA_COLUMNS, listedAt } from './fix-files.js';

/** One unreadable value of one person, with what a program manager needs to fix it. */
export interface AttentionItem {
  email: string;
  name: string;
  /** The participant field, e.g. `availability`, `level`. */
  field: string;
  /** The cell exactly as typed. */
  text: string;
  code: string;
  reason: string;
  fix?: string;
  file: string;
  sheet?: string;
  row: number;
  column?: string;
  /** The row's form timestamp (ISO): attention.csv carries it, so an old fix never wins. */
  submittedAt?: string;
  /** The saved-mapping signature of the file (header-map.ts formSignature). */
  form?: string;
}

/** An attention item as readRow finds it, before the person's email and name are known. */
export interface Flag {
  field: string;
  text: string;
  problem: Problem;
}

/** The attention item of `flag` for the person `email`/`name`. */
export function attentionItem(email: string, name: string, flag: Flag): AttentionItem {
  const loc = flag.problem.location;
  const item: AttentionItem = {
    email,
    name,
    field: flag.field,
    text: flag.text,
    code: flag.problem.code,
    reason: flag.problem.message,
    file: loc?.file ?? '',
    row: loc?.row ?? 0,
  };
  if (flag.problem.hint) item.fix = flag.problem.hint;
  if (loc?.sheet !== undefined) item.sheet = loc.sheet;
  if (loc?.column !== undefined) item.column = loc.column;
  return item;
}

/** The item as a warning line (printed on stderr by the import). */
export function attentionProblem(item: AttentionItem): Problem {
  return {
    severity: 'warning',
    code: item.code,
    message: `${item.reason}; ${item.name} kept with ${item.field} left empty or at its default (needs attention)`,
    hint: item.fix,
    location: { file: item.file, sheet: item.sheet, row: item.row, column: item.column },
  };
}

/** Counts by field, most frequent first then by name: `[["availability", 3], ["level", 1]]`. */
export function countByField(items: readonly AttentionItem[]): Array<[string, number]> {
  const counts = new Map<string, number>();
  for (const i of items) counts.set(i.field, (counts.get(i.field) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
}

/**
 * The stored items after an import: items of the people this import read are replaced for the
 * fields its files had columns for (`fieldsOf(email)`); everyone else's are kept. Sorted by email,
 * then field.
 */
export function mergeAttention(
  stored: readonly AttentionItem[],
  incoming: readonly AttentionItem[],
  fieldsOf: (email: string) => ReadonlySet<string> | undefined,
): AttentionItem[] {
  const out = stored.filter((i) => {
    const fields = fieldsOf(i.email);
    return !fields || !fields.has(i.field);
  });
  for (const i of incoming) out.push(i);
  return out.sort((a, b) =>
    a.email !== b.email ? (a.email < b.email ? -1 : 1) : a.field < b.field ? -1 : 1,
  );
}

/**
 * attention.csv: one row per person and source file, Email and Name, then each flagged value under
 * its original column header (fix it there and import the file again: only those columns update),
 * then what is wrong and where it came from.
 */
export function attentionTable(
  items: readonly AttentionItem[],
  now: Date,
): {
  headers: string[];
  rows: string[][];
} {
  const columns: string[] = [];
  const groups = new Map<string, AttentionItem[]>();
  for (const i of items) {
    const col = i.column ?? i.field;
    if (!columns.includes(col) && col !== 'Email' && col !== 'Name') columns.push(col);
    const key = `${i.email}\u0000${i.file}\u0000${i.sheet ?? ''}`;
    const g = groups.get(key);
    if (g) g.push(i);
    else groups.set(key, [i]);
  }
  const rows: string[][] = [];
  for (const g of groups.values()) {
    const byColumn = new Map(g.map((i) => [i.column ?? i.field, i.text]));
    const first = g[0];
    rows.push([
      first.email,
      first.name,
      ...columns.map((c) => byColumn.get(c) ?? ''),
      g.map((i) => `${i.column ?? i.field}: ${i.reason}${i.fix ? ` (${i.fix})` : ''}`).join('; '),
      first.sheet ? `${first.file} [${first.sheet}]` : first.file,
      String(first.row),
      first.submittedAt ?? '',
      first.form ?? '',
      listedAt(now),
    ]);
  }
  return { headers: ['Email', 'Name', ...columns, ...ATTENTION_EXTRA_COLUMNS], rows };
}
