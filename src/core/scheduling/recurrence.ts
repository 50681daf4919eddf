/**
 * The dates of a meeting series: weekly, every two weeks or monthly (same weekday of the month),
 * with blackouts.
 */

import type { ScheduleConfig } from '../config.js';
import type { Occurrence } from './model.js';
import { dayNumber, dayString, formatClock, isoWeekday } from '../timezones/clock.js';

const BYDAY = ['', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

/** What a series needs to know. */
export interface SeriesInput {
  firstDay: number;
  minute: number;
  frequency: ScheduleConfig['frequency'];
  /** Number of meetings held; when absent the series runs to endDay. */
  count?: number;
  endDay: number;
  blackout: ReadonlySet<string>;
  onBlackout: ScheduleConfig['onBlackout'];
  /** Whether a blacked-out meeting may move to this day (both people free at that time). */
  canMoveTo: (day: number) => boolean;
}

/** Which weekday of its month a day is: 1..4, or -1 for a fifth (= last) one. */
function weekOfMonth(day: number): number {
  const n = Math.ceil(Number(dayString(day).slice(8, 10)) / 7);
  return n === 5 ? -1 : n;
}

/** The day in the month of `year`/`month0` that is the `nth` given weekday (nth -1 = last). */
function nthWeekday(year: number, month0: number, weekday: number, nth: number): number {
  if (nth > 0) {
    const first = dayNumber(new Date(Date.UTC(year, month0, 1)).toISOString().slice(0, 10));
    return first + ((weekday - isoWeekday(first) + 7) % 7) + (nth - 1) * 7;
  }
  const last = dayNumber(new Date(Date.UTC(year, month0 + 1, 0)).toISOString().slice(0, 10));
  return last - ((isoWeekday(last) - weekday + 7) % 7);
}

/** Rule dates in order (before blackouts), as many as could be needed. */
function* ruleDays(input: SeriesInput): Generator<number> {
  if (input.frequency !== 'monthly') {
    const step = input.frequency === 'weekly' ? 7 : 14;
    for (let d = input.firstDay; ; d += step) yield d;
  }
  const weekday = isoWeekday(input.firstDay);
  const nth = weekOfMonth(input.firstDay);
  const first = new Date(input.firstDay * 86_400_000);
  for (let m = 0; ; m++)
    yield nthWeekday(first.getUTCFullYear(), first.getUTCMonth() + m, weekday, nth);
}

/** Every occurrence of the series, with skipped and moved ones marked. */
export function buildOccurrences(input: SeriesInput): Occurrence[] {
  const out: Occurrence[] = [];
  const time = formatClock(input.minute);
  const limit = input.count ?? Number.POSITIVE_INFINITY;
  let held = 0;
  const days = ruleDays(input);
  let next = days.next().value as number;
  while (held < limit && next <= input.endDay) {
    const day = next;
    next = days.next().value as number;
    const ruleDate = dayString(day);
    if (!input.blackout.has(ruleDate)) {
      out.push({ number: ++held, ruleDate, date: ruleDate, time, status: 'scheduled' });
      continue;
    }
    let moved: number | undefined;
    if (input.onBlackout === 'next-free-day') {
      for (let d = day + 1; d < Math.min(next, day + 7) && d <= input.endDay; d++) {
        if (!input.blackout.has(dayString(d)) && input.canMoveTo(d)) {
          moved = d;
          break;
        }
      }
    }
    if (moved === undefined)
      out.push({ number: 0, ruleDate, date: ruleDate, time, status: 'skipped' });
    else out.push({ number: ++held, ruleDate, date: dayString(moved), time, status: 'moved' });
  }
  return out;
}

/** The RRULE value for a series whose last rule date starts at `untilUtc` (ms). */
export function recurrenceRule(
  frequency: ScheduleConfig['frequency'],
  firstDay: number,
  untilUtc: number,
): string {
  const until = new Date(untilUtc)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
  const day = BYDAY[isoWeekday(firstDay)];
  if (frequency === 'monthly')
    return `FREQ=MONTHLY;BYDAY=${weekOfMonth(firstDay)}${day};UNTIL=${until}`;
  return `FREQ=WEEKLY;INTERVAL=${frequency === 'weekly' ? 1 : 2};BYDAY=${day};WKST=MO;UNTIL=${until}`;
}
