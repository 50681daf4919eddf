/**
 * The whole schedule of a program: a slot and series per pair (or group), milestones and check-ins,
 * as events.
 */

import type { ProgramConfig } from '../config.js';
import type { Match, Participant, Problem } from '../types.js';
import type { CalEvent, MeetingUnit, Occurrence, Slot } from './model.js';
import type { Agenda } from './describe.js';
import { buildUnits } from './units.js';
import { findSlots, type KeptSlot } from './slots.js';
import { milestoneBusy, milestoneEvents } from './milestones.js';
import { milestoneHourProblems, milestoneSessions } from './milestone-sessions.js';
import { placeCheckIns } from './checkins.js';
import { conflictProblems, resolveConflicts, type Conflict } from './conflicts.js';
import {
  attendeesOf,
  describeSeries,
  seriesEvent,
  seriesOccurrences,
  type PlannedSeries,
} from './series.js';
import { dayNumber, dayString, parseClock, ZoneClocks } from '../timezones/clock.js';

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
  /** The slot of each pair's series in the last run (see keptSlots): kept when it still fits. */
  kept?: ReadonlyMap<string, KeptSlot>;
}

/** A series with a slot, waiting for the clash check before its event is written. */
interface Draft {
  planned: PlannedSeries;
  slot: Slot;
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
  /** Clashes found on single meetings, moved or (when no slot was free) reported. */
  conflicts: Conflict[];
  /**
   * The description of a unit's series from rule date `from` on (the part a split continues with:
   * its meeting plan starts there, not at meeting 1).
   */
  describeFrom?: (unitId: string, from: string) => string | undefined;
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
    return { series: [], events: [], problems, clocks, zoneOf, conflicts: [] };

  const outcomes = findSlots({
    units,
    schedule,
    startDay,
    clocks,
    zoneOf,
    endDay,
    kept: input.kept,
  });
  const series: PlannedSeries[] = [];
  const drafts: Draft[] = [];
  units.forEach((unit, i) => {
    const outcome = outcomes[i];
    const title = `${unit.mentor.name} ↔ ${unit.mentees.map((m) => m.name).join(', ')}`;
    const slot = outcome.slot;
    if (!slot) {
      series.push({ unit, outcome, occurrences: [], title });
      return;
    }
    const occurrences = fromMatchDate(
      seriesOccurrences(input, unit, slot, clocks, zoneOf, endDay),
      unit,
    );
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
    const planned: PlannedSeries = { unit, outcome, occurrences, title };
    series.push(planned);
    drafts.push({ planned, slot });
  });
  // Every occurrence of every series, after clock changes and blackout moves, against everyone's
  // other meetings and the milestones: a clash moves that one meeting within its week.
  const sessions = milestoneSessions(config, units, clocks, zoneOf);
  problems.push(...milestoneHourProblems(sessions, clocks));
  const fixed = milestoneBusy(config, sessions);
  const { occurrences: resolved, conflicts } = resolveConflicts({
    series: drafts.map(({ planned }) => ({
      unitId: planned.unit.id,
      title: planned.title,
      people: attendeesOf(planned.unit, clocks, zoneOf, schedule),
      occurrences: planned.occurrences,
    })),
    fixed,
    meetingMinutes: schedule.meetingMinutes,
    blackout: input.blackout,
    firstDay: startDay,
    lastDay: endDay,
    maxPerDay: schedule.maxMeetingsPerDay,
  });
  problems.push(...conflictProblems(conflicts));
  drafts.forEach(({ planned }, i) => (planned.occurrences = resolved[i]));
  const managerEmail = config.program.manager.email.toLowerCase();
  const managerBusy = [...(fixed.get(managerEmail) ?? [])];
  // A manager who is also a participant is busy in their own meetings.
  for (const { planned } of drafts) {
    const own = [planned.unit.mentor, ...planned.unit.mentees].some(
      (p) => p.email.toLowerCase() === managerEmail,
    );
    if (!own) continue;
    const clock = clocks.get(zoneOf(planned.unit.anchor));
    for (const o of planned.occurrences) {
      if (o.status === 'skipped') continue;
      const start = clock.toUtc({ day: dayNumber(o.date), minute: parseClock(o.time) });
      managerBusy.push({
        start,
        end: start + schedule.meetingMinutes * 60_000,
        what: planned.title,
      });
    }
  }
  const checkIns = placeCheckIns(
    config,
    programId,
    drafts.map(({ planned }) => ({
      unit: planned.unit,
      title: planned.title,
      anchorTz: zoneOf(planned.unit.anchor),
      occurrences: planned.occurrences,
    })),
    clocks,
    managerBusy,
  );
  problems.push(...checkIns.problems);
  const checkInsOf = new Map<string, CalEvent[]>();
  for (const e of checkIns.events) {
    const list = checkInsOf.get(e.unitId as string) ?? [];
    list.push(e);
    checkInsOf.set(e.unitId as string, list);
  }
  const events: CalEvent[] = [];
  for (const { planned, slot } of drafts) {
    planned.event = seriesEvent(input, programId, planned, slot, clocks, zoneOf);
    events.push(planned.event, ...(checkInsOf.get(planned.unit.id) ?? []));
  }
  events.push(...milestoneEvents(config, programId, sessions, clocks));
  const byUnit = new Map(drafts.map((d) => [d.planned.unit.id, d.planned]));
  const describeFrom = (unitId: string, from: string) => {
    const planned = byUnit.get(unitId);
    const rest = planned?.occurrences.filter((o) => o.ruleDate >= from) ?? [];
    if (!planned || !rest.some((o) => o.status !== 'skipped')) return undefined;
    return describeSeries(input, planned, rest, clocks, zoneOf).description;
  };
  return { series, events, problems, clocks, zoneOf, conflicts, describeFrom };
}

/**
 * A pair matched mid-program meets from the day after its match date: the series' earlier dates
 * are dropped and its meetings numbered from 1, so its invitation and intro name no meeting that
 * was never held. (A group keeps the date of its first match.)
 */
function fromMatchDate(occurrences: Occurrence[], unit: MeetingUnit): Occurrence[] {
  const dates = unit.matches.map((m) => (m.createdAt ?? '').slice(0, 10)).filter(Boolean);
  if (!dates.length) return occurrences;
  const from = dayString(dayNumber(dates.sort()[0]) + 1);
  if (!occurrences.length || occurrences[0].ruleDate >= from) return occurrences;
  let n = 0;
  return occurrences
    .filter((o) => o.ruleDate >= from)
    .map((o) => (o.status === 'skipped' ? o : { ...o, number: ++n }));
}
