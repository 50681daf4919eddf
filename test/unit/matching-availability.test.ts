/**
 * Matching's availability rule and score agree with what the scheduler can book (working hours,
 * meeting-length stretches).
 */

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { defaultConfig } from '../../src/core/config.js';
import type { AvailabilityWindow, Participant } from '../../src/core/types.js';
import {
  commonMinutes,
  toUtcWeekIntervals,
  WEEK_MINUTES,
} from '../../src/core/availability/overlap.js';
import { mergeWindows } from '../../src/core/availability/parse.js';
import { pairOverlapMinutes, scorePair } from '../../src/core/matching/score.js';
import { brokenRules, Rule } from '../../src/core/matching/rules.js';
import { buildCandidates } from '../../src/core/matching/candidates.js';
import { explainPair } from '../../src/core/matching/explain.js';
import { findSlots } from '../../src/core/scheduling/slots.js';
import { ZoneClocks, dayNumber } from '../../src/core/timezones/clock.js';
import { P, settings } from '../helpers/matching-gen.js';

const w = (day: number, start: string, end: string): AvailabilityWindow => {
  const m = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3));
  return { day: day as AvailabilityWindow['day'], start: m(start), end: m(end) };
};
const mentee = (
  email: string,
  tz: string,
  availability: AvailabilityWindow[],
  over: Partial<Participant> = {},
) => P(email, { timezone: tz, availability, ...over });
const mentor = (email: string, tz: string, availability: AvailabilityWindow[]) =>
  P(email, { role: 'mentor', timezone: tz, availability, capacity: 1 });

/** Whether the scheduler finds a slot for this one pair (nothing else booked). */
function schedulerBooks(
  a: Participant,
  b: Participant,
  startDate: string,
  meetingMinutes: number,
): boolean {
  const schedule = { ...defaultConfig().schedule, meetingMinutes };
  const start = dayNumber(startDate);
  const out = findSlots({
    units: [{ id: 'u', mentor: b, mentees: [a], matches: [], anchor: b }],
    schedule,
    startDay: start,
    clocks: new ZoneClocks(start, start + 14),
    zoneOf: (p) => p.timezone ?? 'UTC',
  });
  return out[0].slot !== undefined && !out[0].slot.fallback;
}

describe('commonMinutes', () => {
  it.each<[string, number[], number[], number, number]>([
    ['total without a minimum', [0, 60, 100, 130], [20, 120], 0, 60],
    [
      '30-minute scraps do not fit a 45-minute meeting',
      [420, 540, 1860, 1980],
      [510, 690, 1950, 2130],
      45,
      0,
    ],
    ['a 60-minute stretch counts whole', [420, 540], [480, 700], 45, 60],
    [
      'the quarter-hour grid: 09:05-09:50 has no 45 minutes from 09:15',
      [545, 590],
      [0, 2000],
      45,
      0,
    ],
    [
      'a stretch over Sunday/Monday midnight is one stretch',
      [0, 30, WEEK_MINUTES - 30, WEEK_MINUTES],
      [0, 60, WEEK_MINUTES - 60, WEEK_MINUTES],
      45,
      60,
    ],
  ])('%s', (_, a, b, minRun, expected) => {
    expect(
      commonMinutes(Int32Array.from(a), 0, a.length, Int32Array.from(b), 0, b.length, minRun, 15),
    ).toBe(expected);
  });
});

describe('availability in matching, as the scheduler sees it', () => {
  const s = settings({ minScore: 0 });

  it('zanele (Johannesburg) and priya (Kolkata): 3 × 30 min is no overlap, so the pair is not allowed', () => {
    const zanele = mentee(
      'zanele@x',
      'Africa/Johannesburg',
      [1, 2, 3, 4, 5].map((d) => w(d, '09:00', '11:00')),
    );
    const priya = mentor('priya@x', 'Asia/Kolkata', [
      w(1, '14:00', '17:00'),
      w(3, '14:00', '17:00'),
      w(5, '14:00', '16:00'),
    ]);
    expect(pairOverlapMinutes(zanele, priya, s)).toBe(0);
    expect(brokenRules(zanele, priya, s)).toEqual([Rule.overlap]);
    expect(schedulerBooks(zanele, priya, '2027-01-11', 45)).toBe(false);
  });

  it('someone without availability is assumed to be free in working hours (rule, score and reason)', () => {
    const hanako = mentee('hanako@x', 'Asia/Tokyo', [
      w(6, '19:00', '22:00'),
      w(7, '19:00', '22:00'),
    ]);
    const guenther = mentor('guenther@x', 'Europe/Berlin', []);
    expect(brokenRules(hanako, guenther, s)).toEqual([Rule.overlap]);
    expect(schedulerBooks(hanako, guenther, '2027-01-11', 45)).toBe(false);
    const early = mentee('early@x', 'UTC', [w(2, '07:00', '10:00')]);
    // Berlin 09:00-17:00 is 08:00-16:00 UTC in winter: 2 h in common, the score counts 2 of 3
    // saturating hours.
    expect(pairOverlapMinutes(early, guenther, s)).toBe(120);
    expect(
      scorePair(early, guenther, s).parts.find((p) => p.id === 'availability')?.similarity,
    ).toBeCloseTo(2 / 3, 10);
    expect(explainPair(early, guenther, s).reasons).toContain(
      '2 h overlap in availability (working hours assumed for guenther)',
    );
    const g = buildCandidates([hanako, early], [guenther], s);
    expect([g.offsets[1] - g.offsets[0], g.offsets[2] - g.offsets[1]]).toEqual([0, 1]);
  });

  it('the working hours and meeting length come from the schedule settings', () => {
    const a = mentee('a@x', 'UTC', [w(6, '10:00', '12:00')]);
    const b = mentor('b@x', 'UTC', []);
    expect(pairOverlapMinutes(a, b, s)).toBe(0);
    const weekend = settings({
      minScore: 0,
      schedule: { workingHours: { start: '10:00', end: '11:00', days: [6] }, meetingMinutes: 45 },
    });
    expect(pairOverlapMinutes(a, b, weekend)).toBe(60);
    expect(
      pairOverlapMinutes(a, b, {
        ...weekend,
        schedule: { ...weekend.schedule!, meetingMinutes: 90 },
      }),
    ).toBe(0);
  });

  it('property: the rule allows a pair exactly when the scheduler can book it (any zones, a DST week too)', () => {
    const zones = [
      'UTC',
      'Europe/Berlin',
      'America/New_York',
      'Asia/Kolkata',
      'Asia/Kathmandu',
      'Asia/Tokyo',
      'Australia/Adelaide',
    ];
    // Windows stay inside the local day (06:00-22:00): the scheduler books inside one window, so
    // none touch local midnight.
    const win = fc
      .record({
        day: fc.integer({ min: 1, max: 7 }),
        start: fc.integer({ min: 72, max: 250 }),
        len: fc.integer({ min: 2, max: 24 }),
      })
      .map(({ day, start, len }) => ({
        day: day as AvailabilityWindow['day'],
        start: start * 5,
        end: Math.min(1320, start * 5 + len * 5 * 3),
      }));
    const windows = fc.array(win, { maxLength: 4 }).map(mergeWindows);
    fc.assert(
      fc.property(
        windows,
        fc.constantFrom(...zones),
        windows,
        fc.constantFrom(...zones),
        fc.constantFrom('2027-01-11', '2027-03-25'),
        fc.constantFrom(30, 45, 60),
        (wa, za, wb, zb, start, len) => {
          const a = mentee('a@x', za, wa),
            b = mentor('b@x', zb, wb);
          const st = settings({
            minScore: 0,
            refDate: new Date(`${start}T12:00:00Z`),
            schedule: { workingHours: defaultConfig().schedule.workingHours, meetingMinutes: len },
          });
          expect(pairOverlapMinutes(a, b, st) > 0).toBe(schedulerBooks(a, b, start, len));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('toUtcWeekIntervals', () => {
  it("takes each weekday's offset from the 7 days starting at the reference date", () => {
    // From Thursday 2027-03-25: Sunday 28th and later are summer time in Berlin (UTC+2), Thursday
    // to Saturday winter (UTC+1).
    const ref = new Date('2027-03-25T12:00:00Z');
    expect(
      Array.from(
        toUtcWeekIntervals([w(1, '10:00', '11:00'), w(4, '10:00', '11:00')], 'Europe/Berlin', ref),
      ),
    ).toEqual([480, 540, 3 * 1440 + 540, 3 * 1440 + 600]);
  });
});
