/**
 * The clock changes a series goes through: when someone's country changes clocks on another date
 * than the anchor's (or the other way round), their local time of the meeting differs for a while.
 */

import type { Participant } from '../types.js';
import type { MeetingUnit, Occurrence } from './model.js';
import { dayNumber, formatClock, parseClock, type ZoneClocks } from '../timezones/clock.js';
import { formatDay } from './describe.js';

/** Every shift of a series, and the meetings it touches. */
export interface ClockShifts {
  /** One line per change, in date order ("from Sun 14 Mar 2027: 14:00 Europe/Berlin for ..."). */
  lines: string[];
  /** Meeting (by rule date) -> what is different about it, for schedule.csv. */
  meetings: Map<string, string>;
}

/**
 * The shifts of a series, found on its scheduled meetings (moved ones are at another time anyway):
 * wherever someone's local time differs from the one at the first meeting.
 */
export function clockShifts(
  unit: MeetingUnit,
  occurrences: Occurrence[],
  clocks: ZoneClocks,
  zoneOf: (p: Participant) => string,
): ClockShifts {
  const anchorTz = zoneOf(unit.anchor);
  const anchor = clocks.get(anchorTz);
  const lines: [string, string][] = [];
  const meetings = new Map<string, string>();
  const held = occurrences.filter((o) => o.status === 'scheduled');
  for (const p of [unit.mentor, ...unit.mentees]) {
    if (p === unit.anchor) continue;
    const tz = zoneOf(p);
    // perf: the same zone as the anchor never shifts (bench: schedule.mjs)
    if (tz === anchorTz) continue;
    const clock = clocks.get(tz);
    let usual: number | undefined;
    let current: number | undefined;
    for (const o of held) {
      const utc = anchor.toUtc({ day: dayNumber(o.date), minute: parseClock(o.time) });
      const local = clock.toWall(utc).minute;
      usual ??= local;
      if (local !== usual)
        meetings.set(
          o.ruleDate,
          [
            meetings.get(o.ruleDate),
            `${formatClock(local)} ${tz} for ${p.name} instead of ${formatClock(usual)}`,
          ]
            .filter(Boolean)
            .join('; '),
        );
      if (current !== undefined && local !== current)
        lines.push([
          o.date,
          `from ${formatDay(o.date)}: ${local === usual ? 'back to ' : ''}${formatClock(local)} ${tz} for ${p.name}`,
        ]);
      current = local;
    }
  }
  lines.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return { lines: lines.map((l) => l[1]), meetings };
}
