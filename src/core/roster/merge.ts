/** Merging freshly imported participants into the stored roster: duplicates, updates, re-imports. */

import type { Participant, Problem, SourceRef } from '../types.js';

/** The merged roster and what changed, by email. */
export interface MergeResult {
  participants: Participant[];
  added: string[];
  updated: string[];
  unchanged: string[];
  problems: Problem[];
  /** True when the roster is exactly the stored one, in the stored order (nothing added or updated): no need to write it again. */
  storedUnchanged?: boolean;
}

/** Where a record came from, as a person reads it: `a.csv row 4` or `b.xlsx sheet "S" row 9`. */
function describe(ref?: SourceRef): string {
  if (!ref) return 'the stored roster';
  return `${ref.file}${ref.sheet ? ` sheet "${ref.sheet}"` : ''} row ${ref.row}`;
}

/** Deep equality of two field values (strings, numbers, lists, windows, attribute maps); key order never matters. Allocation-free. */
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

/** True when two participants differ in nothing but `source` (allocation-free for the common case). */
function sameParticipant(a: Participant, b: Participant): boolean {
  const ra = a as unknown as Record<string, unknown>;
  const rb = b as unknown as Record<string, unknown>;
  for (const k in ra) if (k !== 'source' && !sameValue(ra[k], rb[k])) return false;
  for (const k in rb) if (k !== 'source' && ra[k] === undefined && rb[k] !== undefined) return false;
  return true;
}

const sameSource = (a?: SourceRef, b?: SourceRef): boolean =>
  a === b || (a !== undefined && b !== undefined && a.file === b.file && a.sheet === b.sheet && a.row === b.row);

/** Merges built participants into the stored roster; the latest duplicate wins, with a warning naming both rows. */
export function mergeParticipants(existing: Participant[], incoming: Participant[]): MergeResult {
  const merge = startMerge(incoming);
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
 * mergeParticipants in steps, so that a caller can stream a big stored roster through `take` without
 * holding it all next to the incoming one. An unchanged participant keeps the stored record; when
 * the incoming record is equal down to its source row, the incoming object
 * is kept instead, so that the stored copy can be freed at once (a re-import of the same file).
 */
export function startMerge(incoming: Participant[]): RosterMerge {
  const { latest, problems } = dedupe(incoming);
  const roster = new Map<string, Participant>();
  // What happened to each incoming email; the three lists are read off the sorted roster in finish().
  const outcome = new Map<string, 'added' | 'updated' | 'unchanged'>();
  let taken = 0;
  let sorted = true;
  let previous: string | undefined;
  return {
    take(old: Participant): void {
      const email = old.email;
      taken++;
      if (previous !== undefined && !(previous < email)) sorted = false;
      previous = email;
      const p = latest.get(email);
      if (!p) {
        roster.set(email, old);
        return;
      }
      if (sameParticipant(old, p)) {
        outcome.set(email, 'unchanged');
        // Equal in every field: keep either; the incoming one lets the stored copy be freed at once.
        roster.set(email, sameSource(old.source, p.source) ? p : old);
      } else {
        outcome.set(email, 'updated');
        roster.set(email, p);
      }
    },
    finish(): MergeResult {
      for (const [email, p] of latest) {
        if (outcome.has(email)) continue;
        outcome.set(email, 'added');
        roster.set(email, p);
      }
      // One sort of the unique emails (the default sort compares UTF-16 code units, as `<` does)
      // instead of a comparator sort of the participants plus three more of the email lists.
      const emails = [...roster.keys()].sort();
      const participants: Participant[] = new Array(emails.length);
      const added: string[] = [];
      const updated: string[] = [];
      const unchanged: string[] = [];
      for (let i = 0; i < emails.length; i++) {
        const email = emails[i];
        participants[i] = roster.get(email) as Participant;
        const o = outcome.get(email);
        if (o === 'added') added.push(email);
        else if (o === 'updated') updated.push(email);
        else if (o === 'unchanged') unchanged.push(email);
      }
      const storedUnchanged = taken > 0 && added.length === 0 && updated.length === 0 && sorted && taken === participants.length;
      return { participants, added, updated, unchanged, problems, storedUnchanged };
    },
  };
}

/** The latest row per email, and a warning for every duplicate. */
function dedupe(incoming: Participant[]): { latest: Map<string, Participant>; problems: Problem[] } {
  const problems: Problem[] = [];
  const latest = new Map<string, Participant>();
  for (const p of incoming) {
    const prev = latest.get(p.email);
    if (!prev) {
      latest.set(p.email, p);
      continue;
    }
    // Form timestamps decide when both rows have one; otherwise the later row in file order wins.
    const prevIsNewer = prev.submittedAt !== undefined && p.submittedAt !== undefined && prev.submittedAt > p.submittedAt;
    const [winner, loser] = prevIsNewer ? [prev, p] : [p, prev];
    const why = prevIsNewer || (prev.submittedAt !== undefined && p.submittedAt !== undefined && prev.submittedAt !== p.submittedAt)
      ? 'the latest submission' : 'the later row';
    const roles = prev.role !== p.role ? `; the rows give different roles (${loser.role}, ${winner.role}), write both if they are both` : '';
    problems.push({
      severity: 'warning', code: 'duplicate-email',
      message: `email "${p.email}" appears in ${describe(prev.source)} and ${describe(p.source)}; kept ${describe(winner.source)} (${why})${roles}`,
      hint: 'Delete the outdated row if this is not what you want',
      location: loser.source ? { file: loser.source.file, sheet: loser.source.sheet, row: loser.source.row } : undefined,
    });
    latest.set(p.email, winner);
  }
  return { latest, problems };
}
