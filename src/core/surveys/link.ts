/**
 * Linking survey responses to participants and pairs: latest response per person and wave, unknown
 * emails kept.
 */

import { emailKey } from '../keys.js';
import type { Match, Participant } from '../types.js';
import type { SurveyResponse } from './state.js';

/** Responses after linking. */
export interface LinkedSurveys {
  /** wave -> email -> that person's latest response in the wave (known participants only). */
  latest: Map<string, Map<string, SurveyResponse>>;
  /** Latest responses per wave from emails that match no participant, kept and listed. */
  unknown: SurveyResponse[];
  /** email -> active matches the person is in. */
  pairsOf: Map<string, Match[]>;
}

/** True when `a` is a later response than `b`: later submission time, else later merge. */
function isLater(a: SurveyResponse, b: SurveyResponse): boolean {
  const ta = a.submittedAt ?? '';
  const tb = b.submittedAt ?? '';
  if (ta !== tb) return ta > tb;
  return (a.seq ?? 0) > (b.seq ?? 0);
}

/** Links responses to participants (by email) and to their active pairs. */
export function linkResponses(
  responses: readonly SurveyResponse[],
  participants: readonly Participant[],
  matches: readonly Match[],
): LinkedSurveys {
  const known = new Set(participants.map((p) => emailKey(p.email)));
  const best = new Map<string, SurveyResponse>();
  for (const r of responses) {
    // A response without an email is nobody's: keep each one on its own.
    const key = `${r.wave}\u0000${emailKey(r.email) || `#${r.id}`}`;
    const prev = best.get(key);
    if (!prev || isLater(r, prev)) best.set(key, r);
  }
  const latest = new Map<string, Map<string, SurveyResponse>>();
  const unknown: SurveyResponse[] = [];
  for (const r of best.values()) {
    const email = emailKey(r.email);
    if (!known.has(email)) {
      unknown.push(r);
      continue;
    }
    let w = latest.get(r.wave);
    if (!w) latest.set(r.wave, (w = new Map<string, SurveyResponse>()));
    w.set(email, r);
  }
  unknown.sort((a, b) => (a.wave + a.email < b.wave + b.email ? -1 : 1));
  const pairsOf = new Map<string, Match[]>();
  for (const m of matches) {
    if (m.status !== 'active') continue;
    for (const e of [emailKey(m.mentee), emailKey(m.mentor)]) {
      const list = pairsOf.get(e);
      if (list) list.push(m);
      else pairsOf.set(e, [m]);
    }
  }
  return { latest, unknown, pairsOf };
}
