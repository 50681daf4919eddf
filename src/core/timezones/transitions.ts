/**
 * The UTC offset changes of an IANA zone found to the minute: a daily scan of the runtime's zone
 * data, then bisection on the offset (tzScan steps by whole hours and months, so it reports Lord
 * Howe's 02:00 change at 02:30 and can miss Casablanca's Ramadan pair of changes).
 */

import { tzOffset } from '@date-fns/tz';

const MIN_MS = 60_000;
// No zone in the tz database changes its offset twice within a day.
const STEP_MS = 86_400_000;

/** One offset change: from `at` (UTC ms, a whole minute) the offset is `to` instead of `from`. */
export interface Transition {
  at: number;
  from: number;
  to: number;
}

/** UTC offset in minutes of `tz` at a UTC instant (ms). */
export function offsetOf(tz: string, ms: number): number {
  return tzOffset(tz, new Date(ms));
}

/** The first whole minute in (lo, hi] where the offset is no longer `from` (bisection). */
function firstMinute(tz: string, lo: number, hi: number, from: number): number {
  let a = Math.floor(lo / MIN_MS);
  let b = Math.ceil(hi / MIN_MS);
  while (b - a > 1) {
    const mid = Math.floor((a + b) / 2);
    if (offsetOf(tz, mid * MIN_MS) === from) a = mid;
    else b = mid;
  }
  return b * MIN_MS;
}

/** Every offset change of `tz` in (fromMs, toMs], in order, each exact to the minute. */
export function zoneTransitions(tz: string, fromMs: number, toMs: number): Transition[] {
  const out: Transition[] = [];
  let at = fromMs;
  let offset = offsetOf(tz, at);
  while (at < toMs) {
    const next = Math.min(at + STEP_MS, toMs);
    const nextOffset = offsetOf(tz, next);
    if (nextOffset !== offset) {
      const change = firstMinute(tz, at, next, offset);
      out.push({ at: change, from: offset, to: offsetOf(tz, change) });
      // Resume from the change itself, in case (against expectation) the day holds another one.
      at = change;
      offset = offsetOf(tz, change);
      continue;
    }
    at = next;
  }
  return out;
}
