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

/** Each person's booked meetings, for the double-booking and per-day checks of every slot. */
class Bookings {
  private readonly byEmail = new Map<string, Booking[]>();

  /** Whether [start, end) is free for `email` and their local day has room under `cap`. */
  free(email: string, start: number, end: number, day: number, cap: number): boolean {
    let sameDay = 0;
    for (const b of this.byEmail.get(email) ?? []) {
      if (b.start < end && start < b.end) return false;
      if (b.day === day) sameDay++;
    }
    return sameDay < cap;
  }

  book(email: string, booking: Booking): void {
    const list = this.byEmail.get(email);
    if (list) list.push(booking);
    else this.byEmail.set(email, [booking]);
  }
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
  /**
   * The slot each unit had in the last run (by unit id): kept when it still fits and is free, and
   * booked before any other unit, so a pair added later never takes an existing pair's time.
   */
  kept?: ReadonlyMap<string, KeptSlot>;
}

/** A unit's slot of the last run: weekday and start in the anchor's zone. */
export interface KeptSlot {
  tz: string;
  weekday: number;
  minute: number;
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
  const bookings = new Bookings();
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

  // Units that keep last run's slot are booked first (each in its own order).
  const kept = input.kept;
  const order = input.units.map((_, i) => i);
  if (kept?.size)
    order.sort((a, b) => keptFirst(kept, input.units, a) - keptFirst(kept, input.units, b));
  for (const index of order) {
    const unit = input.units[index];
    const people = [
      unit.anchor,
      ...[unit.mentor, ...unit.mentees].filter((p) => p !== unit.anchor),
    ];
    const zones = people.map((p) => clocks.get(zoneOf(p)));
    const windows = people.map((p) => windowsOf(p, schedule));
    const shape = zones
      .map((z, i) => `${z.tz}|${windows[i].map((w) => `${w.day},${w.start},${w.end}`).join(';')}`)
      .join('#');
    const again = kept?.has(unit.id)
      ? keptOutcome(
          unit,
          kept.get(unit.id) as KeptSlot,
          { people, zones, windows, days },
          input,
          bookings,
        )
      : undefined;
    if (again) {
      outcomes[index] = again;
      continue;
    }
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
      const free = people.every((p, i) =>
        bookings.free(p.email, c.utc, end, c.locals[i], schedule.maxMeetingsPerDay),
      );
      if (free) best = { ...c, score };
      if (best && best.score === full) break;
    }
    if (best) {
      const b = best;
      people.forEach((p, i) =>
        bookings.book(p.email, { start: b.utc, end: b.utc + length * MIN_MS, day: b.locals[i] }),
      );
      outcomes[index] = {
        unitId: unit.id,
        slot: { day: b.day, minute: b.minute, fallback: false },
        ...(b.shift ? { shift: shiftNote(b.shift, people, zones) } : {}),
      };
      continue;
    }
    const why = anyCommon
      ? 'every common time is already taken or would exceed schedule.maxMeetingsPerDay'
      : 'no common time in their availability';
    if (schedule.noCommonTime === 'fallback') {
      const day = days.find((d) => isoWeekday(d) === schedule.fallback.day) ?? days[0];
      const minute = parseClock(schedule.fallback.time);
      outcomes[index] = {
        unitId: unit.id,
        slot: { day, minute, fallback: true },
        reason: `${why}; used the fallback slot`,
      };
    } else {
      outcomes[index] = { unitId: unit.id, reason: why };
    }
  }
  return outcomes;
}

/**
 * The outcome of last run's slot when it still fits everyone and is free (then booked), else
 * undefined (the unit gets an ordinary search).
 */
function keptOutcome(
  unit: MeetingUnit,
  previous: KeptSlot,
  at: {
    people: Participant[];
    zones: ZoneClock[];
    windows: AvailabilityWindow[][];
    days: number[];
  },
  input: SlotInput,
  bookings: Bookings,
): SlotOutcome | undefined {
  const { people, zones, windows, days } = at;
  const { meetingMinutes: length, maxMeetingsPerDay } = input.schedule;
  const day = days.find((d) => isoWeekday(d) === previous.weekday);
  if (previous.tz !== zones[0].tz || day === undefined) return undefined;
  const again = keptFits(
    people,
    zones,
    windows,
    day,
    previous.minute,
    length,
    (p, utc, end, local) => bookings.free(p.email, utc, end, local, maxMeetingsPerDay),
  );
  if (!again) return undefined;
  people.forEach((p, i) =>
    bookings.book(p.email, {
      start: again.utc,
      end: again.utc + length * MIN_MS,
      day: again.locals[i],
    }),
  );
  const later = periodDays(zones, day, input.endDay);
  const shift = shiftedOutside(zones, windows, later, previous.minute, length);
  return {
    unitId: unit.id,
    slot: { day, minute: previous.minute, fallback: false },
    ...(shift ? { shift: shiftNote(shift, people, zones) } : {}),
  };
}

/** 0 for a unit with a kept slot, 1 for the others: the sort key that books kept slots first. */
function keptFirst(kept: ReadonlyMap<string, KeptSlot>, units: MeetingUnit[], i: number): number {
  return kept.has(units[i].id) ? 0 : 1;
}

/**
 * Whether last run's slot still holds: inside everyone's availability (the anchor's too) and free
 * for everyone (`free` tests bookings and the cap per day). Returns the UTC start and each
 * person's local day.
 */
function keptFits(
  people: Participant[],
  zones: ZoneClock[],
  windows: AvailabilityWindow[][],
  day: number,
  minute: number,
  length: number,
  free: (p: Participant, utc: number, end: number, localDay: number) => boolean,
): { utc: number; locals: number[] } | undefined {
  const utc = zones[0].toUtc({ day, minute });
  const end = utc + length * MIN_MS;
  const locals: number[] = [];
  for (let i = 0; i < people.length; i++) {
    const wall = i === 0 ? { day, minute } : zones[i].toWall(utc);
    if (!fits(windows[i], isoWeekday(wall.day), wall.minute, length)) return undefined;
    if (!free(people[i], utc, end, wall.day)) return undefined;
    locals.push(wall.day);
  }
  return { utc, locals };
}
