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
import { isValidTimeZone } from '../timezones/valid.js';

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

const where = (r: SurveyResponse) =>
  `${r.source.file} row ${r.source.row}${r.submittedAt ? ` (${r.submittedAt.slice(0, 16).replace('T', ' ')} UTC)` : ''}`;

/**
 * One warning per person who submitted a wave more than once, when one of those submissions is in
 * `incoming`: the latest wins (later submission time, else later merge), the others stay in the
 * state as superseded. Names both rows.
 */
export function duplicateSubmissionWarnings(
  all: readonly SurveyResponse[],
  incoming: ReadonlySet<string>,
): string[] {
  const groups = new Map<string, SurveyResponse[]>();
  for (const r of all) {
    if (r.empty || !emailKey(r.email)) continue;
    const key = `${r.wave}\u0000${emailKey(r.email)}`;
    const g = groups.get(key);
    if (g) g.push(r);
    else groups.set(key, [r]);
  }
  const out: string[] = [];
  for (const g of groups.values()) {
    if (g.length < 2 || !g.some((r) => incoming.has(r.id))) continue;
    const sorted = g.sort(
      (a, b) =>
        (a.submittedAt ?? '').localeCompare(b.submittedAt ?? '') || (a.seq ?? 0) - (b.seq ?? 0),
    );
    const latest = sorted[sorted.length - 1];
    out.push(
      `${latest.email} submitted the ${latest.wave} survey ${g.length} times: ${where(latest)} counts; superseded (kept in the history): ${sorted.slice(0, -1).map(where).join(', ')}`,
    );
  }
  return out;
}

/** The zone local export times are read in: `--timezone`, else the program's; refuses a bad name. */
export function chooseTimeZone(requested: string | undefined, programZone: string): string {
  if (requested === undefined) return programZone;
  if (!isValidTimeZone(requested))
    throw new UsageError(
      `--timezone "${requested}" is not a known IANA time zone`,
      'Use a name such as Europe/Berlin or America/New_York',
    );
  return requested;
}
