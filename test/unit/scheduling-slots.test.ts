import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { configWith, hours, match, person } from '../helpers/schedule-program.js';
import { runSchedule } from '../helpers/schedule-plan.js';
import { dayString } from '../../src/core/timezones/clock.js';
import { localTimeOf } from '../../src/core/scheduling/describe.js';

const ZONES = ['America/New_York', 'Europe/Berlin', 'Asia/Tokyo', 'Asia/Kolkata', 'UTC'];

describe('slot finding', () => {
  it('a mentor with 3 mentees gets non-overlapping slots and at most maxMeetingsPerDay per day', () => {
    const config = configWith({
      maxMeetingsPerDay: 2,
      meetingMinutes: 60,
      preferredHours: { start: '09:00', end: '12:00' },
    });
    const people = [
      person('m@x.org', 'Mia', 'mentor', {
        timezone: 'UTC',
        availability: hours([1], '09:00', '12:00').concat(hours([2], '09:00', '10:00')),
      }),
    ];
    for (const i of [1, 2, 3])
      people.push(
        person(`e${i}@x.org`, `E${i}`, 'mentee', {
          timezone: 'UTC',
          availability: hours([1, 2], '08:00', '18:00'),
        }),
      );
    const { plan } = runSchedule(
      config,
      people,
      [1, 2, 3].map((i) => match(`p${i}`, 'm@x.org', `e${i}@x.org`)),
    );
    const slots = plan.series.map(
      (s) => `${dayString(s.outcome.slot!.day)} ${s.outcome.slot!.minute / 60}`,
    );
    // Monday 2027-03-01: 09:00 and 10:00 (cap of 2 reached), the third on Tuesday 09:00.
    expect(slots).toEqual(['2027-03-01 9', '2027-03-01 10', '2027-03-02 9']);
  });

  it('no common time: unscheduled with the reason, or the fallback slot when configured', () => {
    const people = [
      person('m@x.org', 'Mia', 'mentor', {
        timezone: 'UTC',
        availability: hours([1], '09:00', '10:00'),
      }),
      person('e@x.org', 'Eve', 'mentee', {
        timezone: 'UTC',
        availability: hours([3], '09:00', '10:00'),
      }),
    ];
    const none = runSchedule(configWith({ noCommonTime: 'unscheduled' }), people, [
      match('p1', 'm@x.org', 'e@x.org'),
    ]);
    expect(none.plan.series[0].event).toBeUndefined();
    expect(none.plan.series[0].outcome.reason).toBe('no common time in their availability');
    const fb = runSchedule(
      configWith({ noCommonTime: 'fallback', fallback: { day: 4, time: '12:30' } }),
      people,
      [match('p1', 'm@x.org', 'e@x.org')],
    );
    expect(fb.plan.series[0].outcome.slot).toMatchObject({ fallback: true, minute: 750 });
    expect(fb.plan.series[0].event!.start).toEqual({ date: '2027-03-04', time: '12:30' });
  });

  it('property: nobody is double-booked and nobody exceeds maxMeetingsPerDay; every slot fits both availabilities', () => {
    const arbPerson = fc.record({
      zone: fc.constantFrom(...ZONES),
      day: fc.integer({ min: 1, max: 5 }),
      from: fc.integer({ min: 6, max: 14 }),
      len: fc.integer({ min: 1, max: 8 }),
    });
    fc.assert(
      fc.property(
        fc.array(arbPerson, { minLength: 1, maxLength: 3 }),
        fc.array(arbPerson, { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1, max: 3 }),
        (mentors, mentees, cap) => {
          const config = configWith({ maxMeetingsPerDay: cap, meetingMinutes: 45 });
          const win = (p: { day: number; from: number; len: number }) =>
            hours(
              [p.day, (p.day % 5) + 1],
              `${String(p.from).padStart(2, '0')}:00`,
              `${String(Math.min(23, p.from + p.len)).padStart(2, '0')}:00`,
            );
          const people = [
            ...mentors.map((m, i) =>
              person(`m${i}@x.org`, `M${i}`, 'mentor', { timezone: m.zone, availability: win(m) }),
            ),
            ...mentees.map((m, i) =>
              person(`e${i}@x.org`, `E${i}`, 'mentee', { timezone: m.zone, availability: win(m) }),
            ),
          ];
          const matches = mentees.map((_, i) =>
            match(`p${i}`, `m${i % mentors.length}@x.org`, `e${i}@x.org`),
          );
          const { plan } = runSchedule(config, people, matches);
          const busy = new Map<string, { start: number; day: string }[]>();
          for (const s of plan.series) {
            if (!s.event) continue;
            const utc = Date.parse(`${s.event.start.date}T${s.event.start.time}:00Z`) - 0;
            for (const p of [s.unit.mentor, ...s.unit.mentees]) {
              const local = localTimeOf(
                plan.clocks,
                plan.zoneOf(s.unit.anchor),
                s.event.start.date,
                s.event.start.time,
                plan.zoneOf(p),
              );
              const wd = ((new Date(`${local.date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
              const minute = Number(local.time.slice(0, 2)) * 60 + Number(local.time.slice(3));
              expect(
                p.availability.some(
                  (w) => w.day === wd && w.start <= minute && minute + 45 <= w.end,
                ),
              ).toBe(true);
              const instant = plan.clocks.get(plan.zoneOf(s.unit.anchor)).toUtc({
                day: Math.floor(utc / 86_400_000),
                minute:
                  Number(s.event.start.time.slice(0, 2)) * 60 + Number(s.event.start.time.slice(3)),
              });
              const list = busy.get(p.email) ?? [];
              for (const b of list)
                expect(Math.abs(b.start - instant)).toBeGreaterThanOrEqual(45 * 60_000);
              list.push({ start: instant, day: local.date });
              busy.set(p.email, list);
              expect(list.filter((b) => b.day === local.date).length).toBeLessThanOrEqual(cap);
            }
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
