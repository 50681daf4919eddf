import { describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import {
  buildCalendar,
  escapeText,
  foldLine,
  serializeEvent,
} from '../../src/io/formats/ics/write.js';
import { buildVTimezone } from '../../src/io/formats/ics/vtimezone.js';
import type { CalEvent } from '../../src/core/scheduling/model.js';
import { parseCalendar, wallIn } from '../helpers/ical.js';

const NASTY =
  'Zoë Ångström 山田太郎 🎉 "Q", a; b \\ c\r\nATTENDEE:mailto:evil@x\rX-EVIL:1\nDESCRIPTION:oops';

function event(over: Partial<CalEvent> = {}): CalEvent {
  return {
    uid: 'u1@mentor-cli',
    kind: 'series',
    summary: `Mentoring: ${NASTY}`,
    description: `${NASTY} `.repeat(20),
    location: NASTY,
    url: 'https://meet.example.com/x?a=1 b',
    tz: 'America/New_York',
    start: { date: '2027-03-02', time: '09:00' },
    durationMinutes: 45,
    rrule: 'FREQ=WEEKLY;INTERVAL=1;BYDAY=TU;WKST=MO;UNTIL=20270330T130000Z',
    organizer: { name: 'Manager: "Main"', email: 'boss@x.org' },
    attendees: [
      { name: NASTY, email: 'zoe@x.org' },
      { name: 'Tom; Lee, Jr.', email: 'tom@x.org' },
    ],
    audience: [],
    status: 'CONFIRMED',
    sequence: 0,
    dtstamp: '2027-02-01T12:00:00.000Z',
    ...over,
  };
}

function calendar(e = event()): string {
  return buildCalendar({
    method: 'REQUEST',
    timezones: [buildVTimezone('America/New_York', 2027, 2027)],
    events: [serializeEvent(e)],
  });
}

describe('RFC 5545 octet rules', () => {
  const text = calendar();
  it('uses CRLF only, and every physical line is at most 75 octets', () => {
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
  });

  it('never splits a multi-byte UTF-8 character when folding', () => {
    for (const line of text.split('\r\n')) {
      const bytes = Buffer.from(line, 'utf8');
      expect(bytes.toString('utf8')).toBe(line);
      expect(line).not.toContain('\uFFFD');
    }
    const long = foldLine(`SUMMARY:${'Zoë Ångström 山田太郎 🎉'.repeat(12)}`);
    for (const physical of long.split('\r\n').filter(Boolean)) {
      expect(Buffer.byteLength(physical)).toBeLessThanOrEqual(75);
      expect(/^[\uDC00-\uDFFF]/.test(physical.replace(/^ /, ''))).toBe(false);
      expect(/[\uD800-\uDBFF]$/.test(physical)).toBe(false);
    }
    expect(long.replace(/\r\n /g, '')).toBe(`SUMMARY:${'Zoë Ångström 山田太郎 🎉'.repeat(12)}\r\n`);
  });

  it('participant text cannot add or break a property: counts and values survive parsing', () => {
    const root = parseCalendar(text);
    const vevent = root.getFirstSubcomponent('vevent')!;
    expect(vevent.getAllProperties('attendee')).toHaveLength(2);
    expect(vevent.getAllProperties('description')).toHaveLength(1);
    expect(vevent.getAllProperties('x-evil')).toHaveLength(0);
    expect(vevent.getAllProperties().map((p) => p.name)).toEqual([
      'uid',
      'dtstamp',
      'dtstart',
      'dtend',
      'rrule',
      'sequence',
      'status',
      'summary',
      'description',
      'location',
      'url',
      'organizer',
      'attendee',
      'attendee',
      'transp',
    ]);
    // CR dropped, CRLF/LF kept as a newline, ; , \ and quotes intact.
    expect(vevent.getFirstPropertyValue('summary')).toBe(
      'Mentoring: Zoë Ångström 山田太郎 🎉 "Q", a; b \\ c\nATTENDEE:mailto:evil@xX-EVIL:1\nDESCRIPTION:oops',
    );
    const attendees = vevent.getAllProperties('attendee');
    expect(attendees[0].getParameter('cn')).toBe(
      // RFC 6868: the double quotes travel as ^' and come back as they were typed.
      'Zoë Ångström 山田太郎 🎉 "Q", a; b \\ c ATTENDEE:mailto:evil@x X-EVIL:1 DESCRIPTION:oops',
    );
    expect(attendees[1].getParameter('cn')).toBe('Tom; Lee, Jr.');
    expect(attendees[1].getFirstValue()).toBe('mailto:tom@x.org');
    expect(attendees[0].getParameter('partstat')).toBe('NEEDS-ACTION');
    expect(vevent.getFirstProperty('organizer')!.getParameter('cn')).toBe('Manager: "Main"');
  });

  it('escapes TEXT per RFC 5545 3.3.11', () => {
    expect(escapeText('a\\b;c,d\r\ne\nf\rg\u0007h\ti')).toBe('a\\\\b\\;c\\,d\\ne\\nfg' + 'h\ti');
  });

  it('DTSTART carries a TZID that has a VTIMEZONE; ical.js converts it to the right instant', () => {
    const root = parseCalendar(text);
    const start = new ICAL.Event(root.getFirstSubcomponent('vevent')!).startDate;
    expect(start.zone?.tzid).toBe('America/New_York');
    expect(start.toJSDate().toISOString()).toBe('2027-03-02T14:00:00.000Z');
    expect(root.getFirstPropertyValue('method')).toBe('REQUEST');
  });
});

describe('VTIMEZONE from runtime zone data', () => {
  for (const [tz, instants] of [
    [
      'Europe/Berlin',
      [
        '2027-03-27T12:00:00Z',
        '2027-03-28T12:00:00Z',
        '2027-10-30T12:00:00Z',
        '2027-10-31T12:00:00Z',
      ],
    ],
    [
      'America/New_York',
      [
        '2027-03-13T17:00:00Z',
        '2027-03-14T17:00:00Z',
        '2027-11-06T17:00:00Z',
        '2027-11-07T17:00:00Z',
      ],
    ],
    [
      'Australia/Sydney',
      [
        '2027-04-03T02:00:00Z',
        '2027-04-04T02:00:00Z',
        '2027-10-02T02:00:00Z',
        '2027-10-03T02:00:00Z',
      ],
    ],
    ['Asia/Tokyo', ['2027-03-01T00:00:00Z', '2027-09-01T00:00:00Z']],
  ] as const) {
    it(`${tz}: ical.js local times from our VTIMEZONE agree with Intl on both sides of each change`, () => {
      const root = parseCalendar(
        buildCalendar({ timezones: [buildVTimezone(tz, 2027, 2028)], events: [] }),
      );
      const zone = new ICAL.Timezone(root.getFirstSubcomponent('vtimezone')!);
      for (const iso of instants) {
        const t = ICAL.Time.fromJSDate(new Date(iso), true).convertToZone(zone);
        const local = `${t.year}-${String(t.month).padStart(2, '0')}-${String(t.day).padStart(2, '0')} ${String(t.hour).padStart(2, '0')}:${String(t.minute).padStart(2, '0')}`;
        expect(local).toBe(wallIn(new Date(iso), tz));
      }
    });
  }
});

describe('iTIP details per kind of file', () => {
  const event = {
    uid: 'u1@mentor-cli',
    kind: 'series' as const,
    summary: 'Mentoring',
    description: '',
    tz: 'Europe/London',
    start: { date: '2027-03-02', time: '09:00' },
    durationMinutes: 45,
    organizer: { name: 'Pat "PM" ^Boss', email: 'pm@x.org' },
    attendees: [{ name: 'Ann', email: 'ann@x.org' }],
    audience: ['ann@x.org'],
    status: 'CONFIRMED' as const,
    sequence: 0,
    dtstamp: '2027-01-01T00:00:00.000Z',
  };
  const lines = (text: string) => text.replace(/\r\n /g, '').split('\r\n');
  it('the same ATTENDEE line in every kind of file (one UID, one version), never RSVP=TRUE', () => {
    for (const mode of ['request', 'cancel', 'publish'] as const)
      expect(lines(serializeEvent(event, mode))).toContain(
        'ATTENDEE;CN="Ann";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION:mailto:ann@x.org',
      );
  });
  it("RFC 6868 escapes a double quote as ^' and a caret as ^^ in CN", () => {
    expect(lines(serializeEvent(event, 'request'))).toContain(
      `ORGANIZER;CN="Pat ^'PM^' ^^Boss":mailto:pm@x.org`,
    );
  });
  it('an event without attendees has no ORGANIZER in a file to import (RFC 5545 3.8.4.3)', () => {
    const broadcast = { ...event, attendees: [] };
    expect(serializeEvent(broadcast, 'publish')).not.toContain('ORGANIZER');
    expect(serializeEvent(event, 'publish')).toContain('ORGANIZER');
  });
});
