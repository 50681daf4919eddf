/**
 * Finding one weekly slot per meeting unit inside everyone's availability, each in their own zone.
 */

import type { AvailabilityWindow, Participant } from '../types.js';
import type { ScheduleConfig } from '../config.js';
import type { MeetingUnit, SlotOutcome } from './model.js';
import {
  dayString,
  formatClock,
  isoWeekday,
  parseClock,
  type ZoneClock,
  type ZoneClocks,
} from '../timezones/clock.js';

const STEP = 15;
const MIN_MS = 60_000;

interface Booking {
  start: number;
  end: number;
  day: number;
}

/** Inputs for slot finding. */
export interface SlotInput {
  units: MeetingUnit[];
  schedule: ScheduleConfig;
  /** Day number of the program start: candidate slots lie in the 7 days from it. */
  startDay: number;
  clocks: ZoneClocks;
  zoneOf: (p: Participant) => string;
  /**
   * Day number of the last possible meeting: clock changes up to it are checked (default: first
   * week only).
   */
  endDay?: number;
}

/** The windows someone is available in: their own, else the configured working hours. */
export function windowsOf(p: Participant, schedule: ScheduleConfig): AvailabilityWindow[] {
  if (p.availability.length > 0) return p.availability;
  const start = parseClock(schedule.workingHours.start);
  const end = parseClock(schedule.workingHours.end);
  return schedule.workingHours.days.map((day) => ({
    day: day as AvailabilityWindow['day'],
    start,
    end,
  }));
}

function fits(
  windows: AvailabilityWindow[],
  weekday: number,
  minute: number,
  length: number,
): boolean {
  for (const w of windows)
    if (w.day === weekday && w.start <= minute && minute + length <= w.end) return true;
  return false;
}

const DAY_MS = 86_400_000;

/**
 * Later days on the slot's weekday that start a new offset period (a clock change in anyone's
 * zone), where the two people's local times can differ from the first week: the first such weekday
 * after each change.
 */
function periodDays(zones: ZoneClock[], day: number, endDay: number | undefined): number[] {
  if (endDay === undefined || endDay <= day + 7) return [];
  const days = new Set<number>();
  for (const z of zones) {
    for (const t of z.changesBetween(day * DAY_MS, (endDay + 1) * DAY_MS)) {
      const d = day + Math.ceil((Math.floor(t / DAY_MS) + 1 - day) / 7) * 7;
      if (d <= endDay) days.add(d);
    }
  }
  return [...days].sort((a, b) => a - b);
}

/** Where a clock change first takes someone outside their windows at the slot's wall time. */
interface Shift {
  day: number;
  /** Index of the person among the unit's people (anchor first). */
  person: number;
  /** Their local minute on that day. */
  minute: number;
}

/**
 * The first later period where someone is outside their windows at the anchor's fixed wall-clock
 * time.
 */
function shiftedOutside(
  zones: ZoneClock[],
  windows: AvailabilityWindow[][],
  days: number[],
  minute: number,
  length: number,
): Shift | undefined {
  for (const day of days) {
    const utc = zones[0].toUtc({ day, minute });
    for (let i = 1; i < zones.length; i++) {
      const wall = zones[i].toWall(utc);
      if (!fits(windows[i], isoWeekday(wall.day), wall.minute, length))
        return { day, person: i, minute: wall.minute };
    }
  }
  return undefined;
}

function shiftNote(shift: Shift, people: Participant[], zones: ZoneClock[]): string {
  const who = people[shift.person];
  return `from ${dayString(shift.day)} a clock change moves the meeting to ${formatClock(shift.minute)} ${zones[shift.person].tz} for ${who.name}, outside their availability`;
}

/** A start inside everyone's windows, with what ranks it (the same for every unit of a shape). */
interface Candidate {
  day: number;
  minute: number;
  utc: number;
  /** Each person's local day. */
  locals: number[];
  /** People for whom it is inside preferred hours. */
  preferred: number;
  /** Computed on first need: whether a clock change later takes someone outside their windows. */
  shift?: Shift | null;
}

/**
 * Picks slots for every unit: common availability, preferred hours first, no double booking, a cap
 * per day.
 */
export function findSlots(input: SlotInput): SlotOutcome[] {
  const { schedule, clocks, zoneOf } = input;
  const length = schedule.meetingMinutes;
  const prefStart = parseClock(schedule.preferredHours.start);
  const prefEnd = parseClock(schedule.preferredHours.end);
  const bookings = new Map<string, Booking[]>();
  const booked = (email: string) => {
    let list = bookings.get(email);
    if (!list) bookings.set(email, (list = []));
    return list;
  };
  // Monday first, so ties go to the start of the week.
  const days = Array.from({ length: 7 }, (_, i) => input.startDay + i).sort(
    (a, b) => isoWeekday(a) - isoWeekday(b),
  );
  const outcomes: SlotOutcome[] = [];

  // perf: bench/schedule.mjs — the starts inside everyone's windows depend only on the people's
  // zones and windows (a "shape": a few dozen in a program of thousands of pairs), so they are
  // found once per shape; each unit then only checks its people's bookings.
  const candidatesOf = new Map<string, Candidate[]>();
  const periodsOf = new Map<string, number[]>();

  for (const unit of input.units) {
    const people = [
      unit.anchor,
      ...[unit.mentor, ...unit.mentees].filter((p) => p !== unit.anchor),
    ];
    const zones = people.map((p) => clocks.get(zoneOf(p)));
    const windows = people.map((p) => windowsOf(p, schedule));
    const shape = zones
      .map((z, i) => `${z.tz}|${windows[i].map((w) => `${w.day},${w.start},${w.end}`).join(';')}`)
      .join('#');
    let candidates = candidatesOf.get(shape);
    if (!candidates) {
      candidates = [];
      for (const day of days) {
        const weekday = isoWeekday(day);
        for (const w of windows[0]) {
          if (w.day !== weekday) continue;
          for (
            let minute = Math.ceil(w.start / STEP) * STEP;
            minute + length <= w.end;
            minute += STEP
          ) {
            const utc = zones[0].toUtc({ day, minute });
            let ok = true;
            let preferred = 0;
            const locals: number[] = [];
            for (let i = 0; i < people.length && ok; i++) {
              const wall = i === 0 ? { day, minute } : zones[i].toWall(utc);
              if (i > 0 && !fits(windows[i], isoWeekday(wall.day), wall.minute, length)) ok = false;
              if (wall.minute >= prefStart && wall.minute + length <= prefEnd) preferred++;
              locals.push(wall.day);
            }
            if (ok) candidates.push({ day, minute, utc, locals, preferred });
          }
        }
      }
      candidatesOf.set(shape, candidates);
    }
    const zoneKey = zones.map((z) => z.tz).join('#');
    const periods = (day: number) => {
      const key = `${zoneKey}@${day}`;
      let list = periodsOf.get(key);
      if (!list) periodsOf.set(key, (list = periodDays(zones, day, input.endDay)));
      return list;
    };
    let best: (Candidate & { score: number }) | undefined;
    // A slot that holds through every clock change of the program beats any that does not; then
    // preferred hours.
    const hold = people.length + 1;
    const full = people.length + hold;
    const anyCommon = candidates.length > 0;
    for (const c of candidates) {
      let score = c.preferred;
      if (best && score + hold <= best.score) continue;
      if (c.shift === undefined)
        c.shift = shiftedOutside(zones, windows, periods(c.day), c.minute, length) ?? null;
      if (c.shift === null) score += hold;
      if (best && score <= best.score) continue;
      const end = c.utc + length * MIN_MS;
      const free = people.every((p, i) => {
        const list = bookings.get(p.email) ?? [];
        let sameDay = 0;
        for (const b of list) {
          if (b.start < end && c.utc < b.end) return false;
          if (b.day === c.locals[i]) sameDay++;
        }
        return sameDay < schedule.maxMeetingsPerDay;
      });
      if (free) best = { ...c, score };
      if (best && best.score === full) break;
    }
    if (best) {
      const b = best;
      people.forEach((p, i) =>
        booked(p.email).push({ start: b.utc, end: b.utc + length * MIN_MS, day: b.locals[i] }),
      );
      outcomes.push({
        unitId: unit.id,
        slot: { day: b.day, minute: b.minute, fallback: false },
        ...(b.shift ? { shift: shiftNote(b.shift, people, zones) } : {}),
      });
      continue;
    }
    const why = anyCommon
      ? 'every common time is already taken or would exceed schedule.maxMeetingsPerDay'
      : 'no common time in their availability';
    if (schedule.noCommonTime === 'fallback') {
      const day = days.find((d) => isoWeekday(d) === schedule.fallback.day) ?? days[0];
      const minute = parseClock(schedule.fallback.time);
      outcomes.push({
        unitId: unit.id,
        slot: { day, minute, fallback: true },
        reason: `${why}; used the fallback slot`,
      });
    } else {
      outcomes.push({ unitId: unit.id, reason: why });
    }
  }
  return outcomes;
}
