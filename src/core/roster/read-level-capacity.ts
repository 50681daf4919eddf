/**
 * Reading level and capacity as people really type them: "Senior (L5)", "IC6", "Band 3", "1-2",
 * "as many as needed", "paused".
 */

import type { Parsed } from './normalise.js';

/**
 * Level words and the number each stands for (documented in README; config
 * `participants.levelWords` is meant to extend it).
 */
export const DEFAULT_LEVEL_WORDS: Readonly<Record<string, number>> = Object.freeze({
  intern: 1,
  graduate: 1,
  junior: 2,
  associate: 2,
  mid: 3,
  'mid-level': 3,
  intermediate: 3,
  senior: 5,
  lead: 6,
  staff: 6,
  manager: 6,
  principal: 7,
  'senior manager': 7,
  director: 8,
  'senior director': 9,
  vp: 10,
  'vice president': 10,
  executive: 10,
});

// "L5", "Level 5", "lvl 5", "IC6", "P4", "M2", "E5", "Band 3", "Grade 7", "G7", "5".
const NUMBERED =
  /(?:^|[\s(,/-])(?:l|lvl|level|ic|p|m|e|t|g|grade|band|step|tier)?\s*[-.:#]?\s*(\d{1,2})(?=$|[\s),/])/i;

const fold = (t: string): string =>
  t
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/**
 * Reads a seniority level: the number in "L5", "Senior (L5)", "IC6", "P4", "Band 3", "Grade 7";
 * else a level word ("Senior", "Manager"); else an error (the caller flags it for attention).
 */
export function readLevel(
  text: string,
  words: Readonly<Record<string, number>> = DEFAULT_LEVEL_WORDS,
): Parsed<number> {
  const t = text.trim();
  if (!t) return {};
  const m = NUMBERED.exec(t);
  if (m) return { value: Number(m[1]) };
  const key = fold(t);
  const lookup = (k: string): number | undefined =>
    Object.hasOwn(words, k) ? words[k] : undefined;
  let value = lookup(key);
  // "Senior engineer", "Engineering manager": the longest known word inside the text.
  if (value === undefined) {
    let best = '';
    for (const w of Object.keys(words))
      if (w.length > best.length && ` ${key} `.includes(` ${fold(w)} `)) best = w;
    if (best) value = words[best];
  }
  if (value !== undefined) return { value };
  return {
    error: {
      code: 'level-invalid',
      message: `level "${t}" is not a number or a known level word`,
      hint: 'Write the level as a number such as 5 (L5, IC5, Band 5) or a word such as Senior',
    },
  };
}

const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  a: 1,
  an: 1,
  single: 1,
  couple: 2,
  few: 3,
};

/** What "as many as needed" and "unlimited" give: the most a mentor is given without a number. */
const AS_MANY_AS_NEEDED = 5;

const PAUSED =
  /^(?:0|zero|none|no|nil|paused?|on hold|not (?:this|now)|none (?:this|for now)|not available|unavailable|skip)\b/i;
const AS_MANY = /\b(?:as many|unlimited|no limit|any number|whatever is needed)\b/i;
const RANGE = /^(\d{1,2}|[a-z]+)\s*(?:-|–|to|or)\s*(\d{1,2}|[a-z]+)\b/i;
const SINGLE =
  /^(?:up\s+to\s+|max(?:imum)?\s+|at most\s+|about\s+|around\s+|~\s*)?(\d{1,2}|[a-z]+)\b/i;

const numberOf = (w: string): number =>
  /^\d+$/.test(w) ? Number(w) : (NUMBER_WORDS[w.toLowerCase()] ?? NaN);

/**
 * Reads a mentor's capacity: a number 1..50 or a word ("two"); "1-2" gives the upper bound with a
 * notice; "as many as needed" gives AS_MANY_AS_NEEDED; 0, "none this round", "paused" give 0 (a
 * paused mentor, never matched); empty gives the default.
 */
export function readCapacity(text: string, defaultCapacity: number): Parsed<number> {
  const t = text.trim().replace(/\s+/g, ' ');
  if (!t) return { value: defaultCapacity };
  if (AS_MANY.test(t))
    return {
      value: AS_MANY_AS_NEEDED,
      warning: {
        code: 'capacity-as-many',
        message: `capacity "${t}" read as ${AS_MANY_AS_NEEDED}`,
        hint: 'Write a number if this mentor should take more or fewer',
      },
    };
  if (PAUSED.test(t)) return { value: 0 };
  const range = RANGE.exec(t);
  if (range) {
    const [a, b] = [numberOf(range[1]), numberOf(range[2])];
    if (Number.isInteger(a) && Number.isInteger(b) && b >= a && b >= 1 && b <= 50)
      return {
        value: b,
        warning: {
          code: 'capacity-range',
          message: `capacity "${t}" read as ${b} (the upper bound)`,
          hint: 'Write one number if this mentor wants fewer',
        },
      };
  }
  const single = SINGLE.exec(t.replace(/^an?\s+(?=couple|few)/i, ''));
  const n = single ? numberOf(single[1]) : NaN;
  if (Number.isInteger(n) && n >= 1 && n <= 50) return { value: n };
  return {
    error: {
      code: 'capacity-invalid',
      message: `capacity "${t}" is not a number of mentees from 0 to 50`,
      hint: 'Enter how many mentees this mentor can take, e.g. 2 (0 or "paused" to sit this round out)',
    },
  };
}
