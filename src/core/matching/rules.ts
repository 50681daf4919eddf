/**
 * Hard rules: what makes a pair not allowed, as small codes (for the fast kernel) and in plain
 * words.
 */

import type { Participant } from '../types.js';
import {
  attributeHolds,
  attributeOf,
  meetingMinutesOf,
  pairOverlapMinutes,
  ruleApplies,
  type MatchSettings,
} from './score.js';
import { norm, pairKey } from '../keys.js';

/**
 * Rule codes, in the order a blocked pair is reported (the first broken rule is its main reason).
 */
export const Rule = {
  self: 1,
  avoid: 2,
  manager: 3,
  sameManager: 4,
  training: 5,
  repeat: 6,
  language: 7,
  overlap: 8,
  seniority: 9,
  department: 10,
  cohort: 11,
  attribute: 12,
  minScore: 13,
  notScored: 14,
} as const;
export type RuleCode = (typeof Rule)[keyof typeof Rule];

/**
 * Words for "N mentors ..." in unmatched reasons; `all` is used when this one rule excludes every
 * mentor.
 */
export function ruleWords(code: RuleCode, s: MatchSettings): { some: string; all: string } {
  switch (code) {
    case Rule.self:
      return { some: 'are themselves', all: 'the only mentor is themselves' };
    case Rule.avoid:
      return {
        some: 'are on an avoid list',
        all: "every mentor is on an avoid list (theirs or the mentor's)",
      };
    case Rule.manager:
      return {
        some: 'are in their manager line',
        all: 'every mentor is their manager or direct report',
      };
    case Rule.sameManager:
      return { some: 'share their manager', all: 'every mentor shares their manager' };
    case Rule.training:
      return { some: 'have not completed training', all: 'no mentor has completed training' };
    case Rule.repeat:
      return {
        some: 'were their partner before (earlier cohort or ended pair)',
        all: 'every mentor was their partner before, in an earlier cohort or an ended pair (use --allow-repeat)',
      };
    case Rule.language:
      return { some: 'share no language', all: 'no mentor shares a language with them' };
    case Rule.overlap: {
      const h = s.matching.rules.minOverlapHours,
        len = `in stretches of at least ${meetingMinutesOf(s)} min, one meeting`;
      return {
        some: `have under ${h} h of common availability (${len})`,
        all: `no mentor has ${h} h of availability in common with them (${len})`,
      };
    }
    case Rule.seniority:
      return {
        some: 'are outside the required seniority gap',
        all: `no mentor is ${s.matching.rules.seniorityGap.min} to ${s.matching.rules.seniorityGap.max} levels above them`,
      };
    case Rule.department:
      return { some: 'are in the same department', all: 'every mentor is in their department' };
    case Rule.cohort:
      return { some: 'are in another cohort', all: 'no mentor is in their cohort' };
    case Rule.attribute:
      return {
        some: 'break a required attribute rule',
        all: 'no mentor meets a required attribute rule',
      };
    case Rule.minScore:
      return {
        some: `score below the minimum (${s.minScore})`,
        all: `every candidate is below the minimum score (${s.minScore})`,
      };
    case Rule.notScored:
      return {
        some: 'have no score in the pair-scores file',
        all: 'the pair-scores file gives no score for them',
      };
  }
}

/** Short config name of a rule, for warnings ("matching.rules.requireSharedLanguage"). */
export const RULE_CONFIG: Record<number, string> = {
  [Rule.training]: 'matching.rules.requireTraining',
  [Rule.language]: 'matching.rules.requireSharedLanguage',
  [Rule.overlap]: 'matching.rules.minOverlapHours',
  [Rule.seniority]: 'matching.rules.seniorityGap (mode "require")',
  [Rule.department]: 'matching.rules.differentDepartment ("require")',
  [Rule.cohort]: 'matching.rules.sameCohort ("require")',
  [Rule.attribute]: 'matching.attributeRules (mode "require")',
  [Rule.minScore]: 'matching.minScore',
};

const listed = (list: string[] | undefined, p: Participant): boolean =>
  (list ?? []).some(
    (x) => norm(x) === norm(p.email) || (norm(p.name) !== '' && norm(x) === norm(p.name)),
  );

/**
 * Every hard rule the pair breaks (empty = allowed); `score` is checked against the minimum when
 * given.
 */
export function brokenRules(
  mentee: Participant,
  mentor: Participant,
  s: MatchSettings,
  score?: number,
): RuleCode[] {
  const r = s.matching.rules;
  const out: RuleCode[] = [];
  const a = norm(mentee.email),
    b = norm(mentor.email);
  if (a === b) out.push(Rule.self);
  if (listed(mentee.avoid, mentor) || listed(mentor.avoid, mentee)) out.push(Rule.avoid);
  if (r.excludeManagerLine && (norm(mentee.managerEmail) === b || norm(mentor.managerEmail) === a))
    out.push(Rule.manager);
  if (
    r.excludeSameManagerTeam &&
    norm(mentee.managerEmail) &&
    norm(mentee.managerEmail) === norm(mentor.managerEmail)
  )
    out.push(Rule.sameManager);
  if (r.requireTraining && mentor.trainingCompleted !== true) out.push(Rule.training);
  if (!s.allowRepeat && s.history.has(pairKey(a, b))) out.push(Rule.repeat);
  const la = (mentee.languages ?? []).map(norm).filter(Boolean),
    lb = new Set((mentor.languages ?? []).map(norm).filter(Boolean));
  if (r.requireSharedLanguage && la.length && lb.size && !la.some((l) => lb.has(l)))
    out.push(Rule.language);
  if (r.minOverlapHours > 0 && pairOverlapMinutes(mentee, mentor, s) < r.minOverlapHours * 60)
    out.push(Rule.overlap);
  if (
    r.seniorityGap.mode === 'require' &&
    mentee.level !== undefined &&
    mentor.level !== undefined
  ) {
    const gap = mentor.level - mentee.level;
    if (gap < r.seniorityGap.min || gap > r.seniorityGap.max) out.push(Rule.seniority);
  }
  if (
    r.differentDepartment === 'require' &&
    norm(mentee.department) &&
    norm(mentee.department) === norm(mentor.department)
  )
    out.push(Rule.department);
  if (
    r.sameCohort === 'require' &&
    norm(mentee.cohort) &&
    norm(mentor.cohort) &&
    norm(mentee.cohort) !== norm(mentor.cohort)
  )
    out.push(Rule.cohort);
  if (
    s.matching.attributeRules.some(
      (x) =>
        x.mode === 'require' &&
        ruleApplies(x, mentee) &&
        !attributeHolds(
          x.compare,
          attributeOf(mentee, x.attribute),
          attributeOf(mentor, x.attribute),
        ),
    )
  )
    out.push(Rule.attribute);
  if (score !== undefined && score < s.minScore) out.push(Rule.minScore);
  return out;
}
