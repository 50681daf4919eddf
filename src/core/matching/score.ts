/**
 * The matching score of one pair (0-100): a weighted average of criterion similarities. Reference
 * (slow) path, used by explain and tests.
 */

import { norm } from '../keys.js';
import { defaultConfig, type MatchingConfig, type ScheduleConfig } from '../config.js';
import type { AvailabilityWindow, Participant } from '../types.js';
import { commonMinutes, toUtcWeekIntervals, workingHoursWindows } from '../availability/overlap.js';

/** Everything scoring and rules need besides the two people. */
export interface MatchSettings {
  matching: MatchingConfig;
  /** Attribute names (lower case) that must never appear in exports. */
  sensitive: Set<string>;
  defaultTimezone: string;
  /** Date at which time-zone offsets are taken (program start). */
  refDate: Date;
  /** Earlier pairs (pairKey) never proposed again unless allowRepeat. */
  history: Set<string>;
  allowRepeat: boolean;
  minScore: number;
  /**
   * What the scheduler assumes and needs (default: the default config's): someone who gave no
   * availability is available in `workingHours`, and only common stretches that fit a meeting of
   * `meetingMinutes` count.
   */
  schedule?: Pick<ScheduleConfig, 'workingHours' | 'meetingMinutes'>;
}

/** The scheduler's 15-minute grid: a meeting starts on a quarter hour. */
export const MEETING_GRID_MINUTES = 15;
const DEFAULT_SCHEDULE = defaultConfig().schedule;

/**
 * A person's weekly windows as the scheduler sees them: their own, else the working hours (flag
 * `assumed`).
 */
export function windowsFor(
  p: Participant,
  s: MatchSettings,
): { windows: AvailabilityWindow[]; assumed: boolean } {
  if (p.availability?.length) return { windows: p.availability, assumed: false };
  return {
    windows: workingHoursWindows((s.schedule ?? DEFAULT_SCHEDULE).workingHours),
    assumed: true,
  };
}

/** Shortest common stretch that counts as overlap: one meeting (schedule.meetingMinutes). */
export const meetingMinutesOf = (s: MatchSettings): number =>
  (s.schedule ?? DEFAULT_SCHEDULE).meetingMinutes;

/** Availability overlap that counts as a full match (3 hours a week). */
export const OVERLAP_SATURATION_MINUTES = 180;

export type BaseCriterion =
  | 'topics'
  | 'interests'
  | 'language'
  | 'availability'
  | 'seniority'
  | 'department'
  | 'cohort'
  | 'preferences';
const BASE_CRITERIA: BaseCriterion[] = [
  'topics',
  'interests',
  'language',
  'availability',
  'seniority',
  'department',
  'cohort',
  'preferences',
];

/** One criterion's contribution to a pair's score. */
export interface CriterionPart {
  id: string;
  weight: number;
  similarity: number;
}

/** A yes-like cell ("yes", "true", "x", "1"). */
const isYes = (s: string | undefined): boolean =>
  /^(yes|y|true|1|x|ja|oui|si|sí)$/i.test((s ?? '').trim());
/** Splits a multi-value attribute cell. */
export const splitValues = (s: string | undefined): string[] =>
  (s ?? '').split(/[,;|]/).map(norm).filter(Boolean);

/** An attribute of a person, matching the header case-insensitively. */
export function attributeOf(p: Participant, name: string): string | undefined {
  const want = norm(name);
  for (const k of Object.keys(p.attributes ?? {})) if (norm(k) === want) return p.attributes[k];
  return undefined;
}

/** Base criteria that count: weight above 0 and, for rule-backed ones, mode not "ignore". */
export function enabledBase(m: MatchingConfig): Array<{ id: BaseCriterion; weight: number }> {
  return BASE_CRITERIA.filter(
    (id) =>
      m.weights[id] > 0 &&
      !(id === 'seniority' && m.rules.seniorityGap.mode === 'ignore') &&
      !(id === 'department' && m.rules.differentDepartment === 'ignore') &&
      !(id === 'cohort' && m.rules.sameCohort === 'ignore'),
  ).map((id) => ({ id, weight: m.weights[id] }));
}

/**
 * Whether attribute rule applies to this mentee (whenMenteeAttribute asked for it, or no
 * condition).
 */
export function ruleApplies(
  rule: MatchingConfig['attributeRules'][number],
  mentee: Participant,
): boolean {
  return !rule.whenMenteeAttribute || isYes(attributeOf(mentee, rule.whenMenteeAttribute));
}

/** Whether two people satisfy an attribute comparison. */
export function attributeHolds(
  compare: 'same' | 'different' | 'overlap',
  a: string | undefined,
  b: string | undefined,
): boolean {
  if (compare === 'overlap') {
    const bs = new Set(splitValues(b));
    return splitValues(a).some((v) => bs.has(v));
  }
  const x = norm(a),
    y = norm(b);
  if (!x || !y) return false;
  return compare === 'same' ? x === y : x !== y;
}

const dedupe = (xs: string[]): string[] => [...new Set(xs.map(norm).filter(Boolean))];

/**
 * Weekly common time of two people, in minutes, after converting time zones: only stretches long
 * enough for one meeting count, and working hours stand in for missing availability (what the
 * scheduler can book).
 */
export function pairOverlapMinutes(a: Participant, b: Participant, s: MatchSettings): number {
  const ia = toUtcWeekIntervals(
    windowsFor(a, s).windows,
    a.timezone || s.defaultTimezone,
    s.refDate,
  );
  const ib = toUtcWeekIntervals(
    windowsFor(b, s).windows,
    b.timezone || s.defaultTimezone,
    s.refDate,
  );
  return commonMinutes(
    ia,
    0,
    ia.length,
    ib,
    0,
    ib.length,
    meetingMinutesOf(s),
    MEETING_GRID_MINUTES,
  );
}

/**
 * 1-based position of `mentor` in the mentee's ranked preferences (email or name), 0 when not
 * listed.
 */
export function preferenceRank(mentee: Participant, mentor: Participant): number {
  const prefs = dedupe(mentee.preferences ?? []);
  const i = prefs.findIndex((p) => p === norm(mentor.email) || p === norm(mentor.name));
  return i + 1;
}

/**
 * Position-weighted share of the wanted topics that the other side offers (earlier topics count
 * more).
 */
export function topicSimilarity(
  wanted: string[],
  offered: string[],
): { similarity: number; shared: string[] } {
  const w = dedupe(wanted);
  const off = new Set(dedupe(offered));
  const k = w.length;
  let got = 0;
  const shared: string[] = [];
  w.forEach((t, i) => {
    if (off.has(t)) {
      got += k - i;
      shared.push(t);
    }
  });
  return { similarity: k ? got / ((k * (k + 1)) / 2) : 0, shared };
}

/**
 * Detailed similarities of one pair; the score rounds to 2 decimals so the fast kernel agrees
 * exactly.
 */
export function scorePair(
  mentee: Participant,
  mentor: Participant,
  s: MatchSettings,
): {
  score: number;
  parts: CriterionPart[];
  overlap: number;
  sharedTopics: string[];
  prefRank: number;
} {
  const m = s.matching;
  const [wanted, offered] = m.reverse
    ? [mentor.topics, mentee.topics]
    : [mentee.topics, mentor.topics];
  const topics = topicSimilarity(wanted ?? [], offered ?? []);
  const overlap = pairOverlapMinutes(mentee, mentor, s);
  const prefRank = preferenceRank(mentee, mentor);
  const nPrefs = dedupe(mentee.preferences ?? []).length;
  const parts: CriterionPart[] = [];
  for (const { id, weight } of enabledBase(m))
    parts.push({ id, weight, similarity: baseSimilarity(id) });
  m.attributeRules.forEach((r, i) => {
    if (r.mode !== 'prefer' || r.weight <= 0 || !ruleApplies(r, mentee)) return;
    parts.push({
      id: `attribute:${i}`,
      weight: r.weight,
      similarity: attributeHolds(
        r.compare,
        attributeOf(mentee, r.attribute),
        attributeOf(mentor, r.attribute),
      )
        ? 1
        : 0,
    });
  });
  let num = 0,
    den = 0;
  for (const p of parts) {
    num += p.weight * p.similarity;
    den += p.weight;
  }
  const score = den > 0 ? Math.round(((100 * num) / den) * 100) / 100 : 0;
  return { score, parts, overlap, sharedTopics: topics.shared, prefRank };

  function baseSimilarity(id: BaseCriterion): number {
    switch (id) {
      case 'topics':
        return topics.similarity;
      case 'interests': {
        const a = dedupe(mentee.interests ?? []),
          b = new Set(dedupe(mentor.interests ?? []));
        const inter = a.filter((x) => b.has(x)).length;
        const union = a.length + b.size - inter;
        return union ? inter / union : 0;
      }
      case 'language': {
        const b = new Set(dedupe(mentor.languages ?? []));
        return dedupe(mentee.languages ?? []).some((x) => b.has(x)) ? 1 : 0;
      }
      case 'availability':
        return Math.min(1, overlap / OVERLAP_SATURATION_MINUTES);
      case 'seniority': {
        if (mentee.level === undefined || mentor.level === undefined) return 0;
        const gap = mentor.level - mentee.level;
        return gap >= m.rules.seniorityGap.min && gap <= m.rules.seniorityGap.max ? 1 : 0;
      }
      case 'department':
        return norm(mentee.department) &&
          norm(mentor.department) &&
          norm(mentee.department) !== norm(mentor.department)
          ? 1
          : 0;
      case 'cohort':
        return norm(mentee.cohort) && norm(mentee.cohort) === norm(mentor.cohort) ? 1 : 0;
      case 'preferences':
        return prefRank > 0 ? (nPrefs - prefRank + 1) / nPrefs : 0;
    }
  }
}
