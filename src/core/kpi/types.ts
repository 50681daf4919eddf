/** The shapes of the KPI report (also the JSON of `report --format json`). */

import type { PairHealth, RiskReason } from '../surveys/risk.js';
import type { SurveyResponse } from '../surveys/state.js';
import type { LinkedSurveys } from '../surveys/link.js';
import type { SurveyItemStats } from './survey-items.js';
import type { LeaverStats } from './survey-counting.js';
import type { OutcomeComparison } from '../outcomes/compare.js';
import type { Growth } from './growth.js';

/** How a KPI value is shown: a count, a decimal, or a fraction shown as percent. */
export type KpiFormat = 'integer' | 'number' | 'percent';

/** One KPI of the Summary. `met` is null when there is a target but no data yet. */
export interface Kpi {
  id: string;
  section: string;
  label: string;
  value: number | null;
  format: KpiFormat;
  target?: number;
  met?: boolean | null;
}

/** Adds one KPI to the Summary: the target (if any) decides met / not met. */
export type AddKpi = (
  section: string,
  id: string,
  label: string,
  value: number | null,
  format: KpiFormat,
  target?: number,
  lowerIsBetter?: boolean,
) => void;

/** Survey facts for one wave. */
export interface WaveStats {
  wave: string;
  opens: string;
  opened: boolean;
  invited: number;
  responded: number;
  responseRate: number | null;
  satisfaction: number | null;
  satisfactionMentee: number | null;
  satisfactionMentor: number | null;
  nps: number | null;
  recommendAnswers: number;
  goalProgress: number | null;
  goalProgressMentee: number | null;
  goalProgressMentor: number | null;
  skillsImproved: number | null;
  wouldContinue: number | null;
  unknownResponses: number;
  /** Counted responses from active participants who are in no active pair (kept and shown). */
  unpairedResponses: number;
  /** Withdrawn participants' responses: shown on their own line, in no other figure. */
  leavers: LeaverStats;
}

/** Statistics of one group of participants (a department, a cohort, a value of any attribute). */
export interface GroupStats {
  value: string;
  /** Count, or "<5" when suppressed (small group of a sensitive attribute). */
  participants: number | '<5';
  suppressed: boolean;
  mentors: number | null;
  mentees: number | null;
  matchRate: number | null;
  averageScore: number | null;
  /** Headline-wave satisfaction (the Summary's wave: Breakdown.satisfactionWave). */
  satisfaction: number | null;
  /** How many answers the satisfaction rests on. */
  satisfactionAnswers: number | null;
  nps: number | null;
  npsAnswers: number | null;
  /** True when satisfaction or NPS rests on 1-4 answers: read with care. */
  fewAnswers: boolean;
  responseRate: number | null;
  /** Of the group's people ever in a pair, those still active (withdrawals before matching out). */
  retention: number | null;
  /** At-risk pairs whose mentee is in this group (each pair counts once). */
  atRiskPairs: number | null;
}

/** A breakdown of the program by one field. */
export interface Breakdown {
  field: string;
  sensitive: boolean;
  /** The wave the groups' satisfaction comes from (null: no answers yet). */
  satisfactionWave: string | null;
  /** The wave the groups' NPS comes from. */
  npsWave: string | null;
  groups: GroupStats[];
}

/** Everything the report, status and JSON output show. */
export interface KpiReport {
  program: string;
  generatedAt: string;
  kpis: Kpi[];
  waves: WaveStats[];
  currentWave?: string;
  pairs: PairHealth[];
  /** Pairs with at least one reason, most severe first. */
  atRisk: PairHealth[];
  /** How many at-risk pairs have each reason, in severity order. */
  atRiskByReason: Array<{ code: RiskReason['code']; pairs: number }>;
  unknownResponses: SurveyResponse[];
  /**
   * The responses as linked for the KPIs (latest per person and wave), reused by the Survey sheets;
   * not in the JSON.
   */
  linked: LinkedSurveys;
  breakdowns: Breakdown[];
  /** The program's own survey questions per wave and side (survey-items.ts). */
  surveyItems: SurveyItemStats[];
  /** Present when the program has two or more cohorts. */
  cohorts?: GroupStats[];
  /** Participants against non-participants, when an HR outcomes file was imported. */
  outcomes?: OutcomeComparison;
  /** Baseline questions asked in the first wave and again later, compared per person. */
  growth?: Growth;
  warnings: string[];
}
