/** Program-wide milestone events, and the busy time they are for the people they concern. */

import type { ProgramConfig } from '../config.js';
import type { CalEvent, MeetingUnit } from './model.js';
import type { Busy } from './timeline.js';
import { stableUid } from './ids.js';
import { dayNumber, parseClock, type ZoneClocks } from '../timezones/clock.js';

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
