/**
 * A concrete reason for every mentee left without a mentor (or with fewer than asked for in the
 * team model).
 */

import type { Participant } from '../types.js';
import { RULE_SLOTS } from './candidates.js';
import { Rule, ruleWords, type RuleCode } from './rules.js';
import type { MatchSettings } from './score.js';

/** An unmatched mentee and why. */
export interface UnmatchedMentee {
  email: string;
  name: string;
  code: 'no-mentors' | 'no-allowed' | 'capacity' | 'stable' | 'partial' | 'peer-odd';
  reason: string;
}

/** What unmatchedReason needs to know about one mentee. */
export interface UnmatchedFacts {
  mentee: Participant;
  mentorCount: number;
  /** The mentee's row of CandidateGraph.blocked. */
  blocked: Int32Array;
  /** Number of allowed mentors. */
  allowed: number;
  /** Best allowed mentor (name, score) when any. */
  best?: { name: string; score: number; sharesTopics: boolean };
  algorithm: 'optimal' | 'stable';
  demand: number;
  got: number;
}

/** Words for why `facts.mentee` got no (or too few) mentors. */
export function unmatchedReason(f: UnmatchedFacts, s: MatchSettings): UnmatchedMentee {
  const base = { email: f.mentee.email, name: f.mentee.name };
  if (f.mentorCount === 0)
    return { ...base, code: 'no-mentors', reason: 'there are no active mentors in the program' };
  const prefix = f.got > 0 ? `got ${f.got} of ${f.demand} mentors: ` : '';
  if (f.allowed === 0 || f.allowed <= f.got) {
    const counts: Array<[RuleCode, number]> = [];
    for (let c = 1; c < RULE_SLOTS; c++)
      if (f.blocked[c] > 0) counts.push([c as RuleCode, f.blocked[c]]);
    counts.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    if (counts.length === 1)
      return {
        ...base,
        code: f.got ? 'partial' : 'no-allowed',
        reason: prefix + ruleWords(counts[0][0], s).all,
      };
    const parts = counts.map(([c, n]) => `${n} ${ruleWords(c, s).some}`);
    return {
      ...base,
      code: f.got ? 'partial' : 'no-allowed',
      reason: `${prefix}no mentor is allowed: ${parts.join(', ')}`,
    };
  }
  const best = f.best ? ` (best: ${f.best.name}, score ${f.best.score})` : '';
  const who = f.best?.sharesTopics
    ? 'mentors with the right topics'
    : 'mentors they could be matched with';
  if (f.algorithm === 'stable') {
    return {
      ...base,
      code: f.got ? 'partial' : 'stable',
      reason: `${prefix}each of the ${f.allowed} ${who} is full with mentees they rank higher${best}; the optimal algorithm may match them`,
    };
  }
  const reason =
    f.allowed === 1
      ? `their only possible mentor is at capacity${best}`
      : `all ${f.allowed} ${who} are at capacity${best}`;
  return { ...base, code: f.got ? 'partial' : 'capacity', reason: prefix + reason };
}

/**
 * A rule set in config that blocks every pair it was checked on ("a required rule nobody can
 * meet").
 */
export function impossibleRules(blocked: Int32Array, nMentees: number, edges: number): RuleCode[] {
  if (edges > 0 || nMentees === 0) return [];
  const totals = new Map<RuleCode, number>();
  for (let i = 0; i < nMentees; i++)
    for (let c = 1; c < RULE_SLOTS; c++)
      if (blocked[i * RULE_SLOTS + c])
        totals.set(c as RuleCode, (totals.get(c as RuleCode) ?? 0) + blocked[i * RULE_SLOTS + c]);
  const config: RuleCode[] = [
    Rule.training,
    Rule.language,
    Rule.overlap,
    Rule.seniority,
    Rule.department,
    Rule.cohort,
    Rule.attribute,
    Rule.minScore,
  ];
  const top = [...totals]
    .filter(([c]) => config.includes(c))
    .sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  return top.slice(0, 2).map(([c]) => c);
}
