/**
 * The review step: `match` stores its pairs as a proposal; the manager approves or rejects them;
 * schedule, intro and send use approved pairs only.
 */

import type { ProgramConfig } from '../config.js';
import type { Match } from '../types.js';
import { norm } from '../keys.js';
import type { MatchesState } from './state.js';

/** Whether `match` stores its pairs approved: matching.autoApprove, true when absent (older configs). */
export const autoApproves = (config: ProgramConfig): boolean => config.matching.autoApprove ?? true;

/** True for a pair the manager approved (or one stored before the review step existed). */
export const isApproved = (m: Match): boolean => m.review !== 'proposed';

/**
 * The run's pairs as stored: a pair already approved in `previous` stays approved, every other one
 * is proposed, unless `autoApprove`.
 */
export function proposePairs(next: Match[], previous: Match[], autoApprove: boolean): Match[] {
  if (autoApprove) return next.map(({ review: _r, ...m }) => m);
  const approved = new Set(previous.filter(isApproved).map((m) => m.id));
  return next.map((m) => {
    const { review: _r, ...rest } = m;
    return approved.has(m.id) ? rest : { ...rest, review: 'proposed' as const };
  });
}

/** True when `token` names the pair: its id, or the email of either person. */
const names = (m: Match, token: string): boolean => {
  const t = norm(token);
  return norm(m.id) === t || norm(m.mentee) === t || norm(m.mentor) === t;
};

/**
 * Approves the proposed pairs picked by `tokens` (pair ids or emails), or all with `all`;
 * `unknown` lists tokens that name no active pair.
 */
export function approvePairs(
  st: MatchesState,
  pick: { all: true } | { tokens: string[] },
): { state: MatchesState; approved: Match[]; unknown: string[] } {
  const tokens = 'tokens' in pick ? pick.tokens : [];
  const unknown = tokens.filter(
    (t) => !st.matches.some((m) => m.status === 'active' && names(m, t)),
  );
  const approved: Match[] = [];
  const matches = st.matches.map((m) => {
    if (m.status !== 'active' || isApproved(m)) return m;
    if (!('all' in pick) && !tokens.some((t) => names(m, t))) return m;
    const { review: _r, ...rest } = m;
    approved.push(rest);
    return rest;
  });
  return { state: { ...st, matches }, approved, unknown };
}

/**
 * Rejects the active pair with id `pair`: it ends (so it is never proposed again) and its people
 * return to the pool for the next `match --keep`.
 */
export function rejectPair(
  st: MatchesState,
  pair: string,
  reason: string,
  now: Date,
): { state: MatchesState; match: Match } | undefined {
  const at = st.matches.findIndex((m) => m.status === 'active' && norm(m.id) === norm(pair));
  if (at < 0) return undefined;
  const { review: _r, ...rest } = st.matches[at];
  const match: Match = {
    ...rest,
    status: 'ended',
    endedAt: now.toISOString(),
    endReason: `rejected in review: ${reason}`,
  };
  const matches = st.matches.slice();
  matches[at] = match;
  return { state: { ...st, matches }, match };
}

/** Active pairs awaiting review and approved. */
export function reviewCounts(matches: readonly Match[]): { proposed: number; approved: number } {
  let proposed = 0;
  let approved = 0;
  for (const m of matches)
    if (m.status === 'active') {
      if (isApproved(m)) approved++;
      else proposed++;
    }
  return { proposed, approved };
}

/**
 * The stages of the current pairs: proposed (awaiting review), approved, and active (approved and
 * introduced: their intro was sent, `introduced` holds those pair ids).
 */
export function pairStages(
  matches: readonly Match[],
  introduced: ReadonlySet<string>,
): { proposed: number; approved: number; active: number } {
  const { proposed, approved } = reviewCounts(matches);
  const active = matches.filter(
    (m) => m.status === 'active' && isApproved(m) && introduced.has(m.id),
  ).length;
  return { proposed, approved, active };
}
