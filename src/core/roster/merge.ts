/** Merging freshly imported participants into the stored roster: duplicates, updates, re-imports. */

import type { Participant, Problem, SourceRef } from '../types.js';

/** The merged roster and what changed, by email. */
export interface MergeResult {
  participants: Participant[];
  added: string[];
  updated: string[];
  unchanged: string[];
  problems: Problem[];
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Where a record came from, as a person reads it: `a.csv row 4` or `b.xlsx sheet "S" row 9`. */
function describe(ref?: SourceRef): string {
  if (!ref) return 'the stored roster';
  return `${ref.file}${ref.sheet ? ` sheet "${ref.sheet}"` : ''} row ${ref.row}`;
}

const sameList = <T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean): boolean =>
  a.length === b.length && a.every((x, i) => same(x, b[i]));

/** Deep equality of two field values (strings, numbers, lists, windows, attribute maps); key order never matters. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && sameList(a, b, sameValue);
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
    const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
    return ka.length === kb.length && ka.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
  }
  return false;
}

/** True when two participants differ in nothing but `source` (allocation-free for the common case). */
function sameParticipant(a: Participant, b: Participant): boolean {
  const ra = a as unknown as Record<string, unknown>;
  const rb = b as unknown as Record<string, unknown>;
  for (const k in ra) if (k !== 'source' && !sameValue(ra[k], rb[k])) return false;
  for (const k in rb) if (k !== 'source' && ra[k] === undefined && rb[k] !== undefined) return false;
  return true;
}

/** Merges built participants into the stored roster; the latest duplicate wins, with a warning naming both rows. */
export function mergeParticipants(existing: Participant[], incoming: Participant[]): MergeResult {
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
  const roster = new Map<string, Participant>(existing.map((p) => [p.email, p]));
  const added: string[] = [];
  const updated: string[] = [];
  const unchanged: string[] = [];
  for (const [email, p] of latest) {
    const old = roster.get(email);
    if (!old) {
      added.push(email);
      roster.set(email, p);
    } else if (!sameParticipant(old, p)) {
      updated.push(email);
      roster.set(email, p);
    } else unchanged.push(email);
  }
  return {
    participants: [...roster.values()].sort((a, b) => byText(a.email, b.email)),
    added: added.sort(byText), updated: updated.sort(byText), unchanged: unchanged.sort(byText), problems,
  };
}
