/**
 * Reading weekly availability from free text, in the person's own time zone (no conversion here).
 */

import type { AvailabilityWindow, Weekday } from '../types.js';

export { overlapMinutes, overlapOfIntervals, toUtcWeekIntervals } from './overlap.js';

/** What the words mean, in minutes from local midnight: documented for program managers. */
export const DAY_PERIODS = {
  morning: { start: 9 * 60, end: 12 * 60 },
  lunch: { start: 12 * 60, end: 13 * 60 },
  afternoon: { start: 13 * 60, end: 17 * 60 },
  evening: { start: 18 * 60, end: 21 * 60 },
  /** A day named without times, "any time", "flexible" and "working hours". */
  workingHours: { start: 9 * 60, end: 17 * 60 },
} as const;

const DAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const WEEKDAYS: Weekday[] = [1, 2, 3, 4, 5];
const DAY_WORDS = new Map<string, Weekday>();
(
  [
    'mon monday mondays mo m mons',
    'tue tues tuesday tuesdays tu t',
    'wed weds wednesday wednesdays we w',
    'thu thur thurs thursday thursdays th r',
    'fri friday fridays fr f fris',
    'sat saturday saturdays sa',
    'sun sunday sundays su',
  ] as const
).forEach((words, i) => {
  for (const w of words.split(' ')) DAY_WORDS.set(w, (i + 1) as Weekday);
});
const DAY_SETS = new Map<string, Weekday[]>([
  ['weekday', WEEKDAYS],
  ['weekdays', WEEKDAYS],
  ['weekend', [6, 7]],
  ['weekends', [6, 7]],
  ['daily', [1, 2, 3, 4, 5, 6, 7]],
]);
const PERIOD_WORDS = new Map<string, { start: number; end: number }>([
  ['morning', DAY_PERIODS.morning],
  ['mornings', DAY_PERIODS.morning],
  ['am', DAY_PERIODS.morning],
  ['afternoon', DAY_PERIODS.afternoon],
  ['afternoons', DAY_PERIODS.afternoon],
  ['pm', DAY_PERIODS.afternoon],
  ['evening', DAY_PERIODS.evening],
  ['evenings', DAY_PERIODS.evening],
  ['night', DAY_PERIODS.evening],
  ['nights', DAY_PERIODS.evening],
  ['lunch', DAY_PERIODS.lunch],
  ['lunchtime', DAY_PERIODS.lunch],
  ['anytime', DAY_PERIODS.workingHours],
  ['allday', DAY_PERIODS.workingHours],
]);
const FILLER = new Set([
  'and',
  'or',
  'on',
  'at',
  'from',
  'between',
  'the',
  'every',
  'in',
  'my',
  'local',
  'time',
  'only',
  'also',
  'are',
  'is',
  'i',
  'h',
  'any',
  'available',
  'free',
  'hours',
  'hrs',
  'usually',
  'generally',
  'preferably',
  'ideally',
  'most',
  'mostly',
  'all',
  'a',
  'week',
  'days',
  'day',
  'during',
  'normally',
  'typically',
  'around',
  'about',
  'approx',
  'prefer',
  'best',
  'works',
  'good',
  'for',
  'me',
  'starting',
]);

/** Words that bound a time on one side: "after 3pm", "from 5pm", "before 10". */
const AFTER_WORDS = new Set(['after', 'from', 'since', 'past']);
const BEFORE_WORDS = new Set(['before']);
const EXCEPT_WORDS = new Set(['except', 'but', 'excluding', 'not']);

/** Answers that mean "no answer": empty availability, no error. */
const NO_ANSWER =
  /^(?:n\.?\s*\/?\s*a\.?|tbd|tbc|\?+|-+|–|—|none|unknown|not sure(?: yet)?|don'?t know(?: yet)?|idk|to be (?:decided|confirmed)|see (?:notes?|comments?|below)|will confirm(?: later)?)\.?$/i;

/** How long a window a single start time gives ("Tuesdays 3pm"): one meeting. */
const SINGLE_TIME_MINUTES = 60;

const PHRASES: Array<[RegExp, string]> = [
  [/[–—−]/g, '-'],
  [/\b(?:to|till|until|through|thru)\b/g, '-'],
  [/\bevery\s*day\b/g, 'daily'],
  [/\b(?:any\s*time|flexible|whenever)\b/g, 'anytime'],
  [/\ball\s*day\b/g, 'allday'],
  [/\b(?:working|business|office)\s+hours\b/g, 'allday'],
  [/\blunch\s*time\b/g, 'lunch'],
];
const TOKEN =
  /\s*(?:(\d{1,2})(?:[:.h](\d{2}))?(?:\s*([ap])\.?m\b\.?)?|(noon|midday|midnight)\b|([a-z]+)|([-,;/&+().\n]))/y;

type Tok =
  | { k: 'time'; h: number; m: number; suffix?: 'a' | 'p'; bare: boolean }
  | { k: 'days'; days: Weekday[] }
  | { k: 'period'; start: number; end: number }
  | { k: 'dash' }
  | { k: 'after' }
  | { k: 'before' }
  | { k: 'except' };

/** Example shown when a cell cannot be read. */
export const AVAILABILITY_EXAMPLE =
  'Mon 09:00-12:00; Wed 14:00-17:00 (or "Tuesday and Thursday mornings")';

function tokenise(text: string, unknown: string[]): Tok[] | undefined {
  let s = text.toLowerCase();
  for (const [re, to] of PHRASES) s = s.replace(re, to);
  const out: Tok[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < s.length) {
    if (/^\s*$/.test(s.slice(TOKEN.lastIndex))) break;
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(s);
    if (!m) {
      // A character no rule knows (an emoji, a quote): skip it as commentary. A failed sticky
      // match resets lastIndex, so step on from where it was.
      unknown.push(s[at]);
      TOKEN.lastIndex = at + 1;
      continue;
    }
    if (m[1] !== undefined)
      out.push({
        k: 'time',
        h: Number(m[1]),
        m: Number(m[2] ?? 0),
        suffix: m[3] as 'a' | 'p' | undefined,
        bare: m[2] === undefined,
      });
    else if (m[4])
      out.push({
        k: 'time',
        h: m[4] === 'midnight' ? 0 : 12,
        m: 0,
        suffix: m[4] === 'midnight' ? 'a' : 'p',
        bare: false,
      });
    else if (m[5]) {
      const w = m[5];
      // One- and two-letter days ("M/W/F", "Tu/Th") only in a list, never inside words ("I'm").
      const short = w.length <= 2 && !listed(s, m.index + m[0].length - w.length, TOKEN.lastIndex);
      const day = short ? undefined : DAY_WORDS.get(w);
      const set = DAY_SETS.get(w);
      const period = PERIOD_WORDS.get(w);
      if (day) out.push({ k: 'days', days: [day] });
      else if (set) out.push({ k: 'days', days: set });
      else if (period) out.push({ k: 'period', ...period });
      else if (AFTER_WORDS.has(w)) out.push({ k: 'after' });
      else if (BEFORE_WORDS.has(w)) out.push({ k: 'before' });
      else if (EXCEPT_WORDS.has(w)) out.push({ k: 'except' });
      else if (!FILLER.has(w)) unknown.push(w);
    } else if (m[6] === '-') out.push({ k: 'dash' });
  }
  return out;
}

/** True when the word at s[from, to) stands next to a list separator (/ , - &) or alone. */
function listed(s: string, from: number, to: number): boolean {
  const before = s.slice(0, from).trimEnd();
  const after = s.slice(to).trimStart();
  const sep = /[/,&+-]/;
  return (
    sep.test(before.slice(-1)) || sep.test(after.slice(0, 1)) || (!before && /^\d/.test(after))
  );
}

const clock = (h: number, m: number, suffix?: 'a' | 'p'): number =>
  (suffix ? (h % 12) + (suffix === 'p' ? 12 : 0) : h) * 60 + m;

/**
 * Resolves a time range with or without am/pm: "9-11am", "10-2pm", "9-5" (17:00), "1-3"
 * (13:00-15:00).
 */
function resolveRange(
  a: Tok & { k: 'time' },
  b: Tok & { k: 'time' },
): [number, number] | undefined {
  for (const t of [a, b])
    if (t.m > 59 || t.h > 24 || (t.suffix && (t.h < 1 || t.h > 12))) return undefined;
  let s: number;
  let e: number;
  if (a.suffix && b.suffix) [s, e] = [clock(a.h, a.m, a.suffix), clock(b.h, b.m, b.suffix)];
  else if (b.suffix) {
    e = clock(b.h, b.m, b.suffix);
    s = clock(a.h, a.m, b.suffix);
    if (s >= e) s = clock(a.h, a.m, b.suffix === 'p' ? 'a' : 'p');
  } else if (a.suffix) {
    s = clock(a.h, a.m, a.suffix);
    e = clock(b.h, b.m, a.suffix);
    if (e <= s) e = clock(b.h, b.m, a.suffix === 'p' ? 'a' : 'p');
  } else {
    [s, e] = [clock(a.h, a.m), clock(b.h, b.m)];
    if (a.bare && b.bare && b.h <= 12) {
      // Bare hours are office talk: "9-5" ends at 17:00 and "1-3" is the afternoon.
      if (a.h >= 1 && a.h <= 6 && b.h > a.h) [s, e] = [s + 720, e + 720];
      else if (e <= s) e += 720;
    }
  }
  if (e === 0 && s > 0) e = 1440;
  return s === e ? undefined : [s, e];
}

/**
 * Parses availability text into merged, sorted weekly windows. A no-answer ("N/A", "TBD") gives no
 * windows; words it does not know are skipped when the rest reads (`notice` names them); text with
 * nothing readable -> error.
 */
export function parseAvailability(text: string): {
  windows: AvailabilityWindow[];
  error?: string;
  notice?: string;
} {
  const t = text.trim();
  if (!t || NO_ANSWER.test(t)) return { windows: [] };
  const unknown: string[] = [];
  const windows = readWindows(t, unknown);
  if (!windows || windows.length === 0) {
    return {
      windows: [],
      error: `availability "${t}" could not be read; write it like ${AVAILABILITY_EXAMPLE}`,
    };
  }
  const words = unknown.filter((u) => /\p{L}/u.test(u));
  if (!words.length) return { windows: mergeWindows(windows) };
  return {
    windows: mergeWindows(windows),
    notice: `availability "${t}" read as ${formatAvailability(mergeWindows(windows))}; ignored "${words.join(' ')}"`,
  };
}

/** The end of an "after T" window: the end of the working day, or of the evening. */
const afterEnd = (t: number): number =>
  t < DAY_PERIODS.workingHours.end
    ? DAY_PERIODS.workingHours.end
    : Math.max(DAY_PERIODS.evening.end, t + SINGLE_TIME_MINUTES);

function readWindows(text: string, unknown: string[]): AvailabilityWindow[] | undefined {
  const toks = tokenise(text, unknown);
  if (!toks) return undefined;
  const out: AvailabilityWindow[] = [];
  let days: Weekday[] = [];
  let applied = false;
  // Windows given before any day ("after 5pm on weekdays"): moved to the days named after them.
  let defaulted: { from: number; ranges: Array<[number, number]> } | undefined;
  const add = (start: number, end: number): void => {
    if (!days.length) {
      defaulted ??= { from: out.length, ranges: [] };
      defaulted.ranges.push([start, end]);
    } else defaulted = undefined;
    const target = days.length ? days : WEEKDAYS;
    for (const d of target) {
      if (end > start) out.push({ day: d, start, end });
      else {
        // Crosses midnight: the rest belongs to the next day.
        out.push({ day: d, start, end: 1440 });
        if (end > 0) out.push({ day: ((d % 7) + 1) as Weekday, start: 0, end });
      }
    }
    applied = true;
  };
  let except = false;
  let bound: 'after' | 'before' | undefined;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (t.k === 'days') {
      if (applied) [days, applied] = [[], false];
      const next = toks[i + 2];
      const named: Weekday[] = [];
      if (
        toks[i + 1]?.k === 'dash' &&
        next?.k === 'days' &&
        t.days.length === 1 &&
        next.days.length === 1
      ) {
        for (let d = t.days[0]; ; d = ((d % 7) + 1) as Weekday) {
          named.push(d);
          if (d === next.days[0]) break;
        }
        i += 2;
      } else named.push(...t.days);
      // "weekdays except Friday": the days named after "except" leave the list.
      if (except) days = (days.length ? days : [...WEEKDAYS]).filter((d) => !named.includes(d));
      else days.push(...named);
      if (defaulted && applied === false && days.length) {
        const { from, ranges } = defaulted;
        out.length = from;
        defaulted = undefined;
        for (const [a, b] of ranges) add(a, b);
      }
    } else if (t.k === 'except') except = true;
    else if (t.k === 'after' || t.k === 'before') bound = t.k;
    else if (t.k === 'period') add(t.start, t.end);
    else if (t.k === 'time' || (t.k === 'dash' && toks[i + 1]?.k === 'time')) {
      if (t.k === 'dash') {
        // "until 5pm" (read as "- 5pm"): a bound before that time.
        bound = 'before';
        continue;
      }
      const next = toks[i + 2];
      if (toks[i + 1]?.k === 'dash' && next?.k === 'time') {
        const range = resolveRange(t, next);
        if (!range) return undefined;
        add(range[0], range[1]);
        i += 2;
      } else {
        // A single time: "after 3pm", "before 10", or a start time ("Tuesdays 3pm").
        const at = singleTime(t);
        if (at === undefined) return undefined;
        if (bound === 'after') add(at, afterEnd(at));
        else if (bound === 'before')
          add(Math.min(DAY_PERIODS.workingHours.start, at - SINGLE_TIME_MINUTES), at);
        else add(at, Math.min(1440, at + SINGLE_TIME_MINUTES));
      }
      bound = undefined;
    } else if (t.k === 'dash') continue;
    else return undefined;
  }
  if (days.length && !applied) add(DAY_PERIODS.workingHours.start, DAY_PERIODS.workingHours.end);
  return out;
}

/** Minutes of a single time: "3pm", "15:00", "9" (bare 1-6 is afternoon office talk). */
function singleTime(t: Tok & { k: 'time' }): number | undefined {
  if (t.m > 59 || t.h > 23 || (t.suffix && (t.h < 1 || t.h > 12))) return undefined;
  if (t.suffix) return clock(t.h, t.m, t.suffix);
  if (t.bare && t.h >= 1 && t.h <= 6) return (t.h + 12) * 60;
  return clock(t.h, t.m);
}

/** Sorts windows by day and start and merges overlapping or touching ones. */
export function mergeWindows(windows: AvailabilityWindow[]): AvailabilityWindow[] {
  const sorted = [...windows].sort((a, b) => a.day - b.day || a.start - b.start);
  const out: AvailabilityWindow[] = [];
  for (const w of sorted) {
    const last = out[out.length - 1];
    if (last && last.day === w.day && w.start <= last.end) last.end = Math.max(last.end, w.end);
    else out.push({ day: w.day, start: w.start, end: w.end });
  }
  return out;
}

const hhmm = (m: number): string =>
  `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** Formats windows as "Mon 09:00-12:00; Wed 14:00-17:00" (parseAvailability reads it back). */
export function formatAvailability(windows: AvailabilityWindow[]): string {
  return windows.map((w) => `${DAY_NAMES[w.day - 1]} ${hhmm(w.start)}-${hhmm(w.end)}`).join('; ');
}
