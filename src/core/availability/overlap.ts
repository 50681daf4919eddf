/**
 * Weekly overlap of two people's availability across time zones (shared by roster and matching),
 * fast enough for millions of pairs.
 */

import { tzOffset } from '@date-fns/tz';
import type { AvailabilityWindow } from '../types.js';

/** Minutes in a week: intervals are minutes from Monday 00:00 UTC. */
export const WEEK_MINUTES = 7 * 1440;
const DAY_MS = 86_400_000;

/**
 * Converts local weekly windows to sorted, merged UTC minute-of-week intervals [s0, e0, s1, e1,
 * ...]. Each weekday uses the zone's offset on that weekday's date within the 7 days from `refDate`
 * (the scheduler books the first meeting in those same 7 days), so a clock change in that week is
 * honoured day by day.
 */
export function toUtcWeekIntervals(
  windows: AvailabilityWindow[],
  tz: string,
  refDate: Date,
): Int32Array {
  if (!windows.length) return new Int32Array(0);
  const first = Math.floor(refDate.getTime() / DAY_MS);
  const offsets: number[] = new Array<number>(7);
  for (let d = 0; d < 7; d++) {
    const day = first + d;
    // 1970-01-01 was a Thursday: (day + 3) % 7 is 0 on Mondays.
    offsets[(((day + 3) % 7) + 7) % 7] = tzOffset(tz, new Date(day * DAY_MS + 12 * 3_600_000));
  }
  const raw: Array<[number, number]> = [];
  for (const w of windows) {
    const base = (w.day - 1) * 1440 - offsets[w.day - 1];
    let s = base + w.start;
    let e = base + w.end;
    // Wrap around the week: a Monday-morning window in Asia can be Sunday evening in UTC.
    if (s < 0) [s, e] = [s + WEEK_MINUTES, e + WEEK_MINUTES];
    else if (s >= WEEK_MINUTES) [s, e] = [s - WEEK_MINUTES, e - WEEK_MINUTES];
    if (e > WEEK_MINUTES) raw.push([s, WEEK_MINUTES], [0, e - WEEK_MINUTES]);
    else raw.push([s, e]);
  }
  raw.sort((a, b) => a[0] - b[0]);
  const out: number[] = [];
  for (const [s, e] of raw) {
    const n = out.length;
    if (n && s <= out[n - 1]) out[n - 1] = Math.max(out[n - 1], e);
    else out.push(s, e);
  }
  return Int32Array.from(out);
}

/**
 * Minutes shared by two interval lists read from flat arrays at [aFrom, aTo) and [bFrom, bTo) (a
 * linear merge). With `minRun` > 0 only common stretches where a meeting of `minRun` minutes fits
 * count, the meeting starting on a
 * `grid`-minute boundary (time-zone offsets are whole quarter hours, so a UTC grid is the local
 * grid too); a stretch over the Sunday/Monday boundary counts as one.
 */
export function commonMinutes(
  a: Int32Array,
  aFrom: number,
  aTo: number,
  b: Int32Array,
  bFrom: number,
  bTo: number,
  minRun = 0,
  grid = 1,
): number {
  let i = aFrom,
    j = bFrom,
    total = 0;
  // Stretches are evaluated one late, so the first (starting Monday 00:00) can join the last
  // (ending Sunday 24:00).
  let headE = -1,
    prevS = -1,
    prevE = -1;
  const fits = (s: number, e: number) => e - Math.ceil(s / grid) * grid >= minRun;
  while (i < aTo && j < bTo) {
    const s = a[i] > b[j] ? a[i] : b[j];
    const ea = a[i + 1],
      eb = b[j + 1];
    const e = ea < eb ? ea : eb;
    if (ea < eb) i += 2;
    else j += 2;
    if (e <= s) continue;
    if (minRun <= 0) {
      total += e - s;
      continue;
    }
    if (prevE >= 0 && fits(prevS, prevE)) total += prevE - prevS;
    if (s === 0 && headE < 0 && prevE < 0) {
      headE = e;
      prevS = prevE = -1;
      continue;
    }
    prevS = s;
    prevE = e;
  }
  if (minRun <= 0) return total;
  if (headE >= 0 && prevE === WEEK_MINUTES)
    return total + (fits(prevS, WEEK_MINUTES + headE) ? prevE - prevS + headE : 0);
  if (prevE >= 0 && fits(prevS, prevE)) total += prevE - prevS;
  if (headE >= 0 && fits(0, headE)) total += headE;
  return total;
}

/** Minutes shared by two interval lists from toUtcWeekIntervals. */
export function overlapOfIntervals(a: Int32Array, b: Int32Array): number {
  return commonMinutes(a, 0, a.length, b, 0, b.length);
}

/**
 * Weekly overlap in minutes of two people's windows, each in their own zone, in the 7 days from
 * `refDate`.
 */
export function overlapMinutes(
  a: AvailabilityWindow[],
  tzA: string,
  b: AvailabilityWindow[],
  tzB: string,
  refDate: Date,
): number {
  return overlapOfIntervals(
    toUtcWeekIntervals(a, tzA, refDate),
    toUtcWeekIntervals(b, tzB, refDate),
  );
}

/**
 * Working hours as weekly windows ("09:00"-"17:00" on the given ISO weekdays): the availability
 * assumed for someone who gave none.
 */
export function workingHoursWindows(hours: {
  start: string;
  end: string;
  days: number[];
}): AvailabilityWindow[] {
  const clock = (t: string) => {
    const [h, m] = t.split(':').map(Number);
    return h * 60 + (m || 0);
  };
  const start = clock(hours.start),
    end = clock(hours.end);
  return hours.days.map((day) => ({ day: day as AvailabilityWindow['day'], start, end }));
}
