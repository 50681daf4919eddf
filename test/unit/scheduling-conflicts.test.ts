import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  isCleanWall,
  resolveConflicts,
  type Attendee,
  type SeriesDraft,
} from '../../src/core/scheduling/conflicts.js';
import { Timeline } from '../../src/core/scheduling/timeline.js';
import type { Occurrence } from '../../src/core/scheduling/model.js';
import { dayNumber, ZoneClocks } from '../../src/core/timezones/clock.js';
import { hours } from '../helpers/schedule-program.js';

const clocks = new ZoneClocks(dayNumber('2027-01-01'), dayNumber('2027-12-31'));
const ALL_WEEK = hours([1, 2, 3, 4, 5, 6, 7], '00:00', '23:59');

function who(email: string, tz: string, windows = ALL_WEEK): Attendee {
  return { email, name: email.split('@')[0], clock: clocks.get(tz), windows };
}

function occ(date: string, time: string, number = 1): Occurrence {
  return { number, ruleDate: date, date, time, status: 'scheduled' };
}

function draft(unitId: string, people: Attendee[], occurrences: Occurrence[]): SeriesDraft {
  return { unitId, title: unitId, people, occurrences };
}

const base = {
  fixed: new Map(),
  meetingMinutes: 60,
  blackout: new Set<string>(),
  firstDay: dayNumber('2027-01-01'),
  lastDay: dayNumber('2027-12-31'),
};

describe('Timeline', () => {
  it('finds an overlapping span, not one that only touches', () => {
    const t = new Timeline();
    t.add({ start: 100, end: 200, what: 'a' });
    t.add({ start: 500, end: 2000, what: 'long' });
    t.add({ start: 300, end: 400, what: 'b' });
    expect(t.clash(200, 300)).toBeUndefined();
    expect(t.clash(150, 160)?.what).toBe('a');
    expect(t.clash(399, 450)?.what).toBe('b');
    expect(t.clash(1500, 1600)?.what).toBe('long');
    expect(t.clash(2000, 2100)).toBeUndefined();
  });
});

describe('isCleanWall', () => {
  const london = clocks.get('Europe/London');
  it.each([
    ['2027-03-28', '01:30', false], // skipped by the spring change
    ['2027-10-31', '01:30', false], // happens twice in autumn
    ['2027-10-31', '00:30', true],
    ['2027-10-31', '02:00', true],
    ['2027-03-28', '02:00', true],
    ['2027-06-01', '01:30', true],
  ])('%s %s in London: %s', (date, time, clean) => {
    const minute = Number(time.slice(0, 2)) * 60 + Number(time.slice(3));
    expect(isCleanWall(london, dayNumber(date), minute)).toBe(clean);
  });
  it('Lord Howe: 02:15 is repeated on the April change day (30-minute shift)', () => {
    const lh = clocks.get('Australia/Lord_Howe');
    expect(isCleanWall(lh, dayNumber('2027-04-04'), 1 * 60 + 45)).toBe(false);
    expect(isCleanWall(lh, dayNumber('2027-04-04'), 2 * 60 + 15)).toBe(true);
  });
});

describe('resolveConflicts', () => {
  it('the later of two meetings of one person at once moves to the nearest free slot that week', () => {
    const x = who('x@x.org', 'Europe/Berlin');
    const a = who('a@x.org', 'Europe/Berlin');
    const b = who('b@x.org', 'Europe/Berlin', hours([3], '13:00', '17:00'));
    const { occurrences, conflicts } = resolveConflicts({
      ...base,
      series: [
        draft('p1', [x, a], [occ('2027-03-17', '14:00')]),
        draft('p2', [b, x], [occ('2027-03-17', '14:00')]),
      ],
    });
    expect(occurrences[0][0]).toMatchObject({ date: '2027-03-17', time: '14:00' });
    // b is free only on Wednesday 13:00-17:00: 13:00 and 15:00 are both an hour away (13:15 to
    // 14:45 overlap p1), and the earlier wins the tie.
    expect(occurrences[1][0]).toMatchObject({ date: '2027-03-17', time: '13:00', status: 'moved' });
    expect(occurrences[1][0].note).toBe("moved from 2027-03-17: x had p1's meeting at that time");
    expect(conflicts).toEqual([
      {
        unitId: 'p2',
        pair: 'p2',
        ruleDate: '2027-03-17',
        people: ['x'],
        with: "p1's meeting",
        movedTo: { date: '2027-03-17', time: '13:00' },
      },
    ]);
  });

  it('no free common time that week: the clash is reported and the meeting stays', () => {
    const x = who('x@x.org', 'UTC', hours([3], '14:00', '15:00'));
    const a = who('a@x.org', 'UTC');
    const { occurrences, conflicts } = resolveConflicts({
      ...base,
      series: [
        draft('p1', [x, a], [occ('2027-03-17', '14:00')]),
        draft('p2', [x, who('b@x.org', 'UTC')], [occ('2027-03-17', '14:00')]),
      ],
    });
    expect(occurrences[1][0].status).toBe('scheduled');
    expect(conflicts).toEqual([
      { unitId: 'p2', pair: 'p2', ruleDate: '2027-03-17', people: ['x'], with: "p1's meeting" },
    ]);
  });

  it('a milestone is busy time: the meeting moves off it, never onto a blackout day', () => {
    const m = who('m@x.org', 'UTC', hours([1, 2], '10:00', '12:00'));
    const e = who('e@x.org', 'UTC');
    const start = Date.UTC(2027, 2, 15, 10, 0);
    const { occurrences, conflicts } = resolveConflicts({
      ...base,
      blackout: new Set(['2027-03-16']),
      fixed: new Map([['m@x.org', [{ start, end: start + 90 * 60_000, what: 'Mentor training' }]]]),
      series: [draft('p1', [m, e], [occ('2027-03-15', '10:00')])],
    });
    // Monday 10:00-11:30 is training, Tuesday is a blackout: 11:30 would overrun 12:00, so none.
    expect(conflicts[0]).toMatchObject({ with: 'Mentor training', people: ['m'] });
    expect(occurrences[0][0].status).toBe('scheduled');
    const wider = resolveConflicts({
      ...base,
      fixed: new Map([['m@x.org', [{ start, end: start + 90 * 60_000, what: 'Mentor training' }]]]),
      series: [draft('p1', [m, e], [occ('2027-03-15', '10:00')])],
    });
    expect(wider.occurrences[0][0]).toMatchObject({ date: '2027-03-16', time: '10:00' });
  });

  it('a meeting whose time a clock change skips moves to the nearest clean slot', () => {
    const l = who('l@x.org', 'Europe/London');
    const e = who('e@x.org', 'Europe/London');
    const { occurrences, conflicts } = resolveConflicts({
      ...base,
      series: [draft('p1', [l, e], [occ('2027-03-28', '01:00')])],
    });
    // 01:00-01:59 does not exist on 28 March; 00:45 (15 minutes before, in real time) is nearest.
    expect(occurrences[0][0]).toMatchObject({ date: '2027-03-28', time: '00:45', status: 'moved' });
    expect(conflicts[0].with).toContain('daylight-saving');
  });

  it('never moves a meeting that is before notBefore', () => {
    const x = who('x@x.org', 'UTC');
    const { occurrences, conflicts } = resolveConflicts({
      ...base,
      notBefore: Date.UTC(2027, 5, 1),
      series: [
        draft('p1', [x, who('a@x.org', 'UTC')], [occ('2027-03-17', '14:00')]),
        draft('p2', [x, who('b@x.org', 'UTC')], [occ('2027-03-17', '14:00')]),
      ],
    });
    expect(occurrences[1][0].status).toBe('scheduled');
    expect(conflicts[0].movedTo).toBeUndefined();
  });
});

const ZONES = ['Europe/Berlin', 'America/New_York', 'Australia/Sydney', 'Asia/Kolkata', 'UTC'];
const EMAILS = ['p0@x.org', 'p1@x.org', 'p2@x.org', 'p3@x.org', 'p4@x.org'];

/** A random program: series of weekly meetings on a 15-minute grid around clock changes. */
const programArb = fc.array(
  fc.record({
    people: fc.uniqueArray(fc.integer({ min: 0, max: 4 }), { minLength: 2, maxLength: 3 }),
    zone: fc.constantFrom(...ZONES),
    weekday: fc.integer({ min: 0, max: 6 }),
    quarter: fc.integer({ min: 0, max: 95 }),
    weeks: fc.integer({ min: 1, max: 8 }),
  }),
  { minLength: 1, maxLength: 12 },
);

function buildDrafts(
  spec: { people: number[]; zone: string; weekday: number; quarter: number; weeks: number }[],
  windows: Attendee['windows'],
): SeriesDraft[] {
  const first = dayNumber('2027-03-08');
  return spec.map((s, i) => ({
    unitId: `u${i}`,
    title: `u${i}`,
    people: s.people.map((p) => ({ ...who(EMAILS[p], ZONES[p], windows) })),
    occurrences: Array.from({ length: s.weeks }, (_, w) => {
      const date = new Date((first + s.weekday + 7 * w) * 86_400_000).toISOString().slice(0, 10);
      const m = s.quarter * 15;
      const time = `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
      return occ(date, time, w + 1);
    }),
  }));
}

/** Every (person, occurrence) pair that overlaps another of the same person. */
function overlaps(drafts: SeriesDraft[], result: Occurrence[][], length: number): string[] {
  const spans = new Map<string, { start: number; key: string }[]>();
  drafts.forEach((d, i) =>
    result[i].forEach((o) => {
      if (o.status === 'skipped') return;
      const start = d.people[0].clock.toUtc({
        day: dayNumber(o.date),
        minute: Number(o.time.slice(0, 2)) * 60 + Number(o.time.slice(3)),
      });
      for (const p of d.people) {
        const list = spans.get(p.email) ?? [];
        list.push({ start, key: `${d.unitId}/${o.ruleDate}` });
        spans.set(p.email, list);
      }
    }),
  );
  const found: string[] = [];
  for (const list of spans.values()) {
    list.sort((a, b) => a.start - b.start);
    for (let i = 1; i < list.length; i++)
      for (let j = i - 1; j >= 0 && list[j].start > list[i].start - length * 60_000; j--)
        found.push(`${list[j].key}|${list[i].key}`);
  }
  return found;
}

describe('resolveConflicts property: no person is ever booked twice at the same instant', () => {
  it('with room to move, every clash is resolved and nobody overlaps', () => {
    fc.assert(
      fc.property(programArb, (spec) => {
        const drafts = buildDrafts(spec, ALL_WEEK);
        const { occurrences, conflicts } = resolveConflicts({ ...base, series: drafts });
        expect(overlaps(drafts, occurrences, 60)).toEqual([]);
        expect(conflicts.filter((c) => !c.movedTo)).toEqual([]);
        // Moves stay in the week of the original date (Monday to Sunday).
        drafts.forEach((d, i) =>
          occurrences[i].forEach((o) => {
            const monday = (day: number) => day - ((((day + 3) % 7) + 7) % 7);
            expect(monday(dayNumber(o.date))).toBe(monday(dayNumber(o.ruleDate)));
          }),
        );
      }),
      { numRuns: 150 },
    );
  });

  it('with tight availability, every remaining overlap is a reported, unresolved clash', () => {
    fc.assert(
      fc.property(programArb, (spec) => {
        const drafts = buildDrafts(
          spec,
          hours([1, 2, 3, 4, 5, 6, 7], '00:00', '23:59').slice(0, 3),
        );
        const { occurrences, conflicts } = resolveConflicts({ ...base, series: drafts });
        const open = new Set(
          conflicts.filter((c) => !c.movedTo).map((c) => `${c.unitId}/${c.ruleDate}`),
        );
        for (const pair of overlaps(drafts, occurrences, 60)) {
          const [a, b] = pair.split('|');
          expect(open.has(a) || open.has(b), pair).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });
});
