/**
 * Facts computed once per report (linking, pair health, sides), shared by the KPIs and the
 * breakdowns.
 */

import type { ProgramConfig, SurveyWave } from '../config.js';
import type { Match, Participant } from '../types.js';
import { linkResponses, type LinkedSurveys } from '../surveys/link.js';
import { emailKey } from '../keys.js';
import { joinedDay, meetingsBy } from '../surveys/meetings.js';
import type { ScheduleState } from '../scheduling/reconcile.js';
import { assessPairs, type PairHealth } from '../surveys/risk.js';
import type { SurveyResponse } from '../surveys/state.js';
import type { ColumnInfo } from '../surveys/classify.js';
import type { Vocabulary } from '../surveys/vocabulary.js';
import type { OutcomeRecord } from '../outcomes/records.js';
import { currentWave, orderedWaves, surveyWaves } from '../surveys/waves.js';

/**
 * What the KPI computation needs; `schedule` is the `schedule` state, undefined when `schedule` has
 * not run.
 */
export interface KpiInput {
  config: ProgramConfig;
  participants: readonly Participant[];
  matches: readonly Match[];
  responses: readonly SurveyResponse[];
  schedule?: ScheduleState;
  now: Date;
  /** The stored classification of the survey columns (SurveyState.columnSets). */
  surveyColumns?: ColumnInfo[][];
  /** The program's survey vocabulary (built-in plus survey-vocabulary.json). */
  vocab?: Vocabulary;
  /** The HR outcomes file's records (`mentor-cli outcomes import`), when imported. */
  outcomes?: OutcomeRecord[];
}

/** Derived facts. */
export interface ProgramFacts {
  input: KpiInput;
  byEmail: Map<string, Participant>;
  active: Participant[];
  activeMatches: Match[];
  /** emailKey of everyone who has been in a pair (active or ended), either side. */
  everMatched: Set<string>;
  linked: LinkedSurveys;
  waves: SurveyWave[];
  current?: SurveyWave;
  pairs: PairHealth[];
  /**
   * Whether meetings-to-date came from the schedule state (else expected from the config
   * frequency).
   */
  scheduleFromState: boolean;
  /**
   * Active pairs the schedule holds no series for (no common time, or matched after the last
   * `schedule`).
   */
  unscheduled: Match[];
  /**
   * The survey side of a person: mentor if they mentor in an active pair or by role, else mentee.
   */
  sideOf(email: string): 'mentor' | 'mentee';
  /** Latest wave (in order) that has at least one value for `pick`, among waves opened. */
  headlineWave(pick: (r: SurveyResponse) => unknown): string | undefined;
}

/** True for people counted on the mentee side (role mentee or both). */
export const isMenteeRole = (p: Participant) => p.role === 'mentee' || p.role === 'both';
/** True for people counted on the mentor side (role mentor or both). */
export const isMentorRole = (p: Participant) => p.role === 'mentor' || p.role === 'both';

/** Builds the facts once. */
export function buildFacts(input: KpiInput): ProgramFacts {
  const byEmail = new Map(input.participants.map((p) => [emailKey(p.email), p]));
  const active = input.participants.filter((p) => p.status !== 'withdrawn');
  const activeMatches = input.matches.filter((m) => m.status === 'active');
  const linked = linkResponses(input.responses, input.participants, input.matches, input.now);
  const waves = orderedWaves(surveyWaves(input.config));
  const current = currentWave(waves, input.now);
  const joined = (email: string) => joinedDay(byEmail.get(emailKey(email))?.attributes);
  const meetings = meetingsBy(input.config, input.schedule, activeMatches, (m) =>
    Math.max(joined(m.mentee), joined(m.mentor)),
  );
  const pairs = assessPairs(
    activeMatches,
    linked,
    waves,
    current,
    meetings.by,
    input.now,
    input.vocab,
    { items: input.config.surveys.riskItems, columnSets: input.surveyColumns ?? [] },
  );
  const mentoring = new Set(activeMatches.map((m) => emailKey(m.mentor)));
  const sideOf = (email: string) =>
    mentoring.has(email) || byEmail.get(email)?.role === 'mentor' ? 'mentor' : 'mentee';
  const day = input.now.toISOString().slice(0, 10);
  const headlineWave = (pick: (r: SurveyResponse) => unknown) => {
    for (let i = waves.length - 1; i >= 0; i--) {
      const w = linked.latest.get(waves[i].name);
      if (waves[i].opens <= day && w && [...w.values()].some((r) => pick(r) !== undefined))
        return waves[i].name;
    }
    return undefined;
  };
  return {
    input,
    byEmail,
    active,
    activeMatches,
    everMatched: new Set(input.matches.flatMap((m) => [emailKey(m.mentee), emailKey(m.mentor)])),
    linked,
    waves,
    current,
    pairs,
    scheduleFromState: meetings.fromSchedule,
    unscheduled: meetings.unscheduled,
    sideOf,
    headlineWave,
  };
}
