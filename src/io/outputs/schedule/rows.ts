/**
 * The meeting list (schedule.csv / schedule.xlsx): one row per meeting with both people's local
 * times.
 */

import type { Plan } from '../../../core/scheduling/plan.js';
import { clockShifts } from '../../../core/scheduling/clock-shifts.js';
import { dayNumber, dayString, formatClock, parseClock } from '../../../core/timezones/clock.js';
import type { FastColumn, FastValue } from '../../formats/xlsx/fast-write.js';

/** Columns of the meeting list, in order (rows from meetingRows follow it). */
export const MEETING_COLUMNS: FastColumn[] = [
  { header: 'Pair ID' },
  { header: 'Pair', width: 36 },
  { header: 'Meeting', type: 'integer' },
  { header: 'Status' },
  { header: 'Mentor' },
  { header: 'Mentor date', type: 'date' },
  { header: 'Mentor time', type: 'time' },
  { header: 'Mentor time zone' },
  { header: 'Mentee' },
  { header: 'Mentee date', type: 'date' },
  { header: 'Mentee time', type: 'time' },
  { header: 'Mentee time zone' },
  { header: 'Start (UTC)' },
  { header: 'Note', width: 40 },
  { header: 'Clock change', width: 40 },
];

const DAY_MS = 86_400_000;

/**
 * Every meeting of every series, skipped dates and unscheduled pairs included, as cells in
 * MEETING_COLUMNS order.
 */
export function meetingRows(plan: Plan): FastValue[][] {
  const rows: FastValue[][] = [];
  for (const s of plan.series) {
    const { unit } = s;
    const mentorZone = plan.zoneOf(unit.mentor);
    const menteeZones = unit.mentees.map(plan.zoneOf);
    const mentees = unit.mentees.map((m) => m.name).join('; ');
    if (!s.event) {
      rows.push([
        unit.id,
        s.title,
        undefined,
        'unscheduled',
        unit.mentor.name,
        undefined,
        undefined,
        mentorZone,
        mentees,
        undefined,
        undefined,
        menteeZones.join('; '),
        undefined,
        s.outcome.reason ?? '',
        '',
      ]);
      continue;
    }
    const anchor = plan.clocks.get(plan.zoneOf(unit.anchor));
    const mentorClock = plan.clocks.get(mentorZone);
    const menteeClocks = menteeZones.map((z) => plan.clocks.get(z));
    const fallbackNote = s.outcome.slot?.fallback ? (s.outcome.reason ?? '') : '';
    const zones = menteeZones.join('; ');
    const shifted = clockShifts(unit, s.occurrences, plan.clocks, plan.zoneOf).meetings;
    for (const o of s.occurrences) {
      const date = o.status === 'skipped' ? o.ruleDate : o.date;
      const utc = anchor.toUtc({ day: dayNumber(date), minute: parseClock(o.time) });
      const mentor = mentorClock.toWall(utc);
      const utcDay = Math.floor(utc / DAY_MS);
      let menteeDates: string;
      let menteeTimes: string;
      if (menteeClocks.length === 1) {
        // The usual one-to-one pair: no per-row arrays.
        const w = menteeClocks[0].toWall(utc);
        menteeDates = dayString(w.day);
        menteeTimes = formatClock(w.minute);
      } else {
        const local = menteeClocks.map((c) => c.toWall(utc));
        menteeDates = local.map((w) => dayString(w.day)).join('; ');
        menteeTimes = local.map((w) => formatClock(w.minute)).join('; ');
      }
      rows.push([
        unit.id,
        s.title,
        o.number || undefined,
        o.status,
        unit.mentor.name,
        dayString(mentor.day),
        formatClock(mentor.minute),
        mentorZone,
        mentees,
        menteeDates,
        menteeTimes,
        zones,
        `${dayString(utcDay)} ${formatClock(Math.round((utc - utcDay * DAY_MS) / 60_000))}`,
        o.status === 'skipped'
          ? 'blackout date'
          : o.status === 'moved'
            ? (o.note ?? `moved from ${o.ruleDate} (blackout date)`)
            : fallbackNote,
        o.status === 'scheduled' ? (shifted.get(o.ruleDate) ?? '') : '',
      ]);
    }
  }
  return rows;
}
