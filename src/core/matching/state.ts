/**
 * The stored matches document (.mentor/matches.json): current pairs, past runs, and pairs never to
 * repeat.
 */

import type { Match } from '../types.js';
import type { MatchAudit } from './audit.js';
import { norm, pairKey } from '../keys.js';
import type { UnmatchedMentee } from './unmatched.js';

/** One `match` run, kept so exports, the audit and the next diff can refer to it. */
export interface MatchRun {
  id: string;
  at: string;
  model: string;
  algorithm: 'optimal' | 'stable';
  /** "criteria" or the --pair-scores file name. */
  scores: string;
  mentees: number;
  matched: number;
  totalScore: number;
  averageScore: number | null;
  minScore: number | null;
  /** Emails of active participants at the time, so the next diff can tell who is new. */
  people: string[];
  unmatched: UnmatchedMentee[];
  audit: MatchAudit;
}

/** A pair that must not be proposed again (earlier cohort, or ended with `unmatch`). */
interface HistoryPair {
  mentee: string;
  mentor: string;
  cohort?: string;
  endedAt?: string;
  reason?: string;
}

export interface MatchesState {
  matches: Match[];
  runs: MatchRun[];
  history: HistoryPair[];
}

/** A fresh, empty document. */
export const emptyMatchesState = (): MatchesState => ({ matches: [], runs: [], history: [] });

/** Runs kept in the document (older ones are dropped to keep the file small). */
const MAX_RUNS = 20;

/** Stable id of a pair: the same two people always get the same id (FNV-1a). */
export function matchId(mentee: string, mentor: string): string {
  let h = 0x811c9dc5;
  for (const ch of `${norm(mentee)}|${norm(mentor)}`) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `m-${h.toString(16).padStart(8, '0')}`;
}

/** The pairs currently running. */
export const activeMatches = (st: MatchesState): Match[] =>
  st.matches.filter((m) => m.status === 'active');

/** Keys of pairs never to propose again: the history plus pairs ended in this cohort. */
export function repeatKeys(
  st: MatchesState,
  extra: Array<{ mentee: string; mentor: string }> = [],
): Set<string> {
  const keys = new Set<string>();
  for (const h of [...st.history, ...st.matches.filter((m) => m.status === 'ended'), ...extra])
    keys.add(pairKey(h.mentee, h.mentor));
  return keys;
}

/**
 * Stores a run's pairs: earlier-cohort pairs move to history, this cohort's previous draft is
 * replaced.
 */
export function applyRun(
  st: MatchesState,
  next: Match[],
  run: MatchRun,
  cohort: string | undefined,
): MatchesState {
  const history = [...st.history];
  const seen = new Set(history.map((h) => pairKey(h.mentee, h.mentor)));
  for (const m of st.matches) {
    if ((m.cohort ?? '') === (cohort ?? '') && m.status === 'active') continue;
    if (!seen.has(pairKey(m.mentee, m.mentor))) {
      history.push({
        mentee: m.mentee,
        mentor: m.mentor,
        cohort: m.cohort,
        endedAt: m.endedAt,
        reason: m.endReason,
      });
      seen.add(pairKey(m.mentee, m.mentor));
    }
  }
  const ended = st.matches.filter(
    (m) => m.status === 'ended' && (m.cohort ?? '') === (cohort ?? ''),
  );
  return { matches: [...ended, ...next], runs: [...st.runs, run].slice(-MAX_RUNS), history };
}

/**
 * Ends the active pair of `a` and `b` (either order, email or name); undefined when there is none.
 */
export function endMatch(
  st: MatchesState,
  a: string,
  b: string,
  reason: string,
  now: Date,
  nameOf: (email: string) => string = () => '',
): { state: MatchesState; match: Match } | undefined {
  const is = (email: string, x: string) =>
    norm(email) === norm(x) || (nameOf(email) !== '' && norm(nameOf(email)) === norm(x));
  const idx = st.matches.findIndex(
    (m) =>
      m.status === 'active' &&
      ((is(m.mentee, a) && is(m.mentor, b)) || (is(m.mentee, b) && is(m.mentor, a))),
  );
  if (idx < 0) return undefined;
  const match: Match = {
    ...st.matches[idx],
    status: 'ended',
    endedAt: now.toISOString(),
    endReason: reason,
  };
  const matches = st.matches.slice();
  matches[idx] = match;
  const history = [
    ...st.history,
    {
      mentee: match.mentee,
      mentor: match.mentor,
      cohort: match.cohort,
      endedAt: match.endedAt,
      reason,
    },
  ];
  return { state: { ...st, matches, history }, match };
}
