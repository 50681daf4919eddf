/**
 * Meetings scheduled per pair: the real occurrences from the `schedule` state, or expected from the
 * config frequency.
 */

import type { ProgramConfig } from '../config.js';
import type { Match } from '../types.js';
import { emailKey } from '../keys.js';
import type { ScheduleState } from '../scheduling/reconcile.js';
import { dayNumber, parseClock, ZoneClocks } from '../timezones/clock.js';

const DAY = 86_400_000;

/**
 * True when `v` is a schedule state document this version understands (written by `mentor-cli
 * schedule`).
 */
export function isScheduleState(v: unknown): v is ScheduleState {
  const s = v as Partial<ScheduleState> | null | undefined;
  return (
    typeof s === 'object' &&
    s !== null &&
    s.version === 1 &&
    typeof s.events === 'object' &&
    s.events !== null
  );
}

/**
 * Start instants (UTC ms, ascending) of the meetings each active pair's series holds, by match id.
 * The state stores one series per pair (or per group: then every pair of the group shares it) with
 * the rule dates it holds in `occurrences` (skipped/EXDATE dates are not in it); moved meetings
 * take their new date. Pairs without a series (no common time, or matched after the last
 * `schedule`) are absent.
 */
export function scheduledStartsByPair(
  schedule: ScheduleState,
  matches: readonly Match[],
): Map<string, number[]> {
  const series = Object.values(schedule.events).filter(
    (s) => s.status === 'active' && s.event.kind === 'series',
  );
  const byUnit = new Map<string, number[]>();
  const byPerson = new Map<string, Array<{ emails: Set<string>; starts: number[] }>>();
  let clocks: ZoneClocks | undefined;
  for (const s of series) {
    const e = s.event;
    const moved = new Map((e.moved ?? []).map((m) => [m.recurrenceId.date, m.start]));
    const days = s.occurrences.map((d) => dayNumber(moved.get(d)?.date ?? d));
    // Outside the pre-scanned range a clock still converts correctly (directly, just slower).
    if (days.length) clocks ??= new ZoneClocks(Math.min(...days) - 7, Math.max(...days) + 7);
    const clock = clocks?.get(e.tz);
    const starts = !clock
      ? []
      : s.occurrences
          .map((d, i) =>
            clock.toUtc({ day: days[i], minute: parseClock(moved.get(d)?.time ?? e.start.time) }),
          )
          .sort((a, b) => a - b);
    if (e.unitId) byUnit.set(e.unitId, starts);
    const entry = { emails: new Set(e.attendees.map((a) => emailKey(a.email))), starts };
    for (const email of entry.emails) {
      const list = byPerson.get(email);
      if (list) list.push(entry);
      else byPerson.set(email, [entry]);
    }
  }
  const out = new Map<string, number[]>();
  for (const m of matches) {
    if (m.status !== 'active') continue;
    const mentor = emailKey(m.mentor);
    const mentee = emailKey(m.mentee);
    // One-to-one series carry the match id; group series are found by their attendees.
    const starts =
      byUnit.get(m.id) ?? byPerson.get(mentee)?.find((s) => s.emails.has(mentor))?.starts;
    if (starts) out.set(m.id, starts);
  }
  return out;
}

/** How many of the ascending `starts` are on or before `asOfMs`. */
export function countUpTo(starts: readonly number[], asOfMs: number): number {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid] <= asOfMs) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Meetings a pair should have had by `asOf` at the configured frequency, from the later of program
 * start and the match date.
 */
export function expectedMeetingsToDate(
  config: Pick<ProgramConfig, 'program' | 'schedule'>,
  match: Pick<Match, 'createdAt'>,
  asOf: Date,
): number {
  return expectedMeetings(config)(match, asOf);
}

/**
 * expectedMeetingsToDate with the config's dates parsed once (it runs for every pair and every
 * report date).
 */
function expectedMeetings(
  config: Pick<ProgramConfig, 'program' | 'schedule'>,
  joinedOf: (match: Pick<Match, 'createdAt'>) => number = () => 0,
): (match: Pick<Match, 'createdAt'>, asOf: Date) => number {
  const programStart = Date.parse(`${config.program.startDate}T00:00:00Z`);
  const programEnd = Date.parse(`${config.program.endDate}T23:59:59Z`);
  const period =
    config.schedule.frequency === 'weekly'
      ? 7
      : config.schedule.frequency === 'biweekly'
        ? 14
        : 30.4375;
  return (match, asOf) => {
    const start = Math.max(programStart, matchDay(match), joinedOf(match));
    const end = Math.min(asOf.getTime(), programEnd);
    if (Number.isNaN(start) || end < start) return 0;
    const n = Math.floor(Math.floor((end - start) / DAY) / period) + 1;
    return config.schedule.count !== undefined ? Math.min(n, config.schedule.count) : n;
  };
}

/** The start (UTC ms) of the day a pair was matched, 0 when unreadable. */
const matchDay = (match: Pick<Match, 'createdAt'>) =>
  Date.parse(match.createdAt.slice(0, 10) + 'T00:00:00Z') || 0;

/** The attribute names that give the day a person joined the program (late joiners). */
const JOINED_HEADERS = ['start date', 'joined', 'join date', 'joining date', 'programme start'];

/**
 * The day (UTC ms) a person joined, from a "Start date" style attribute holding an ISO date; 0 when
 * absent or unreadable (they are then taken to have joined at the program start).
 */
export function joinedDay(attributes: Readonly<Record<string, string>> | undefined): number {
  for (const [k, v] of Object.entries(attributes ?? {})) {
    if (!JOINED_HEADERS.includes(k.trim().toLowerCase())) continue;
    const iso = /^\d{4}-\d{2}-\d{2}/.exec(String(v).trim())?.[0];
    const ms = iso ? Date.parse(`${iso}T00:00:00Z`) : Number.NaN;
    if (!Number.isNaN(ms)) return ms;
  }
  return 0;
}

/**
 * Meetings scheduled for a pair up to a moment: from the schedule when it ran, else the frequency
 * estimate.
 */
export type MeetingsBy = (match: Match, asOf: Date) => number;

/**
 * The meetings-by function for a program, and whether it reads the real schedule. A pair's meetings
 * count from the later of its match date and the day its people joined (`joinedOf`, for late
 * joiners), never before: a series the schedule started at the program start does not hold a late
 * joiner to meetings from before they were there.
 */
export function meetingsBy(
  config: Pick<ProgramConfig, 'program' | 'schedule'>,
  schedule: ScheduleState | undefined,
  matches: readonly Match[],
  joinedOf: (match: Match) => number = () => 0,
): { by: MeetingsBy; fromSchedule: boolean; unscheduled: Match[] } {
  const join = joinedOf as (match: Pick<Match, 'createdAt'>) => number;
  if (!schedule)
    return { by: expectedMeetings(config, join), fromSchedule: false, unscheduled: [] };
  const starts = scheduledStartsByPair(schedule, matches);
  const unscheduled = matches.filter((m) => m.status === 'active' && !starts.has(m.id));
  return {
    by: (m, asOf) => {
      const list = starts.get(m.id) ?? [];
      const from = Math.max(matchDay(m), joinedOf(m));
      return countUpTo(list, asOf.getTime()) - (from > 0 ? countUpTo(list, from - 1) : 0);
    },
    fromSchedule: true,
    unscheduled,
  };
}
