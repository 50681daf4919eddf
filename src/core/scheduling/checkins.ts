/**
 * The manager's check-ins: each joins the start of an actual meeting of the pair (the one nearest
 * the configured week), at a time inside the manager's own availability and zone, never two at once.
 */

import type { ProgramConfig } from '../config.js';
import type { AvailabilityWindow, Problem } from '../types.js';
import type { CalEvent, CalPerson, MeetingUnit, Occurrence } from './model.js';
import { Timeline, type Busy } from './timeline.js';
import { isCleanWall } from './conflicts.js';
import { stableUid } from './ids.js';
import { formatDay } from './describe.js';
import { dayNumber, isoWeekday, parseClock, type ZoneClocks } from '../timezones/clock.js';

/** A meeting is a check-in candidate when it is at most this far from the configured week. */
const REACH_DAYS = 28;
const SAMPLES = 5;

/** A scheduled series, as far as check-ins need it. */
export interface CheckInSeries {
  unit: MeetingUnit;
  title: string;
  anchorTz: string;
  occurrences: Occurrence[];
}

/** The manager's windows: `program.manager.availability`, else `schedule.workingHours`. */
export function managerWindows(config: ProgramConfig): AvailabilityWindow[] {
  const given = config.program.manager.availability;
  const spans = given ?? [config.schedule.workingHours];
  return spans.flatMap((s) =>
    s.days.map((day) => ({
      day: day as AvailabilityWindow['day'],
      start: parseClock(s.start),
      end: parseClock(s.end),
    })),
  );
}

/** The manager's time zone: `program.manager.timezone`, else `program.timezone`. */
function managerZone(config: ProgramConfig): string {
  return config.program.manager.timezone ?? config.program.timezone;
}

/**
 * Check-in events for every series and configured week; `busy` is the manager's fixed busy time
 * (milestones, own meetings). Weeks no meeting can serve are reported, grouped.
 */
export function placeCheckIns(
  config: ProgramConfig,
  programId: string,
  series: CheckInSeries[],
  clocks: ZoneClocks,
  busy: Busy[],
): { events: CalEvent[]; problems: Problem[] } {
  const manager: CalPerson = config.program.manager;
  const minutes = config.schedule.checkInMinutes;
  const clock = clocks.get(managerZone(config));
  const windows = managerWindows(config);
  const timeline = new Timeline();
  for (const b of busy) timeline.add(b);
  const startDay = dayNumber(config.program.startDate);
  const events: CalEvent[] = [];
  const missed: string[] = [];
  for (const s of series) {
    const anchor = clocks.get(s.anchorTz);
    const used = new Set<Occurrence>();
    const people: CalPerson[] = [s.unit.mentor, ...s.unit.mentees].map((p) => ({
      name: p.name,
      email: p.email,
    }));
    const held = s.occurrences.filter((o) => o.status !== 'skipped');
    const firstDay = held.length ? dayNumber(held[0].date) : startDay;
    const lastDay = held.length ? dayNumber(held[held.length - 1].date) : startDay;
    for (const week of config.schedule.checkInWeeks) {
      // Week N: the seven days that begin N weeks after the program start. A week after the
      // pair's last meeting (a short program) or before its first (a pair matched late) has none.
      const from = startDay + week * 7;
      if (from > lastDay || from + 6 < firstDay) continue;
      const distance = (o: Occurrence) => {
        const d = dayNumber(o.date);
        return d < from ? from - d : d > from + 6 ? d - from - 6 : 0;
      };
      const candidates = s.occurrences
        .filter((o) => o.status !== 'skipped' && !used.has(o) && distance(o) <= REACH_DAYS)
        .sort((a, b) => distance(a) - distance(b) || (a.date < b.date ? -1 : 1));
      let placed: { o: Occurrence; start: number } | undefined;
      for (const o of candidates) {
        const start = anchor.toUtc({ day: dayNumber(o.date), minute: parseClock(o.time) });
        const wall = clock.toWall(start);
        const weekday = isoWeekday(wall.day);
        const fits = windows.some(
          (w) => w.day === weekday && w.start <= wall.minute && wall.minute + minutes <= w.end,
        );
        if (!fits || !isCleanWall(clock, wall.day, wall.minute)) continue;
        if (timeline.clash(start, start + minutes * 60_000)) continue;
        placed = { o, start };
        break;
      }
      if (!placed) {
        missed.push(`${s.title} (week ${week})`);
        continue;
      }
      const { o, start } = placed;
      used.add(o);
      timeline.add({ start, end: start + minutes * 60_000, what: `check-in with ${s.title}` });
      events.push({
        uid: stableUid(programId, 'checkin', `${s.unit.id}/${week}`),
        kind: 'checkin',
        unitId: s.unit.id,
        summary: `Check-in with ${manager.name}: ${s.title}`,
        description: `${manager.name} joins the first ${minutes} minutes of your meeting on ${formatDay(o.date)} (meeting ${o.number}, around week ${week} of ${config.program.name}) to hear how it is going.\nQuestions: ${manager.name} <${manager.email}>`,
        tz: s.anchorTz,
        start: { date: o.date, time: o.time },
        durationMinutes: minutes,
        organizer: manager,
        attendees: people,
        audience: people.map((p) => p.email),
        status: 'CONFIRMED',
        sequence: 0,
        dtstamp: '',
      });
    }
  }
  return { events, problems: missedProblems(missed) };
}

function missedProblems(missed: string[]): Problem[] {
  if (!missed.length) return [];
  const sample = missed.slice(0, SAMPLES).join(', ');
  const more = missed.length > SAMPLES ? ` and ${missed.length - SAMPLES} more` : '';
  return [
    {
      severity: 'warning',
      code: 'checkin-unplaced',
      message:
        `${missed.length} check-in(s) not booked: no meeting within ${REACH_DAYS / 7} weeks of ` +
        `the week falls inside the program manager's free time (program.manager.availability): ` +
        `${sample}${more}`,
    },
  ];
}
