/** Pairs that need help: low satisfaction, a concern, too few meetings, or a missing answer to the latest wave. */

import type { SurveyWave } from '../config.js';
import type { Match } from '../types.js';
import { emailKey, type LinkedSurveys } from './link.js';
import { isRealConcern } from './scales.js';
import type { SurveyResponse } from './state.js';
import { orderedWaves } from './waves.js';

/** Why a pair is at risk (stable codes, plain-words text). */
export interface RiskReason {
  code: 'low-satisfaction' | 'concern' | 'few-meetings' | 'no-answer';
  text: string;
}

/** One active pair with its survey facts and risk reasons (empty when fine). */
export interface PairHealth {
  match: Match;
  scheduledToDate: number;
  /** Highest count either side reported in their most recent answer; undefined when nobody said. */
  meetingsHeld?: number;
  menteeSatisfaction?: number;
  mentorSatisfaction?: number;
  reasons: RiskReason[];
}

/** The satisfaction-at-risk threshold and the meetings ratio, as documented. */
export const RISK_RULES = { maxSatisfaction: 2, minHeldRatio: 0.5 } as const;

/** A person's most recent response (latest wave they answered), and the most recent that has `pick`. */
function mostRecent(linked: LinkedSurveys, order: readonly SurveyWave[], email: string, has: (r: SurveyResponse) => boolean): SurveyResponse | undefined {
  for (let i = order.length - 1; i >= 0; i--) {
    const r = linked.latest.get(order[i].name)?.get(email);
    if (r && has(r)) return r;
  }
  return undefined;
}

/** Assesses every active pair; `scheduled(match)` gives the meetings scheduled to date; `current` is the latest wave opened. */
export function assessPairs(matches: readonly Match[], linked: LinkedSurveys, waves: readonly SurveyWave[], current: SurveyWave | undefined, scheduled: (m: Match) => number): PairHealth[] {
  const out: PairHealth[] = [];
  const order = orderedWaves(waves);
  for (const match of matches) {
    if (match.status !== 'active') continue;
    const sides = [['mentee', emailKey(match.mentee)], ['mentor', emailKey(match.mentor)]] as const;
    const reasons: RiskReason[] = [];
    const sat: Partial<Record<'mentee' | 'mentor', number>> = {};
    let held: number | undefined;
    for (const [side, email] of sides) {
      const s = mostRecent(linked, order, email, (r) => r.measures.satisfaction !== undefined)?.measures.satisfaction;
      if (s !== undefined) sat[side] = s;
      if (s !== undefined && s <= RISK_RULES.maxSatisfaction) reasons.push({ code: 'low-satisfaction', text: `${side} satisfaction ${s}/5` });
      const last = mostRecent(linked, order, email, () => true);
      if (last && isRealConcern(last.measures.concerns)) reasons.push({ code: 'concern', text: `${side} concern: ${last.measures.concerns}` });
      const h = mostRecent(linked, order, email, (r) => r.measures.meetingsHeld !== undefined)?.measures.meetingsHeld;
      if (h !== undefined) held = Math.max(held ?? 0, h);
    }
    const due = scheduled(match);
    if (held !== undefined && due > 0 && held < due * RISK_RULES.minHeldRatio) {
      reasons.push({ code: 'few-meetings', text: `${held} of ${due} scheduled meetings held` });
    }
    if (current) {
      const answered = linked.latest.get(current.name);
      for (const [side, email] of sides) {
        if (!answered?.has(email)) reasons.push({ code: 'no-answer', text: `${side} did not answer the ${current.name} survey` });
      }
    }
    const ph: PairHealth = { match, scheduledToDate: due, reasons };
    if (held !== undefined) ph.meetingsHeld = held;
    if (sat.mentee !== undefined) ph.menteeSatisfaction = sat.mentee;
    if (sat.mentor !== undefined) ph.mentorSatisfaction = sat.mentor;
    out.push(ph);
  }
  return out;
}
