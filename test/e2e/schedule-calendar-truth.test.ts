/**
 * Calendars that never lie: the built CLI schedules programs across awkward zones, and every
 * occurrence ical.js expands is checked against the tz database (Intl), across re-runs that rename
 * the program and withdraw a person.
 */

import { afterAll, describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempDir, removeDir } from '../helpers/cli.js';
import { configWith, hours, match, person, writeProgram } from '../helpers/schedule-program.js';
import { contentLines, expandStarts, parseCalendar, wallIn } from '../helpers/ical.js';
import { writeState, type Program } from '../../src/io/store/program.js';

const people = [
  // Casablanca leaves +01 for Ramadan (February-March 2027).
  person('cas@x.org', 'Karim Alami', 'mentor', {
    timezone: 'Africa/Casablanca',
    availability: hours([2], '10:00', '11:00'),
  }),
  person('par@x.org', 'Paule Roy', 'mentee', { timezone: 'Europe/Paris' }),
  // Southern hemisphere: Sydney changes in April and October, London in March and October.
  person('syd@x.org', 'Sam Lowe', 'mentor', {
    timezone: 'Australia/Sydney',
    availability: hours([3], '17:00', '19:00'),
  }),
  person('lon@x.org', 'Lena Ross', 'mentee', {
    timezone: 'Europe/London',
    availability: hours([3], '07:00', '10:00'),
  }),
  // A 30-minute change (Lord Howe) with a half-hour zone (Kolkata).
  person('lhi@x.org', 'Lou Howe', 'mentor', {
    timezone: 'Australia/Lord_Howe',
    availability: hours([4], '14:00', '16:00'),
  }),
  person('kol@x.org', 'Kavya Rao', 'mentee', { timezone: 'Asia/Kolkata' }),
  // St John's (-03:30) with New York.
  person('stj@x.org', 'Sean Walsh', 'mentor', {
    timezone: 'America/St_Johns',
    availability: hours([1], '11:00', '12:00'),
  }),
  person('nyc@x.org', 'Nia Cole', 'mentee', { timezone: 'America/New_York' }),
];
const matches = [
  match('p-cas', 'cas@x.org', 'par@x.org'),
  match('p-syd', 'syd@x.org', 'lon@x.org'),
  match('p-lhi', 'lhi@x.org', 'kol@x.org'),
  match('p-stj', 'stj@x.org', 'nyc@x.org'),
];
const anchorTz = new Map(
  people.filter((p) => p.role === 'mentor').map((p) => [p.email, p.timezone!]),
);
const config = configWith(
  { frequency: 'weekly', workingHours: { start: '07:00', end: '20:00', days: [1, 2, 3, 4, 5] } },
  { startDate: '2027-02-01', endDate: '2027-11-26', timezone: 'Europe/London' },
);

const dirs: string[] = [];
afterAll(() => dirs.forEach(removeDir));

/** Every event of all.ics: UID -> ISO start instants (ical.js expansion). */
function expandAll(dir: string): Map<string, string[]> {
  const root = parseCalendar(readFileSync(join(dir, 'schedule', 'all.ics'), 'utf8'));
  const uids = new Set(
    root.getAllSubcomponents('vevent').map((c) => String(c.getFirstPropertyValue('uid'))),
  );
  return new Map([...uids].map((u) => [u, expandStarts(root, u).map((d) => d.toISOString())]));
}

/** The occurrences before `now`, per UID (events with none left out). */
const before = (m: Map<string, string[]>, now: string) =>
  new Map(
    [...m].map(([u, s]) => [u, s.filter((x) => x < now)] as const).filter(([, s]) => s.length),
  );

describe('schedule across awkward zones, checked against the tz database', () => {
  let dir = '';
  let prog: Program;

  it('every meeting of every pair is at the anchor wall-clock time in ical.js', async () => {
    dir = join(tempDir('mentor-truth-'), 'prog');
    dirs.push(dir);
    prog = await writeProgram(dir, config, people, matches);
    const r = runCli(['schedule', '--now', '2027-01-15'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const pairs = readdirSync(join(dir, 'schedule', 'pairs'));
    expect(pairs).toHaveLength(4);
    for (const file of pairs) {
      const text = readFileSync(join(dir, 'schedule', 'pairs', file), 'utf8');
      const root = parseCalendar(text);
      const master = root.getAllSubcomponents('vevent')[0];
      const uid = String(master.getFirstPropertyValue('uid'));
      const attendee = contentLines(text).find((l) => l.startsWith('ATTENDEE'))!;
      const mentor = /mailto:(.*)$/.exec(attendee)![1];
      const tz = anchorTz.get(mentor)!;
      const dtstart = /DTSTART;TZID=[^:]+:\d{8}T(\d\d)(\d\d)/.exec(contentLines(text).join('\n'))!;
      const starts = expandStarts(root, uid);
      expect(starts.length, file).toBeGreaterThan(40);
      const wrong = starts
        .map((d) => wallIn(d, tz))
        .filter((w) => w.slice(11) !== `${dtstart[1]}:${dtstart[2]}`);
      expect(wrong, `${file} in ${tz}`).toEqual([]);
    }
    // Nobody has two mentoring meetings at once (milestones and moves: the block below).
    for (const p of readdirSync(join(dir, 'schedule', 'people'))) {
      const root = parseCalendar(readFileSync(join(dir, 'schedule', 'people', p), 'utf8'));
      const spans: [number, number][] = [];
      for (const c of root.getAllSubcomponents('vevent')) {
        // A check-in is the manager joining the start of the pair's own meeting.
        if (c.hasProperty('recurrence-id')) continue;
        if (!String(c.getFirstPropertyValue('summary')).startsWith('Mentoring:')) continue;
        const uid = String(c.getFirstPropertyValue('uid'));
        const ms = new ICAL.Event(c).duration.toSeconds() * 1000;
        for (const s of expandStarts(root, uid)) spans.push([s.getTime(), s.getTime() + ms]);
      }
      spans.sort((a, b) => a[0] - b[0]);
      for (let i = 1; i < spans.length; i++)
        expect(spans[i][0], p).toBeGreaterThanOrEqual(spans[i - 1][1]);
    }
  });

  it("each check-in joins an actual meeting, inside the manager's hours, never two at once", () => {
    const all = parseCalendar(readFileSync(join(dir, 'schedule', 'all.ics'), 'utf8'));
    const comps = all.getAllSubcomponents('vevent');
    const summaryOf = (c: ICAL.Component) => String(c.getFirstPropertyValue('summary'));
    const checkIns = comps.filter((c) => summaryOf(c).startsWith('Check-in'));
    expect(checkIns.length).toBeGreaterThan(0);
    for (const c of checkIns) {
      const start = new ICAL.Event(c).startDate.toJSDate();
      // The pair's series is the master whose summary names the same pair.
      const pair = summaryOf(c).replace(/^Check-in with [^:]+: /, '');
      const series = comps.find((m) => summaryOf(m) === `Mentoring: ${pair}`)!;
      const starts = expandStarts(all, String(series.getFirstPropertyValue('uid')));
      expect(
        starts.map((d) => d.getTime()),
        pair,
      ).toContain(start.getTime());
      // The manager (Europe/London by default) works 09:00-17:00, Monday to Friday.
      const local = wallIn(start, 'Europe/London');
      expect(local.slice(11) >= '09:00' && local.slice(11) <= '16:40', local).toBe(true);
    }
    // The manager runs the milestones and joins the check-ins: never two at once.
    expect(overlapping(spansOf(all, (s) => !s.startsWith('Mentoring')))).toEqual([]);
    // Lord Howe's meetings are at night in London: its check-ins are reported. (Sydney's 18:00 is
    // 07:00 London until 4 April, then 09:00: its week-6 check-in joins the meeting of 7 April.)
    const r = runCli(['schedule', '--now', '2027-01-15', '--dry-run', '--json'], { cwd: dir });
    const notes = (JSON.parse(r.stdout) as { notes: string[] }).notes;
    expect(notes).toContainEqual(
      expect.stringMatching(/^2 check-in\(s\) not booked: .*Lou Howe ↔ Kavya Rao \(week 6\)/),
    );
    // The kickoff (1 March, 15:00 London) covers Sean's only hour (11:00 St John's = 14:30 London):
    // no other slot that week, so the clash is reported by name.
    expect(notes).toContain(
      "Sean Walsh and Nia Cole are booked twice on 2027-03-01: Sean Walsh ↔ Nia Cole's meeting overlaps Program kickoff, and no common free time that week could take it (agree another time with them, or widen their availability)",
    );
  });

  it('renaming the program re-issues nothing and changes no past meeting', () => {
    const old = expandAll(dir);
    const renamed = { ...config, program: { ...config.program, name: 'Mentoring 2027 (renamed)' } };
    writeFileSync(join(dir, 'mentor.config.json'), JSON.stringify(renamed, null, 2));
    const r = runCli(['schedule', '--now', '2027-05-03', '--json'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const events = (JSON.parse(r.stdout) as { events: Record<string, number> }).events;
    expect(events.added).toBe(0);
    expect(events.cancelled).toBe(0);
    const now = expandAll(dir);
    expect([...now.keys()].sort()).toEqual([...old.keys()].sort());
    expect(before(now, '2027-05-03')).toEqual(before(old, '2027-05-03'));
  });

  it('a person withdrawn by re-import: their pair ends now, held meetings stay', async () => {
    const old = expandAll(dir);
    await writeState(
      prog,
      'participants',
      people.map((p) => (p.email === 'par@x.org' ? { ...p, status: 'withdrawn' as const } : p)),
    );
    const r = runCli(['schedule', '--now', '2027-06-01'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Karim Alami ↔ Paule Roy ends: Paule Roy has withdrawn');
    const now = expandAll(dir);
    const [a, b] = [before(now, '2027-06-01'), before(old, '2027-06-01')];
    expect(a).toEqual(b);
    // The Casablanca series keeps its held meetings and none after the withdrawal.
    const cas = [...now.values()].filter((s) => s.length > 5 && s.every((x) => x < '2027-06-02'));
    expect(cas).toHaveLength(1);
  });

  it('the intro carries the invitation inline (method=REQUEST) as well as attached', () => {
    const r = runCli(['intro', '--now', '2027-06-02'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const intro = readdirSync(join(dir, 'intro')).find((f) => f.includes('Sam'))!;
    const eml = readFileSync(join(dir, 'intro', intro), 'utf8');
    const alt = eml.slice(eml.indexOf('multipart/alternative'));
    expect(alt).toMatch(/--alt-[^\r\n]+\r\nContent-Type: text\/calendar; method=REQUEST/);
    expect(eml).toContain('Content-Disposition: attachment; filename="invitation.ics"');
  });

  it("a pair added to a mentor mid-program gets another slot: the existing pair's series is untouched", async () => {
    const old = expandAll(dir);
    const kavyaFile = join(dir, 'schedule', 'pairs', 'Lou-Howe-Kavya-Rao.ics');
    const invitation = readFileSync(kavyaFile, 'utf8');
    const mia = person('mia@x.org', 'Mia Stone', 'mentee', { timezone: 'Asia/Kolkata' });
    await writeState(prog, 'participants', [
      ...people.map((p) => (p.email === 'par@x.org' ? { ...p, status: 'withdrawn' as const } : p)),
      mia,
    ]);
    // "p-lha" sorts before "p-lhi", yet Lou's Thursday 14:00 stays with Kavya: the new pair gets
    // the next free time, 14:45.
    const late = { ...match('p-lha', 'lhi@x.org', 'mia@x.org'), createdAt: '2027-06-10T09:00:00Z' };
    await writeState(prog, 'matches', [...matches, late]);
    const r = runCli(['schedule', '--now', '2027-06-15', '--json'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const now = expandAll(dir);
    expect(before(now, '2027-06-15')).toEqual(before(old, '2027-06-15'));
    // Lou ↔ Kavya keeps its UID, its meetings and its invitation, byte for byte; nothing to re-send.
    expect(readFileSync(kavyaFile, 'utf8')).toBe(invitation);
    const kavya = readFileSync(join(dir, 'schedule', 'people', 'Kavya-Rao.ics'), 'utf8');
    const oldUid = [...old.keys()].find((u) => old.get(u)!.length > 30 && kavya.includes(u))!;
    expect(now.get(oldUid)).toEqual(old.get(oldUid));
    const pairs = readdirSync(join(dir, 'schedule', 'pairs'));
    expect(pairs.filter((f) => f.includes('-until-'))).toEqual([]);
    const mias = parseCalendar(
      readFileSync(join(dir, 'schedule', 'pairs', 'Lou-Howe-Mia-Stone.ics'), 'utf8'),
    );
    const miaUid = String(mias.getAllSubcomponents('vevent')[0].getFirstPropertyValue('uid'));
    const miaStarts = expandStarts(mias, miaUid);
    expect(miaStarts.map((d) => wallIn(d, 'Australia/Lord_Howe').slice(11))).toEqual(
      miaStarts.map(() => '14:45'),
    );
    // The new pair starts after its match date, and its intro names no earlier meeting.
    const first = miaStarts[0];
    expect(first.toISOString() > '2027-06-11', first.toISOString()).toBe(true);
    const intro = runCli(['intro', '--now', '2027-06-15'], { cwd: dir });
    expect(intro.code, intro.stderr).toBe(0);
    const eml = readdirSync(join(dir, 'intro')).find((f) => f.includes('Mia-Stone-to-Mia'))!;
    const text = readFileSync(join(dir, 'intro', eml), 'utf8');
    expect(text).toMatch(/Jun 2027/);
    expect(text).not.toMatch(/ (Feb|Mar|Apr|May) 2027/);
  });
});

/** Busy spans [start, end) per event of a calendar, every occurrence expanded by ical.js. */
function spansOf(
  root: ICAL.Component,
  keep: (summary: string) => boolean,
): [number, number, string][] {
  const spans: [number, number, string][] = [];
  const masters = root.getAllSubcomponents('vevent').filter((c) => !c.hasProperty('recurrence-id'));
  for (const c of masters) {
    const summary = String(c.getFirstPropertyValue('summary'));
    if (!keep(summary)) continue;
    const ms = new ICAL.Event(c).duration.toSeconds() * 1000;
    for (const s of expandStarts(root, String(c.getFirstPropertyValue('uid'))))
      spans.push([s.getTime(), s.getTime() + ms, `${summary} ${s.toISOString()}`]);
  }
  return spans.sort((a, b) => a[0] - b[0]);
}

/** Pairs of spans that overlap, as "a / b" texts (empty when nobody is booked twice). */
function overlapping(spans: [number, number, string][]): string[] {
  const out: string[] = [];
  for (let i = 1; i < spans.length; i++)
    for (let j = i - 1; j >= 0; j--)
      if (spans[j][1] > spans[i][0]) out.push(`${spans[j][2]} / ${spans[i][2]}`);
  return out;
}

describe('no double booking after clock changes, blackout moves and milestones', () => {
  const clashPeople = [
    // Nate's 09:00 New York meeting with Xavier is 15:00 Berlin, but 14:00 between the US change
    // (14 March) and the EU one (28 March): onto Xavier's own 14:00 Berlin meeting with Yara.
    person('nate@x.org', 'Nate Moore', 'mentor', {
      timezone: 'America/New_York',
      availability: hours([1], '09:00', '10:00'),
    }),
    person('xavier@x.org', 'Xavier Weber', 'mentor', {
      timezone: 'Europe/Berlin',
      availability: hours([1], '13:00', '17:00'),
    }),
    person('yara@x.org', 'Yara Haddad', 'mentee', {
      timezone: 'Europe/Berlin',
      availability: hours([1], '14:00', '16:00'),
    }),
    // Mo meets Dina on Mondays and Dan on Tuesdays at 10:00 London; a Monday blackout moves the
    // Dina meeting to Tuesday 10:00 (onto Dan's), and mentor training covers a Monday 10:00.
    person('mo@x.org', 'Mo Diallo', 'mentor', {
      timezone: 'Europe/London',
      availability: hours([1], '10:00', '11:00').concat(hours([2], '10:00', '12:00')),
    }),
    person('dina@x.org', 'Dina Osei', 'mentee', {
      timezone: 'Europe/London',
      availability: hours([1], '10:00', '11:00').concat(hours([2], '10:00', '12:00')),
    }),
    person('dan@x.org', 'Dan Kerr', 'mentee', {
      timezone: 'Europe/London',
      availability: hours([2], '10:00', '11:00'),
    }),
  ];
  const clashMatches = [
    match('c-1', 'nate@x.org', 'xavier@x.org'),
    match('c-2', 'xavier@x.org', 'yara@x.org'),
    match('d-1', 'mo@x.org', 'dina@x.org'),
    match('d-2', 'mo@x.org', 'dan@x.org'),
  ];
  const clashConfig = configWith(
    {
      frequency: 'weekly',
      blackoutDates: ['2027-03-01'],
      onBlackout: 'next-free-day',
      checkInWeeks: [],
    },
    { startDate: '2027-02-01', endDate: '2027-04-30', timezone: 'Europe/London' },
  );
  clashConfig.milestones = [
    {
      id: 'mentor-training',
      name: 'Mentor training',
      date: '2027-02-15',
      time: '10:00',
      durationMinutes: 90,
      audience: 'mentors',
    },
  ];

  it('moves each clashing meeting within its week and reports it; ical.js shows no overlap', async () => {
    const dir = join(tempDir('mentor-clash-'), 'prog');
    dirs.push(dir);
    await writeProgram(dir, clashConfig, clashPeople, clashMatches);
    const r = runCli(['schedule', '--now', '2027-01-15', '--json'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const summary = JSON.parse(r.stdout) as {
      conflicts: { unitId: string; ruleDate: string; people: string[]; with: string }[];
      notes: string[];
    };
    expect(summary.conflicts).toEqual([
      {
        unitId: 'd-1',
        pair: 'Mo Diallo ↔ Dina Osei',
        ruleDate: '2027-02-15',
        people: ['Mo Diallo'],
        with: 'Mentor training',
        movedTo: { date: '2027-02-16', time: '10:45' },
      },
      {
        unitId: 'c-2',
        pair: 'Xavier Weber ↔ Yara Haddad',
        ruleDate: '2027-03-15',
        people: ['Xavier Weber'],
        with: "Nate Moore ↔ Xavier Weber's meeting",
        movedTo: { date: '2027-03-15', time: '14:45' },
      },
      {
        unitId: 'c-2',
        pair: 'Xavier Weber ↔ Yara Haddad',
        ruleDate: '2027-03-22',
        people: ['Xavier Weber'],
        with: "Nate Moore ↔ Xavier Weber's meeting",
        movedTo: { date: '2027-03-22', time: '14:45' },
      },
      {
        unitId: 'd-1',
        pair: 'Mo Diallo ↔ Dina Osei',
        ruleDate: '2027-03-01',
        people: ['Mo Diallo'],
        with: "Mo Diallo ↔ Dan Kerr's meeting",
        movedTo: { date: '2027-03-02', time: '10:45' },
      },
    ]);
    expect(summary.notes.filter((n) => n.includes('booked twice'))).toEqual([]);
    // Every person's calendar, milestones included, as ical.js expands it: nobody twice at once.
    for (const file of readdirSync(join(dir, 'schedule', 'people'))) {
      const root = parseCalendar(readFileSync(join(dir, 'schedule', 'people', file), 'utf8'));
      expect(overlapping(spansOf(root, (s) => !s.startsWith('Check-in'))), file).toEqual([]);
    }
    // The moved meetings are overrides (RECURRENCE-ID) at the new time, in Berlin and London.
    const xavier = parseCalendar(
      readFileSync(join(dir, 'schedule', 'people', 'Xavier-Weber.ics'), 'utf8'),
    );
    const yaraSeries = spansOf(xavier, (s) => s.includes('Yara')).map((s) =>
      wallIn(new Date(s[0]), 'Europe/Berlin'),
    );
    // (1 March is a blackout date, and Xavier and Yara share no other day: skipped.)
    expect(yaraSeries.slice(4, 8)).toEqual([
      '2027-03-08 14:00',
      '2027-03-15 14:45',
      '2027-03-22 14:45',
      '2027-03-29 14:00',
    ]);
    const csv = readFileSync(join(dir, 'schedule', 'schedule.csv'), 'utf8');
    expect(csv).toContain(
      "moved from 2027-03-15: Xavier Weber had Nate Moore ↔ Xavier Weber's meeting at that time",
    );
    const text = runCli(['schedule', '--now', '2027-01-15', '--dry-run'], { cwd: dir });
    expect(text.stdout).toContain('4 meetings moved within their week');
  });
});
