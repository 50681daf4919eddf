/**
 * Where and when each milestone is held for whom: one session in the program time zone, one per
 * local start (`localTime`), or one per region, and the people who get it at an unreasonable hour.
 */

import type { Milestone, ProgramConfig } from '../config.js';
import type { Participant, Problem } from '../types.js';
import type { CalPerson, MeetingUnit } from './model.js';
import { dayNumber, formatClock, parseClock, type ZoneClocks } from '../timezones/clock.js';

/** An attendee of a milestone session, with the zone they live in. */
interface SessionPerson extends CalPerson {
  tz: string;
}

/** One session of a milestone: its own start, in one zone, for some of its audience. */
export interface MilestoneSession {
  milestone: Milestone;
  /** Position in `milestones` (for messages that name the config key). */
  index: number;
  /** '' for the milestone's own session (its UID stays the one of a plain milestone). */
  key: string;
  /** The region name, for a region's session. */
  region?: string;
  tz: string;
  date: string;
  time: string;
  /** UTC ms. */
  start: number;
  /** Who goes to it (none for a milestone nobody is matched for yet). */
  people: SessionPerson[];
  /** True for a plain milestone: one event for the whole audience (`everyone` as '*'). */
  plain: boolean;
}

/** Earliest and latest reasonable local hours for a milestone (README "Milestones"). */
const EARLIEST = 7 * 60;
const LATEST = 21 * 60;

/** The milestone's audience: mentors and mentees of the active pairs, or the manager. */
function audienceOf(
  m: Milestone,
  config: ProgramConfig,
  units: MeetingUnit[],
  zoneOf: (p: Participant) => string,
): SessionPerson[] {
  if (m.audience === 'manager') {
    const { manager } = config.program;
    return [
      { name: manager.name, email: manager.email, tz: manager.timezone ?? config.program.timezone },
    ];
  }
  const seen = new Set<string>();
  const out: SessionPerson[] = [];
  const add = (p: Participant) => {
    const key = p.email.toLowerCase();
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ name: p.name, email: p.email, tz: zoneOf(p) });
  };
  if (m.audience !== 'mentees') for (const u of units) add(u.mentor);
  if (m.audience !== 'mentors') for (const u of units) u.mentees.forEach(add);
  return out;
}

/** Whether a region's `zones` (default: its own timezone) take someone in zone `tz`. */
function regionTakes(region: NonNullable<Milestone['regions']>[number], tz: string): boolean {
  const zones = region.zones?.length ? region.zones : [region.timezone];
  return zones.some((z) => (z.endsWith('/*') ? tz.startsWith(z.slice(0, -1)) : z === tz));
}

/** The sessions of every milestone, in config order. */
export function milestoneSessions(
  config: ProgramConfig,
  units: MeetingUnit[],
  clocks: ZoneClocks,
  zoneOf: (p: Participant) => string,
): MilestoneSession[] {
  const sessions: MilestoneSession[] = [];
  const at = (tz: string, date: string, time: string) =>
    clocks.get(tz).toUtc({ day: dayNumber(date), minute: parseClock(time) });
  config.milestones.forEach((m, index) => {
    const people = audienceOf(m, config, units, zoneOf);
    const own = {
      milestone: m,
      index,
      key: '',
      tz: config.program.timezone,
      date: m.date,
      time: m.time,
      start: at(config.program.timezone, m.date, m.time),
    };
    const regions = m.regions ?? [];
    if (!m.localTime && !regions.length) {
      sessions.push({ ...own, people, plain: true });
      return;
    }
    if (m.localTime) {
      // Everyone whose local date and time is the same instant shares a session.
      const byStart = new Map<number, SessionPerson[]>();
      for (const p of people) {
        const start = at(p.tz, m.date, m.time);
        byStart.set(start, [...(byStart.get(start) ?? []), p]);
      }
      if (!byStart.size) byStart.set(own.start, []);
      for (const [start, group] of [...byStart].sort((a, b) => a[0] - b[0])) {
        const zones = [...new Set(group.map((p) => p.tz))].sort();
        const tz = start === own.start ? own.tz : zones[0];
        const key = start === own.start ? '' : `local-${new Date(start).toISOString()}`;
        sessions.push({ ...own, key, tz, start, people: group, plain: false });
      }
      return;
    }
    const rest: SessionPerson[] = [];
    const taken = regions.map(() => [] as SessionPerson[]);
    for (const p of people) {
      const r = regions.findIndex((region) => regionTakes(region, p.tz));
      (r < 0 ? rest : taken[r]).push(p);
    }
    regions.forEach((region, r) => {
      if (!taken[r].length) return;
      const date = region.date ?? m.date;
      const time = region.time ?? m.time;
      sessions.push({
        ...own,
        key: `region-${region.name}`,
        region: region.name,
        tz: region.timezone,
        date,
        time,
        start: at(region.timezone, date, time),
        people: taken[r],
        plain: false,
      });
    });
    if (rest.length || taken.every((t) => !t.length))
      sessions.push({ ...own, people: rest, plain: false });
  });
  return sessions;
}

const SAMPLE_ZONES = 6;

/**
 * A warning per milestone held for someone before 07:00 or ending after 21:00 in their own zone:
 * how many people, in which zones and at what local time.
 */
export function milestoneHourProblems(sessions: MilestoneSession[], clocks: ZoneClocks): Problem[] {
  const problems: Problem[] = [];
  const byMilestone = new Map<number, Map<string, { count: number; local: string }>>();
  for (const s of sessions) {
    const length = s.milestone.durationMinutes;
    for (const p of s.people) {
      const wall = clocks.get(p.tz).toWall(s.start);
      const end = wall.minute + length;
      if (wall.minute >= EARLIEST && end <= LATEST) continue;
      const zones = byMilestone.get(s.index) ?? new Map<string, { count: number; local: string }>();
      byMilestone.set(s.index, zones);
      const local = `${formatClock(wall.minute)}-${formatClock(end % 1440)}`;
      const key = `${p.tz} ${local}`;
      const entry = zones.get(key) ?? { count: 0, local };
      entry.count++;
      zones.set(key, entry);
    }
  }
  for (const [index, zones] of [...byMilestone].sort((a, b) => a[0] - b[0])) {
    const m = sessions.find((s) => s.index === index)?.milestone as Milestone;
    const people = [...zones.values()].reduce((n, z) => n + z.count, 0);
    const names = [...new Set([...zones.keys()].map((k) => k.split(' ')[0]))];
    const listed = [...zones]
      .sort((a, b) => b[1].count - a[1].count || (a[0] < b[0] ? -1 : 1))
      .slice(0, SAMPLE_ZONES)
      .map(([k, z]) => `${k.split(' ')[0]} ${z.local} (${z.count})`);
    const more = zones.size > SAMPLE_ZONES ? `, and ${zones.size - SAMPLE_ZONES} more` : '';
    problems.push({
      severity: 'warning',
      code: 'milestone-hour',
      message:
        `${m.name} (milestones[${index}]) is before 07:00 or after 21:00 local time for ` +
        `${people} ${people === 1 ? 'person' : 'people'} in ${names.length} time ` +
        `zone${names.length === 1 ? '' : 's'}: ${listed.join(', ')}${more} ` +
        (m.localTime || m.regions?.length
          ? `(change milestones[${index}].time or the time of its regions)`
          : `(set milestones[${index}].localTime to true, or give it regions with their own times)`),
    });
  }
  return problems;
}
