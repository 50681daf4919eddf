/** The clock-change note names every shift of a series, and schedule.csv marks each meeting. */

import { describe, expect, it } from 'vitest';
import { configWith, hours, match, person } from '../helpers/schedule-program.js';
import { runSchedule } from '../helpers/schedule-plan.js';

describe('clock changes on different dates', () => {
  // 09:00 New York is 15:00 Berlin, but 14:00 between the US and EU changes in March (14th/28th)
  // and in autumn (EU 31 October, US 7 November).
  const config = configWith(
    { frequency: 'weekly', checkInWeeks: [] },
    { startDate: '2027-03-01', endDate: '2027-11-30', timezone: 'America/New_York' },
  );
  config.milestones = [];
  const r = runSchedule(
    config,
    [
      person('tom@x.org', 'Tom Lee', 'mentor', {
        timezone: 'America/New_York',
        availability: hours([2], '09:00', '10:00'),
      }),
      person('ana@x.org', 'Ana Ruiz', 'mentee', {
        timezone: 'Europe/Berlin',
        availability: hours([2], '14:00', '16:00'),
      }),
    ],
    [match('p1', 'tom@x.org', 'ana@x.org')],
  );

  it('the description names every shift, there and back, in spring and autumn', () => {
    const series = r.plan.events.find((e) => e.kind === 'series')!;
    expect(series.description).toContain(
      'Clock changes (the meeting stays at 09:00 America/New_York): ' +
        'from Tue 16 Mar 2027: 14:00 Europe/Berlin for Ana Ruiz; ' +
        'from Tue 30 Mar 2027: back to 15:00 Europe/Berlin for Ana Ruiz; ' +
        'from Tue 2 Nov 2027: 14:00 Europe/Berlin for Ana Ruiz; ' +
        'from Tue 9 Nov 2027: back to 15:00 Europe/Berlin for Ana Ruiz.',
    );
  });

  it('schedule.csv marks each meeting a shift touches in its Clock change column', () => {
    const csv = (r.out.files.get('schedule.csv') as string).split('\r\n');
    expect(csv[0].endsWith(',Note,Clock change')).toBe(true);
    const marked = csv
      .filter((l) => l.endsWith('for Ana Ruiz instead of 15:00'))
      .map((l) => l.split(',')[5]);
    expect(marked).toEqual(['2027-03-16', '2027-03-23', '2027-11-02']);
  });
});
