/** Statistics for a group of participants: breakdowns by any field, diversity views with suppression, cohorts. */

import type { Participant } from '../types.js';
import { emailKey } from '../surveys/link.js';
import type { Breakdown, GroupStats } from './types.js';
import { isMenteeRole, isMentorRole, type ProgramFacts } from './facts.js';
import { mean, netPromoterScore, ratio } from './stats.js';

/** Groups smaller than this are shown as "<5" for sensitive attributes. */
export const MIN_GROUP_SIZE = 5;
const BLANK = '(blank)';
const FIELDS = ['department', 'cohort', 'role', 'status', 'title', 'level', 'timezone'] as const;

/** The value of `field` for a participant: a schema field, else an attribute (header matched case-insensitively). */
export function fieldValue(p: Participant, field: string): string {
  const f = FIELDS.find((x) => x.toLowerCase() === field.toLowerCase());
  if (f) return p[f] === undefined || p[f] === '' ? BLANK : String(p[f]);
  const attrs = p.attributes ?? {};
  const key = Object.keys(attrs).find((k) => k.toLowerCase() === field.toLowerCase());
  const v = key === undefined ? '' : String(attrs[key]).trim();
  return v === '' ? BLANK : v;
}

/** Stats for the people in `members`. */
export function groupStats(facts: ProgramFacts, value: string, members: readonly Participant[]): GroupStats {
  const emails = new Set(members.map((p) => emailKey(p.email)));
  const active = members.filter((p) => p.status !== 'withdrawn');
  const mentees = active.filter(isMenteeRole);
  const matchedMentees = new Set(facts.activeMatches.map((m) => emailKey(m.mentee)));
  const inGroup = facts.activeMatches.filter((m) => emails.has(emailKey(m.mentee)));
  const satWave = facts.headlineWave((r) => r.measures.satisfaction);
  const npsWave = facts.headlineWave((r) => r.measures.recommend);
  const answers = (wave: string | undefined) => [...(wave ? facts.linked.latest.get(wave)?.values() ?? [] : [])].filter((r) => emails.has(emailKey(r.email)));
  const sat = answers(satWave).flatMap((r) => (r.measures.satisfaction === undefined ? [] : [r.measures.satisfaction]));
  const rec = answers(npsWave).flatMap((r) => (r.measures.recommend === undefined ? [] : [r.measures.recommend]));
  const cur = facts.current ? facts.linked.latest.get(facts.current.name) : undefined;
  const responded = active.filter((p) => cur?.has(emailKey(p.email))).length;
  return {
    value,
    participants: members.length,
    suppressed: false,
    mentors: active.filter(isMentorRole).length,
    mentees: mentees.length,
    matchRate: ratio(mentees.filter((p) => matchedMentees.has(emailKey(p.email))).length, mentees.length),
    averageScore: mean(inGroup.map((m) => m.score)),
    satisfaction: mean(sat),
    nps: netPromoterScore(rec),
    responseRate: facts.current ? ratio(responded, active.length) : null,
    retention: ratio(active.length, members.length),
    atRiskPairs: facts.pairs.filter((h) => h.reasons.length && (emails.has(emailKey(h.match.mentee)) || emails.has(emailKey(h.match.mentor)))).length,
  };
}

function suppress(g: GroupStats): GroupStats {
  return { value: g.value, participants: '<5', suppressed: true, mentors: null, mentees: null, matchRate: null, averageScore: null, satisfaction: null, nps: null, responseRate: null, retention: null, atRiskPairs: null };
}

/** Breakdown by one field; a sensitive field's groups under 5 people are suppressed (shown as "<5", no rates). */
export function breakdownBy(facts: ProgramFacts, field: string, sensitive: boolean): Breakdown {
  const groups = new Map<string, Participant[]>();
  for (const p of facts.input.participants) {
    const v = fieldValue(p, field);
    const list = groups.get(v);
    if (list) list.push(p); else groups.set(v, [p]);
  }
  const values = [...groups.keys()].sort((a, b) => (a === BLANK ? 1 : b === BLANK ? -1 : a.localeCompare(b)));
  return {
    field,
    sensitive,
    groups: values.map((v) => {
      const g = groupStats(facts, v, groups.get(v)!);
      return sensitive && groups.get(v)!.length < MIN_GROUP_SIZE ? suppress(g) : g;
    }),
  };
}

/** Cohort comparison when the program has two or more cohorts; undefined otherwise. */
export function compareCohorts(facts: ProgramFacts): GroupStats[] | undefined {
  const b = breakdownBy(facts, 'cohort', false);
  const real = b.groups.filter((g) => g.value !== BLANK);
  return real.length >= 2 ? b.groups : undefined;
}
