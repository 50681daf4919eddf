/**
 * Fixes that stick: a value fixed in attention.csv, rejected.csv or with `set` remembers what the
 * source said, so that re-importing the unchanged original export does not put the old value back.
 * Pure.
 */

import type { Location } from '../../errors.js';
import type { Participant, Problem } from '../types.js';

/** One field of one person fixed by hand, and the source text it replaced. */
export interface FieldFix {
  email: string;
  field: string;
  /** What the source typed for the field before the fix ('' when it had nothing). */
  was: string;
  /** What made the fix: `set`, `withdraw` or the fixed file's name (attention.csv). */
  by: string;
  /** ISO time of the fix. */
  at: string;
}

/** A source row rejected, fixed in rejected.csv and imported: skipped while it is unchanged. */
export interface RowFix {
  /** rowKey of the source row's cells as they were rejected. */
  key: string;
  /** Whom the fixed row became. */
  email: string;
  /** The source file (with " [sheet]") and row the fix replaced. */
  file: string;
  row: number;
  by: string;
  at: string;
}

/** The state document `fixes`: every fix still standing. */
export interface Fixes {
  fields: FieldFix[];
  rows: RowFix[];
}

/** No fixes yet (the state's default). */
export const NO_FIXES: Fixes = { fields: [], rows: [] };

/**
 * A short fingerprint of a source row's cells (rejected.csv's `Source key`): two 32-bit FNV-style
 * lanes, so that 100,000 rows practically never share one.
 */
export function rowKey(cells: readonly string[]): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x2545f491;
  for (let c = 0; c < cells.length; c++) {
    const text = cells[c] ?? '';
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ ch, 0x01000193);
      h2 = Math.imul(h2 ^ ch, 0x5bd1e995) ^ (h2 >>> 15);
    }
    // A cell boundary counts, so that ["ab", ""] and ["a", "b"] differ.
    h1 = Math.imul(h1 ^ 0x1f, 0x01000193);
    h2 = Math.imul(h2 ^ 0x1f, 0x5bd1e995) ^ (h2 >>> 15);
  }
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}

/**
 * What a record's source typed for `field`: its kept original text, else the stored value as text
 * (the way the import decides whether to keep the original text at all).
 */
export function typedText(p: Participant, field: string): string {
  const kept = p.source?.text?.[field];
  if (kept !== undefined) return kept;
  const v = (p as unknown as Record<string, unknown>)[field];
  if (v === undefined || v === null) return '';
  if (Array.isArray(v)) return typeof v[0] === 'object' ? '' : v.join(', ');
  return typeof v === 'object' ? '' : String(v);
}

/** The field fixes by email (for the merge). */
export function fixesByEmail(fixes: readonly FieldFix[]): Map<string, FieldFix[]> {
  const out = new Map<string, FieldFix[]>();
  for (const f of fixes) {
    const list = out.get(f.email);
    if (list) list.push(f);
    else out.set(f.email, [f]);
  }
  return out;
}

const day = (iso: string) => iso.slice(0, 10);

/** Where a record came from, as a problem location. */
export const whereFrom = (p: Participant): Location | undefined =>
  p.source ? { file: p.source.file, sheet: p.source.sheet, row: p.source.row } : undefined;

/** The notice for a fix kept because the source still says what the fix replaced. */
export function fixKeptNotice(name: string, at: Location | undefined, fix: FieldFix): Problem {
  return {
    severity: 'warning',
    code: 'fix-kept',
    message: `${name}: ${fix.field} keeps the fix made with ${fix.by} on ${day(fix.at)}; this row still says ${JSON.stringify(fix.was)}`,
    hint: 'Nothing to do; a changed answer in the source would replace the fix',
    location: at,
  };
}

/** The warning for a fix replaced because the person changed their answer in the source. */
export function fixReplacedWarning(
  name: string,
  at: Location | undefined,
  fix: FieldFix,
  now: string,
): Problem {
  return {
    severity: 'warning',
    code: 'fix-replaced',
    message: `${name} changed their answer for ${fix.field} to ${JSON.stringify(now)}; it replaces the fix made with ${fix.by} on ${day(fix.at)} (the source said ${JSON.stringify(fix.was)})`,
    hint: 'If the fix should stay, make it again with `mentor-cli set`',
    location: at,
  };
}

/**
 * The fixes an edit makes: every changed field of a person whose record came from a fix file or
 * `set`, remembering the source text it replaced (an earlier fix's, when the field was fixed
 * before).
 */
export function fixesFrom(
  old: Participant,
  fields: readonly string[],
  earlier: readonly FieldFix[] | undefined,
  by: string,
  at: string,
): FieldFix[] {
  return fields.map((field) => ({
    email: old.email,
    field,
    was: earlier?.find((f) => f.field === field)?.was ?? typedText(old, field),
    by,
    at,
  }));
}

/** Codes of the notes that the fix rules print as notices rather than warnings. */
export const FIX_NOTICES: ReadonlySet<string> = new Set(['fix-kept', 'fixed-row-skipped']);

/**
 * The attention items that a standing fix answers: the value was flagged again exactly as typed
 * before the fix (re-importing the original export), so the fix stays and the item goes.
 */
export function keptByFix<T extends { email: string; field: string; text: string }>(
  items: readonly T[],
  fixes: readonly FieldFix[],
): Map<T, FieldFix> {
  const out = new Map<T, FieldFix>();
  if (!fixes.length) return out;
  const byEmail = fixesByEmail(fixes);
  for (const item of items) {
    const fix = byEmail.get(item.email)?.find((f) => f.field === item.field);
    if (fix && fix.was === item.text) out.set(item, fix);
  }
  return out;
}

/**
 * The fixes to store after an import or edit: the stored ones, less those replaced by a changed
 * answer or by a newer fix of the same field or row, plus the new ones of people still in the
 * program (`keep`).
 */
export function fixesAfter(
  stored: Fixes,
  fields: { added: readonly FieldFix[]; replaced: readonly FieldFix[] },
  rows: { added: readonly RowFix[]; replaced: readonly RowFix[] },
  keep: (email: string) => boolean,
): Fixes {
  if (
    !fields.added.length &&
    !fields.replaced.length &&
    !rows.added.length &&
    !rows.replaced.length
  )
    return stored;
  const fieldKey = (f: FieldFix) => `${f.email}\u0000${f.field}`;
  const newFields = new Set(fields.added.map(fieldKey));
  const newRows = new Set(rows.added.map((r) => r.key));
  const replaced = new Set<unknown>([...fields.replaced, ...rows.replaced]);
  return {
    fields: stored.fields
      .filter((f) => !replaced.has(f) && !newFields.has(fieldKey(f)))
      .concat(fields.added.filter((f) => keep(f.email))),
    rows: stored.rows
      .filter((r) => !replaced.has(r) && !newRows.has(r.key))
      .concat(rows.added.filter((r) => keep(r.email))),
  };
}
