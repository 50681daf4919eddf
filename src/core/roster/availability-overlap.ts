/** Weekly overlap of two people's availability across time zones, fast enough for millions of pairs. */

import { tzOffset } from '@date-fns/tz';
import type { AvailabilityWindow } from '../types.js';

const WEEK = 7 * 1440;
const DAY_MS = 86_400_000;

/** UTC midnight of the Monday of the ISO week holding `refDate` (in UTC). */
function mondayUtc(refDate: Date): number {
  const day = Math.floor(refDate.getTime() / DAY_MS);
  // 1970-01-01 was a Thursday: (day + 3) % 7 is 0 on Mondays.
  return (day - ((((day + 3) % 7) + 7) % 7)) * DAY_MS;
}

/**
 * Converts local weekly windows to sorted, merged UTC minute-of-week intervals [s0, e0, s1, e1, ...]
 * for the week of `refDate` (each day uses its own offset, so a DST change mid-week is honoured).
 */
export function toUtcWeekIntervals(windows: AvailabilityWindow[], tz: string, refDate: Date): Int32Array {
  const monday = mondayUtc(refDate);
  const offsets: number[] = [];
  for (let d = 0; d < 7; d++) offsets.push(tzOffset(tz, new Date(monday + d * DAY_MS + 12 * 3_600_000)));
  const raw: Array<[number, number]> = [];
  for (const w of windows) {
    const base = (w.day - 1) * 1440 - offsets[w.day - 1];
    let s = base + w.start;
    let e = base + w.end;
    // Wrap around the week: a Monday-morning window in Asia can be Sunday evening in UTC.
    if (s < 0) [s, e] = [s + WEEK, e + WEEK];
    else if (s >= WEEK) [s, e] = [s - WEEK, e - WEEK];
    if (e > WEEK) {
      raw.push([s, WEEK], [0, e - WEEK]);
    } else raw.push([s, e]);
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

/** Minutes shared by two interval lists from toUtcWeekIntervals (a linear merge). */
export function overlapOfIntervals(a: Int32Array, b: Int32Array): number {
  let i = 0;
  let j = 0;
  let total = 0;
  while (i < a.length && j < b.length) {
    const s = a[i] > b[j] ? a[i] : b[j];
    const ea = a[i + 1];
    const eb = b[j + 1];
    if (ea < eb) {
      if (ea > s) total += ea - s;
      i += 2;
    } else {
      if (eb > s) total += eb - s;
      j += 2;
    }
  }
  return total;
}

/** Weekly overlap in minutes of two people's windows, each in their own zone, at the week of `refDate`. */
export function overlapMinutes(a: AvailabilityWindow[], tzA: string, b: AvailabilityWindow[], tzB: string, refDate: Date): number {
  return overlapOfIntervals(toUtcWeekIntervals(a, tzA, refDate), toUtcWeekIntervals(b, tzB, refDate));
}
