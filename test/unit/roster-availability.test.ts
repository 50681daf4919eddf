import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DAY_PERIODS,
  formatAvailability,
  mergeWindows,
  overlapMinutes,
  overlapOfIntervals,
  parseAvailability,
  toUtcWeekIntervals,
} from '../../src/core/availability/parse.js';
import type { AvailabilityWindow, Weekday } from '../../src/core/types.js';

const fmt = (text: string): string => {
  const r = parseAvailability(text);
  expect(r.error).toBeUndefined();
  return formatAvailability(r.windows);
};

describe('parseAvailability', () => {
  it.each([
    ['Mon 09:00-12:00; Wed 14:00-17:00', 'Mon 09:00-12:00; Wed 14:00-17:00'],
    ['Mon 9-11am', 'Mon 09:00-11:00'],
    ['Mon 9am-11am', 'Mon 09:00-11:00'],
    ['Monday 2pm - 4:30pm', 'Mon 14:00-16:30'],
    ['Monday 2 pm – 4.30 p.m.', 'Mon 14:00-16:30'],
    ['Tue/Thu 10-12', 'Tue 10:00-12:00; Thu 10:00-12:00'],
    [
      'Mon-Fri 9-5',
      'Mon 09:00-17:00; Tue 09:00-17:00; Wed 09:00-17:00; Thu 09:00-17:00; Fri 09:00-17:00',
    ],
    ['Mon to Wed 8:30 to 10:00', 'Mon 08:30-10:00; Tue 08:30-10:00; Wed 08:30-10:00'],
    ['Tuesday and Thursday mornings', 'Tue 09:00-12:00; Thu 09:00-12:00'],
    [
      'weekday afternoons',
      'Mon 13:00-17:00; Tue 13:00-17:00; Wed 13:00-17:00; Thu 13:00-17:00; Fri 13:00-17:00',
    ],
    [
      'evenings',
      'Mon 18:00-21:00; Tue 18:00-21:00; Wed 18:00-21:00; Thu 18:00-21:00; Fri 18:00-21:00',
    ],
    ['weekends', 'Sat 09:00-17:00; Sun 09:00-17:00'],
    ['Weekend mornings', 'Sat 09:00-12:00; Sun 09:00-12:00'],
    ['Mon, Wed 14:00-16:00', 'Mon 14:00-16:00; Wed 14:00-16:00'],
    [
      'any time',
      'Mon 09:00-17:00; Tue 09:00-17:00; Wed 09:00-17:00; Thu 09:00-17:00; Fri 09:00-17:00',
    ],
    [
      'Flexible',
      'Mon 09:00-17:00; Tue 09:00-17:00; Wed 09:00-17:00; Thu 09:00-17:00; Fri 09:00-17:00',
    ],
    ['Wed 1-3', 'Wed 13:00-15:00'],
    ['Fri 10-2pm', 'Fri 10:00-14:00'],
    ['Fri 11am-1', 'Fri 11:00-13:00'],
    ['Sat 12pm-1pm', 'Sat 12:00-13:00'],
    ['Thu noon-2pm', 'Thu 12:00-14:00'],
    ['Mon 09:00—10:00, 14:00-15:00', 'Mon 09:00-10:00; Mon 14:00-15:00'],
    ['Mon 9-11; Mon 10-12', 'Mon 09:00-12:00'],
    ['Mon 9-10, Mon 10-11', 'Mon 09:00-11:00'],
    ['Fri 22:00-02:00', 'Fri 22:00-24:00; Sat 00:00-02:00'],
    ['Sun 23:00-01:00', 'Mon 00:00-01:00; Sun 23:00-24:00'],
    ['Mon 00:00-24:00', 'Mon 00:00-24:00'],
    ['Wed 20:00-00:00', 'Wed 20:00-24:00'],
    ['Fridays 8am until 9am', 'Fri 08:00-09:00'],
    ['Thursday', 'Thu 09:00-17:00'],
    ['Mondays 9-11 and Thursday afternoons', 'Mon 09:00-11:00; Thu 13:00-17:00'],
    ['Sat-Mon 10-11', 'Mon 10:00-11:00; Sat 10:00-11:00; Sun 10:00-11:00'],
    [
      'every day 7-8am',
      'Mon 07:00-08:00; Tue 07:00-08:00; Wed 07:00-08:00; Thu 07:00-08:00; Fri 07:00-08:00; Sat 07:00-08:00; Sun 07:00-08:00',
    ],
    ['Tue 9h30-11h', 'Tue 09:30-11:00'],
  ])('%j -> %s', (input, expected) => {
    expect(fmt(input)).toBe(expected);
  });

  // Issue 9: phrasings people really type. "Mon 9" (a single start time) and "-" (no answer) used
  // to be errors.
  it.each([
    [
      'after 3pm',
      'Mon 15:00-17:00; Tue 15:00-17:00; Wed 15:00-17:00; Thu 15:00-17:00; Fri 15:00-17:00',
    ],
    [
      'after 5pm on weekdays',
      'Mon 17:00-21:00; Tue 17:00-21:00; Wed 17:00-21:00; Thu 17:00-21:00; Fri 17:00-21:00',
    ],
    [
      'before 10 on weekdays',
      'Mon 09:00-10:00; Tue 09:00-10:00; Wed 09:00-10:00; Thu 09:00-10:00; Fri 09:00-10:00',
    ],
    ['Fri from 5pm', 'Fri 17:00-21:00'],
    ['Thu until 11am', 'Thu 09:00-11:00'],
    ['Tuesdays 3pm', 'Tue 15:00-16:00'],
    ['Mon 9', 'Mon 09:00-10:00'],
    ['M/W/F 10-11', 'Mon 10:00-11:00; Wed 10:00-11:00; Fri 10:00-11:00'],
    ['Tu/Th 9-10', 'Tue 09:00-10:00; Thu 09:00-10:00'],
    ['Tues 2-4pm', 'Tue 14:00-16:00'],
    ['Thurs mornings', 'Thu 09:00-12:00'],
    ['Weds 9-10', 'Wed 09:00-10:00'],
    ['Mon thru Wed 9-11', 'Mon 09:00-11:00; Tue 09:00-11:00; Wed 09:00-11:00'],
    [
      'Monday–Friday 9-10',
      'Mon 09:00-10:00; Tue 09:00-10:00; Wed 09:00-10:00; Thu 09:00-10:00; Fri 09:00-10:00',
    ],
    [
      'weekdays except Friday',
      'Mon 09:00-17:00; Tue 09:00-17:00; Wed 09:00-17:00; Thu 09:00-17:00',
    ],
    [
      'mostly afternoons',
      'Mon 13:00-17:00; Tue 13:00-17:00; Wed 13:00-17:00; Thu 13:00-17:00; Fri 13:00-17:00',
    ],
    ['Tue 9.30-11.00', 'Tue 09:30-11:00'],
    ['Wed 9h-11h', 'Wed 09:00-11:00'],
    ['Mon 9:00 a.m. – 11:00 a.m.', 'Mon 09:00-11:00'],
    ['Fri midday', 'Fri 12:00-13:00'],
  ])('%j -> %s', (input, expected) => {
    expect(fmt(input)).toBe(expected);
  });

  it.each(['N/A', 'n/a', 'TBD', 'not sure yet', '-', 'see notes', '?'])(
    'reads the no-answer %j as no windows, without an error',
    (input) => {
      expect(parseAvailability(input)).toEqual({ windows: [] });
    },
  );

  it('uses what it recognises in commentary and names the rest', () => {
    expect(parseAvailability('flexible, happy to adapt')).toMatchObject({
      windows: expect.arrayContaining([{ day: 1, start: 540, end: 1020 }]),
      notice: expect.stringMatching(/ignored "happy adapt"$/),
    });
    expect(parseAvailability('anytime, just ping me').notice).toMatch(/ignored "just ping"$/);
    // "I'm" holds no Monday: one-letter days count only in lists such as M/W/F.
    expect(fmt("I'm free Tuesday mornings")).toBe('Tue 09:00-12:00');
  });

  it('reads empty text as no windows, without an error', () => {
    expect(parseAvailability('  ')).toEqual({ windows: [] });
  });

  it.each([
    'sometimes',
    'Mon 25:00-26:00',
    'Mon 9:75-10',
    'Mon 13pm-2pm',
    'Mon 10:00-10:00',
    'call me',
  ])('rejects %j quoting it with an example', (input) => {
    const r = parseAvailability(input);
    expect(r.windows).toEqual([]);
    expect(r.error).toBe(
      `availability "${input}" could not be read; write it like Mon 09:00-12:00; Wed 14:00-17:00 (or "Tuesday and Thursday mornings")`,
    );
  });

  it('documents what the periods mean', () => {
    expect(DAY_PERIODS.morning).toEqual({ start: 540, end: 720 });
    expect(DAY_PERIODS.afternoon).toEqual({ start: 780, end: 1020 });
    expect(DAY_PERIODS.evening).toEqual({ start: 1080, end: 1260 });
  });
});

const windowArb = fc
  .record({
    day: fc.integer({ min: 1, max: 7 }),
    start: fc.integer({ min: 0, max: 1439 }),
    len: fc.integer({ min: 1, max: 600 }),
  })
  .map(({ day, start, len }): AvailabilityWindow => ({
    day: day as Weekday,
    start,
    end: Math.min(1440, start + len),
  }));

describe('formatAvailability / parseAvailability', () => {
  it('round-trip any merged windows', () => {
    fc.assert(
      fc.property(fc.array(windowArb, { maxLength: 12 }), (raw) => {
        const windows = mergeWindows(raw);
        const back = parseAvailability(formatAvailability(windows));
        expect(back.error).toBeUndefined();
        expect(back.windows).toEqual(windows);
      }),
      { numRuns: 300 },
    );
  });
});

const REF = new Date('2026-01-14T12:00:00Z'); // a Wednesday in northern winter
const SUMMER = new Date('2026-07-15T12:00:00Z');
const w = (day: number, start: string, end: string): AvailabilityWindow => {
  const m = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3));
  return { day: day as Weekday, start: m(start), end: m(end) };
};

describe('overlapMinutes', () => {
  it.each<[string, AvailabilityWindow[], string, AvailabilityWindow[], string, Date, number]>([
    [
      'same zone',
      [w(1, '09:00', '12:00')],
      'Europe/London',
      [w(1, '11:00', '13:00')],
      'Europe/London',
      REF,
      60,
    ],
    [
      'London vs Berlin in winter',
      [w(1, '09:00', '12:00')],
      'Europe/London',
      [w(1, '09:00', '12:00')],
      'Europe/Berlin',
      REF,
      120,
    ],
    [
      'New York vs London in winter',
      [w(2, '09:00', '12:00')],
      'America/New_York',
      [w(2, '14:00', '17:00')],
      'Europe/London',
      REF,
      180,
    ],
    [
      'Kolkata vs London in winter',
      [w(3, '14:00', '18:00')],
      'Asia/Kolkata',
      [w(3, '09:00', '10:00')],
      'Europe/London',
      REF,
      60,
    ],
    // Tokyo Monday 08:00-10:00 is Sunday 23:00-01:00 UTC: the week wraps.
    [
      'Tokyo Monday morning vs UTC Sunday night',
      [w(1, '08:00', '10:00')],
      'Asia/Tokyo',
      [w(7, '22:00', '24:00')],
      'UTC',
      REF,
      60,
    ],
    [
      'Tokyo Monday morning vs UTC Monday 00:00-00:30',
      [w(1, '08:00', '10:00')],
      'Asia/Tokyo',
      [w(1, '00:00', '00:30')],
      'UTC',
      REF,
      30,
    ],
    // Los Angeles Sunday 20:00-24:00 is Monday 04:00-08:00 UTC.
    [
      'LA Sunday night wraps into Monday UTC',
      [w(7, '20:00', '24:00')],
      'America/Los_Angeles',
      [w(1, '00:00', '06:00')],
      'UTC',
      REF,
      120,
    ],
    ['no overlap', [w(1, '09:00', '10:00')], 'UTC', [w(2, '09:00', '10:00')], 'UTC', REF, 0],
    ['empty side', [], 'UTC', [w(2, '09:00', '10:00')], 'UTC', REF, 0],
    [
      'New York vs London in summer (EDT, BST)',
      [w(2, '09:00', '12:00')],
      'America/New_York',
      [w(2, '14:00', '17:00')],
      'Europe/London',
      SUMMER,
      180,
    ],
    [
      'Sydney vs London in summer',
      [w(4, '17:00', '19:00')],
      'Australia/Sydney',
      [w(4, '08:00', '09:00')],
      'Europe/London',
      SUMMER,
      60,
    ],
  ])('%s', (_, a, tzA, b, tzB, ref, expected) => {
    expect(overlapMinutes(a, tzA, b, tzB, ref)).toBe(expected);
  });

  it('pre-converts to sorted, merged UTC intervals', () => {
    expect(
      Array.from(
        toUtcWeekIntervals([w(1, '08:00', '10:00'), w(1, '10:00', '11:00')], 'Asia/Tokyo', REF),
      ),
    ).toEqual([0, 120, 10020, 10080]);
    expect(Array.from(toUtcWeekIntervals([w(2, '09:00', '10:00')], 'Etc/GMT-2', REF))).toEqual([
      1440 + 420,
      1440 + 480,
    ]);
  });

  it('agrees with a minute-by-minute count', () => {
    const zones = [
      'UTC',
      'Asia/Kolkata',
      'America/New_York',
      'Australia/Adelaide',
      'Pacific/Auckland',
    ];
    fc.assert(
      fc.property(
        fc.array(windowArb, { maxLength: 6 }),
        fc.constantFrom(...zones),
        fc.array(windowArb, { maxLength: 6 }),
        fc.constantFrom(...zones),
        (a, za, b, zb) => {
          const ia = toUtcWeekIntervals(a, za, REF);
          const ib = toUtcWeekIntervals(b, zb, REF);
          const mark = (iv: Int32Array) => {
            const bits = new Uint8Array(10080);
            for (let i = 0; i < iv.length; i += 2) bits.fill(1, iv[i], iv[i + 1]);
            return bits;
          };
          const ma = mark(ia);
          const mb = mark(ib);
          let brute = 0;
          for (let i = 0; i < 10080; i++) brute += ma[i] & mb[i];
          expect(overlapOfIntervals(ia, ib)).toBe(brute);
        },
      ),
      { numRuns: 200 },
    );
  });
});
