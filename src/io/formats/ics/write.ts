/**
 * RFC 5545 writer: CRLF lines folded at 75 octets, TEXT escaping, quoted parameters, TZID times,
 * iTIP METHOD.
 */

import type { CalEvent, CalPerson, LocalDateTime } from '../../../core/scheduling/model.js';
import { foldLinesToBytes } from './fold.js';
import { addressForm } from '../address.js';

const PRODID = '-//mentor-cli//mentor-cli 0.1//EN';

/**
 * Folds one content line at 75 octets (RFC 5545 3.1) without splitting a UTF-8 sequence; returns it
 * CRLF-terminated.
 */
export function foldLine(line: string): string {
  if (line.length <= 25 || (line.length <= 75 && Buffer.byteLength(line) <= 75))
    return `${line}\r\n`;
  // Cut into slices (no per-character concatenation: descriptions are kilobytes long and there are
  // thousands).
  let out = '';
  let used = 0;
  let from = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    // A surrogate pair is one 4-byte character, never cut between its halves; a lone surrogate is
    // written as U+FFFD (3 bytes).
    const pair =
      c >= 0xd800 &&
      c <= 0xdbff &&
      i + 1 < line.length &&
      (line.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    const size = c < 0x80 ? 1 : c < 0x800 ? 2 : pair ? 4 : 3;
    if (used + size > 75) {
      out += `${line.slice(from, i)}\r\n `;
      from = i;
      used = 1;
    }
    used += size;
    if (pair) i++;
  }
  return `${out}${line.slice(from)}\r\n`;
}

const NEEDS_ESCAPE = /[\u0000-\u001F\u007F\\;,]/;
// One pass: CRLF and LF become \n, other control characters but TAB (a lone CR too, so no text can
// start a new line) are dropped, backslash, semicolon and comma are escaped.
const ESCAPES = /\r\n|[\u0000-\u0008\u000A-\u001F\u007F\\;,]/g;
const escaped = (c: string) =>
  c === '\n' || c === '\r\n' ? '\\n' : c === '\\' || c === ';' || c === ',' ? `\\${c}` : '';

/**
 * Escapes a TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma, newline; drops other control
 * characters.
 */
export function escapeText(text: string): string {
  return NEEDS_ESCAPE.test(text) ? text.replace(ESCAPES, escaped) : text;
}

/**
 * A parameter value, always DQUOTE-quoted, with RFC 6868 escapes: ^ as ^^ and a double quote as ^'
 * (RFC 5545 itself has no way to put one in a parameter); control characters become spaces.
 */
function paramValue(text: string): string {
  return `"${text
    .replace(/[\u0000-\u001F\u007F]+/g, ' ')
    .trim()
    .replace(/\^/g, '^^')
    .replace(/"/g, "^'")}"`;
}

/**
 * A mailto: URI for an email address in the form the emails use (addressForm): a non-ASCII local
 * part stays UTF-8 (an IRI, as clients write it), so it matches the address the invitation was
 * sent to; controls, spaces and characters that would end the value are percent-encoded.
 */
function mailto(email: string): string {
  return `mailto:${addressForm(email).replace(/[\u0000-\u0020\u007F"(),:;<>[\\\]]/g, (c) => encodeURIComponent(c))}`;
}

/** A URI value: controls and spaces percent-encoded so the line stays one property. */
function uri(text: string): string {
  return text.trim().replace(/[\u0000-\u0020\u007F"<>\\^`{|}]/g, (c) => encodeURIComponent(c));
}

/** YYYYMMDDTHHMMSS for a wall-clock time. */
function localStamp(t: LocalDateTime): string {
  return `${t.date.replace(/-/g, '')}T${t.time.replace(':', '')}00`;
}

/** YYYYMMDDTHHMMSSZ for an ISO instant. */
function utcStamp(iso: string): string {
  return iso.replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

function plus(t: LocalDateTime, minutes: number): LocalDateTime {
  const ms = Date.parse(`${t.date}T${t.time}:00Z`) + minutes * 60_000;
  const iso = new Date(ms).toISOString();
  return { date: iso.slice(0, 10), time: iso.slice(11, 16) };
}

// The same few thousand people appear on every event of theirs (series, check-ins, overrides):
// escape each once.
const personLines = new Map<string, string>();

/**
 * An ORGANIZER or ATTENDEE line. No RSVP=TRUE, even in a REQUEST: an event's UID is in the pair's
 * invitation and in the files to import (all.ics, people/), which may not carry it (RFC 5545
 * 3.8.4.3), and a calendar that gets both keeps one version, so they must be the same. A REQUEST
 * still gets Accept / Decline: clients offer them for METHOD:REQUEST with PARTSTAT=NEEDS-ACTION.
 */
function person(name: 'ORGANIZER' | 'ATTENDEE', p: CalPerson): string {
  const key = `${name}\u0000${p.name}\u0000${p.email}`;
  let line = personLines.get(key);
  if (line === undefined) {
    const extra = name === 'ATTENDEE' ? ';ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION' : '';
    line = `${name};CN=${paramValue(p.name || p.email)}${extra}:${mailto(p.email)}`;
    if (personLines.size < 100_000) personLines.set(key, line);
  }
  return line;
}

/**
 * Which kind of file an event is written for: an iTIP REQUEST (attendees asked to reply), an iTIP
 * CANCEL, or a calendar to import (no METHOD: RFC 5545 3.8.4.3 allows an ORGANIZER only on a
 * group-scheduled event, i.e. one with attendees, and RSVP asks for a reply nobody can send).
 */
export type EventMode = 'request' | 'cancel' | 'publish';

function componentLines(
  e: CalEvent,
  start: LocalDateTime,
  recurrenceId: LocalDateTime | undefined,
  withRule: boolean,
  mode: EventMode,
  inUtc = false,
): string[] {
  const tz = `;TZID=${e.tz}`;
  const lines = ['BEGIN:VEVENT', `UID:${e.uid}`, `DTSTAMP:${utcStamp(e.dtstamp)}`];
  if (recurrenceId) lines.push(`RECURRENCE-ID${tz}:${localStamp(recurrenceId)}`);
  const [at, z] = inUtc ? ['', 'Z'] : [tz, ''];
  lines.push(
    `DTSTART${at}:${localStamp(start)}${z}`,
    `DTEND${at}:${localStamp(plus(start, e.durationMinutes))}${z}`,
  );
  if (withRule && e.rrule) lines.push(`RRULE:${e.rrule}`);
  if (withRule && e.exdates?.length)
    lines.push(`EXDATE${tz}:${e.exdates.map(localStamp).join(',')}`);
  lines.push(`SEQUENCE:${e.sequence}`, `STATUS:${e.status}`, `SUMMARY:${escapeText(e.summary)}`);
  if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`);
  if (e.location) lines.push(`LOCATION:${escapeText(e.location)}`);
  if (e.url) lines.push(`URL:${uri(e.url)}`);
  if (mode !== 'publish' || e.attendees.length) lines.push(person('ORGANIZER', e.organizer));
  for (const a of e.attendees) lines.push(person('ATTENDEE', a));
  lines.push(`TRANSP:OPAQUE`, 'END:VEVENT');
  return lines;
}

/**
 * The unfolded content lines of an event: a series master plus one override per moved meeting, or a
 * single instance.
 */
function eventLines(e: CalEvent, mode: EventMode): string[] {
  if (e.recurrenceId) return componentLines(e, e.start, e.recurrenceId, false, mode);
  const lines = componentLines(e, e.start, undefined, true, mode);
  for (const m of e.moved ?? [])
    lines.push(...componentLines(e, m.start, m.recurrenceId, false, mode, m.utc));
  return lines;
}

/**
 * The VEVENT text of an event: a series master plus one override per moved meeting, or a single
 * instance.
 */
export function serializeEvent(e: CalEvent, mode: EventMode = 'request'): string {
  return eventLines(e, mode).map(foldLine).join('');
}

/**
 * serializeEvent as UTF-8 bytes, folded on the bytes (the fast path for thousands of long
 * descriptions).
 */
export function serializeEventBytes(e: CalEvent, mode: EventMode = 'request'): Buffer {
  return foldLinesToBytes(eventLines(e, mode));
}

/** Options for a whole VCALENDAR. */
export interface CalendarParts {
  /** iTIP method (RFC 5546); omit for a plain calendar to import. */
  method?: 'REQUEST' | 'CANCEL';
  name?: string;
  /** VTIMEZONE texts for every TZID used. */
  timezones: string[];
  /** Serialized VEVENTs (from serializeEvent). */
  events: string[];
}

/** The lines of a VCALENDAR before its components. */
export function calendarHead(parts: Pick<CalendarParts, 'method' | 'name'>): string {
  const head = ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:${PRODID}`, 'CALSCALE:GREGORIAN'];
  if (parts.method) head.push(`METHOD:${parts.method}`);
  if (parts.name) head.push(`X-WR-CALNAME:${escapeText(parts.name)}`);
  return head.map(foldLine).join('');
}

/** The line that closes a VCALENDAR. */
export const CALENDAR_END = 'END:VCALENDAR\r\n';

/** A complete iCalendar object. */
export function buildCalendar(parts: CalendarParts): string {
  return `${calendarHead(parts)}${parts.timezones.join('')}${parts.events.join('')}${CALENDAR_END}`;
}
