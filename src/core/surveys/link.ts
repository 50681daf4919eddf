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
  /**
   * Earlier submissions of the same person in the same wave, replaced by a later one (kept and
   * shown): wave -> email -> superseded responses, oldest first.
   */
  superseded: Map<string, Map<string, SurveyResponse[]>>;
  /** Responses that answer no question: not respondents. */
  empty: SurveyResponse[];
  /** Responses submitted after `now`: not counted yet. */
  late: SurveyResponse[];
}

/** True when `a` is a later response than `b`: later submission time, else later merge. */
function isLater(a: SurveyResponse, b: SurveyResponse): boolean {
  const ta = a.submittedAt ?? '';
  const tb = b.submittedAt ?? '';
  if (ta !== tb) return ta > tb;
  return (a.seq ?? 0) > (b.seq ?? 0);
}

/**
 * Links responses to participants (by email) and to their active pairs. Only responses submitted
 * by `now` count (when given); empty responses are set aside; the latest submission of a person in a
 * wave wins and the earlier ones are kept as superseded.
 */
export function linkResponses(
  responses: readonly SurveyResponse[],
  participants: readonly Participant[],
  matches: readonly Match[],
  now?: Date,
): LinkedSurveys {
  const known = new Set(participants.map((p) => emailKey(p.email)));
  const best = new Map<string, SurveyResponse>();
  const losers = new Map<string, SurveyResponse[]>();
  const empty: SurveyResponse[] = [];
  const late: SurveyResponse[] = [];
  const cutoff = now?.toISOString();
  for (const r of responses) {
    if (cutoff && r.submittedAt && r.submittedAt > cutoff) {
      late.push(r);
      continue;
    }
    if (r.empty) {
      empty.push(r);
      continue;
    }
    // A response without an email is nobody's: keep each one on its own.
    const key = `${r.wave}\u0000${emailKey(r.email) || `#${r.id}`}`;
    const prev = best.get(key);
    if (prev && isLater(prev, r)) {
      pushTo(losers, key, r);
      continue;
    }
    if (prev) pushTo(losers, key, prev);
    best.set(key, r);
  }
  const superseded = new Map<string, Map<string, SurveyResponse[]>>();
  for (const [key, list] of losers) {
    const r = best.get(key)!;
    let w = superseded.get(r.wave);
    if (!w) superseded.set(r.wave, (w = new Map<string, SurveyResponse[]>()));
    w.set(
      emailKey(r.email),
      list.sort((a, b) => (isLater(a, b) ? 1 : -1)),
    );
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
  return { latest, unknown, pairsOf, superseded, empty, late };
}

function pushTo<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}
