/**
 * Matching settings from config and flags: the minimum score (and its scale with --pair-scores),
 * capacity checks.
 */

import type { MentoringModel, ProgramConfig } from '../config.js';
import type { Participant } from '../types.js';
import { type MatchSettings } from './score.js';
import { norm } from '../keys.js';

/**
 * Scores at most this high look like a rating scale (1-5, 1-10), not the 0-100 scale of
 * matching.minScore.
 */
const SHORT_SCALE_MAX = 10;

/** The minimum score to apply, and a one-line note or warning about it. */
export interface MinScoreChoice {
  minScore: number;
  note?: string;
  warning?: string;
}

/**
 * Chooses the minimum score. `--min-score` always wins. With --pair-scores whose highest score is
 * at most 10 (a 1-5 or 1-10 rating), the config's `matching.minScore` (a 0-100 setting) is not
 * applied, with a note; otherwise it is, with a warning when most given scores fall below it (so "0
 * of N matched" never comes without a hint).
 */
export function chooseMinScore(
  configMin: number,
  flag: number | undefined,
  given?: { scores: ArrayLike<number>; count: number; file: string },
): MinScoreChoice {
  const min = flag ?? configMin;
  if (!given || given.count === 0) return { minScore: min };
  let max = -Infinity,
    below = 0;
  for (let k = 0; k < given.count; k++) {
    const v = given.scores[k];
    if (v > max) max = v;
    if (v < min) below++;
  }
  const where = flag === undefined ? 'matching.minScore' : '--min-score';
  if (flag === undefined && max <= SHORT_SCALE_MAX) {
    return configMin <= 0
      ? { minScore: 0 }
      : {
          minScore: 0,
          note: `${given.file}: scores go up to ${max}, a rating scale rather than 0-100, so matching.minScore (${configMin}) is not applied; add --min-score N for a minimum on your scale`,
        };
  }
  if (below * 2 > given.count) {
    return {
      minScore: min,
      warning: `${given.file}: ${below} of ${given.count} scores are below the minimum score ${min} (${where}), so those pairs are never made; set --min-score on your file's scale (e.g. --min-score 0)`,
    };
  }
  return { minScore: min };
}

/**
 * Settings for scoring and rules from the program config, the model and the resolved minimum score.
 */
export function matchSettings(
  config: ProgramConfig,
  model: MentoringModel,
  history: Set<string>,
  opts: { allowRepeat: boolean; minScore: number },
): MatchSettings {
  return {
    matching: { ...config.matching, reverse: config.matching.reverse || model === 'reverse' },
    sensitive: new Set(config.participants.sensitiveAttributes.map(norm)),
    defaultTimezone: config.program.timezone,
    refDate: new Date(`${config.program.startDate}T12:00:00Z`),
    history,
    allowRepeat: opts.allowRepeat,
    minScore: opts.minScore,
    schedule: config.schedule,
  };
}

/**
 * Warning before a bipartite run with fewer mentor places than the mentees need (no mentors at all
 * is an error). A mentee is fully served with K places, so at most floor(places / K) are: the rest
 * get fewer than K.
 */
export function capacityWarnings(
  mentees: Participant[],
  mentors: Participant[],
  defaultCapacity: number,
  perMentee: number,
): string[] {
  if (!mentees.length || !mentors.length) return [];
  const places = mentors.reduce((x, p) => x + Math.max(0, p.capacity ?? defaultCapacity), 0);
  const need = mentees.length * perMentee;
  if (places >= need) return [];
  const short = mentees.length - Math.floor(places / perMentee);
  if (perMentee === 1)
    return [
      `${places} mentor places for ${mentees.length} mentees: at least ${short} mentee${short === 1 ? '' : 's'} will stay unmatched (raise mentor capacity or recruit mentors)`,
    ];
  return [
    `${places} mentor places for ${mentees.length} mentees × ${perMentee} mentors each (${need}): at least ${short} mentee${short === 1 ? '' : 's'} will get fewer than ${perMentee} mentors`,
  ];
}
