/**
 * Participants against non-participants (README "Outcomes"): retention and promotion over the
 * program period from the HR outcomes file, by side, aggregates only. A comparison, not proof of
 * cause: people who sign up to mentoring may differ from those who do not.
 */

import type { ProgramConfig } from '../config.js';
import { emailKey } from '../keys.js';
import type { Match, Participant } from '../types.js';
import { mean, ratio } from '../kpi/stats.js';
import type { OutcomeRecord } from './records.js';

/** Groups of fewer people than this show no rates (too few to compare, and too identifying). */
const MIN_OUTCOME_GROUP = 5;

/** One compared group: its size and, when large enough, its rates. */
interface OutcomeGroup {
  group: 'Mentees' | 'Mentors' | 'Non-participants';
  /** People in the HR file who were employed at the start of the period. */
  people: number;
  retained: number | null;
  retentionRate: number | null;
  promoted: number | null;
  promotionRate: number | null;
  averageScore: number | null;
  /** True under MIN_OUTCOME_GROUP people: figures withheld. */
  small: boolean;
}

/** The comparison shown in every report format. */
export interface OutcomeComparison {
  periodStart: string;
  periodEnd: string;
  groups: OutcomeGroup[];
  /** Matched participants the HR file does not list (not compared). */
  participantsNotInFile: number;
  /** Enrolled people never matched: neither participants nor non-participants here. */
  enrolledUnmatched: number;
  caveat: string;
  findings: string[];
}

/** The plain-words caveat printed next to the comparison. */
export const OUTCOME_CAVEAT =
  'This compares groups; it does not prove the program caused the difference. People who ' +
  'join a mentoring program may differ from those who do not (motivation, role, manager), ' +
  'and small groups move a lot with one person.';

const pct = (v: number) => `${Math.round(v * 100)}%`;

/** Compares the matched participants (mentees, mentors) with everyone else in the HR file. */
export function compareOutcomes(
  records: readonly OutcomeRecord[],
  participants: readonly Participant[],
  matches: readonly Match[],
  config: Pick<ProgramConfig, 'program'>,
  now: Date,
): OutcomeComparison {
  const periodStart = config.program.startDate;
  const today = now.toISOString().slice(0, 10);
  const periodEnd = today < config.program.endDate ? today : config.program.endDate;
  const menteeSide = new Set(matches.map((m) => emailKey(m.mentee)));
  const mentorSide = new Set(matches.map((m) => emailKey(m.mentor)));
  const enrolled = new Set(participants.map((p) => emailKey(p.email)));
  const inFile = new Set(records.map((r) => emailKey(r.email)));
  // Employed at the start: no leaving date before it (a "no" without a date is taken as left
  // during the period: HR exports list current leavers).
  const base = records.filter((r) => !(r.leftOn && r.leftOn < periodStart));
  const stats = (group: OutcomeGroup['group'], rs: OutcomeRecord[]): OutcomeGroup => {
    const small = rs.length < MIN_OUTCOME_GROUP;
    const retained = rs.filter(
      (r) => r.employed !== false || (r.leftOn !== undefined && r.leftOn > periodEnd),
    ).length;
    const promoted = rs.filter(
      (r) => r.promotedOn !== undefined && r.promotedOn >= periodStart && r.promotedOn <= periodEnd,
    ).length;
    const scores = rs.flatMap((r) => (r.score === undefined ? [] : [r.score]));
    return {
      group,
      people: rs.length,
      retained: small ? null : retained,
      retentionRate: small ? null : ratio(retained, rs.length),
      promoted: small ? null : promoted,
      promotionRate: small ? null : ratio(promoted, rs.length),
      averageScore: small || scores.length < MIN_OUTCOME_GROUP ? null : mean(scores),
      small,
    };
  };
  const key = (r: OutcomeRecord) => emailKey(r.email);
  const groups = [
    stats(
      'Mentees',
      base.filter((r) => menteeSide.has(key(r))),
    ),
    stats(
      'Mentors',
      base.filter((r) => mentorSide.has(key(r))),
    ),
    stats(
      'Non-participants',
      base.filter((r) => !enrolled.has(key(r))),
    ),
  ];
  const matched = new Set([...menteeSide, ...mentorSide]);
  return {
    periodStart,
    periodEnd,
    groups,
    participantsNotInFile: [...matched].filter((e) => !inFile.has(e)).length,
    enrolledUnmatched: [...enrolled].filter((e) => !matched.has(e)).length,
    caveat: OUTCOME_CAVEAT,
    findings: outcomeFindings(groups),
  };
}

/** "Retention: mentees 96%, non-participants 88% (a comparison, not proof of cause)." */
function outcomeFindings(groups: readonly OutcomeGroup[]): string[] {
  const out: string[] = [];
  for (const [what, pick] of [
    ['Retention', (g: OutcomeGroup) => g.retentionRate],
    ['Promotion', (g: OutcomeGroup) => g.promotionRate],
  ] as const) {
    const shown = groups.filter((g) => pick(g) !== null);
    if (shown.length < 2 || !shown.some((g) => g.group === 'Non-participants')) continue;
    const parts = shown.map((g) => `${g.group.toLowerCase()} ${pct(pick(g)!)} of ${g.people}`);
    out.push(`${what} over the program: ${parts.join(', ')} (a comparison, not proof of cause).`);
  }
  return out;
}
