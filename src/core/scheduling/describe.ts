/**
 * Text for a series: the meeting plan (every date in each person's own time) and the description
 * template values.
 */

import type { ProgramConfig } from '../config.js';
import type { Participant } from '../types.js';
import type { MeetingUnit, Occurrence } from './model.js';
import {
  dayNumber,
  dayString,
  formatClock,
  parseClock,
  type ZoneClocks,
} from '../timezones/clock.js';

/** Suggested agenda and program rules (templates/agenda.json). */
export interface Agenda {
  /** Agenda for meeting 1, 2, ... */
  meetings: string[];
  /** For meetings beyond the list. */
  later: string;
  /** For the last meeting. */
  last: string;
  groundRules: string[];
  expectations: string[];
}

const PLAN_LINES = 8;
const PLAN_CHARS = 2_500;
/** Longest description written (Google Calendar drops what is past 8,000 characters). */
const DESCRIPTION_LIMIT = 7_500;

/** `text` cut to DESCRIPTION_LIMIT characters (never inside a surrogate pair), marked as cut. */
export function boundedDescription(text: string): string {
  if (text.length <= DESCRIPTION_LIMIT) return text;
  let end = DESCRIPTION_LIMIT - 1;
  if ((text.charCodeAt(end - 1) & 0xfc00) === 0xd800) end--;
  return `${text.slice(0, end)}…`;
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const dayTexts = new Map<string, string>();
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * "Tue 16 Mar 2027" for an ISO date (fixed English, so output does not depend on the machine's
 * locale).
 */
export function formatDay(date: string): string {
  let text = dayTexts.get(date);
  if (text === undefined) {
    const d = new Date(`${date}T00:00:00Z`);
    text = `${DAYS[(d.getUTCDay() + 6) % 7]} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
    // Every meeting line of every pair names a date; a program has a few hundred distinct ones.
    if (dayTexts.size < 20_000) dayTexts.set(date, text);
  }
  return text;
}

/** The agenda text for meeting `n` of `total`. */
function agendaFor(agenda: Agenda, n: number, total: number): string {
  if (n === total && total > 1 && agenda.last) return agenda.last;
  return agenda.meetings[n - 1] ?? agenda.later;
}

/** Someone's local date and time at the anchor's wall-clock moment. */
export function localTimeOf(
  clocks: ZoneClocks,
  anchorTz: string,
  date: string,
  time: string,
  tz: string,
): { date: string; time: string } {
  const utc = clocks.get(anchorTz).toUtc({ day: dayNumber(date), minute: parseClock(time) });
  const wall = clocks.get(tz).toWall(utc);
  return { date: dayString(wall.day), time: formatClock(wall.minute) };
}

/** One line per occurrence: number, date, every person's local time, suggested agenda. */
export function meetingPlan(
  unit: MeetingUnit,
  occurrences: Occurrence[],
  clocks: ZoneClocks,
  zoneOf: (p: Participant) => string,
  agenda: Agenda,
): string {
  const anchorTz = zoneOf(unit.anchor);
  const anchor = clocks.get(anchorTz);
  const others = [unit.mentor, ...unit.mentees]
    .filter((p) => p !== unit.anchor)
    .map((p) => ({ p, tz: zoneOf(p), clock: clocks.get(zoneOf(p)) }));
  // The last meeting's number: a split series' continuing part lists only its own meetings, and
  // the last one is still the last.
  let total = 0;
  for (const o of occurrences) if (o.status !== 'skipped' && o.number > total) total = o.number;
  const lines: string[] = [];
  for (const o of occurrences) {
    const size = lines.reduce((n, l) => n + l.length, 0);
    // Google Calendar cuts descriptions past 8,000 characters (150 meetings made 32,108): the
    // first few dates here, every date in each person's file and in schedule.csv.
    if (lines.length >= PLAN_LINES || size > PLAN_CHARS) {
      const rest = occurrences.slice(lines.length).filter((x) => x.status !== 'skipped');
      if (rest.length)
        lines.push(
          `… and ${rest.length} more meeting${rest.length > 1 ? 's' : ''}, the last on ${formatDay(rest[rest.length - 1].date)}: your calendar shows every one in your own time, and your personal calendar file from the program team lists them all.`,
        );
      break;
    }
    if (o.status === 'skipped') {
      lines.push(`-  ${formatDay(o.ruleDate)}: no meeting (blackout date)`);
      continue;
    }
    const utc = anchor.toUtc({ day: dayNumber(o.date), minute: parseClock(o.time) });
    // A wall time a clock change skips is said as the time it becomes (RFC 5545 3.3.5).
    const own = anchor.toWall(utc);
    const times = [`${formatClock(own.minute)} ${anchorTz} (${unit.anchor.name})`];
    for (const { p, tz, clock } of others) {
      const wall = clock.toWall(utc);
      const date = dayString(wall.day);
      times.push(
        `${date === o.date ? '' : `${formatDay(date)} `}${formatClock(wall.minute)} ${tz} (${p.name})`,
      );
    }
    const moved =
      o.status !== 'moved'
        ? ''
        : o.note
          ? ` (${o.note.replace(o.ruleDate, formatDay(o.ruleDate))})`
          : ` (moved from ${formatDay(o.ruleDate)}, a blackout date)`;
    lines.push(
      `${o.number}. ${formatDay(o.date)}${moved}: ${times.join(' = ')}. Agenda: ${agendaFor(agenda, o.number, total)}`,
    );
  }
  return lines.join('\n');
}

function sharedTopics(unit: MeetingUnit): string {
  const mine = new Map(unit.mentor.topics.map((t) => [t.toLowerCase(), t]));
  const shared = new Set<string>();
  for (const m of unit.mentees)
    for (const t of m.topics)
      if (mine.has(t.toLowerCase())) shared.add(mine.get(t.toLowerCase()) as string);
  return shared.size
    ? [...shared].join(', ')
    : 'none listed in common; agree your focus at the first meeting';
}

/** Values for the description/location/url templates of one unit. */
export function templateValues(
  unit: MeetingUnit,
  config: ProgramConfig,
  plan: string,
  occurrences: Occurrence[],
  agenda: Agenda,
): Map<string, string> {
  const first = occurrences.find((o) => o.status !== 'skipped');
  const goals = unit.mentees
    // Sign-up text is unbounded; the description is not (boundedDescription).
    .map((m) =>
      m.goals ? `${unit.mentees.length > 1 ? `${m.name}: ` : ''}${clip(m.goals, 600)}` : '',
    )
    .filter(Boolean);
  const values = new Map<string, string>([
    ['program', config.program.name],
    ['pairId', unit.id],
    ['mentor', unit.mentor.name],
    ['mentee', unit.mentees.map((m) => m.name).join(', ')],
    ['mentees', unit.mentees.map((m) => m.name).join(', ')],
    ['sharedTopics', sharedTopics(unit)],
    ['goals', goals.length ? goals.join('; ') : 'to be agreed at the first meeting'],
    [
      'frequency',
      config.schedule.frequency === 'biweekly' ? 'every two weeks' : config.schedule.frequency,
    ],
    ['duration', String(config.schedule.meetingMinutes)],
    ['meetingPlan', plan],
    ['meetingCount', String(occurrences.filter((o) => o.status !== 'skipped').length)],
    ['firstMeeting', first ? `${formatDay(first.date)} ${first.time}` : 'not scheduled'],
    ['groundRules', agenda.groundRules.map((r) => `- ${r}`).join('\n')],
    ['expectations', agenda.expectations.map((r) => `- ${r}`).join('\n')],
    ['managerName', config.program.manager.name],
    ['managerEmail', config.program.manager.email],
  ]);
  return values;
}
