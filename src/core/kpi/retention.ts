/**
 * Retention and completion, defined apart (README "KPI definitions"): retention follows people
 * from their match to the report date, completion follows pairs.
 */

import { emailKey } from '../keys.js';
import type { ProgramFacts } from './facts.js';
import { ratio } from './stats.js';
import type { AddKpi } from './types.js';

/**
 * Retention: of the people who were ever in a pair (either side, pair active or ended), the share
 * still active; people who withdrew before being matched are counted on their own line, not as
 * lost. Completion: of the pairs formed, the share still together (not ended early) at the report
 * date, which at the program's end is the completion rate.
 */
export function addRetention(facts: ProgramFacts, add: AddKpi): void {
  const { input, everMatched } = facts;
  const matchedPeople = input.participants.filter((p) => everMatched.has(emailKey(p.email)));
  add(
    'Outcomes',
    'retention',
    'Retention (people matched who stayed active)',
    ratio(matchedPeople.filter((p) => p.status !== 'withdrawn').length, matchedPeople.length),
    'percent',
    input.config.kpiTargets.retention,
  );
  add(
    'Outcomes',
    'withdrewBeforeMatch',
    'Withdrew before being matched (not in retention)',
    input.participants.filter(
      (p) => p.status === 'withdrawn' && !everMatched.has(emailKey(p.email)),
    ).length,
    'integer',
  );
  const ended = input.now.toISOString().slice(0, 10) >= input.config.program.endDate;
  add(
    'Outcomes',
    'completion',
    `Pair completion (pairs formed still together${ended ? ' at the end' : ', to date'})`,
    ratio(facts.activeMatches.length, input.matches.length),
    'percent',
  );
}
