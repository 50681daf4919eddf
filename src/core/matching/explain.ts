/**
 * Why a pair was made, in words a program manager can repeat ("shares Python and Leadership; 3 h
 * overlap ...").
 */

import type { Participant } from '../types.js';
import {
  attributeHolds,
  attributeOf,
  enabledBase,
  ruleApplies,
  scorePair,
  splitValues,
  windowsFor,
  type MatchSettings,
} from './score.js';
import { norm } from '../keys.js';

/**
 * Reasons for a pair; attribute reasons on sensitive fields are kept apart so exports can leave
 * them out.
 */
export interface PairExplanation {
  score: number;
  reasons: string[];
  sensitiveReasons: string[];
}

/** "A", "A and B", "A, B and C". */
export function listWords(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** 1st, 2nd, 3rd, 4th, 11th, 21st ... */
export function ordinal(n: number): string {
  const t = n % 100;
  if (t >= 11 && t <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}

/** Hours as "3 h" / "1.5 h". */
const hoursWords = (minutes: number): string => `${Math.round((minutes / 60) * 10) / 10} h`;

/** The original spelling of each normalised item, taken from `source`. */
function display(shared: string[], source: string[]): string[] {
  const byNorm = new Map(source.map((x) => [norm(x), x.trim()] as const));
  return shared.map((x) => byNorm.get(x) ?? x);
}

/**
 * " (working hours assumed for X)" when someone gave no availability: the scheduler assumes the
 * same.
 */
function assumedNote(mentee: Participant, mentor: Participant, s: MatchSettings): string {
  const who = [mentee, mentor]
    .filter((p) => windowsFor(p, s).assumed)
    .map((p) => p.name || p.email);
  return who.length === 2
    ? ' (working hours assumed for both)'
    : who.length
      ? ` (working hours assumed for ${who[0]})`
      : '';
}

/** Explains one pair; `given` is an outside score (from --pair-scores) with the file's name. */
export function explainPair(
  mentee: Participant,
  mentor: Participant,
  s: MatchSettings,
  given?: { score: number; file: string },
): PairExplanation {
  const m = s.matching;
  const d = scorePair(mentee, mentor, s);
  const on = new Set(enabledBase(m).map((c) => c.id));
  const reasons: string[] = [];
  const sensitiveReasons: string[] = [];
  if (given) reasons.push(`score ${given.score} from ${given.file}`);
  if (d.sharedTopics.length)
    reasons.push(
      `shares ${listWords(display(d.sharedTopics, m.reverse ? mentor.topics : mentee.topics))}`,
    );
  if (d.overlap > 0)
    reasons.push(
      `${hoursWords(d.overlap)} overlap in availability${assumedNote(mentee, mentor, s)}`,
    );
  const langs = new Set((mentor.languages ?? []).map(norm));
  const sharedLangs = [...new Set((mentee.languages ?? []).map(norm))].filter(
    (l) => l && langs.has(l),
  );
  if (sharedLangs.length && (on.has('language') || m.rules.requireSharedLanguage))
    reasons.push(`both speak ${listWords(display(sharedLangs, mentee.languages))}`);
  const ints = new Set((mentor.interests ?? []).map(norm));
  const sharedInts = [...new Set((mentee.interests ?? []).map(norm))].filter(
    (x) => x && ints.has(x),
  );
  if (sharedInts.length && on.has('interests'))
    reasons.push(`both enjoy ${listWords(display(sharedInts, mentee.interests))}`);
  if (on.has('seniority') || m.rules.seniorityGap.mode === 'require') {
    const gap =
      mentor.level !== undefined && mentee.level !== undefined
        ? mentor.level - mentee.level
        : undefined;
    if (
      gap !== undefined &&
      gap >= m.rules.seniorityGap.min &&
      gap <= m.rules.seniorityGap.max &&
      gap > 0
    )
      reasons.push(`mentor is ${gap} level${gap === 1 ? '' : 's'} more senior`);
  }
  if (
    m.rules.differentDepartment !== 'ignore' &&
    norm(mentee.department) &&
    norm(mentor.department) &&
    norm(mentee.department) !== norm(mentor.department)
  )
    reasons.push('different department');
  if (
    m.rules.sameCohort !== 'ignore' &&
    norm(mentee.cohort) &&
    norm(mentee.cohort) === norm(mentor.cohort)
  )
    reasons.push('same cohort');
  if (d.prefRank > 0) reasons.push(`mentee's ${ordinal(d.prefRank)} choice`);
  for (const r of m.attributeRules) {
    if (r.mode === 'ignore' || !ruleApplies(r, mentee)) continue;
    const a = attributeOf(mentee, r.attribute),
      b = attributeOf(mentor, r.attribute);
    if (!attributeHolds(r.compare, a, b)) continue;
    const asked = r.whenMenteeAttribute ? ' (as the mentee asked)' : '';
    const name = r.attribute.trim().toLowerCase();
    const text =
      r.compare === 'overlap'
        ? `shares ${name} ${listWords(splitValues(a).filter((v) => splitValues(b).includes(v)))}${asked}`
        : `${r.compare} ${name}${asked}`;
    (s.sensitive.has(norm(r.attribute)) ? sensitiveReasons : reasons).push(text);
  }
  return { score: given ? given.score : d.score, reasons, sensitiveReasons };
}
