import { describe, expect, it } from 'vitest';
import { configWith, hours, match, person } from '../helpers/schedule-program.js';
import { runSchedule } from '../helpers/schedule-plan.js';
import { expandStarts, parseCalendar, wallIn } from '../helpers/ical.js';

const NY = 'America/New_York';

describe('weekly series across daylight-saving changes', () => {
  it('a 09:00 New York series stays 09:00 local across the March 2027 change; its UTC hour moves from 14 to 13', () => {
    const config = configWith(
      { frequency: 'weekly', preferredHours: { start: '09:00', end: '12:00' } },
      { startDate: '2027-03-01', endDate: '2027-03-31' },
    );
    const people = [
      person('tom@x.org', 'Tom Lee', 'mentor', {
        timezone: NY,
        availability: hours([2], '09:00', '10:00'),
      }),
      person('ana@x.org', 'Ana Ruiz', 'mentee', { timezone: NY }),
    ];
    const { out, rec } = runSchedule(config, people, [match('p1', 'tom@x.org', 'ana@x.org')]);
    const series = rec.events.find((e) => e.kind === 'series')!;
    const root = parseCalendar(out.files.get(out.pairFiles.get('p1')!) as string);
    const starts = expandStarts(root, series.uid);
    expect(starts.map((d) => wallIn(d, NY))).toEqual([
      '2027-03-02 09:00',
      '2027-03-09 09:00',
      '2027-03-16 09:00',
      '2027-03-23 09:00',
      '2027-03-30 09:00',
    ]);
    expect(starts.map((d) => d.getUTCHours())).toEqual([14, 14, 13, 13, 13]);
  });

  it('New York mentor (anchor) with a Berlin mentee: 09:00 New York throughout, Berlin time in the description follows both changes', () => {
    const config = configWith(
      { frequency: 'weekly', preferredHours: { start: '09:00', end: '12:00' } },
      { startDate: '2027-03-01', endDate: '2027-04-10' },
    );
    const people = [
      person('tom@x.org', 'Tom Lee', 'mentor', {
        timezone: NY,
        availability: hours([2], '09:00', '10:00'),
      }),
      person('ana@x.org', 'Ana Ruiz', 'mentee', {
        timezone: 'Europe/Berlin',
        availability: hours([2], '13:00', '17:00'),
      }),
    ];
    const { out, rec } = runSchedule(config, people, [match('p1', 'tom@x.org', 'ana@x.org')]);
    const root = parseCalendar(out.files.get('people/Ana-Ruiz.ics') as string);
    const uid = rec.events.find((e) => e.kind === 'series')!.uid;
    const starts = expandStarts(root, uid);
    expect(starts.map((d) => wallIn(d, NY).slice(11))).toEqual(Array(6).fill('09:00'));
    // US changes on March 14, the EU on March 28: for two weeks Berlin is only 5 hours ahead.
    expect(starts.map((d) => wallIn(d, 'Europe/Berlin'))).toEqual([
      '2027-03-02 15:00',
      '2027-03-09 15:00',
      '2027-03-16 14:00',
      '2027-03-23 14:00',
      '2027-03-30 15:00',
      '2027-04-06 15:00',
    ]);
    const master = root
      .getAllSubcomponents('vevent')
      .find((c) => c.getFirstPropertyValue('uid') === uid)!;
    const description = String(master.getFirstPropertyValue('description'));
    expect(description).toContain(
      '2. Tue 9 Mar 2027: 09:00 America/New_York (Tom Lee) = 15:00 Europe/Berlin (Ana Ruiz)',
    );
    expect(description).toContain(
      '3. Tue 16 Mar 2027: 09:00 America/New_York (Tom Lee) = 14:00 Europe/Berlin (Ana Ruiz)',
    );
    expect(description).toContain(
      '5. Tue 30 Mar 2027: 09:00 America/New_York (Tom Lee) = 15:00 Europe/Berlin (Ana Ruiz)',
    );
  });

  it("a mentee anchor keeps the mentee's wall-clock time instead", () => {
    const config = configWith(
      { frequency: 'weekly', anchor: 'mentee', preferredHours: { start: '09:00', end: '12:00' } },
      { startDate: '2027-03-01', endDate: '2027-04-10' },
    );
    const people = [
      person('tom@x.org', 'Tom Lee', 'mentor', {
        timezone: NY,
        availability: hours([2], '08:00', '11:00'),
      }),
      person('ana@x.org', 'Ana Ruiz', 'mentee', {
        timezone: 'Europe/Berlin',
        availability: hours([2], '15:00', '16:00'),
      }),
    ];
    const { out, rec } = runSchedule(config, people, [match('p1', 'tom@x.org', 'ana@x.org')]);
    const uid = rec.events.find((e) => e.kind === 'series')!.uid;
    const starts = expandStarts(parseCalendar(out.files.get('all.ics') as string), uid);
    expect(new Set(starts.map((d) => wallIn(d, 'Europe/Berlin').slice(11)))).toEqual(
      new Set(['15:00']),
    );
    expect(starts.map((d) => wallIn(d, NY).slice(11))).toEqual([
      '09:00',
      '09:00',
      '10:00',
      '10:00',
      '09:00',
      '09:00',
    ]);
  });
});
