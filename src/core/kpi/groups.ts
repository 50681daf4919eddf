/**
 * Statistics for a group of participants: breakdowns by any field, diversity views with
 * suppression, cohorts.
 */

import type { Participant } from '../types.js';
import type { SurveyResponse } from '../surveys/state.js';
import { emailKey } from '../keys.js';
import type { Breakdown, GroupStats } from './types.js';
import { isMenteeRole, isMentorRole, type ProgramFacts } from './facts.js';
import { mean, netPromoterScore, ratio } from './stats.js';

/**
 * Groups smaller than this are shown as "<5" for sensitive attributes; a group's satisfaction or
 * NPS resting on fewer answers is marked `fewAnswers`.
 */
const MIN_GROUP_SIZE = 5;
const BLANK = '(blank)';
/** Participant fields a breakdown can use besides the attributes. */
export const BREAKDOWN_FIELDS = [
  'department',
  'cohort',
  'role',
  'status',
  'title',
  'level',
  'timezone',
] as const;
const FIELDS = BREAKDOWN_FIELDS;

/**
 * The value of `field` for a participant: a schema field, else an attribute (header matched
 * case-insensitively).
 */
export function fieldValue(p: Participant, field: string): string {
  const f = FIELDS.find((x) => x.toLowerCase() === field.toLowerCase());
  if (f) return p[f] === undefined || p[f] === '' ? BLANK : String(p[f]);
  const attrs = p.attributes ?? {};
  const key = Object.keys(attrs).find((k) => k.toLowerCase() === field.toLowerCase());
  const v = key === undefined ? '' : String(attrs[key]).trim();
  return v === '' ? BLANK : v;
}

/** What every group's stats need, computed once per report rather than once per group. */
interface GroupIndex {
  matchedMentees: Set<string>;
  /** emailKey of each active match's mentee, in match order. */
  menteeKeys: string[];
  satisfaction: Map<string, number>;
  recommend: Map<string, number>;
  /** The mentee's email key of each at-risk pair: a pair counts once, in its mentee's group. */
  atRisk: string[];
}
const indexes = new WeakMap<ProgramFacts, GroupIndex>();

function indexOf(facts: ProgramFacts): GroupIndex {
  let ix = indexes.get(facts);
  if (ix) return ix;
  const menteeKeys = facts.activeMatches.map((m) => emailKey(m.mentee));
  // Satisfaction and NPS of a group come from the same headline waves as the Summary's.
  const answers = (pick: (r: SurveyResponse) => number | undefined) => {
    const wave = facts.headlineWave(pick);
    const out = new Map<string, number>();
    for (const [email, r] of (wave ? facts.linked.latest.get(wave) : undefined) ?? []) {
      const v = pick(r);
      if (v !== undefined) out.set(email, v);
    }
    return out;
  };
  ix = {
    matchedMentees: new Set(menteeKeys),
    menteeKeys,
    satisfaction: answers((r) => r.measures.satisfaction),
    recommend: answers((r) => r.measures.recommend),
    atRisk: facts.pairs.filter((h) => h.reasons.length > 0).map((h) => emailKey(h.match.mentee)),
  };
  indexes.set(facts, ix);
  return ix;
}

/** Stats for the people in `members`. */
function groupStats(
  facts: ProgramFacts,
  value: string,
  members: readonly Participant[],
): GroupStats {
  const ix = indexOf(facts);
  const emails = new Set(members.map((p) => emailKey(p.email)));
  const active = members.filter((p) => p.status !== 'withdrawn');
  const mentees = active.filter(isMenteeRole);
  const inGroup = facts.activeMatches.filter((_, i) => emails.has(ix.menteeKeys[i]));
  const sat = [...emails].flatMap((e) => {
    const v = ix.satisfaction.get(e);
    return v === undefined ? [] : [v];
  });
  const rec = [...emails].flatMap((e) => {
    const v = ix.recommend.get(e);
    return v === undefined ? [] : [v];
  });
  const matched = members.filter((p) => facts.everMatched.has(emailKey(p.email)));
  const cur = facts.current ? facts.linked.latest.get(facts.current.name) : undefined;
  const responded = active.filter((p) => cur?.has(emailKey(p.email))).length;
  return {
    value,
    participants: members.length,
    suppressed: false,
    mentors: active.filter(isMentorRole).length,
    mentees: mentees.length,
    matchRate: ratio(
      mentees.filter((p) => ix.matchedMentees.has(emailKey(p.email))).length,
      mentees.length,
    ),
    averageScore: mean(inGroup.map((m) => m.score)),
    satisfaction: mean(sat),
    satisfactionAnswers: sat.length,
    nps: netPromoterScore(rec),
    npsAnswers: rec.length,
    fewAnswers:
      (sat.length > 0 && sat.length < MIN_GROUP_SIZE) ||
      (rec.length > 0 && rec.length < MIN_GROUP_SIZE),
    responseRate: facts.current ? ratio(responded, active.length) : null,
    // Retention: of the group's people who were ever in a pair, those still active.
    retention: ratio(matched.filter((p) => p.status !== 'withdrawn').length, matched.length),
    atRiskPairs: ix.atRisk.filter((mentee) => emails.has(mentee)).length,
  };
}

function suppress(g: GroupStats): GroupStats {
  return {
    value: g.value,
    participants: '<5',
    suppressed: true,
    mentors: null,
    mentees: null,
    matchRate: null,
    averageScore: null,
    satisfaction: null,
    satisfactionAnswers: null,
    nps: null,
    npsAnswers: null,
    fewAnswers: false,
    responseRate: null,
    retention: null,
    atRiskPairs: null,
  };
}

/**
 * Breakdown by one field; a sensitive field's groups under 5 people are suppressed (shown as "<5",
 * no rates).
 */
export function breakdownBy(facts: ProgramFacts, field: string, sensitive: boolean): Breakdown {
  const groups = new Map<string, Participant[]>();
  for (const p of facts.input.participants) {
    const v = fieldValue(p, field);
    const list = groups.get(v);
    if (list) list.push(p);
    else groups.set(v, [p]);
  }
  const values = [...groups.keys()].sort((a, b) =>
    a === BLANK ? 1 : b === BLANK ? -1 : a.localeCompare(b),
  );
  return {
    field,
    sensitive,
    satisfactionWave: facts.headlineWave((r) => r.measures.satisfaction) ?? null,
    npsWave: facts.headlineWave((r) => r.measures.recommend) ?? null,
    groups: values.map((v) => {
      const g = groupStats(facts, v, groups.get(v)!);
      return sensitive && groups.get(v)!.length < MIN_GROUP_SIZE ? suppress(g) : g;
    }),
  };
}

/**
 * Cohort comparison when the program has two or more cohorts; undefined otherwise. `computed`: a
 * cohort breakdown already made.
 */
export function compareCohorts(
  facts: ProgramFacts,
  computed?: Breakdown,
): GroupStats[] | undefined {
  // A --by cohort breakdown (not suppressed) already holds the same groups: reuse it rather than
  // compute them twice.
  const b =
    computed && !computed.sensitive && computed.field.toLowerCase() === 'cohort'
      ? computed
      : breakdownBy(facts, 'cohort', false);
  // People without a cohort (typically the mentors) are no cohort of their own: left out here.
  const real = b.groups.filter((g) => g.value !== BLANK);
  return real.length >= 2 ? real : undefined;
}

/** The line above a breakdown: which waves its survey figures come from and how pairs count. */
export function breakdownNote(b: Pick<Breakdown, 'satisfactionWave' | 'npsWave'>): string {
  const waves =
    b.satisfactionWave || b.npsWave
      ? `Satisfaction from the ${b.satisfactionWave ?? '-'} survey, NPS from the ` +
        `${b.npsWave ?? '-'} survey; "under 5 answers" marks figures to read with care. `
      : '';
  return `${waves}An at-risk pair counts once, in its mentee's group.`;
}
