/**
 * VTIMEZONE components built from the runtime's zone data, transitions exact to the minute, covering
 * the years asked for (the caller passes the span of every event it writes).
 */

import { offsetOf, zoneTransitions } from '../../../core/timezones/transitions.js';
import { foldLine } from './write.js';

interface Transition {
  at: number;
  from: number;
  to: number;
  local: Date;
}

function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
}

function localText(d: Date): string {
  return d.toISOString().slice(0, 19).replace(/[-:]/g, '');
}

const BYDAY = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

function observance(
  kind: string,
  from: number,
  to: number,
  start: string,
  extra: string[],
): string[] {
  return [
    `BEGIN:${kind}`,
    `DTSTART:${start}`,
    ...extra,
    `TZOFFSETFROM:${offsetText(from)}`,
    `TZOFFSETTO:${offsetText(to)}`,
    `END:${kind}`,
  ];
}

/**
 * A VTIMEZONE for `tz` valid from January 1 of `fromYear` to December 31 of `toYear`:
 * transitions that follow a yearly "nth weekday of month" pattern become an RRULE, others RDATEs.
 */
export function buildVTimezone(tz: string, fromYear: number, toYear: number): string {
  const start = Date.UTC(fromYear, 0, 1);
  const changes = zoneTransitions(tz, start, Date.UTC(toYear + 1, 0, 1));
  const initial = offsetOf(tz, start);
  const lines = ['BEGIN:VTIMEZONE', `TZID:${tz}`];
  if (changes.length === 0) {
    lines.push(...observance('STANDARD', initial, initial, '19700101T000000', []));
    return [...lines, 'END:VTIMEZONE'].map(foldLine).join('');
  }
  const transitions: Transition[] = [];
  for (const c of changes) {
    // An observance's DTSTART is the local time just before the change (RFC 5545 3.6.5: in
    // TZOFFSETFROM).
    transitions.push({ at: c.at, from: c.from, to: c.to, local: new Date(c.at + c.from * 60_000) });
  }
  const firstKind = transitions[0].to < initial ? 'DAYLIGHT' : 'STANDARD';
  lines.push(...observance(firstKind, initial, initial, '19700101T000000', []));
  const groups = new Map<string, Transition[]>();
  for (const t of transitions) {
    const key = `${t.from}|${t.to}|${t.local.getUTCMonth()}|${t.local.getUTCDay()}|${localText(t.local).slice(8)}`;
    const list = groups.get(key) ?? [];
    list.push(t);
    groups.set(key, list);
  }
  for (const list of groups.values()) {
    const first = list[0];
    const kind = first.to > first.from ? 'DAYLIGHT' : 'STANDARD';
    const nth = list.map((t) => Math.ceil(t.local.getUTCDate() / 7));
    const last = list.map(
      (t) =>
        t.local.getUTCDate() + 7 >
        new Date(Date.UTC(t.local.getUTCFullYear(), t.local.getUTCMonth() + 1, 0)).getUTCDate(),
    );
    const yearly = list.every(
      (t, i) => i === 0 || t.local.getUTCFullYear() === list[i - 1].local.getUTCFullYear() + 1,
    );
    let rule: string | undefined;
    const byday = BYDAY[first.local.getUTCDay()];
    if (yearly && list.length > 1 && nth.every((n) => n === nth[0]) && nth[0] < 5)
      rule = `${nth[0]}${byday}`;
    else if (yearly && list.length > 1 && last.every(Boolean)) rule = `-1${byday}`;
    const extra = rule
      ? [
          `RRULE:FREQ=YEARLY;BYMONTH=${first.local.getUTCMonth() + 1};BYDAY=${rule};UNTIL=${localText(new Date(list[list.length - 1].at)).concat('Z')}`,
        ]
      : list.length > 1
        ? // Every onset, the DTSTART one included, one RDATE property each: ical.js (Thunderbird)
          // ignores the DTSTART onset of a component with RDATE and reads only the first value of
          // each RDATE property, so Casablanca's meetings showed an hour late.
          list.map((t) => `RDATE:${localText(t.local)}`)
        : [];
    lines.push(...observance(kind, first.from, first.to, localText(first.local), extra));
  }
  lines.push('END:VTIMEZONE');
  return lines.map(foldLine).join('');
}
