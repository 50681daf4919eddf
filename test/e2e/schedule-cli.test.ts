import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { runCli, tempDir, removeDir } from '../helpers/cli.js';
import { configWith, hours, match, person, writeProgram } from '../helpers/schedule-program.js';
import { contentLines, expandStarts, parseCalendar, wallIn } from '../helpers/ical.js';

const dirs: string[] = [];
afterEach(() => {
  while (dirs.length) removeDir(dirs.pop()!);
});

const people = [
  person('tom@x.org', 'Tom Lee', 'mentor', {
    timezone: 'America/New_York',
    availability: hours([2, 3], '09:00', '11:00'),
  }),
  person('ana@x.org', 'Ana Ruiz', 'mentee', { timezone: 'Europe/Berlin', goals: 'Lead a team' }),
  person('zoe@x.org', 'Zoë Ångström', 'mentee', { timezone: 'America/New_York' }),
];
const matches = [match('p1', 'tom@x.org', 'ana@x.org'), match('p2', 'tom@x.org', 'zoe@x.org')];
const config = configWith({
  frequency: 'weekly',
  preferredHours: { start: '09:00', end: '12:00' },
});

async function program(
  over: {
    config?: typeof config;
    people?: typeof people;
    matches?: typeof matches | undefined;
  } = {},
): Promise<string> {
  const dir = tempDir('mentor-schedule-');
  dirs.push(dir);
  await writeProgram(
    dir,
    over.config ?? config,
    over.people ?? people,
    'matches' in over ? over.matches : matches,
  );
  return dir;
}

const files = (dir: string): string[] =>
  existsSync(dir) ? readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort() : [];

describe('mentor-cli schedule', () => {
  it('writes pair, person and program calendars plus the meeting list; times hold across DST', async () => {
    const dir = await program();
    const r = runCli(['schedule', '--json', '--now', '2027-02-01'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(summary).toMatchObject({
      pairs: 2,
      scheduled: 2,
      unscheduled: [],
      meetings: 18,
      dryRun: false,
    });
    expect(summary.files).toEqual([
      'all.ics',
      'pairs/Tom-Lee-Ana-Ruiz.ics',
      'pairs/Tom-Lee-Zoe-Angstrom.ics',
      'people/Ana-Ruiz.ics',
      'people/Tom-Lee.ics',
      'people/Zoe-Angstrom.ics',
      'schedule.csv',
      'schedule.xlsx',
    ]);
    const out = join(dir, 'schedule');
    const pair = readFileSync(join(out, 'pairs/Tom-Lee-Ana-Ruiz.ics'), 'utf8');
    const root = parseCalendar(pair);
    expect(root.getFirstPropertyValue('method')).toBe('REQUEST');
    const uid = String(root.getFirstSubcomponent('vevent')!.getFirstPropertyValue('uid'));
    const starts = expandStarts(root, uid);
    expect(starts).toHaveLength(9);
    expect(new Set(starts.map((d) => wallIn(d, 'America/New_York').slice(11)))).toEqual(
      new Set(['09:00']),
    );
    expect(starts.map((d) => wallIn(d, 'Europe/Berlin').slice(11))).toEqual([
      '15:00',
      '15:00',
      '14:00',
      '14:00',
      '15:00',
      '15:00',
      '15:00',
      '15:00',
      '15:00',
    ]);
    const tom = parseCalendar(readFileSync(join(out, 'people/Tom-Lee.ics'), 'utf8'));
    const summaries = tom
      .getAllSubcomponents('vevent')
      .map((v) => String(v.getFirstPropertyValue('summary')));
    expect(summaries).toContain('Mentoring: Tom Lee ↔ Ana Ruiz');
    expect(summaries).toContain('Mentoring Program: Mentor training');
    expect(
      contentLines(readFileSync(join(out, 'all.ics'), 'utf8')).filter((l) =>
        l.startsWith('BEGIN:VEVENT'),
      ).length,
    ).toBe(2 + 4 + 2); // 2 series, 4 milestones, week-6 check-ins (week 16 is after the end)
    const csv = readFileSync(join(out, 'schedule.csv'), 'utf8').split('\r\n');
    expect(csv[0]).toBe(
      '\uFEFFPair ID,Pair,Meeting,Status,Mentor,Mentor date,Mentor time,Mentor time zone,Mentee,Mentee date,Mentee time,Mentee time zone,Start (UTC),Note,Clock change',
    );
    expect(csv).toContain(
      'p1,Tom Lee ↔ Ana Ruiz,3,scheduled,Tom Lee,2027-03-16,09:00,America/New_York,Ana Ruiz,2027-03-16,14:00,Europe/Berlin,2027-03-16 13:00,,14:00 Europe/Berlin for Ana Ruiz instead of 15:00',
    );
    // Each meeting a clock change touches says so; the others have nothing in that column.
    expect(csv).toContain(
      'p1,Tom Lee ↔ Ana Ruiz,5,scheduled,Tom Lee,2027-03-30,09:00,America/New_York,Ana Ruiz,2027-03-30,15:00,Europe/Berlin,2027-03-30 13:00,,',
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(out, 'schedule.xlsx'));
    expect(wb.getWorksheet('Meetings')!.actualRowCount).toBe(19);
  });

  it('re-running keeps every file byte-identical; ending a pair writes a cancellation', async () => {
    const dir = await program();
    expect(runCli(['schedule', '--now', '2027-02-01'], { cwd: dir }).code).toBe(0);
    const out = join(dir, 'schedule');
    const before = new Map(
      files(out)
        .filter((f) => f.endsWith('.ics'))
        .map((f) => [f, readFileSync(join(out, f), 'utf8')]),
    );
    expect(runCli(['schedule', '--now', '2027-02-10'], { cwd: dir }).code).toBe(0);
    for (const [f, text] of before) expect(readFileSync(join(out, f), 'utf8')).toBe(text);
    await writeProgram(dir, config, people, [matches[0], { ...matches[1], status: 'ended' }]);
    const r = runCli(['schedule', '--now', '2027-02-20'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('cancelled');
    expect(files(out)).not.toContain('pairs/Tom-Lee-Zoe-Angstrom.ics');
    const cancel = readFileSync(
      join(out, 'cancellations/Mentoring-Tom-Lee-Zoe-Angstrom.ics'),
      'utf8',
    );
    expect(contentLines(cancel)).toEqual(
      expect.arrayContaining(['METHOD:CANCEL', 'STATUS:CANCELLED', 'SEQUENCE:1']),
    );
  });

  it('honours blackout dates from a holiday .ics file', async () => {
    const dir = await program({
      config: {
        ...config,
        schedule: { ...config.schedule, holidayCalendar: 'holidays.ics', onBlackout: 'skip' },
      },
    });
    writeFileSync(
      join(dir, 'holidays.ics'),
      'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\nBEGIN:VEVENT\r\nUID:h1\r\nDTSTAMP:20260101T000000Z\r\nDTSTART;VALUE=DATE:20270316\r\nDTEND;VALUE=DATE:20270317\r\nSUMMARY:Holiday\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n',
    );
    expect(runCli(['schedule', '--now', '2027-02-01'], { cwd: dir }).code).toBe(0);
    const pair = readFileSync(join(dir, 'schedule/pairs/Tom-Lee-Ana-Ruiz.ics'), 'utf8');
    expect(contentLines(pair)).toContain('EXDATE;TZID=America/New_York:20270316T090000');
  });

  it.each([
    ['no matches yet', { matches: undefined }, /No active matches.*Run `mentor-cli match` first/],
    [
      'a person without email',
      {
        people: [...people.slice(0, 2), { ...people[2], email: 'zoe' }],
        matches: [matches[0], match('p2', 'tom@x.org', 'zoe')],
      },
      /Zoë Ångström has no valid email address/,
    ],
    [
      'an unknown time zone',
      { people: [people[0], { ...people[1], timezone: 'Mars/Olympus' }, people[2]] },
      /unknown time zone "Mars\/Olympus"/,
    ],
    [
      'an end date before the start',
      { config: { ...config, program: { ...config.program, endDate: '2027-01-01' } } },
      /endDate 2027-01-01 is before program.startDate/,
    ],
    [
      'an unreadable holiday file',
      { config: { ...config, schedule: { ...config.schedule, holidayCalendar: 'missing.ics' } } },
      /missing\.ics: holiday calendar not found/,
    ],
  ])('%s: one-line error, exit 2, nothing written', async (_name, over, message) => {
    const dir = await program(over);
    const r = runCli(['schedule'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(existsSync(join(dir, 'schedule'))).toBe(false);
    expect(existsSync(join(dir, '.mentor', 'schedule.json'))).toBe(false);
  });

  it('a garbage holiday file is an input error too', async () => {
    const dir = await program({
      config: { ...config, schedule: { ...config.schedule, holidayCalendar: 'bad.ics' } },
    });
    writeFileSync(join(dir, 'bad.ics'), 'this is not a calendar');
    const r = runCli(['schedule'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad\.ics: is not a readable iCalendar file/);
  });
});

describe('mentor-cli intro', () => {
  it('--dry-run lists every draft it would write and writes none; a real run then writes exactly those', async () => {
    const dir = await program();
    expect(runCli(['schedule', '--now', '2027-01-20'], { cwd: dir }).code).toBe(0);
    const dry = runCli(['intro', '--dry-run', '--json', '--now', '2027-02-01'], { cwd: dir });
    expect(dry.code).toBe(0);
    const listed = JSON.parse(dry.stdout) as { dryRun: boolean; emails: number; files: string[] };
    expect({ dryRun: listed.dryRun, emails: listed.emails }).toEqual({ dryRun: true, emails: 4 });
    expect(existsSync(join(dir, 'intro'))).toBe(false);
    expect(runCli(['intro', '--now', '2027-02-01'], { cwd: dir }).code).toBe(0);
    expect(files(join(dir, 'intro')).map((f) => `intro/${f}`)).toEqual(listed.files);
  });

  it('writes one email per person with the first meeting in their own time and the invitation attached', async () => {
    const dir = await program();
    const before = runCli(['intro', '--now', '2027-02-01'], { cwd: dir });
    expect(before.code).toBe(2);
    expect(before.stderr).toMatch(/No schedule yet.*Run `mentor-cli schedule` first/);
    expect(existsSync(join(dir, 'intro'))).toBe(false);
    expect(runCli(['schedule', '--now', '2027-01-20'], { cwd: dir }).code).toBe(0);
    const r = runCli(['intro', '--now', '2027-02-01'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(files(join(dir, 'intro'))).toEqual([
      'Tom-Lee-Ana-Ruiz-to-Ana-Ruiz.eml',
      'Tom-Lee-Ana-Ruiz-to-Tom-Lee.eml',
      'Tom-Lee-Zoe-Angstrom-to-Tom-Lee.eml',
      'Tom-Lee-Zoe-Angstrom-to-Zoe-Angstrom.eml',
      'announcement.eml',
    ]);
    const ana = readFileSync(join(dir, 'intro/Tom-Lee-Ana-Ruiz-to-Ana-Ruiz.eml'), 'utf8');
    const body = ana.replace(/=\r\n/g, '');
    expect(body).toContain(
      'Your first meeting: Tue 2 Mar 2027 at 15:00 (your time, Europe/Berlin)',
    );
    expect(body).toContain('- shares topics: leadership');
    const tom = readFileSync(join(dir, 'intro/Tom-Lee-Ana-Ruiz-to-Tom-Lee.eml'), 'utf8').replace(
      /=\r\n/g,
      '',
    );
    expect(tom).toContain(
      'Your first meeting: Tue 2 Mar 2027 at 09:00 (your time, America/New_York)',
    );
    const b64 =
      /filename="invitation.ics"\r\nContent-Transfer-Encoding: base64\r\n\r\n([\s\S]*?)\r\n--/.exec(
        ana,
      )![1];
    const ics = Buffer.from(b64.replace(/\r\n/g, ''), 'base64').toString('utf8');
    expect(parseCalendar(ics).getFirstPropertyValue('method')).toBe('REQUEST');
    expect(contentLines(ics)).toContain('SUMMARY:Mentoring: Tom Lee ↔ Ana Ruiz');
    // Byte-for-byte the invitation `schedule` wrote: same UID, SEQUENCE and DTSTAMP (stamped by the
    // schedule run).
    expect(ics).toBe(readFileSync(join(dir, 'schedule/pairs/Tom-Lee-Ana-Ruiz.ics'), 'utf8'));
    expect(ics).toMatch(/\r\nDTSTAMP:2027012\d/);
  });

  it('refuses to attach invitations when the schedule is out of date', async () => {
    const dir = await program();
    expect(runCli(['schedule', '--now', '2027-01-20'], { cwd: dir }).code).toBe(0);
    await writeProgram(dir, config, people, [matches[0]]);
    const r = runCli(['intro', '--now', '2027-02-01'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'The schedule is out of date (0 new, 0 changed, 2 cancelled event(s)',
    );
    expect(r.stderr).toContain('Run `mentor-cli schedule` first');
  });
});
