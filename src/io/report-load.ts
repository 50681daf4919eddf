/** Loading everything the report and status need from the program state, reading other stages' shapes defensively. */

import type { Match, Participant } from '../core/types.js';
import { EMPTY_SURVEY_STATE, type SurveyState } from '../core/surveys/state.js';
import type { KpiInput } from '../core/kpi/facts.js';
import { readState, type Program } from './program.js';

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Match records from whatever the matches state holds: an array, or `{matches|pairs|active: [...]}`; ended ones kept. */
export function extractMatches(data: unknown): Match[] {
  const list = Array.isArray(data) ? data : isObj(data) ? (['matches', 'pairs', 'active', 'current'].map((k) => data[k]).find(Array.isArray) ?? []) : [];
  const out: Match[] = [];
  (list as unknown[]).forEach((m, i) => {
    if (!isObj(m) || typeof m.mentee !== 'string' || typeof m.mentor !== 'string') return;
    out.push({
      ...(m as unknown as Match),
      id: typeof m.id === 'string' ? m.id : `pair-${i + 1}`,
      score: typeof m.score === 'number' ? m.score : 0,
      reasons: Array.isArray(m.reasons) ? m.reasons.map(String) : [],
      status: m.status === 'ended' ? 'ended' : 'active',
      createdAt: typeof m.createdAt === 'string' ? m.createdAt : '1970-01-01T00:00:00Z',
    } as Match);
  });
  // Earlier cohorts may be kept in a separate list; count them as ended history, not active pairs.
  if (isObj(data) && Array.isArray(data.history)) for (const m of extractMatches(data.history)) out.push({ ...m, status: 'ended' });
  return out;
}

/** Reads participants, matches, survey responses and the raw schedule state for the KPIs. */
export async function loadReportInput(program: Program, now: Date): Promise<KpiInput> {
  const [participants, matchData, surveys, schedule] = await Promise.all([
    readState<Participant[]>(program, 'participants', []),
    readState<unknown>(program, 'matches', []),
    readState<SurveyState>(program, 'surveys', EMPTY_SURVEY_STATE),
    readState<unknown>(program, 'schedule', undefined),
  ]);
  return { config: program.config, participants, matches: extractMatches(matchData), responses: surveys.responses ?? [], schedule, now };
}
