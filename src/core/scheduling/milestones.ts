/** Program-wide milestone events, and the busy time they are for the people they concern. */

import type { ProgramConfig } from '../config.js';
import type { CalEvent } from './model.js';
import type { Busy } from './timeline.js';
import type { MilestoneSession } from './milestone-sessions.js';
import { stableUid } from './ids.js';
import { formatClock, type ZoneClocks } from '../timezones/clock.js';

const AUDIENCE_TEXT = {
  everyone: 'all mentors and mentees',
  mentors: 'all mentors',
  mentees: 'all mentees',
  manager: 'the program team',
};

/** "UTC+10:00", "UTC-03:30", "UTC" for an offset in minutes. */
function utcOffset(minutes: number): string {
  if (!minutes) return 'UTC';
  const abs = Math.abs(minutes);
  return `UTC${minutes < 0 ? '-' : '+'}${formatClock(abs)}`;
}

/** One event per milestone session, in its zone, for everyone it concerns. */
export function milestoneEvents(
  config: ProgramConfig,
  programId: string,
  sessions: MilestoneSession[],
  clocks: ZoneClocks,
): CalEvent[] {
  const organizer = config.program.manager;
  return sessions.map((s) => {
    const m = s.milestone;
    const base =
      m.description ??
      `${m.name} for ${AUDIENCE_TEXT[m.audience]} of ${config.program.name}.\nQuestions: ${organizer.name} <${organizer.email}>`;
    const offset = utcOffset(clocks.get(s.tz).offsetAt(s.start));
    const session = s.plain
      ? ''
      : m.localTime
        ? `\n\nHeld at ${m.time} in each person's own time zone: this is the session at ${m.time} ${offset}.`
        : s.region
          ? `\n\nThis is the session for ${s.region}, at ${s.time} ${s.tz}.`
          : `\n\nThis is the session at ${s.time} ${s.tz}; other regions have their own.`;
    return {
      uid: stableUid(programId, 'milestone', s.key ? `${m.id}/${s.key}` : m.id),
      kind: 'milestone' as const,
      summary: `${config.program.name}: ${m.name}${s.region ? ` (${s.region})` : ''}`,
      description: base + session,
      location: m.location,
      tz: s.tz,
      start: { date: s.date, time: s.time },
      durationMinutes: m.durationMinutes,
      organizer,
      // A broadcast event: listing hundreds of attendees in every person's file would bloat it;
      // audience decides the files.
      attendees: [],
      audience:
        s.plain && m.audience === 'everyone'
          ? ['*']
          : m.audience === 'manager'
            ? []
            : s.people.map((p) => p.email),
      status: 'CONFIRMED' as const,
      sequence: 0,
      dtstamp: '',
    };
  });
}

/**
 * Milestones as busy time, per lower-case email: each session for its people and for the manager,
 * who runs them all.
 */
export function milestoneBusy(
  config: ProgramConfig,
  sessions: MilestoneSession[],
): Map<string, Busy[]> {
  const busy = new Map<string, Busy[]>();
  const manager = config.program.manager.email.toLowerCase();
  for (const s of sessions) {
    const m = s.milestone;
    const span = { start: s.start, end: s.start + m.durationMinutes * 60_000, what: m.name };
    for (const email of new Set([...s.people.map((p) => p.email.toLowerCase()), manager])) {
      let list = busy.get(email);
      if (!list) busy.set(email, (list = []));
      list.push(span);
    }
  }
  return busy;
}
