/** Program-wide milestone events and the manager's check-ins with each pair. */

import type { ProgramConfig } from '../config.js';
import type { CalEvent, CalPerson, MeetingUnit, Slot } from './model.js';
import type { Busy } from './timeline.js';
import { stableUid } from './ids.js';
import {
  dayNumber,
  dayString,
  formatClock,
  parseClock,
  type ZoneClocks,
} from '../timezones/clock.js';

const AUDIENCE_TEXT = {
  everyone: 'all mentors and mentees',
  mentors: 'all mentors',
  mentees: 'all mentees',
  manager: 'the program team',
};

/** One event per configured milestone, in the program time zone, for everyone it concerns. */
export function milestoneEvents(
  config: ProgramConfig,
  programId: string,
  units: MeetingUnit[],
): CalEvent[] {
  const organizer = config.program.manager;
  const mentors = [...new Set(units.map((u) => u.mentor.email))];
  const mentees = [...new Set(units.flatMap((u) => u.mentees.map((m) => m.email)))];
  return config.milestones.map((m) => ({
    uid: stableUid(programId, 'milestone', m.id),
    kind: 'milestone' as const,
    summary: `${config.program.name}: ${m.name}`,
    description:
      m.description ??
      `${m.name} for ${AUDIENCE_TEXT[m.audience]} of ${config.program.name}.\nQuestions: ${organizer.name} <${organizer.email}>`,
    location: m.location,
    tz: config.program.timezone,
    start: { date: m.date, time: m.time },
    durationMinutes: m.durationMinutes,
    organizer,
    // A broadcast event: listing hundreds of attendees in every person's file would bloat it;
    // audience decides the files.
    attendees: [],
    audience:
      m.audience === 'everyone'
        ? ['*']
        : m.audience === 'mentors'
          ? mentors
          : m.audience === 'mentees'
            ? mentees
            : [],
    status: 'CONFIRMED' as const,
    sequence: 0,
    dtstamp: '',
  }));
}

/**
 * Milestones as busy time, per lower-case email: for their audience and for the manager, who runs
 * them all.
 */
export function milestoneBusy(
  config: ProgramConfig,
  units: MeetingUnit[],
  clocks: ZoneClocks,
): Map<string, Busy[]> {
  const busy = new Map<string, Busy[]>();
  const mentors = [...new Set(units.map((u) => u.mentor.email.toLowerCase()))];
  const mentees = [...new Set(units.flatMap((u) => u.mentees.map((m) => m.email.toLowerCase())))];
  const clock = clocks.get(config.program.timezone);
  for (const m of config.milestones) {
    const start = clock.toUtc({ day: dayNumber(m.date), minute: parseClock(m.time) });
    const span = { start, end: start + m.durationMinutes * 60_000, what: m.name };
    const who =
      m.audience === 'everyone'
        ? [...mentors, ...mentees]
        : m.audience === 'mentors'
          ? mentors
          : m.audience === 'mentees'
            ? mentees
            : [];
    for (const email of new Set([...who, config.program.manager.email.toLowerCase()])) {
      let list = busy.get(email);
      if (!list) busy.set(email, (list = []));
      list.push(span);
    }
  }
  return busy;
}

/** Manager check-ins with a unit in the configured program weeks, at the unit's usual time. */
export function checkInEvents(
  config: ProgramConfig,
  programId: string,
  unit: MeetingUnit,
  slot: Slot,
  tz: string,
  title: string,
  endDay: number,
  blackout: ReadonlySet<string>,
): CalEvent[] {
  const manager: CalPerson = config.program.manager;
  const people: CalPerson[] = [unit.mentor, ...unit.mentees].map((p) => ({
    name: p.name,
    email: p.email,
  }));
  const startDay = dayNumber(config.program.startDate);
  const out: CalEvent[] = [];
  for (const week of config.schedule.checkInWeeks) {
    // Week N after the start: the unit's weekday in the week that begins N weeks after the program
    // start.
    const day = slot.day + Math.floor((startDay + week * 7 - slot.day + 6) / 7) * 7;
    if (day > endDay || blackout.has(dayString(day))) continue;
    out.push({
      uid: stableUid(programId, 'checkin', `${unit.id}/${week}`),
      kind: 'checkin',
      unitId: unit.id,
      summary: `Check-in with ${manager.name}: ${title}`,
      description: `${manager.name} joins the first ${config.schedule.checkInMinutes} minutes of your meeting in week ${week} of ${config.program.name} to hear how it is going.\nQuestions: ${manager.name} <${manager.email}>`,
      tz,
      start: { date: dayString(day), time: formatClock(slot.minute) },
      durationMinutes: config.schedule.checkInMinutes,
      organizer: manager,
      attendees: people,
      audience: people.map((p) => p.email),
      status: 'CONFIRMED',
      sequence: 0,
      dtstamp: '',
    });
  }
  return out;
}
