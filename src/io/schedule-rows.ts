/** The meeting list (schedule.csv / schedule.xlsx): one row per meeting with both people's local times. */

import type { Plan } from '../core/scheduling/plan.js';
import { localTimeOf } from '../core/scheduling/describe.js';
import { dayNumber, parseClock } from '../core/scheduling/zone.js';
import type { ColumnSpec } from './xlsx-write.js';

/** Columns of the meeting list, in order. */
export const MEETING_COLUMNS: ColumnSpec[] = [
  { header: 'Pair ID', key: 'pairId' },
  { header: 'Pair', key: 'pair', width: 36 },
  { header: 'Meeting', key: 'number', type: 'integer' },
  { header: 'Status', key: 'status' },
  { header: 'Mentor', key: 'mentor' },
  { header: 'Mentor date', key: 'mentorDate', type: 'date' },
  { header: 'Mentor time', key: 'mentorTime' },
  { header: 'Mentor time zone', key: 'mentorZone' },
  { header: 'Mentee', key: 'mentee' },
  { header: 'Mentee date', key: 'menteeDate' },
  { header: 'Mentee time', key: 'menteeTime' },
  { header: 'Mentee time zone', key: 'menteeZone' },
  { header: 'Start (UTC)', key: 'startUtc' },
  { header: 'Note', key: 'note', width: 40 },
];

/** Every meeting of every series, skipped dates and unscheduled pairs included. */
export function meetingRows(plan: Plan): Record<string, unknown>[] {
  const rows: Record<string, unknown>[] = [];
  for (const s of plan.series) {
    const { unit } = s;
    const base = { pairId: unit.id, pair: s.title, mentor: unit.mentor.name, mentee: unit.mentees.map((m) => m.name).join('; '), mentorZone: plan.zoneOf(unit.mentor), menteeZone: unit.mentees.map(plan.zoneOf).join('; ') };
    if (!s.event) {
      rows.push({ ...base, status: 'unscheduled', note: s.outcome.reason ?? '' });
      continue;
    }
    const anchorTz = plan.zoneOf(unit.anchor);
    const clock = plan.clocks.get(anchorTz);
    for (const o of s.occurrences) {
      const date = o.status === 'skipped' ? o.ruleDate : o.date;
      const mentor = localTimeOf(plan.clocks, anchorTz, date, o.time, base.mentorZone);
      const mentees = unit.mentees.map((m) => localTimeOf(plan.clocks, anchorTz, date, o.time, plan.zoneOf(m)));
      const utc = new Date(clock.toUtc({ day: dayNumber(date), minute: parseClock(o.time) })).toISOString().slice(0, 16).replace('T', ' ');
      rows.push({
        ...base, number: o.number || undefined, status: o.status,
        mentorDate: mentor.date, mentorTime: mentor.time,
        menteeDate: mentees.map((m) => m.date).join('; '), menteeTime: mentees.map((m) => m.time).join('; '),
        startUtc: utc,
        note: o.status === 'skipped' ? 'blackout date' : o.status === 'moved' ? `moved from ${o.ruleDate} (blackout date)` : s.outcome.slot?.fallback ? s.outcome.reason ?? '' : '',
      });
    }
  }
  return rows;
}
