import { describe, expect, it } from 'vitest';
import { configWith, hours, match, person } from '../helpers/schedule-program.js';
import { runSchedule } from '../helpers/schedule-plan.js';
import { contentLines, expandStarts, parseCalendar } from '../helpers/ical.js';

const people = [
  person('tom@x.org', 'Tom Lee', 'mentor', {
    timezone: 'America/New_York',
    availability: hours([2, 3], '09:00', '11:00'),
  }),
  person('ana@x.org', 'Ana Ruiz', 'mentee', { timezone: 'Europe/Berlin' }),
  person('bob@x.org', 'Bob Stone', 'mentee', { timezone: 'America/New_York' }),
];
const matches = [match('p1', 'tom@x.org', 'ana@x.org'), match('p2', 'tom@x.org', 'bob@x.org')];
const config = configWith({
  frequency: 'weekly',
  preferredHours: { start: '09:00', end: '12:00' },
});
const state = (r: ReturnType<typeof runSchedule>) =>
  JSON.parse(JSON.stringify({ ...r.rec.state, files: [...r.out.files.keys()] }));
const prop = (text: string, name: string) =>
  contentLines(text).filter((l) => l.startsWith(`${name}:`) || l.startsWith(`${name};`));

describe('re-running the schedule', () => {
  it('keeps UIDs, SEQUENCE and DTSTAMP of unchanged events: every file byte-identical', () => {
    const first = runSchedule(config, people, matches, { now: new Date('2027-02-01T12:00:00Z') });
    const second = runSchedule(config, people, matches, {
      previous: state(first),
      now: new Date('2027-02-20T08:00:00Z'),
    });
    expect([...second.out.files.keys()]).toEqual([...first.out.files.keys()]);
    for (const [path, text] of first.out.files) expect(second.out.files.get(path)).toBe(text);
    expect(second.rec.counts).toMatchObject({ added: 0, changed: 0, cancelled: 0 });
  });

  it('a changed series keeps its UID with SEQUENCE + 1 and a new DTSTAMP; unchanged ones stay at 0', () => {
    const first = runSchedule(config, people, matches);
    const renamed = people.map((p) =>
      p.email === 'ana@x.org' ? { ...p, goals: 'Negotiate better' } : p,
    );
    const second = runSchedule(config, renamed, matches, {
      previous: state(first),
      now: new Date('2027-02-20T08:00:00Z'),
    });
    const pair = (r: typeof first, id: string) =>
      r.out.files.get(r.out.pairFiles.get(id)!) as string;
    expect(prop(pair(second, 'p1'), 'UID')).toEqual(prop(pair(first, 'p1'), 'UID'));
    expect(prop(pair(first, 'p1'), 'SEQUENCE')).toEqual(['SEQUENCE:0']);
    expect(prop(pair(second, 'p1'), 'SEQUENCE')).toEqual(['SEQUENCE:1']);
    expect(prop(pair(second, 'p1'), 'DTSTAMP')).toEqual(['DTSTAMP:20270220T080000Z']);
    expect(pair(second, 'p2')).toBe(pair(first, 'p2'));
  });

  it('a pair that ended is cancelled (METHOD:CANCEL, STATUS:CANCELLED, higher SEQUENCE), and stays cancelled identically', () => {
    const first = runSchedule(config, people, matches);
    const ended = [matches[0], { ...matches[1], status: 'ended' as const }];
    const second = runSchedule(config, people, ended, {
      previous: state(first),
      now: new Date('2027-02-20T08:00:00Z'),
    });
    const uid = first.rec.events.find((e) => e.unitId === 'p2' && e.kind === 'series')!.uid;
    const cancelFiles = [...second.out.files.keys()].filter((k) => k.startsWith('cancellations/'));
    const seriesCancel = cancelFiles
      .map((k) => second.out.files.get(k) as string)
      .find((t) => t.includes(`UID:${uid}`))!;
    expect(prop(seriesCancel, 'METHOD')).toEqual(['METHOD:CANCEL']);
    expect(prop(seriesCancel, 'STATUS')).toEqual(['STATUS:CANCELLED']);
    expect(prop(seriesCancel, 'SEQUENCE')).toEqual(['SEQUENCE:1']);
    expect(parseCalendar(seriesCancel).getAllSubcomponents('vevent')).toHaveLength(1);
    expect(second.out.pairFiles.has('p2')).toBe(false);
    // Import files hold only live events (issue 11 item 9): the CANCEL message removes the series;
    // Bob has nothing left, so no personal file at all, and all.ics holds no cancelled event.
    expect(second.out.files.has('people/Bob-Stone.ics')).toBe(false);
    expect(contentLines(second.out.files.get('all.ics') as string)).not.toContain(
      'STATUS:CANCELLED',
    );
    const third = runSchedule(config, people, ended, {
      previous: state(second),
      now: new Date('2027-03-20T08:00:00Z'),
    });
    for (const [path, text] of second.out.files) expect(third.out.files.get(path)).toBe(text);
  });

  it('a meeting removed by a new blackout date is cancelled as one instance (RECURRENCE-ID), the series gets EXDATE', () => {
    const first = runSchedule(config, people, matches);
    const second = runSchedule(
      {
        ...config,
        schedule: { ...config.schedule, onBlackout: 'skip', blackoutDates: ['2027-03-16'] },
      },
      people,
      matches,
      { previous: state(first) },
    );
    const pair = second.out.files.get(second.out.pairFiles.get('p1')!) as string;
    expect(prop(pair, 'EXDATE')).toEqual(['EXDATE;TZID=America/New_York:20270316T090000']);
    expect(prop(pair, 'SEQUENCE')).toEqual(['SEQUENCE:1']);
    const cancel = [...second.out.files]
      .filter(([k]) => k.startsWith('cancellations/'))
      .map(([, t]) => t)
      .find((t) => t.includes('RECURRENCE-ID'))!;
    expect(prop(cancel, 'RECURRENCE-ID')).toEqual([
      'RECURRENCE-ID;TZID=America/New_York:20270316T090000',
    ]);
    expect(prop(cancel, 'RRULE').filter((l) => !l.includes('FREQ=YEARLY'))).toEqual([]);
  });
});

describe('re-runs only change the future', () => {
  const starts = (r: ReturnType<typeof runSchedule>, file: string, uid: string) =>
    expandStarts(parseCalendar(r.out.files.get(file) as string), uid).map((d) => d.toISOString());

  it.each([
    [
      'the match ended',
      (m: typeof matches) => [m[0], { ...m[1], status: 'ended' as const }],
      people,
    ],
    [
      'Bob withdrew by re-import',
      (m: typeof matches) => m,
      people.map((p) => (p.email === 'bob@x.org' ? { ...p, status: 'withdrawn' as const } : p)),
    ],
  ])('%s mid-program: the held meetings stay, only later ones go', (_, change, after) => {
    const first = runSchedule(config, people, matches);
    const uid = first.rec.events.find((e) => e.unitId === 'p2' && e.kind === 'series')!.uid;
    const now = new Date('2027-03-20T08:00:00Z');
    const before = starts(first, 'all.ics', uid);
    const second = runSchedule(config, after, change(matches), { previous: state(first), now });
    // No CANCEL of the whole series: an update whose UNTIL keeps what was held.
    const cancels = [...second.out.files]
      .filter(([k]) => k.startsWith('cancellations/'))
      .map(([, t]) => t);
    expect(cancels.filter((t) => t.includes(`UID:${uid}`))).toEqual([]);
    const update = second.out.files.get(second.out.pairFiles.get('p2')!) as string;
    expect(prop(update, 'METHOD')).toEqual(['METHOD:REQUEST']);
    expect(prop(update, 'SEQUENCE')).toEqual(['SEQUENCE:1']);
    const held = before.filter((s) => s < now.toISOString());
    expect(held.length).toBeGreaterThan(1);
    expect(starts(second, 'all.ics', uid)).toEqual(held);
    expect(starts(second, 'people/Bob-Stone.ics', uid)).toEqual(held);
    // The series and the future check-ins of the pair.
    expect(second.rec.counts.cancelled).toBeGreaterThanOrEqual(1);
    // Stable: the next run changes nothing.
    const third = runSchedule(config, after, change(matches), {
      previous: state(second),
      now: new Date('2027-04-20T08:00:00Z'),
    });
    for (const [path, text] of second.out.files) expect(third.out.files.get(path)).toBe(text);
  });

  it('a withdrawal is reported to the manager as a warning naming the pair', () => {
    const withdrawn = people.map((p) =>
      p.email === 'bob@x.org' ? { ...p, status: 'withdrawn' as const } : p,
    );
    const r = runSchedule(config, withdrawn, matches);
    // (Milestones at 15:00 New York are late evening for Ana in Berlin: warned about apart.)
    const others = r.plan.problems.filter((p) => p.code !== 'milestone-hour');
    expect(others.map((p) => p.message)).toEqual([
      expect.stringContaining('Tom Lee ↔ Bob Stone ends: Bob Stone has withdrawn'),
    ]);
    expect(r.out.pairFiles.has('p2')).toBe(false);
  });
});
