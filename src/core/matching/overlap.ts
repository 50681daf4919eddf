/** Weekly availability as sorted UTC minute-of-week intervals, and their overlap (own small equivalent of roster/availability). */

import type { AvailabilityWindow } from '../types.js';

const WEEK = 7 * 1440;

/** Minutes the zone is ahead of UTC at `at` (e.g. +60 for Europe/Madrid in winter). */
export function zoneOffsetMinutes(tz: string, at: Date): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: tz, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
  }).formatToParts(at);
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? 0);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return Math.round((wall - Math.floor(at.getTime() / 60000) * 60000) / 60000);
}

const offsetCache = new Map<string, number>();

/** Converts local weekly windows to merged UTC intervals [s0,e0,s1,e1,...] in minutes from Monday 00:00 UTC. */
export function weekIntervalsUtc(windows: AvailabilityWindow[], tz: string, refDate: Date): Int32Array {
  if (!windows.length) return new Int32Array(0);
  const key = `${tz}@${refDate.getTime()}`;
  let offset = offsetCache.get(key);
  if (offset === undefined) {
    try { offset = zoneOffsetMinutes(tz, refDate); } catch { offset = 0; }
    offsetCache.set(key, offset);
  }
  const raw: Array<[number, number]> = [];
  for (const w of windows) {
    let s = (w.day - 1) * 1440 + w.start - offset;
    s = ((s % WEEK) + WEEK) % WEEK;
    const e = s + (w.end - w.start);
    // A window crossing the week boundary in UTC is split in two.
    if (e <= WEEK) raw.push([s, e]);
    else { raw.push([s, WEEK]); raw.push([0, e - WEEK]); }
  }
  raw.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: number[] = [];
  for (const [s, e] of raw) {
    const n = merged.length;
    if (n && s <= merged[n - 1]) merged[n - 1] = Math.max(merged[n - 1], e);
    else merged.push(s, e);
  }
  return Int32Array.from(merged);
}

/** Minutes shared by two merged interval lists, read from flat arrays at [aFrom,aTo) and [bFrom,bTo). */
export function overlapMinutes(a: Int32Array, aFrom: number, aTo: number, b: Int32Array, bFrom: number, bTo: number): number {
  let i = aFrom, j = bFrom, total = 0;
  while (i < aTo && j < bTo) {
    const s = a[i] > b[j] ? a[i] : b[j];
    const e = a[i + 1] < b[j + 1] ? a[i + 1] : b[j + 1];
    if (e > s) total += e - s;
    if (a[i + 1] < b[j + 1]) i += 2; else j += 2;
  }
  return total;
}
