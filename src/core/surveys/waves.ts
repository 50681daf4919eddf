/**
 * Which survey wave a date belongs to, from the configured waves (or the milestones when none are
 * configured).
 */

import type { Milestone, ProgramConfig, SurveyWave } from '../config.js';

/**
 * The wave in force on `isoDate`: the last one opened on or before it; before the first, the first.
 */
export function inferWave(isoDate: string, waves: readonly SurveyWave[]): string | undefined {
  if (waves.length === 0) return undefined;
  const day = isoDate.slice(0, 10);
  const sorted = [...waves].sort((a, b) => (a.opens < b.opens ? -1 : a.opens > b.opens ? 1 : 0));
  let found = sorted[0].name;
  for (const w of sorted) if (w.opens <= day) found = w.name;
  return found;
}

/**
 * Configured waves; without any, kickoff / midpoint / final from the milestones of the same ids
 * (closing = final).
 */
export function surveyWaves(config: Pick<ProgramConfig, 'surveys' | 'milestones'>): SurveyWave[] {
  if (config.surveys?.waves?.length) return config.surveys.waves;
  const ms = (id: string): Milestone | undefined => config.milestones?.find((m) => m.id === id);
  const out: SurveyWave[] = [];
  for (const [id, name] of [
    ['kickoff', 'kickoff'],
    ['midpoint', 'midpoint'],
    ['closing', 'final'],
  ] as const) {
    const m = ms(id);
    if (m) out.push({ name, opens: m.date });
  }
  return out;
}

/**
 * The latest wave opened by `now` (the one everyone should have answered), or undefined before the
 * first.
 */
export function currentWave(waves: readonly SurveyWave[], now: Date): SurveyWave | undefined {
  const day = now.toISOString().slice(0, 10);
  let cur: SurveyWave | undefined;
  for (const w of [...waves].sort((a, b) => (a.opens < b.opens ? -1 : 1)))
    if (w.opens <= day) cur = w;
  return cur;
}

/** Waves in opening order. */
export function orderedWaves(waves: readonly SurveyWave[]): SurveyWave[] {
  return [...waves].sort((a, b) => (a.opens < b.opens ? -1 : a.opens > b.opens ? 1 : 0));
}

/**
 * Before the first wave opens, one line saying so and when it opens (the survey KPIs have no data
 * until then); undefined once a wave is open or when there are no waves.
 */
export function noWaveOpenYet(waves: readonly SurveyWave[], now: Date): string | undefined {
  const [first] = orderedWaves(waves);
  if (!first || currentWave(waves, now)) return undefined;
  const today = now.toISOString().slice(0, 10);
  return (
    `No survey wave is open yet on ${today}: ${first.name} opens ${first.opens}, so the survey ` +
    'figures have no data (use --now DATE to see the program as of another day)'
  );
}
