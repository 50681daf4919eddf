/**
 * Wall-clock arithmetic in IANA zones: offsets from @date-fns/tz, transitions found to the minute
 * (transitions.ts), cached per zone and range.
 */

import { tzOffset } from '@date-fns/tz';
import { zoneTransitions } from './transitions.js';

const DAY_MS = 86_400_000;
const MIN_MS = 60_000;
const SPAN_MS = 18 * 3_600_000;
// Date parsing and formatting dominate the per-meeting work of a big program; programs span a few
// hundred days.
const CACHE_LIMIT = 20_000;
// perf: day-number and offset caches: the scheduler converts ~90k meetings through a handful of
//   zones (bench: schedule.mjs)
const dayNumbers = new Map<string, number>();
const dayStrings = new Map<number, string>();

/** Days since 1970-01-01 for an ISO date (YYYY-MM-DD). */
export function dayNumber(date: string): number {
  let n = dayNumbers.get(date);
  if (n === undefined) {
    n = Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
    if (dayNumbers.size < CACHE_LIMIT) dayNumbers.set(date, n);
  }
  return n;
}

/** ISO date (YYYY-MM-DD) of a day number. */
export function dayString(day: number): string {
  let s = dayStrings.get(day);
  if (s === undefined) {
    s = new Date(day * DAY_MS).toISOString().slice(0, 10);
    if (dayStrings.size < CACHE_LIMIT) dayStrings.set(day, s);
  }
  return s;
}

/** ISO weekday (1 = Monday ... 7 = Sunday) of a day number. */
export function isoWeekday(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** "HH:MM" -> minutes after midnight. */
export function parseClock(text: string): number {
  // The common "HH:MM" without splitting (called for every meeting); anything else the general way.
  if (text.length === 5 && text.charCodeAt(2) === 58 && isDigits(text)) {
    return (
      ((text.charCodeAt(0) - 48) * 10 + text.charCodeAt(1) - 48) * 60 +
      (text.charCodeAt(3) - 48) * 10 +
      text.charCodeAt(4) -
      48
    );
  }
  const [h, m] = text.split(':').map(Number);
  return h * 60 + m;
}

const clockTexts: string[] = [];

function isDigits(hhmm: string): boolean {
  const d = (i: number) => hhmm.charCodeAt(i) >= 48 && hhmm.charCodeAt(i) <= 57;
  return d(0) && d(1) && d(3) && d(4);
}

/** Minutes after midnight -> "HH:MM". */
export function formatClock(minutes: number): string {
  // Every meeting row and description line formats a clock time; a day has only 1,440 of them.
  const cached = clockTexts[minutes];
  if (cached !== undefined) return cached;
  const text = clockText(minutes);
  if (Number.isInteger(minutes) && minutes >= 0 && minutes < 1440) clockTexts[minutes] = text;
  return text;
}

function clockText(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${h < 10 ? '0' : ''}${h}:${m < 10 ? '0' : ''}${m}`;
}

/** A local wall-clock moment: day number plus minutes after midnight. */
export interface Wall {
  day: number;
  minute: number;
}

/**
 * Offsets of one zone with the transitions of a range pre-scanned, so conversions are a binary
 * search.
 */
export class ZoneClock {
  readonly tz: string;
  private readonly at: number[] = [];
  private readonly offsets: number[] = [];

  constructor(tz: string, fromDay: number, toDay: number) {
    this.tz = tz;
    const start = (fromDay - 2) * DAY_MS;
    this.at.push(start);
    this.offsets.push(tzOffset(tz, new Date(start)));
    for (const change of zoneTransitions(tz, start, (toDay + 2) * DAY_MS)) {
      this.at.push(change.at);
      this.offsets.push(change.to);
    }
  }

  /** UTC instants (ms) where this zone's offset changes, between `fromMs` and `toMs`. */
  changesBetween(fromMs: number, toMs: number): number[] {
    return this.at.slice(1).filter((t) => t > fromMs && t <= toMs);
  }

  /**
   * Whether the offset is known not to change between two UTC instants (ms): both inside the range
   * pre-scanned and no transition between them.
   */
  steadyBetween(fromMs: number, toMs: number): boolean {
    const { at } = this;
    if (fromMs < at[0] || toMs > at[at.length - 1] + 400 * DAY_MS) return false;
    let lo = 1;
    let hi = at.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (at[mid] <= fromMs) lo = mid + 1;
      else hi = mid;
    }
    return lo === at.length || at[lo] > toMs;
  }

  /** UTC offset in minutes at a UTC instant (ms). */
  offsetAt(ms: number): number {
    const { at, offsets } = this;
    if (ms < at[0] || ms > at[at.length - 1] + 400 * DAY_MS) return tzOffset(this.tz, new Date(ms));
    let lo = 0;
    let hi = at.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (at[mid] <= ms) lo = mid;
      else hi = mid - 1;
    }
    return offsets[lo];
  }

  /**
   * UTC instant (ms) of a wall-clock time, resolved as RFC 5545 3.3.5 does (and so every calendar
   * client): a time that occurs twice (autumn) is the first occurrence; a time skipped by a
   * spring-forward is read with the offset before the gap (02:30 becomes 03:30).
   */
  toUtc(wall: Wall): number {
    const naive = wall.day * DAY_MS + wall.minute * MIN_MS;
    // The offsets in effect around this wall time: no zone changes twice within 18 hours.
    const before = this.offsetAt(naive - SPAN_MS);
    const after = this.offsetAt(naive + SPAN_MS);
    const early = naive - Math.max(before, after) * MIN_MS;
    const late = naive - Math.min(before, after) * MIN_MS;
    if (before === after) {
      const same = naive - before * MIN_MS;
      const mid = this.offsetAt(same);
      // A change inside the window that came back (not in the tz database, but be exact).
      return mid === before ? same : naive - mid * MIN_MS;
    }
    if (this.offsetAt(early) === Math.max(before, after)) return early;
    if (this.offsetAt(late) === Math.min(before, after)) return late;
    // In the gap: the offset from before the gap.
    return naive - before * MIN_MS;
  }

  /** Wall-clock time of a UTC instant. */
  toWall(ms: number): Wall {
    const local = ms + this.offsetAt(ms) * MIN_MS;
    const day = Math.floor(local / DAY_MS);
    return { day, minute: Math.round((local - day * DAY_MS) / MIN_MS) };
  }
}

/** Caches ZoneClocks for one planning run. */
export class ZoneClocks {
  private readonly clocks = new Map<string, ZoneClock>();
  constructor(
    private readonly fromDay: number,
    private readonly toDay: number,
  ) {}
  /** The clock for `tz`. */
  get(tz: string): ZoneClock {
    let c = this.clocks.get(tz);
    if (!c) {
      c = new ZoneClock(tz, this.fromDay, this.toDay);
      this.clocks.set(tz, c);
    }
    return c;
  }
}
