/**
 * The decisions of `survey merge` around reading: which wave, which emails are unknown, how many
 * responses per wave.
 */

import { UsageError } from '../../errors.js';
import type { SurveyWave } from '../config.js';
import type { Participant } from '../types.js';
import { emailKey } from '../keys.js';
import type { SurveyResponse } from './state.js';
import { currentWave } from './waves.js';

/** How many unknown emails the merge names before "and N more". */
const UNKNOWN_SAMPLE = 5;

/**
 * The wave for every response (`--wave`, matched case-insensitively; undefined: inferred per
 * response) and the fallback for files without a date column: the wave open at `now`, before the
 * first wave the first.
 */
export function chooseMergeWaves(
  waves: readonly SurveyWave[],
  requested: string | undefined,
  now: Date,
): { wave?: string; fallbackWave: string } {
  if (waves.length === 0)
    throw new UsageError(
      'The config has no survey waves',
      'Add surveys.waves to mentor.config.json',
    );
  const fallbackWave = (currentWave(waves, now) ?? waves[0]).name;
  if (requested === undefined) return { fallbackWave };
  const wave = waves.find((w) => w.name.toLowerCase() === requested.toLowerCase())?.name;
  if (!wave)
    throw new UsageError(
      `--wave "${requested}" is not a wave in the config (waves: ${waves.map((w) => w.name).join(', ')})`,
      `Use e.g. --wave ${waves[0].name}, or add the wave to surveys.waves`,
    );
  return { wave, fallbackWave };
}

/**
 * Distinct emails of responses that match no participant, sorted; a blank email is "(no email)".
 */
export function unknownResponseEmails(
  responses: readonly SurveyResponse[],
  participants: readonly Participant[],
): string[] {
  const known = new Set(participants.map((p) => emailKey(p.email)));
  const unknown = new Set<string>();
  for (const r of responses) {
    const key = emailKey(r.email);
    if (!known.has(key)) unknown.add(key || '(no email)');
  }
  return [...unknown].sort();
}

/** The one warning naming unknown emails: the first five and how many more. */
export function unknownEmailsWarning(unknown: readonly string[]): string | undefined {
  if (unknown.length === 0) return undefined;
  const more = unknown.length - UNKNOWN_SAMPLE;
  return `${unknown.length} response email(s) match no participant (kept; listed in the report): ${unknown.slice(0, UNKNOWN_SAMPLE).join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
}

/** Responses per wave, in first-seen order. */
export function countByWave(responses: readonly SurveyResponse[]): Map<string, number> {
  const byWave = new Map<string, number>();
  for (const r of responses) byWave.set(r.wave, (byWave.get(r.wave) ?? 0) + 1);
  return byWave;
}
