import { describe, expect, it } from 'vitest';
import { buildOccurrences, recurrenceRule } from '../../src/core/scheduling/recurrence.js';
import { dayNumber } from '../../src/core/timezones/clock.js';
import { configWith, hours, match, person } from '../helpers/schedule-program.js';
import { runSchedule } from '../helpers/schedule-plan.js';
import { expandStarts, parseCalendar, wallIn } from '../helpers/ical.js';

const base = {
  minute: 540,
  endDay: dayNumber('2027-12-31'),
  blackout: new Set<string>(),
  onBlackout: 'skip' as const,
  canMoveTo: () => true,
};

describe('recurrence dates', () => {
  it('monthly keeps the same weekday of the month: 2nd Tuesday', () => {
    const occ = buildOccurrences({
      ...base,
      firstDay: dayNumber('2027-01-12'),
      frequency: 'monthly',
      count: 5,
    });
    expect(occ.map((o) => o.date)).toEqual([
      '2027-01-12',
      '2027-02-09',
      '2027-03-09',
      '2027-04-13',
      '2027-05-11',
    ]);
    expect(recurrenceRule('monthly', dayNumber('2027-01-12'), 0)).toMatch(
      /^FREQ=MONTHLY;BYDAY=2TU;UNTIL=/,
    );
  });

  it('a fifth weekday becomes "last" of the month', () => {
    const occ = buildOccurrences({
      ...base,
      firstDay: dayNumber('2027-03-30'),
      frequency: 'monthly',
      count: 3,
    });
    expect(occ.map((o) => o.date)).toEqual(['2027-03-30', '2027-04-27', '2027-05-25']);
  });

  it('biweekly steps 14 days up to the end date', () => {
    const occ = buildOccurrences({
      ...base,
      firstDay: dayNumber('2027-01-12'),
      frequency: 'biweekly',
      endDay: dayNumber('2027-02-23'),
    });
    expect(occ.map((o) => o.date)).toEqual([
      '2027-01-12',
      '2027-01-26',
      '2027-02-09',
      '2027-02-23',
    ]);
  });

  it('blackout "skip" drops the meeting; "next-free-day" moves it to the next day both are free, skipping blackouts', () => {
    const blackout = new Set(['2027-01-19', '2027-01-20']);
    const skip = buildOccurrences({
      ...base,
      firstDay: dayNumber('2027-01-12'),
      frequency: 'weekly',
      count: 3,
      blackout,
    });
    expect(skip.map((o) => `${o.number}:${o.date}:${o.status}`)).toEqual([
      '1:2027-01-12:scheduled',
      '0:2027-01-19:skipped',
      '2:2027-01-26:scheduled',
      '3:2027-02-02:scheduled',
    ]);
    const move = buildOccurrences({
      ...base,
      firstDay: dayNumber('2027-01-12'),
      frequency: 'weekly',
      count: 3,
      blackout,
      onBlackout: 'next-free-day',
    });
    expect(move.map((o) => `${o.number}:${o.date}:${o.status}`)).toEqual([
      '1:2027-01-12:scheduled',
      '2:2027-01-21:moved',
      '3:2027-01-26:scheduled',
    ]);
    expect(move[1].ruleDate).toBe('2027-01-19');
  });
});

describe('the written series expands to the planned dates (ical.js)', () => {
  const people = [
    person('tom@x.org', 'Tom Lee', 'mentor', {
      timezone: 'America/New_York',
      availability: hours([2, 3, 4], '09:00', '10:00'),
    }),
    person('ana@x.org', 'Ana Ruiz', 'mentee', { timezone: 'America/New_York' }),
  ];
  for (const onBlackout of ['skip', 'next-free-day'] as const) {
    it(`weekly with blackout dates (${onBlackout})`, () => {
      const config = configWith(
        {
          frequency: 'weekly',
          onBlackout,
          blackoutDates: ['2027-03-16', '2027-03-30'],
          preferredHours: { start: '09:00', end: '12:00' },
        },
        { startDate: '2027-03-01', endDate: '2027-04-10' },
      );
      const { out, rec, plan } = runSchedule(config, people, [
        match('p1', 'tom@x.org', 'ana@x.org'),
      ]);
      const uid = rec.events.find((e) => e.kind === 'series')!.uid;
      const got = expandStarts(parseCalendar(out.files.get('all.ics') as string), uid).map((d) =>
        wallIn(d, 'America/New_York'),
      );
      const expected =
        onBlackout === 'skip'
          ? ['2027-03-02 09:00', '2027-03-09 09:00', '2027-03-23 09:00', '2027-04-06 09:00']
          : [
              '2027-03-02 09:00',
              '2027-03-09 09:00',
              '2027-03-17 09:00',
              '2027-03-23 09:00',
              '2027-03-31 09:00',
              '2027-04-06 09:00',
            ];
      expect(got).toEqual(expected);
      expect(
        plan.series[0].occurrences
          .filter((o) => o.status !== 'skipped')
          .map((o) => `${o.date} ${o.time}`),
      ).toEqual(expected);
    });
  }

  it('monthly 2nd Tuesday series expands to 2nd Tuesdays', () => {
    const config = configWith(
      { frequency: 'monthly', preferredHours: { start: '09:00', end: '12:00' } },
      { startDate: '2027-03-08', endDate: '2027-08-31' },
    );
    const { out, rec } = runSchedule(config, people, [match('p1', 'tom@x.org', 'ana@x.org')]);
    const uid = rec.events.find((e) => e.kind === 'series')!.uid;
    const got = expandStarts(parseCalendar(out.files.get('all.ics') as string), uid).map((d) =>
      wallIn(d, 'America/New_York'),
    );
    expect(got).toEqual([
      '2027-03-09 09:00',
      '2027-04-13 09:00',
      '2027-05-11 09:00',
      '2027-06-08 09:00',
      '2027-07-13 09:00',
      '2027-08-10 09:00',
    ]);
  });
});
