/**
 * Who counts in the survey figures: the latest non-empty response, submitted by `now`, of each
 * active participant to a wave opened by `now`, paired or not. Withdrawn participants' responses
 * form a separate "leavers" line; emails not in the program are listed and counted nowhere.
 */

import { emailKey } from '../keys.js';
import type { SurveyResponse } from '../surveys/state.js';
import type { ProgramFacts } from './facts.js';
import { mean, netPromoterScore } from './stats.js';

/** The "leavers" line of a wave: responses of withdrawn participants. */
export interface LeaverStats {
  responded: number;
  satisfaction: number | null;
  nps: number | null;
}

type Counted = { counted: readonly SurveyResponse[]; leavers: LeaverStats; unpaired: number };

/** Counted responses per linking and wave: the KPIs, items and growth all ask for the same ones. */
const memo = new WeakMap<object, Map<string, Counted>>();

/** The counted responses of a wave (none when `wave` is undefined: not opened yet). */
export function countedResponses(
  facts: Pick<ProgramFacts, 'linked' | 'byEmail'>,
  wave: string | undefined,
): Counted {
  // perf: bench/survey-report.mjs (computed once per wave instead of once per figure)
  const byWave = memo.get(facts.linked) ?? new Map<string, Counted>();
  memo.set(facts.linked, byWave);
  const key = wave ?? '';
  let done = byWave.get(key);
  if (!done) byWave.set(key, (done = countOnce(facts, wave)));
  return done;
}

function countOnce(facts: Pick<ProgramFacts, 'linked' | 'byEmail'>, wave: string | undefined) {
  const all = wave ? [...(facts.linked.latest.get(wave)?.values() ?? [])] : [];
  const counted: SurveyResponse[] = [];
  const left: SurveyResponse[] = [];
  let unpaired = 0;
  for (const r of all) {
    const key = emailKey(r.email);
    if (facts.byEmail.get(key)?.status === 'withdrawn') left.push(r);
    else {
      counted.push(r);
      if (!facts.linked.pairsOf.has(key)) unpaired++;
    }
  }
  const nums = (pick: (r: SurveyResponse) => number | undefined) =>
    left.flatMap((r) => {
      const v = pick(r);
      return v === undefined ? [] : [v];
    });
  return {
    counted,
    unpaired,
    leavers: {
      responded: left.length,
      satisfaction: mean(nums((r) => r.measures.satisfaction)),
      nps: netPromoterScore(nums((r) => r.measures.recommend)),
    },
  };
}
