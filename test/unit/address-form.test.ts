/**
 * A non-ASCII email address is written the same way in the calendar (ATTENDEE/ORGANIZER mailto:)
 * and in the email headers, so a client matching the invitation to the mailbox finds it.
 */

import { describe, expect, it } from 'vitest';
import { addressForm } from '../../src/io/formats/address.js';
import { formatMailbox } from '../../src/io/formats/eml/message.js';
import { serializeEvent } from '../../src/io/formats/ics/write.js';
import type { CalEvent } from '../../src/core/scheduling/model.js';

const event = (email: string): CalEvent => ({
  uid: 'u@x',
  kind: 'series',
  summary: 'Mentoring',
  description: '',
  tz: 'Europe/Berlin',
  start: { date: '2027-03-02', time: '09:00' },
  durationMinutes: 45,
  organizer: { name: 'Program Manager', email: 'pm@bücher.de' },
  attendees: [{ name: 'Jörg', email }],
  audience: [email],
  status: 'CONFIRMED',
  sequence: 0,
  dtstamp: '2027-01-01T00:00:00.000Z',
});

/** The address in the ATTENDEE line and in the To header. */
function both(email: string): [string, string] {
  const ics = serializeEvent(event(email)).replace(/\r\n /g, '');
  const attendee = /^ATTENDEE;[^\r\n]*:mailto:(.*)$/m.exec(ics)![1];
  const header = /<(.*)>$/.exec(formatMailbox({ name: 'Jörg', email }))![1];
  return [attendee, header];
}

describe('one address form in calendars and emails', () => {
  it.each([
    ['ana@example.com', 'ana@example.com'],
    ['jörg@bücher.de', 'jörg@xn--bcher-kva.de'],
    ['ana@münchen.example', 'ana@xn--mnchen-3ya.example'],
    ['李@例え.jp', '李@xn--r8jz45g.jp'],
    // "o" + combining diaeresis is the same letter as "ö": one form (NFC) in both places.
    ['jo\u0308rg@example.com', 'jörg@example.com'],
  ])('%s is written as %s in the ATTENDEE and the To header', (email, form) => {
    expect(addressForm(email)).toBe(form);
    expect(both(email)).toEqual([form, form]);
  });

  it('the ORGANIZER uses the same form', () => {
    const ics = serializeEvent(event('ana@example.com')).replace(/\r\n /g, '');
    expect(ics).toContain(':mailto:pm@xn--bcher-kva.de\r\n');
    expect(formatMailbox({ name: 'PM', email: 'pm@bücher.de' })).toBe('"PM" <pm@xn--bcher-kva.de>');
  });
});
