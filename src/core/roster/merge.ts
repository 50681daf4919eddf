/**
 * Merging freshly imported participants into the stored roster: duplicates, updates, re-imports.
 */

import type { Participant, Problem, SourceRef } from '../types.js';
import { PROFILE_FIELDS } from './fields.js';

/** One field of one person changed by an import or `set`. */
export interface FieldChange {
  email: string;
  field: string;
  from: unknown;
  to: unknown;
}

/**
 * Fields an incoming record can give, one bit each. A file updates only the fields its row gives
 * (see `MergeOptions.given`); everything else keeps the stored value.
 */
export const MERGE_FIELDS = [...PROFILE_FIELDS, 'submittedAt', 'attributes'] as const;

export type MergeField = (typeof MERGE_FIELDS)[number];

/** The bit of `field` in a given-fields mask. */
export const fieldBit = (field: MergeField): number => 1 << MERGE_FIELDS.indexOf(field);

/** Every field given: a record that replaces the stored one outright. */
export const ALL_FIELDS = (1 << MERGE_FIELDS.length) - 1;

/**
 * Set on a record that lacks name or role: it may update a stored person, but cannot add one (the
 * merge drops it into `dropped`).
 */
export const PENDING_IDENTITY = 1 << 29;

/** Fields whose loss makes matching worse: emptying one is a warning. */
const MATCHING_FIELDS = new Set<string>(['topics', 'availability', 'languages', 'timezone']);

/** How incoming records combine with stored ones. */
export interface MergeOptions {
  /**
   * The fields each incoming record gives (bit masks, `fieldBit`), by index in `incoming`; absent:
   * every record gives every field.
   */
  given?: ArrayLike<number>;
}

/** The merged roster and what changed, by email. */
export interface MergeResult {
  participants: Participant[];
  added: string[];
  updated: string[];
  unchanged: string[];
  problems: Problem[];
  /** Every changed field of every updated person, in roster order. */
  changes: FieldChange[];
  /** Incoming records that named no stored person but lacked what a new one needs. */
  dropped: Participant[];
  /**
   * True when the roster is exactly the stored one, in the stored order (nothing added or updated):
   * no need to write it again.
   */
  storedUnchanged?: boolean;
}

/** Where a record came from, as a person reads it: `a.csv row 4` or `b.xlsx sheet "S" row 9`. */
function describe(ref?: SourceRef): string {
  if (!ref) return 'the stored roster';
  return `${ref.file}${ref.sheet ? ` sheet "${ref.sheet}"` : ''} row ${ref.row}`;
}

/**
 * Deep equality of two field values (strings, numbers, lists, windows, attribute maps); key order
 * never matters. Allocation-free.
 */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameValue(a[i], b[i])) return false;
    return true;
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  // Keys holding undefined count as absent.
  let na = 0;
  for (const k in ra) {
    const v = ra[k];
    if (v === undefined) continue;
    na++;
    if (!sameValue(v, rb[k])) return false;
  }
  let nb = 0;
  for (const k in rb) if (rb[k] !== undefined) nb++;
  return na === nb;
}

/**
 * Fields compared one by one (the shape every built or stored participant has); any other key is
 * compared generically.
 */
const KNOWN = new Set([
  'email',
  'name',
  'role',
  'department',
  'title',
  'level',
  'managerEmail',
  'timezone',
  'goals',
  'capacity',
  'cohort',
  'trainingCompleted',
  'status',
  'submittedAt',
  'languages',
  'topics',
  'interests',
  'preferences',
  'avoid',
  'availability',
  'attributes',
  'source',
]);

/** sameValue for a list of texts, without recursion when the elements are equal strings. */
function sameList(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return sameValue(a, b);
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return sameValue(a, b);
  return true;
}

/**
 * sameValue for availability windows, compared on day, start and end (the only fields a window
 * has).
 */
function sameWindows(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return sameValue(a, b);
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as Record<string, unknown> | null;
    const y = b[i] as Record<string, unknown> | null;
    if (x === y) continue;
    if (
      x === null ||
      y === null ||
      typeof x !== 'object' ||
      typeof y !== 'object' ||
      x.day !== y.day ||
      x.start !== y.start ||
      x.end !== y.end
    )
      return sameValue(a, b);
  }
  return true;
}

/**
 * The scalar fields compared deeply (a hand-edited state file may hold a list where text belongs).
 */
function sameScalars(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  for (const k of [
    'email',
    'name',
    'role',
    'status',
    'department',
    'title',
    'level',
    'managerEmail',
    'timezone',
    'goals',
    'capacity',
    'cohort',
    'trainingCompleted',
    'submittedAt',
  ])
    if (!sameValue(a[k], b[k])) return false;
  return true;
}

/** Keys of `r` outside KNOWN that hold a value (a field added after this code was written). */
function hasOtherKeys(r: Record<string, unknown>): boolean {
  // Cheap common case: as many keys as known fields holding a value means there is no other key.
  const p = r as unknown as Participant;
  const d = (v: unknown): number => (v === undefined ? 0 : 1);
  const known =
    d(p.email) +
    d(p.name) +
    d(p.role) +
    d(p.status) +
    d(p.department) +
    d(p.title) +
    d(p.level) +
    d(p.managerEmail) +
    d(p.timezone) +
    d(p.goals) +
    d(p.capacity) +
    d(p.cohort) +
    d(p.trainingCompleted) +
    d(p.submittedAt) +
    d(p.languages) +
    d(p.topics) +
    d(p.interests) +
    d(p.preferences) +
    d(p.avoid) +
    d(p.availability) +
    d(p.attributes) +
    d(p.source);
  if (Object.keys(r).length === known) return false;
  for (const k in r) if (!KNOWN.has(k) && r[k] !== undefined) return true;
  return false;
}

/**
 * True when two participants differ in nothing but `source` (allocation-free for the common case).
 */
function sameParticipant(a: Participant, b: Participant): boolean {
  const ra = a as unknown as Record<string, unknown>;
  const rb = b as unknown as Record<string, unknown>;
  // Property by property (not a loop over key names): plain loads that the engine can make fast.
  if (
    a.email !== b.email ||
    a.name !== b.name ||
    a.role !== b.role ||
    a.status !== b.status ||
    a.department !== b.department ||
    a.title !== b.title ||
    a.level !== b.level ||
    a.managerEmail !== b.managerEmail ||
    a.timezone !== b.timezone ||
    a.goals !== b.goals ||
    a.capacity !== b.capacity ||
    a.cohort !== b.cohort ||
    a.trainingCompleted !== b.trainingCompleted ||
    a.submittedAt !== b.submittedAt
  ) {
    if (!sameScalars(ra, rb)) return false;
  }
  if (
    !sameList(a.languages, b.languages) ||
    !sameList(a.topics, b.topics) ||
    !sameList(a.interests, b.interests) ||
    !sameList(a.preferences, b.preferences) ||
    !sameList(a.avoid, b.avoid)
  )
    return false;
  if (!sameWindows(a.availability, b.availability) || !sameValue(a.attributes, b.attributes))
    return false;
  if (!hasOtherKeys(ra) && !hasOtherKeys(rb)) return true;
  for (const k in ra) if (!KNOWN.has(k) && !sameValue(ra[k], rb[k])) return false;
  for (const k in rb) if (!KNOWN.has(k) && ra[k] === undefined && rb[k] !== undefined) return false;
  return true;
}

const sameSource = (a?: SourceRef, b?: SourceRef): boolean =>
  a === b ||
  (a !== undefined &&
    b !== undefined &&
    a.file === b.file &&
    a.sheet === b.sheet &&
    a.row === b.row);

/**
 * Merges built participants into the stored roster; the latest duplicate wins, with a warning
 * naming both rows.
 */
export function mergeParticipants(
  existing: Participant[],
  incoming: Participant[],
  opts: MergeOptions = {},
): MergeResult {
  const merge = startMerge(incoming, opts);
  for (const old of existing) merge.take(old);
  return merge.finish();
}

/** A merge fed the stored roster one participant at a time (see startMerge). */
export interface RosterMerge {
  /** Takes the next stored participant. */
  take(old: Participant): void;
  /** The merged roster, sorted by email, and what changed. */
  finish(): MergeResult;
}

/**
 * mergeParticipants in steps, so that a caller can stream a big stored roster through `take`
 * without holding it all next to the incoming one. An unchanged participant keeps the stored
 * record; when the incoming record is equal down to its source row, the incoming object is kept
 * instead, so that the stored copy can be freed at once (a re-import of the same file).
 */
export function startMerge(incoming: Participant[], opts: MergeOptions = {}): RosterMerge {
  const { index, unique, given, problems } = dedupe(incoming, opts.given);
  const changes: FieldChange[] = [];
  // What happened to each unique incoming participant: 0 added (not stored), 1 unchanged, 2
  // updated.
  const state = new Uint8Array(unique.length);
  // The stored roster as it comes, each record replaced by the one to keep, and the incoming index
  // it met (-1: none).
  const stored: Participant[] = [];
  const met: number[] = [];
  let sorted = true;
  let previous: string | undefined;
  return {
    take(old: Participant): void {
      const email = old.email;
      if (previous !== undefined && !(previous < email)) sorted = false;
      previous = email;
      const i = index.get(email);
      if (i === undefined) {
        stored.push(old);
        met.push(-1);
        return;
      }
      const p = unique[i];
      if (sameParticipant(old, p)) {
        state[i] = 1;
        // Equal in every field: keep either; the incoming one lets the stored copy be freed at
        // once.
        stored.push(sameSource(old.source, p.source) ? p : old);
      } else {
        const merged = given[i] === ALL_FIELDS ? p : overlay(old, p, given[i]);
        if (merged !== p && sameParticipant(old, merged)) {
          state[i] = 1;
          stored.push(old);
        } else {
          state[i] = 2;
          stored.push(merged);
          diffInto(changes, old, merged, problems);
          warnMojibake(old, merged, problems);
        }
      }
      met.push(i);
    },
    finish(): MergeResult {
      const added: string[] = [];
      const dropped: Participant[] = [];
      for (let i = 0; i < unique.length; i++)
        if (state[i] === 0) {
          if (given[i] & PENDING_IDENTITY) dropped.push(unique[i]);
          else added.push(unique[i].email);
        }
      // One sort of the new emails (the default sort compares UTF-16 code units, as `<` does).
      added.sort();
      const out: Participant[] = [];
      const updated: string[] = [];
      const unchanged: string[] = [];
      const outcomeOf = (k: number): void => {
        if (met[k] === -1) return;
        (state[met[k]] === 1 ? unchanged : updated).push(stored[k].email);
      };
      if (sorted) {
        // Stored emails are unique and in order: merge the two sorted lists.
        let a = 0;
        for (let k = 0; k < stored.length; k++) {
          const email = stored[k].email;
          while (a < added.length && added[a] < email)
            out.push(unique[index.get(added[a++]) as number]);
          out.push(stored[k]);
          outcomeOf(k);
        }
        while (a < added.length) out.push(unique[index.get(added[a++]) as number]);
      } else {
        // A hand-edited roster, out of order or with an email twice: the last record of an email
        // wins.
        const roster = new Map<string, number>();
        for (let k = 0; k < stored.length; k++) roster.set(stored[k].email, k);
        const emails = [...roster.keys(), ...added].sort();
        for (const email of emails) {
          const k = roster.get(email);
          if (k === undefined) out.push(unique[index.get(email) as number]);
          else {
            out.push(stored[k]);
            outcomeOf(k);
          }
        }
      }
      const storedUnchanged =
        stored.length > 0 && added.length === 0 && updated.length === 0 && sorted;
      return {
        participants: out,
        added,
        updated,
        unchanged,
        problems,
        changes,
        dropped,
        storedUnchanged,
      };
    },
  };
}

/**
 * The latest row per email (`unique[index.get(email)]`, in order of first appearance), and a
 * warning for every duplicate.
 */
function dedupe(
  incoming: Participant[],
  givenIn: ArrayLike<number> | undefined,
): {
  index: Map<string, number>;
  unique: Participant[];
  given: number[];
  problems: Problem[];
} {
  const problems: Problem[] = [];
  const index = new Map<string, number>();
  const unique: Participant[] = [];
  const given: number[] = [];
  for (let n = 0; n < incoming.length; n++) {
    const p = incoming[n];
    const mask = givenIn ? givenIn[n] : ALL_FIELDS;
    const at = index.get(p.email);
    if (at === undefined) {
      index.set(p.email, unique.length);
      unique.push(p);
      given.push(mask);
      continue;
    }
    const prev = unique[at];
    // Form timestamps decide when both rows have one; otherwise the later row in file order wins.
    const prevIsNewer =
      prev.submittedAt !== undefined &&
      p.submittedAt !== undefined &&
      prev.submittedAt > p.submittedAt;
    const [winner, loser] = prevIsNewer ? [prev, p] : [p, prev];
    const why =
      prevIsNewer ||
      (prev.submittedAt !== undefined &&
        p.submittedAt !== undefined &&
        prev.submittedAt !== p.submittedAt)
        ? 'the latest submission'
        : 'the later row';
    const roles =
      prev.role !== p.role
        ? `; the rows give different roles (${loser.role}, ${winner.role}), write both if they are both`
        : '';
    problems.push({
      severity: 'warning',
      code: 'duplicate-email',
      message: `email "${p.email}" appears in ${describe(prev.source)} and ${describe(p.source)}; kept ${describe(winner.source)} (${why})${roles}`,
      hint: 'Delete the outdated row if this is not what you want',
      location: loser.source
        ? { file: loser.source.file, sheet: loser.source.sheet, row: loser.source.row }
        : undefined,
    });
    unique[at] = winner;
    if (winner === p) given[at] = mask;
  }
  return { index, unique, given, problems };
}

/**
 * The stored record `old` updated with the fields `p` gives (`mask`); attributes merge key by key.
 * Its source is the incoming row.
 */
function overlay(old: Participant, p: Participant, mask: number): Participant {
  const out = { ...old } as unknown as Record<string, unknown>;
  const from = p as unknown as Record<string, unknown>;
  for (let b = 0; b < MERGE_FIELDS.length; b++) {
    if (!(mask & (1 << b))) continue;
    const f = MERGE_FIELDS[b];
    if (f === 'attributes') {
      const attrs = Object.assign(Object.create(null), old.attributes) as Record<string, string>;
      for (const k of Object.keys(p.attributes)) attrs[k] = p.attributes[k];
      out.attributes = attrs;
    } else if (from[f] === undefined) delete out[f];
    else out[f] = from[f];
  }
  // A mentee has no capacity, even when a file without a role column gives one.
  if (out.role === 'mentee') delete out.capacity;
  // What was typed for fields this row did not give stays from the earlier row.
  if (p.source)
    out.source = old.source?.text ? keptText(old.source.text, p.source, mask) : p.source;
  return out as unknown as Participant;
}

/** The incoming source, with the typed text of fields the row did not give kept from `old`. */
function keptText(old: Record<string, string>, source: SourceRef, mask: number): SourceRef {
  const text = Object.create(null) as Record<string, string>;
  for (const [f, v] of Object.entries(old))
    if (!(MERGE_FIELDS as readonly string[]).includes(f) || !(mask & fieldBit(f as MergeField)))
      text[f] = v;
  Object.assign(text, source.text);
  return Object.keys(text).length ? { ...source, text } : source;
}

const isEmpty = (v: unknown): boolean =>
  v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

/** Appends the changed fields of one updated person; emptying a matching field warns. */
function diffInto(
  changes: FieldChange[],
  old: Participant,
  now: Participant,
  problems: Problem[],
): void {
  const a = old as unknown as Record<string, unknown>;
  const b = now as unknown as Record<string, unknown>;
  for (const f of MERGE_FIELDS) {
    if (sameValue(a[f], b[f])) continue;
    changes.push({ email: now.email, field: f, from: a[f], to: b[f] });
    if (MATCHING_FIELDS.has(f) && isEmpty(b[f]) && !isEmpty(a[f]))
      problems.push({
        severity: 'warning',
        code: 'field-emptied',
        message: `${now.name || now.email}: ${f} was emptied by this import (it was ${JSON.stringify(a[f])}); matching will use less about them`,
        hint: 'If the blank was not meant to clear it, import without --replace or fix it with `mentor-cli set`',
        location: now.source,
      });
  }
}

// Windows-1252's characters for bytes 0x80-0x9f (the rest of the byte range is Latin-1).
const CP1252_80 =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/** `text` as it looks when its UTF-8 bytes are read as Windows-1252 ("François" -> "FranÃ§ois"). */
function mojibakeOf(text: string): string {
  let out = '';
  for (const b of new TextEncoder().encode(text))
    out += b >= 0x80 && b < 0xa0 ? CP1252_80[b - 0x80] : String.fromCharCode(b);
  return out;
}

/**
 * A warning when an update replaces a stored text with its own mojibake (a file whose encoding was
 * guessed wrong): the update is kept, but never silently (issue 10, item 4).
 */
function warnMojibake(old: Participant, p: Participant, problems: Problem[]): void {
  for (const field of ['name', 'department', 'title'] as const) {
    const was = old[field];
    const now = p[field];
    if (!was || !now || was === now || !/[^\x00-\x7f]/.test(was) || mojibakeOf(was) !== now)
      continue;
    problems.push({
      severity: 'warning',
      code: 'mojibake',
      message: `${field} "${was}" of ${p.email} was replaced by "${now}", which looks like the same text in the wrong encoding`,
      hint: 'Re-import the file with --encoding utf-8 (or windows-1252) to put the right text back',
      location: p.source
        ? { file: p.source.file, sheet: p.source.sheet, row: p.source.row }
        : undefined,
    });
  }
}
