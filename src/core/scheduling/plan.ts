/**
 * The whole schedule of a program: a slot and series per pair (or group), milestones and check-ins,
 * as events.
 */

import type { ProgramConfig } from '../config.js';
import type { Match, Participant, Problem } from '../types.js';
import type { CalEvent, MeetingUnit, Occurrence, SlotOutcome } from './model.js';
import { buildUnits } from './units.js';
import { findSlots, windowsOf } from './slots.js';
import { buildOccurrences, recurrenceRule } from './recurrence.js';
import {
  boundedDescription,
  meetingPlan,
  templateValues,
  localTimeOf,
  type Agenda,
} from './describe.js';
import { checkInEvents, milestoneEvents } from './milestones.js';
import { renderTemplate } from './template.js';
import { stableUid } from './ids.js';
import { dayNumber, formatClock, isoWeekday, parseClock, ZoneClocks } from '../timezones/clock.js';

/** Everything the planner needs; no I/O. */
export interface PlanInput {
  config: ProgramConfig;
  participants: Participant[];
  matches: Match[];
  /** Blackout dates and holidays (YYYY-MM-DD, in the anchor person's calendar). */
  blackout: ReadonlySet<string>;
  descriptionTemplate: string;
  agenda: Agenda;
  /**
   * What calendar UIDs are derived from (with the pair ids): fixed the first time a program is
   * scheduled, so renaming the program never re-issues invitations. Default: the program name
   * (what UIDs were derived from before, so older programs keep theirs).
   */
  programId?: string;
}

/** One pair's (or group's) series, or the reason it has none. */
interface PlannedSeries {
  unit: MeetingUnit;
  outcome: SlotOutcome;
  occurrences: Occurrence[];
  event?: CalEvent;
  /** "Tom Lee ↔ Ana Ruiz". */
  title: string;
}

/**
 * A planned schedule: series per unit plus all events (sequence 0, empty dtstamp until reconciled).
 */
export interface Plan {
  series: PlannedSeries[];
  events: CalEvent[];
  problems: Problem[];
  clocks: ZoneClocks;
  zoneOf: (p: Participant) => string;
}

/** Plans the program; returns problems (errors) instead of a schedule when input is unusable. */
export function buildPlan(input: PlanInput): Plan {
  const { config } = input;
  const { schedule } = config;
  const programId = input.programId ?? config.program.name;
  const zoneOf = (p: Participant) => p.timezone || config.program.timezone;
  const startDay = dayNumber(config.program.startDate);
  const endDay = schedule.count ? startDay + 366 * 5 : dayNumber(config.program.endDate);
  const clocks = new ZoneClocks(startDay - 7, endDay + 7);
  const { units, problems } = buildUnits(input.matches, input.participants, config);
  if (config.program.endDate < config.program.startDate) {
    problems.push({
      severity: 'error',
      code: 'config-dates',
      message: `program.endDate ${config.program.endDate} is before program.startDate ${config.program.startDate}`,
      hint: 'Fix the dates in mentor.config.json',
    });
  }
  if (problems.some((p) => p.severity === 'error'))
    return { series: [], events: [], problems, clocks, zoneOf };

  const outcomes = findSlots({ units, schedule, startDay, clocks, zoneOf, endDay });
  const series: PlannedSeries[] = [];
  const events: CalEvent[] = [];
  const organizer = config.program.manager;
  units.forEach((unit, i) => {
    const outcome = outcomes[i];
    const title = `${unit.mentor.name} ↔ ${unit.mentees.map((m) => m.name).join(', ')}`;
    const slot = outcome.slot;
    if (!slot) {
      series.push({ unit, outcome, occurrences: [], title });
      return;
    }
    const anchorTz = zoneOf(unit.anchor);
    const people = [unit.mentor, ...unit.mentees];
    const time = slot.minute;
    const canMoveTo = (day: number) =>
      people.every((p) => {
        const local = localTimeOf(
          clocks,
          anchorTz,
          new Date(day * 86_400_000).toISOString().slice(0, 10),
          formatClock(time),
          zoneOf(p),
        );
        const minute = parseClock(local.time);
        return windowsOf(p, schedule).some(
          (w) =>
            w.day === isoWeekday(dayNumber(local.date)) &&
            w.start <= minute &&
            minute + schedule.meetingMinutes <= w.end,
        );
      });
    const occurrences = buildOccurrences({
      firstDay: slot.day,
      minute: time,
      frequency: schedule.frequency,
      count: schedule.count,
      endDay,
      blackout: input.blackout,
      onBlackout: schedule.onBlackout,
      canMoveTo,
    });
    if (occurrences.every((o) => o.status === 'skipped')) {
      series.push({
        unit,
        outcome: {
          unitId: unit.id,
          reason: 'every meeting date falls on a blackout date or after the program end',
        },
        occurrences: [],
        title,
      });
      return;
    }
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
    const last = occurrences[occurrences.length - 1];
    const until = clocks.get(anchorTz).toUtc({ day: dayNumber(last.ruleDate), minute: time });
    const event: CalEvent = {
      uid: stableUid(programId, 'series', unit.id),
      kind: 'series',
      unitId: unit.id,
      summary: `${config.program.model === 'group' ? 'Group mentoring' : 'Mentoring'}: ${title}`,
      description: boundedDescription(
        renderTemplate(input.descriptionTemplate, values) +
          (outcome.shift ? `\n\nNote: ${outcome.shift}.` : ''),
      ),
      location,
      url,
      tz: anchorTz,
      start: { date: occurrences[0].ruleDate, time: formatClock(time) },
      durationMinutes: schedule.meetingMinutes,
      rrule: recurrenceRule(schedule.frequency, slot.day, until),
      exdates: occurrences
        .filter((o) => o.status === 'skipped')
        .map((o) => ({ date: o.ruleDate, time: o.time })),
      moved: occurrences
        .filter((o) => o.status === 'moved')
        .map((o) => ({
          recurrenceId: { date: o.ruleDate, time: o.time },
          start: { date: o.date, time: o.time },
        })),
      organizer,
      attendees: people.map((p) => ({ name: p.name, email: p.email })),
      audience: people.map((p) => p.email),
      status: 'CONFIRMED',
      sequence: 0,
      dtstamp: '',
    };
    events.push(
      event,
      ...checkInEvents(config, programId, unit, slot, anchorTz, title, endDay, input.blackout),
    );
    series.push({ unit, outcome, occurrences, event, title });
  });
  events.push(...milestoneEvents(config, programId, units));
  return { series, events, problems, clocks, zoneOf };
}
