/**
 * The no-double-booking guarantee, checked on every occurrence of every series after clock changes
 * and blackout moves, with fixed busy time (milestones): a clash moves that one occurrence to the
 * nearest free common slot in the same week, or is reported.
 */

import type { AvailabilityWindow, Problem } from '../types.js';
import type { Occurrence } from './model.js';
import { Timelines, type Busy, type Timeline } from './timeline.js';
import {
  dayNumber,
  dayString,
  formatClock,
  isoWeekday,
  type ZoneClock,
} from '../timezones/clock.js';

const MIN_MS = 60_000;
const DAY_MS = 86_400_000;
/** Far enough from a wall time to cover its UTC instant (±14 h) and the 18 h looked around it. */
const NEAR_MS = 36 * 3_600_000;
const STEP = 15;

/** Someone on a series, with what is needed to test a slot in their own zone. */
export interface Attendee {
  email: string;
  name: string;
  clock: ZoneClock;
  windows: AvailabilityWindow[];
}

/** A series before its events are written: anchor first among the people. */
export interface SeriesDraft {
  unitId: string;
  title: string;
  people: Attendee[];
  occurrences: Occurrence[];
}

/** What the resolver needs; all instants in UTC ms, days as day numbers. */
export interface ConflictInput {
  series: SeriesDraft[];
  /** Busy time nobody can move (milestones), per lower-case email. */
  fixed: ReadonlyMap<string, Busy[]>;
  meetingMinutes: number;
  blackout: ReadonlySet<string>;
  /** Days a moved meeting may land on (the program's span). */
  firstDay: number;
  lastDay: number;
  /** No meeting is moved to, or from, a time before this instant (calendars only change the future). */
  notBefore?: number;
}

/** A clash found on one occurrence, and what was done about it. */
export interface Conflict {
  unitId: string;
  pair: string;
  /** Rule date of the occurrence (its RECURRENCE-ID). */
  ruleDate: string;
  /** Names of the people booked twice. */
  people: string[];
  /** What it clashed with: another meeting or a milestone. */
  with: string;
  /** Where it was moved (anchor's wall clock), or undefined when it could not be. */
  movedTo?: { date: string; time: string };
}

/** Whether `w` is a wall time that exists exactly once in `clock`'s zone (no DST gap/overlap). */
export function isCleanWall(clock: ZoneClock, day: number, minute: number): boolean {
  // perf: bench/schedule.mjs — every occurrence is checked for every person: nearly all lie far
  // from any clock change (offsets are within ±14 h, the checks below look 18 h either side).
  const naive = day * DAY_MS + minute * MIN_MS;
  if (clock.steadyBetween(naive - NEAR_MS, naive + NEAR_MS)) return true;
  const utc = clock.toUtc({ day, minute });
  const back = clock.toWall(utc);
  if (back.day !== day || back.minute !== minute) return false; // skipped by a spring-forward
  const before = clock.offsetAt(utc - 18 * 3_600_000);
  const after = clock.offsetAt(utc + 18 * 3_600_000);
  if (before === after) return true;
  // A later instant with the other offset showing the same wall time: repeated (autumn).
  const other = utc + Math.abs(before - after) * MIN_MS;
  const again = clock.toWall(other);
  return again.day !== day || again.minute !== minute;
}

/** Whether a start at `utc` is free of DST ambiguity and inside availability for everyone. */
function fitsEveryone(people: Attendee[], utc: number, length: number): boolean {
  for (const p of people) {
    const wall = p.clock.toWall(utc);
    if (!isCleanWall(p.clock, wall.day, wall.minute)) return false;
    const weekday = isoWeekday(wall.day);
    if (
      !p.windows.some(
        (w) => w.day === weekday && w.start <= wall.minute && wall.minute + length <= w.end,
      )
    )
      return false;
  }
  return true;
}

interface Placed {
  series: number;
  index: number;
  start: number;
  moved: boolean;
}

/**
 * Resolves clashes in order (meetings on their own date first, then by time): each occurrence is
 * checked against those already settled and the fixed busy time; on a clash it moves to the nearest
 * slot that is free of every meeting, settled or not, so a move never lands on a later meeting.
 * Returns new occurrence lists (same order as input) and the clashes with their outcome.
 */
export function resolveConflicts(input: ConflictInput): {
  occurrences: Occurrence[][];
  conflicts: Conflict[];
} {
  const length = input.meetingMinutes * MIN_MS;
  const timelines = new Timelines();
  for (const [email, spans] of input.fixed) for (const s of spans) timelines.of(email).add(s);
  // perf: each series' timelines looked up once, not per occurrence (bench: schedule.mjs)
  const lines = input.series.map((s) => s.people.map((p) => timelines.of(p.email)));
  const out = input.series.map((s) => s.occurrences.map((o) => ({ ...o })));
  const order: Placed[] = [];
  input.series.forEach((s, i) => {
    const anchor = s.people[0].clock;
    out[i].forEach((o, j) => {
      if (o.status === 'skipped') return;
      order.push({
        series: i,
        index: j,
        start: anchor.toUtc(wallOf(o)),
        moved: o.status === 'moved',
      });
    });
  });
  // Meetings on their own date are settled first: one already moved off a blackout date is the
  // one to move again when it lands on another meeting.
  order.sort(
    (a, b) =>
      Number(a.moved) - Number(b.moved) ||
      a.start - b.start ||
      a.series - b.series ||
      a.index - b.index,
  );
  const what = input.series.map((s) => `${s.title}'s meeting`);
  const spans = order.map((item, k): Busy => {
    const span = { start: item.start, end: item.start + length, what: what[item.series], owner: k };
    for (const t of lines[item.series]) t.add(span);
    return span;
  });
  const settled = new Uint8Array(order.length);
  const conflicts: Conflict[] = [];
  order.forEach((item, k) => {
    const s = input.series[item.series];
    const o = out[item.series][item.index];
    const isSettled = (b: Busy) =>
      b.owner === undefined || (b.owner !== k && settled[b.owner] === 1);
    const own = lines[item.series];
    const clash = firstClash(s.people, own, item.start, item.start + length, isSettled);
    const unclean = clash ? undefined : dstProblem(s.people, wallOf(o), item.start);
    settled[k] = 1;
    if (!clash && !unclean) return;
    const past = input.notBefore !== undefined && item.start < input.notBefore;
    const others = (b: Busy) => b.owner !== k;
    const moved = past ? undefined : nearestFree(input, s, own, item.start, others);
    const names = clash ? clash.people : [unclean as string];
    const conflict: Conflict = {
      unitId: s.unitId,
      pair: s.title,
      ruleDate: o.ruleDate,
      people: names,
      with: clash ? clash.with : 'a daylight-saving change (the local time is skipped or repeated)',
    };
    if (moved !== undefined) {
      const wall = s.people[0].clock.toWall(moved);
      o.date = dayString(wall.day);
      o.time = formatClock(wall.minute);
      o.status = 'moved';
      o.note = clash
        ? `moved from ${o.ruleDate}: ${names.join(' and ')} had ${clash.with} at that time`
        : `moved from ${o.ruleDate}: a daylight-saving change skips or repeats that time for ${names[0]}`;
      conflict.movedTo = { date: o.date, time: o.time };
      const span = spans[k];
      for (const t of own) t.remove(span);
      span.start = moved;
      span.end = moved + length;
      for (const t of own) t.add(span);
    }
    // A clock-time oddity with no better slot stays as RFC 5545 resolves it: not worth a warning.
    if (clash || moved !== undefined) conflicts.push(conflict);
  });
  return { occurrences: out, conflicts };
}

function wallOf(o: Occurrence): { day: number; minute: number } {
  return {
    day: dayNumber(o.date),
    minute: Number(o.time.slice(0, 2)) * 60 + Number(o.time.slice(3, 5)),
  };
}

/** Who is already busy in [start, end), and with what. */
function firstClash(
  people: Attendee[],
  own: Timeline[],
  start: number,
  end: number,
  counts: (b: Busy) => boolean,
): { people: string[]; with: string } | undefined {
  let found: { people: string[]; with: string } | undefined;
  for (let i = 0; i < people.length; i++) {
    const busy = own[i].clash(start, end, counts);
    if (!busy) continue;
    if (!found) found = { people: [people[i].name], with: busy.what };
    else if (busy.what === found.with) found.people.push(people[i].name);
  }
  return found;
}

/**
 * The name of someone for whom a start falls in a DST gap or overlap (the anchor's own wall time is
 * the one written, so it is tested as written).
 */
function dstProblem(
  people: Attendee[],
  anchorWall: { day: number; minute: number },
  utc: number,
): string | undefined {
  if (!isCleanWall(people[0].clock, anchorWall.day, anchorWall.minute)) return people[0].name;
  for (const p of people.slice(1)) {
    const wall = p.clock.toWall(utc);
    if (!isCleanWall(p.clock, wall.day, wall.minute)) return p.name;
  }
  return undefined;
}

/**
 * The start (UTC ms) nearest to `from` in the same Monday-Sunday week (anchor's calendar) that is
 * inside everyone's availability, clear of DST ambiguity and free for everyone.
 */
function nearestFree(
  input: ConflictInput,
  s: SeriesDraft,
  own: Timeline[],
  from: number,
  counts: (b: Busy) => boolean,
): number | undefined {
  const length = input.meetingMinutes;
  const anchor = s.people[0];
  const here = anchor.clock.toWall(from).day;
  const monday = here - (isoWeekday(here) - 1);
  const candidates: number[] = [];
  for (let day = monday; day < monday + 7; day++) {
    if (day < input.firstDay || day > input.lastDay || input.blackout.has(dayString(day))) continue;
    const weekday = isoWeekday(day);
    for (const w of anchor.windows) {
      if (w.day !== weekday) continue;
      for (let m = Math.ceil(w.start / STEP) * STEP; m + length <= w.end; m += STEP) {
        if (!isCleanWall(anchor.clock, day, m)) continue;
        const utc = anchor.clock.toUtc({ day, minute: m });
        if (utc === from || (input.notBefore !== undefined && utc < input.notBefore)) continue;
        candidates.push(utc);
      }
    }
  }
  candidates.sort((a, b) => Math.abs(a - from) - Math.abs(b - from) || a - b);
  for (const utc of candidates) {
    if (!fitsEveryone(s.people, utc, length)) continue;
    if (!firstClash(s.people, own, utc, utc + length * MIN_MS, counts)) return utc;
  }
  return undefined;
}

const SAMPLES = 5;

/**
 * Warnings for the clashes no free slot could resolve, naming the people: a few samples and a count
 * (the full list is in `--json` as `conflicts`).
 */
export function conflictProblems(conflicts: Conflict[]): Problem[] {
  const open = conflicts.filter((c) => !c.movedTo);
  const problems: Problem[] = open.slice(0, SAMPLES).map((c) => ({
    severity: 'warning',
    code: 'double-booking',
    message:
      `${c.people.join(' and ')} ${c.people.length > 1 ? 'are' : 'is'} booked twice on ` +
      `${c.ruleDate}: ${c.pair}'s meeting overlaps ${c.with}, and no common free time that week ` +
      'could take it (agree another time with them, or widen their availability)',
  }));
  if (open.length > SAMPLES)
    problems.push({
      severity: 'warning',
      code: 'double-booking',
      message: `… and ${open.length - SAMPLES} more double booking(s): see \`--json\` (conflicts)`,
    });
  return problems;
}
