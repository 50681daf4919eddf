/**
 * Loading everything the report and status need from the program state: participants, matches,
 * surveys, schedule.
 */

import type { Participant } from '../../core/types.js';
import { EMPTY_SURVEY_STATE, type SurveyState } from '../../core/surveys/state.js';
import { emptyMatchesState, type MatchesState } from '../../core/matching/state.js';
import { isScheduleState } from '../../core/surveys/meetings.js';
import type { KpiInput } from '../../core/kpi/facts.js';
import type { OutcomesState } from '../../core/outcomes/records.js';
import { readState, type Program } from '../../io/store/program.js';
import { loadSurveyVocabulary } from '../../io/ingest/survey-vocabulary.js';

/**
 * Reads participants, matches (current and ended; earlier cohorts' history is not this program's),
 * survey responses and the schedule.
 */
export async function loadReportInput(program: Program, now: Date): Promise<KpiInput> {
  const [participants, matches, surveys, schedule, outcomes] = await Promise.all([
    readState<Participant[]>(program, 'participants', []),
    readState<MatchesState>(program, 'matches', emptyMatchesState()),
    readState<SurveyState>(program, 'surveys', EMPTY_SURVEY_STATE),
    readState<unknown>(program, 'schedule', undefined),
    readState<OutcomesState | undefined>(program, 'outcomes', undefined),
  ]);
  const input: KpiInput = {
    config: program.config,
    participants,
    matches: matches.matches ?? [],
    responses: surveys.responses ?? [],
    surveyColumns: surveys.columnSets ?? [],
    vocab: await loadSurveyVocabulary(program.dir),
    now,
  };
  // A schedule state from another version is ignored: meetings are then estimated from the
  // frequency (and the KPI says so).
  if (isScheduleState(schedule)) input.schedule = schedule;
  if (outcomes?.records.length) input.outcomes = outcomes.records;
  return input;
}
