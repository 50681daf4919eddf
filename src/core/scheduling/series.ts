/** One pair's (or group's) series: its occurrences, its people for the clash check, its event. */

import type { ProgramConfig, ScheduleConfig } from '../config.js';
import type { Participant } from '../types.js';
import type { CalEvent, MeetingUnit, Occurrence, Slot, SlotOutcome } from './model.js';
import type { Attendee } from './conflicts.js';
import { windowsOf } from './slots.js';
import { buildOccurrences, recurrenceRule } from './recurrence.js';
import {
  boundedDescription,
  meetingPlan,
  templateValues,
  localTimeOf,
  type Agenda,
} from './describe.js';
import { renderTemplate } from './template.js';
import { clockShifts } from './clock-shifts.js';
import { stableUid } from './ids.js';
import {
  dayNumber,
  dayString,
  formatClock,
  isoWeekday,
  parseClock,
  type ZoneClock,
  type ZoneClocks,
} from '../timezones/clock.js';
import { isCleanWall } from './conflicts.js';

/** What a series needs of the plan's input (PlanInput has it all). */
interface SeriesContext {
  config: ProgramConfig;
  blackout: ReadonlySet<string>;
  descriptionTemplate: string;
  agenda: Agenda;
}

/** One pair's (or group's) series, or the reason it has none. */
export interface PlannedSeries {
  unit: MeetingUnit;
  outcome: SlotOutcome;
  occurrences: Occurrence[];
  event?: CalEvent;
  /** "Tom Lee ↔ Ana Ruiz". */
  title: string;
}

/** The unit's people, anchor first, each with their zone's clock and windows. */
export function attendeesOf(
  unit: MeetingUnit,
  clocks: ZoneClocks,
  zoneOf: (p: Participant) => string,
  schedule: ScheduleConfig,
): Attendee[] {
  const people = [unit.anchor, ...[unit.mentor, ...unit.mentees].filter((p) => p !== unit.anchor)];
  return people.map((p) => ({
    email: p.email,
    name: p.name,
    clock: clocks.get(zoneOf(p)),
    windows: windowsOf(p, schedule),
  }));
}

/** The series' dates from its slot, blackout dates skipped or moved to a day both are free. */
export function seriesOccurrences(
  input: SeriesContext,
  unit: MeetingUnit,
  slot: Slot,
  clocks: ZoneClocks,
  zoneOf: (p: Participant) => string,
  endDay: number,
): Occurrence[] {
  const { schedule } = input.config;
  const anchorTz = zoneOf(unit.anchor);
  const people = [unit.mentor, ...unit.mentees];
  const time = slot.minute;
  const canMoveTo = (day: number) =>
    people.every((p) => {
      const local = localTimeOf(clocks, anchorTz, dayString(day), formatClock(time), zoneOf(p));
      const minute = parseClock(local.time);
      return windowsOf(p, schedule).some(
        (w) =>
          w.day === isoWeekday(dayNumber(local.date)) &&
          w.start <= minute &&
          minute + schedule.meetingMinutes <= w.end,
      );
    });
  return buildOccurrences({
    firstDay: slot.day,
    minute: time,
    frequency: schedule.frequency,
    count: schedule.count,
    endDay,
    blackout: input.blackout,
    onBlackout: schedule.onBlackout,
    canMoveTo,
  });
}

/** The series event: RRULE from the slot, EXDATEs for skipped dates, overrides for moved ones. */
export function seriesEvent(
  input: SeriesContext,
  programId: string,
  planned: PlannedSeries,
  slot: Slot,
  clocks: ZoneClocks,
  zoneOf: (p: Participant) => string,
): CalEvent {
  const { config } = input;
  const { schedule } = config;
  const { unit, occurrences, title } = planned;
  const anchorTz = zoneOf(unit.anchor);
  const people = [unit.mentor, ...unit.mentees];
  const ruleTime = formatClock(slot.minute);
  const { description, location, url } = describeSeries(
    input,
    planned,
    occurrences,
    clocks,
    zoneOf,
  );
  const last = occurrences[occurrences.length - 1];
  const until = clocks.get(anchorTz).toUtc({ day: dayNumber(last.ruleDate), minute: slot.minute });
  return {
    uid: stableUid(programId, 'series', unit.id),
    kind: 'series',
    unitId: unit.id,
    summary: `${config.program.model === 'group' ? 'Group mentoring' : 'Mentoring'}: ${title}`,
    description,
    location,
    url,
    tz: anchorTz,
    start: { date: occurrences[0].ruleDate, time: ruleTime },
    durationMinutes: schedule.meetingMinutes,
    rrule: recurrenceRule(schedule.frequency, slot.day, until),
    exdates: occurrences
      .filter((o) => o.status === 'skipped')
      .map((o) => ({ date: o.ruleDate, time: ruleTime })),
    moved: overrides(occurrences, ruleTime, clocks.get(anchorTz)),
    organizer: config.program.manager,
    attendees: people.map((p) => ({ name: p.name, email: p.email })),
    audience: people.map((p) => p.email),
    status: 'CONFIRMED',
    sequence: 0,
    dtstamp: '',
  };
}

/**
 * The series' description, location and URL, from the meetings in `occurrences` (all of them, or
 * those a split series continues with, so its plan starts at its own first meeting).
 */
export function describeSeries(
  input: SeriesContext,
  planned: PlannedSeries,
  occurrences: Occurrence[],
  clocks: ZoneClocks,
  zoneOf: (p: Participant) => string,
): { description: string; location?: string; url?: string } {
  const { config } = input;
  const { schedule } = config;
  const { unit } = planned;
  const plan = meetingPlan(unit, occurrences, clocks, zoneOf, input.agenda);
  const values = templateValues(unit, config, plan, occurrences, input.agenda);
  // Encoded on use: the URL template names a value or two, not the kilobytes of meeting plan.
  const urlValues = {
    get: (k: string) => {
      const v = values.get(k);
      return v === undefined ? undefined : encodeURIComponent(v);
    },
  };
  const url = schedule.url ? renderTemplate(schedule.url, urlValues) : undefined;
  const location = schedule.location ? renderTemplate(schedule.location, values) : undefined;
  values.set('url', url ?? location ?? '');
  values.set('location', location ?? url ?? '');
  // Every clock change of the program, not only the first: the plan above lists a few dates.
  const shifts = clockShifts(unit, occurrences, clocks, zoneOf).lines;
  const description = boundedDescription(
    renderTemplate(input.descriptionTemplate, values) +
      (planned.outcome.shift ? `\n\nNote: ${planned.outcome.shift}.` : '') +
      (shifts.length
        ? `\n\nClock changes (the meeting stays at ${formatClock(planned.outcome.slot?.minute ?? 0)} ${zoneOf(unit.anchor)}): ${shifts.join('; ')}.`
        : ''),
  );
  return { description, location, url };
}

/**
 * The overrides of a series: every moved meeting, and every meeting left at a wall time a clock
 * change repeats or skips (no other start was free), written in UTC so that every client shows the
 * instant RFC 5545 means (ical.js reads a repeated time as the second one).
 */
function overrides(
  occurrences: Occurrence[],
  ruleTime: string,
  clock: ZoneClock,
): NonNullable<CalEvent['moved']> {
  const out: NonNullable<CalEvent['moved']> = [];
  for (const o of occurrences) {
    if (o.status === 'skipped') continue;
    const wall = { day: dayNumber(o.date), minute: parseClock(o.time) };
    const clean = isCleanWall(clock, wall.day, wall.minute);
    if (o.status !== 'moved' && clean) continue;
    const recurrenceId = { date: o.ruleDate, time: ruleTime };
    if (clean) out.push({ recurrenceId, start: { date: o.date, time: o.time } });
    else {
      const utc = clock.toUtc(wall);
      const day = Math.floor(utc / 86_400_000);
      const start = { date: dayString(day), time: formatClock((utc - day * 86_400_000) / 60_000) };
      out.push({ recurrenceId, start, utc: true });
    }
  }
  return out;
}
