import { describe, it, expect, afterEach } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLI, ROOT, runCli, tempDir, removeDir } from '../helpers/cli.js';

const python = spawnSync('python3', ['-c', 'import pty'], { encoding: 'utf8' }).status === 0;
const dirs: string[] = [];
afterEach(() => {
  while (dirs.length) removeDir(dirs.pop()!);
});
const fresh = () => {
  const d = tempDir();
  dirs.push(d);
  return d;
};
const configOf = (dir: string) =>
  JSON.parse(readFileSync(join(dir, 'mentor.config.json'), 'utf8')) as {
    program: { manager: { name: string; email: string }; startDate: string; endDate: string };
    schedule: { frequency: string; meetingMinutes: number };
    milestones: { id: string; date: string }[];
  };
const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();

/** Runs the CLI in a pseudo-terminal and answers its prompts with `keys` (see drive_pty.py). */
function runInTty(args: string[], cwd: string, keys: string[]): { screen: string; code: number } {
  const r = spawnSync(
    'python3',
    [join(ROOT, 'test', 'helpers', 'drive_pty.py'), keys.join('|'), process.execPath, CLI, ...args],
    {
      cwd,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', HOME: cwd, TERM: 'xterm', TZ: 'UTC' },
      timeout: 60_000,
    },
  );
  const screen = r.stdout.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '');
  return { screen, code: Number(/EXIT (\d+)\s*$/.exec(screen)?.[1] ?? -1) };
}

describe('init takes every setting as a flag (issue 15)', () => {
  it('writes the manager, the meeting rhythm and prints what it chose', () => {
    const cwd = fresh();
    const r = runCli(
      [
        'init',
        'p',
        '--name',
        'Northwind',
        '--start',
        '2027-02-01',
        '--end',
        '2027-07-30',
        '--manager-name',
        'Ada Lovelace',
        '--manager-email',
        'ada@example.org',
        '--frequency',
        'weekly',
        '--meeting-minutes',
        '30',
      ],
      { cwd },
    );
    expect(r.code).toBe(0);
    const c = configOf(join(cwd, 'p'));
    // toMatchObject: init also writes the manager's default hours for check-ins (issue 11).
    expect(c.program.manager).toMatchObject({ name: 'Ada Lovelace', email: 'ada@example.org' });
    expect(c.schedule).toMatchObject({ frequency: 'weekly', meetingMinutes: 30 });
    expect(r.stdout).toMatch(/^Manager\s+Ada Lovelace <ada@example\.org>$/m);
    expect(r.stdout).toMatch(/^Meetings\s+weekly, 30 minutes$/m);
    expect(r.stdout).toMatch(/^Dates\s+2027-02-01 to 2027-07-30$/m);
    expect(r.stderr).toContain('mentor-cli config set');
    const j = runCli(['init', 'q', '--frequency', 'monthly', '--json'], { cwd });
    expect(JSON.parse(j.stdout).config.schedule.frequency).toBe('monthly');
  });

  it('refuses a wrong flag value in one line naming the flag and the allowed values', () => {
    const cwd = fresh();
    const r = runCli(['init', 'p', '--frequency', 'fortnightly'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'error: --frequency: schedule.frequency must be one of weekly, biweekly, monthly, ' +
        'not "fortnightly". Nothing was written\n',
    );
    const m = runCli(['init', 'p', '--manager-email', 'ada'], { cwd });
    expect(m.stderr).toMatch(/^error: --manager-email: program\.manager\.email must be an email/);
    expect(existsSync(join(cwd, 'p'))).toBe(false);
  });

  it('puts every milestone on a working day, whatever the dates', () => {
    const cwd = fresh();
    // 2027-01-11..2027-06-25: the middle is Saturday 2027-04-03; the default used to keep it.
    expect(runCli(['init', 'a'], { cwd }).code).toBe(0);
    expect(configOf(join(cwd, 'a')).milestones.find((m) => m.id === 'midpoint')?.date).toBe(
      '2027-04-02',
    );
    // A start on a Saturday and an end on a Sunday.
    expect(
      runCli(['init', 'b', '--start', '2027-03-06', '--end', '2027-08-29'], { cwd }).code,
    ).toBe(0);
    for (const dir of ['a', 'b'])
      for (const m of configOf(join(cwd, dir)).milestones)
        expect([1, 2, 3, 4, 5], `${dir} ${m.id} ${m.date}`).toContain(weekday(m.date));
    const b = configOf(join(cwd, 'b')).milestones;
    expect(b.map((m) => m.date)).toEqual(['2027-03-08', '2027-03-08', '2027-06-02', '2027-08-27']);
  });

  it('a start alone gives a 24-week program ending on a working day', () => {
    const cwd = fresh();
    expect(runCli(['init', 'p', '--start', '2027-09-06'], { cwd }).code).toBe(0);
    expect(configOf(join(cwd, 'p')).program).toMatchObject({
      startDate: '2027-09-06',
      endDate: '2028-02-18',
    });
  });
});

describe.skipIf(!python)('init on a terminal (issue 15)', () => {
  it('asks what no flag said, shows the defaults, re-asks a wrong answer', () => {
    const cwd = fresh();
    const { screen, code } = runInTty(
      ['init', 'p', '--name', 'North', '--start', '2027-02-01', '--end', '2027-07-30'],
      cwd,
      // time zone: keep; name; email; frequency one down (monthly); minutes 5 (refused), then 30
      ['\\r', 'Ada Lovelace\\r', 'ada@example.org\\r', '\\x1b[B\\r', '5\\r', '\\x7f30\\r'],
    );
    expect(code).toBe(0);
    expect(screen).toContain(
      'Time zone of the program (IANA name, e.g. Europe/London) (Europe/London)',
    );
    expect(screen).toContain('Your email address (mentoring@example.com)');
    expect(screen).toContain('schedule.meetingMinutes must be at least 10, not 5');
    expect(screen).not.toContain('Program name');
    const c = configOf(join(cwd, 'p'));
    // toMatchObject: init also writes the manager's default hours for check-ins (issue 11).
    expect(c.program.manager).toMatchObject({ name: 'Ada Lovelace', email: 'ada@example.org' });
    expect(c.schedule).toMatchObject({ frequency: 'monthly', meetingMinutes: 30 });
  });

  it('never asks with --yes, even on a terminal', () => {
    const cwd = fresh();
    const { screen, code } = runInTty(['init', 'p', '--yes'], cwd, []);
    expect(code).toBe(0);
    expect(screen).not.toContain('?');
    expect(configOf(join(cwd, 'p')).schedule.frequency).toBe('biweekly');
  });
});
