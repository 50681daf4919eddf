import { describe, expect, it } from 'vitest';
import { configWith, hours, match, person } from '../helpers/schedule-program.js';
import { runSchedule } from '../helpers/schedule-plan.js';
import { contentLines, expandStarts, parseCalendar } from '../helpers/ical.js';

const people = [
  person('tom@x.org', 'Tom Lee', 'mentor', {
    timezone: 'America/New_York',
    availability: hours([2, 3], '09:00', '11:00'),
  }),
  person('ana@x.org', 'Ana Ruiz', 'mentee', { timezone: 'America/New_York' }),
  person('cy@x.org', 'Cy Diaz', 'mentee', { timezone: 'America/New_York' }),
];
const config = configWith(
  { frequency: 'weekly', preferredHours: { start: '09:00', end: '12:00' }, checkInWeeks: [2, 6] },
  { startDate: '2027-03-01', endDate: '2027-05-28' },
);
config.milestones = [];
const state = (r: ReturnType<typeof runSchedule>) =>
  JSON.parse(JSON.stringify({ ...r.rec.state, files: [...r.out.files.keys()] }));

/** Every occurrence start in all.ics, per UID, as ISO instants. */
function expandAll(r: ReturnType<typeof runSchedule>): Map<string, string[]> {
  const root = parseCalendar(r.out.files.get('all.ics') as string);
  const uids = new Set(
    root.getAllSubcomponents('vevent').map((c) => String(c.getFirstPropertyValue('uid'))),
  );
  return new Map([...uids].map((u) => [u, expandStarts(root, u).map((d) => d.toISOString())]));
}
const beforeNow = (m: Map<string, string[]>, now: string) =>
  [...m.values()]
    .flat()
    .filter((s) => s < now)
    .sort();

describe('a re-run only changes the future', () => {
  // Ana's pair meets Tuesdays 09:00 from 2 March. On 1 April Ana can no longer meet on Tuesdays,
  // and Cy is matched to Tom with an id that sorts first: Cy gets Tuesday 09:00 and Ana's series
  // moves to Wednesday. It must split, not rewrite March.
  const first = runSchedule(config, people, [match('p2', 'tom@x.org', 'ana@x.org')], {
    now: new Date('2027-02-20T12:00:00Z'),
  });
  const late = { ...match('p1', 'tom@x.org', 'cy@x.org'), createdAt: '2027-04-01T10:00:00Z' };
  const now = new Date('2027-04-02T12:00:00Z');
  const wednesdays = people.map((p) =>
    p.email === 'ana@x.org' ? { ...p, availability: hours([3], '09:00', '11:00') } : p,
  );
  const second = runSchedule(config, wednesdays, [late, match('p2', 'tom@x.org', 'ana@x.org')], {
    previous: state(first),
    now,
  });

  it('the changed series ends at its last held meeting and continues under a new UID', () => {
    const [a, b] = [expandAll(first), expandAll(second)];
    expect(beforeNow(b, now.toISOString())).toEqual(beforeNow(a, now.toISOString()));
    const ana = second.rec.events.filter((e) => e.unitId === 'p2' && e.kind === 'series');
    expect(ana).toHaveLength(2);
    const [held, next] = ana;
    expect(held.uid).toBe(first.rec.events.find((e) => e.unitId === 'p2')!.uid);
    expect(held.sequence).toBe(1);
    expect(held.rrule).toMatch(/UNTIL=20270330T\d{6}Z/);
    expect(next.uid).not.toBe(held.uid);
    expect(next.start.date >= '2027-04-02').toBe(true);
    expect(next.sequence).toBe(0);
    // The continuing part is the pair's invitation; the held part an update of its own.
    expect(second.out.pairFiles.get('p2')).toBe('pairs/Tom-Lee-Ana-Ruiz.ics');
    expect(second.out.files.get('pairs/Tom-Lee-Ana-Ruiz-until-2027-03-30.ics')).toContain(
      `UID:${held.uid}`,
    );
    // The continuing part's plan starts at its own first meeting (Ana's sixth), not at meeting 1.
    expect(next.start).toEqual({ date: '2027-04-07', time: '09:00' });
    expect(next.description).toContain('6. Wed 7 Apr 2027: 09:00 America/New_York (Tom Lee)');
    expect(next.description).not.toMatch(/^1\. /m);
    expect(next.description).not.toContain('Mar 2027');
    expect(held.description).toContain('The meetings held until 2027-03-30 stay as they were');
  });

  it('a pair matched mid-program starts after its match date, numbered from 1', () => {
    const cy = second.plan.series.find((s) => s.unit.id === 'p1')!;
    expect(cy.occurrences[0]).toMatchObject({ number: 1, ruleDate: '2027-04-06', time: '09:00' });
    const text = contentLines(second.out.files.get(second.out.pairFiles.get('p1')!) as string);
    expect(text).toContain('DTSTART;TZID=America/New_York:20270406T090000');
    // Its week-2 check-in week ended before its first meeting: it has only the week-6 one.
    const checkIns = second.rec.events.filter((e) => e.kind === 'checkin' && e.unitId === 'p1');
    expect(checkIns.map((e) => e.start.date)).toEqual(['2027-04-13']);
  });

  it('past check-ins stay as they were', () => {
    const was = first.rec.events.filter((e) => e.kind === 'checkin' && e.unitId === 'p2');
    const is = second.rec.events.filter((e) => e.kind === 'checkin' && e.unitId === 'p2');
    expect(is.find((e) => e.uid === was[0].uid)).toEqual(was[0]);
  });

  it('the next run with the same input changes nothing', () => {
    const third = runSchedule(config, wednesdays, [late, match('p2', 'tom@x.org', 'ana@x.org')], {
      previous: state(second),
      now: new Date('2027-04-20T12:00:00Z'),
    });
    expect(third.rec.counts).toMatchObject({ added: 0, changed: 0, cancelled: 0 });
    for (const [path, text] of second.out.files) expect(third.out.files.get(path), path).toBe(text);
  });
});

describe('a pair added to a mentor mid-program', () => {
  // Ana meets Tom on Tuesdays 09:00 from 2 March; on 1 April Cy is matched to Tom with an id that
  // sorts first. Ana keeps her slot (no split, nothing re-sent) and Cy gets the next free one.
  const first = runSchedule(config, people, [match('p2', 'tom@x.org', 'ana@x.org')], {
    now: new Date('2027-02-20T12:00:00Z'),
  });
  const late = { ...match('p1', 'tom@x.org', 'cy@x.org'), createdAt: '2027-04-01T10:00:00Z' };
  const second = runSchedule(config, people, [late, match('p2', 'tom@x.org', 'ana@x.org')], {
    previous: state(first),
    now: new Date('2027-04-02T12:00:00Z'),
  });

  it("keeps the existing pair's series as it was and books the new pair another slot", () => {
    const was = first.rec.events.find((e) => e.unitId === 'p2' && e.kind === 'series')!;
    const ana = second.rec.events.filter((e) => e.unitId === 'p2' && e.kind === 'series');
    expect(ana).toEqual([was]);
    expect(second.out.files.get('pairs/Tom-Lee-Ana-Ruiz.ics')).toBe(
      first.out.files.get('pairs/Tom-Lee-Ana-Ruiz.ics'),
    );
    const cy = second.plan.series.find((s) => s.unit.id === 'p1')!;
    expect(cy.occurrences[0]).toMatchObject({ number: 1, ruleDate: '2027-04-06', time: '09:45' });
    expect(second.rec.counts).toMatchObject({ changed: 0, cancelled: 0 });
  });
});

describe('a moved meeting counts towards schedule.maxMeetingsPerDay', () => {
  // Mo meets Dina on Mondays 12:00, Dan and Eve on Tuesdays (10:00 and 11:00): two on Tuesday, the
  // cap. A blackout Monday moves Dina's meeting to the next free day, Tuesday 12:00, a third one.
  const london = { timezone: 'Europe/London' };
  const mo = person('mo@x.org', 'Mo Diallo', 'mentor', {
    ...london,
    availability: [...hours([1, 3], '12:00', '13:00'), ...hours([2], '10:00', '13:00')],
  });
  const team = [
    mo,
    person('dina@x.org', 'Dina Osei', 'mentee', {
      ...london,
      availability: hours([1, 2, 3], '12:00', '13:00'),
    }),
    person('dan@x.org', 'Dan Kerr', 'mentee', {
      ...london,
      availability: hours([2], '10:00', '11:00'),
    }),
    person('eve@x.org', 'Eve Hart', 'mentee', {
      ...london,
      availability: hours([2], '11:00', '12:00'),
    }),
  ];
  const capped = configWith(
    {
      frequency: 'weekly',
      maxMeetingsPerDay: 2,
      blackoutDates: ['2027-03-08'],
      onBlackout: 'next-free-day',
      checkInWeeks: [],
    },
    { startDate: '2027-03-01', endDate: '2027-03-31', timezone: 'Europe/London' },
  );
  capped.milestones = [];

  it('moves it on to a day with room instead', () => {
    const r = runSchedule(capped, team, [
      match('m1', 'mo@x.org', 'dina@x.org'),
      match('m2', 'mo@x.org', 'dan@x.org'),
      match('m3', 'mo@x.org', 'eve@x.org'),
    ]);
    const dina = r.plan.series.find((s) => s.unit.id === 'm1')!;
    const moved = dina.occurrences.find((o) => o.ruleDate === '2027-03-08')!;
    expect(moved).toMatchObject({ status: 'moved', date: '2027-03-10', time: '12:00' });
    expect(moved.note).toBe(
      'moved from 2027-03-08: Mo Diallo already had 2 meeting(s) on 2027-03-09 (schedule.maxMeetingsPerDay)',
    );
    // Nobody has more than two meetings on any day.
    const perDay = new Map<string, number>();
    for (const s of r.plan.series)
      for (const o of s.occurrences)
        if (o.status !== 'skipped') perDay.set(o.date, (perDay.get(o.date) ?? 0) + 1);
    expect(Math.max(...perDay.values())).toBe(2);
  });
});
