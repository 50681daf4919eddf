/**
 * Wall-clock arithmetic in IANA zones: offsets from @date-fns/tz (tzScan/tzOffset), cached per zone
 * and range.
 */

import { tzOffset, tzScan } from '@date-fns/tz';

const DAY_MS = 86_400_000;
const MIN_MS = 60_000;
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
    const start = new Date((fromDay - 2) * DAY_MS);
    this.at.push(start.getTime());
    this.offsets.push(tzOffset(tz, start));
    for (const change of tzScan(tz, { start, end: new Date((toDay + 2) * DAY_MS) })) {
      this.at.push(change.date.getTime());
      this.offsets.push(change.offset);
    }
  }

  /** UTC instants (ms) where this zone's offset changes, between `fromMs` and `toMs`. */
  changesBetween(fromMs: number, toMs: number): number[] {
    return this.at.slice(1).filter((t) => t > fromMs && t <= toMs);
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
   * UTC instant (ms) of a wall-clock time; a time skipped by a spring-forward lands after the gap.
   */
  toUtc(wall: Wall): number {
    const naive = wall.day * DAY_MS + wall.minute * MIN_MS;
    const first = naive - this.offsetAt(naive) * MIN_MS;
    const second = naive - this.offsetAt(first) * MIN_MS;
    return this.offsetAt(second) === this.offsetAt(first) ? second : Math.max(first, second);
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
