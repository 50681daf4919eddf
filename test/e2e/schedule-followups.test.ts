import { afterEach, describe, expect, it } from 'vitest';
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { runCli, tempDir, removeDir } from '../helpers/cli.js';
import { configWith, hours, match, person, writeProgram } from '../helpers/schedule-program.js';
import { contentLines } from '../helpers/ical.js';

const dirs: string[] = [];
afterEach(() => {
  while (dirs.length) removeDir(dirs.pop()!);
});

const people = [
  person('tom@x.org', 'Tom Lee', 'mentor', {
    timezone: 'America/New_York',
    availability: hours([2, 3], '09:00', '11:00'),
  }),
  person('ana@x.org', 'Ana Ruiz', 'mentee', { timezone: 'Europe/Berlin' }),
  person('zoe@x.org', 'Zoë Ångström', 'mentee', { timezone: 'America/New_York' }),
];
const matches = [match('p1', 'tom@x.org', 'ana@x.org'), match('p2', 'tom@x.org', 'zoe@x.org')];
const config = configWith({ frequency: 'weekly' });

async function program(p = people, m = matches): Promise<string> {
  const dir = tempDir('mentor-followup-');
  dirs.push(dir);
  await writeProgram(join(dir, 'prog'), config, p, m);
  return join(dir, 'prog');
}

const files = (dir: string): string[] =>
  existsSync(dir) ? readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort() : [];

/** UID -> distinct "STATUS SEQUENCE" of its master VEVENTs across every .ics below `dir`. */
function versions(dir: string): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const f of files(dir).filter((x) => x.endsWith('.ics'))) {
    for (const block of readFileSync(join(dir, f), 'utf8').split('BEGIN:VEVENT').slice(1)) {
      const lines = contentLines(`BEGIN:VEVENT${block}`);
      if (lines.some((l) => l.startsWith('RECURRENCE-ID'))) continue;
      const get = (name: string) =>
        lines.find((l) => l.startsWith(`${name}:`))!.slice(name.length + 1);
      const set = out.get(get('UID')) ?? new Set<string>();
      set.add(`${get('STATUS')} ${get('SEQUENCE')}`);
      out.set(get('UID'), set);
    }
  }
  return out;
}

describe('schedule follow-ups', () => {
  it('after the program folder moves, a re-run still removes the old files: no UID is both confirmed and cancelled', async () => {
    const dir = await program();
    expect(runCli(['schedule', '--now', '2027-02-01'], { cwd: dir }).code).toBe(0);
    const moved = `${dir}-moved`;
    renameSync(dir, moved);
    await writeProgram(moved, config, people, [matches[0], { ...matches[1], status: 'ended' }]);
    const r = runCli(['schedule', '--now', '2027-02-10'], { cwd: moved });
    expect(r.code).toBe(0);
    const out = join(moved, 'schedule');
    expect(files(join(out, 'pairs'))).toEqual(['Tom-Lee-Ana-Ruiz.ics']);
    expect(files(join(out, 'cancellations'))).toEqual([
      'Check-in-Tom-Lee-Zoe-Angstrom.ics',
      'Mentoring-Tom-Lee-Zoe-Angstrom.ics',
    ]);
    for (const [uid, seen] of versions(out))
      expect([uid, [...seen]]).toEqual([uid, [...seen].slice(0, 1)]);
    const state = JSON.parse(readFileSync(join(moved, '.mentor', 'schedule.json'), 'utf8'));
    expect(state.data.outDir).toBe('schedule');
  });

  it("--out into an existing folder of the user's files needs --force; a folder it made is reused freely", async () => {
    const dir = await program();
    const out = join(dir, '..', 'calendars');
    mkdirSync(out);
    writeFileSync(join(out, 'all.ics'), 'my own calendar');
    writeFileSync(join(out, 'notes.txt'), 'keep me');
    const refused = runCli(['schedule', '--out', out, '--now', '2027-02-01'], { cwd: dir });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(
      /calendars already exists and was not written by `mentor-cli schedule`.*--force/s,
    );
    expect(readFileSync(join(out, 'all.ics'), 'utf8')).toBe('my own calendar');
    expect(existsSync(join(out, 'pairs'))).toBe(false);
    expect(
      runCli(['schedule', '--out', out, '--force', '--now', '2027-02-01'], { cwd: dir }).code,
    ).toBe(0);
    expect(readFileSync(join(out, 'all.ics'), 'utf8')).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(readFileSync(join(out, 'notes.txt'), 'utf8')).toBe('keep me');
    expect(runCli(['schedule', '--out', out, '--now', '2027-02-02'], { cwd: dir }).code).toBe(0);
  });

  it('schedule.xlsx is byte-for-byte the same for the same input, whenever and wherever it runs', async () => {
    const a = await program();
    const b = await program();
    expect(runCli(['schedule', '--now', '2027-02-01'], { cwd: a }).code).toBe(0);
    expect(runCli(['schedule', '--now', '2027-03-05'], { cwd: b }).code).toBe(0);
    const x = readFileSync(join(a, 'schedule', 'schedule.xlsx'));
    expect(x.equals(readFileSync(join(b, 'schedule', 'schedule.xlsx')))).toBe(true);
    // The zip's first modification time and date fields: 00:00 on 1980-01-01 (DOS epoch), never the
    // clock.
    expect([...x.subarray(10, 14)]).toEqual([0, 0, 0x21, 0]);
  });

  it('an unscheduled pair gets an honest intro with no attachment, and names in any script still name the file', async () => {
    const layla = person('layla.haddad@x.org', 'ليلى حداد', 'mentee', {
      timezone: 'Asia/Tokyo',
      availability: hours([6], '10:00', '12:00'),
    });
    const dir = await program(
      [...people, layla],
      [...matches, match('p3', 'tom@x.org', 'layla.haddad@x.org')],
    );
    const s = runCli(['schedule', '--now', '2027-02-01'], { cwd: dir });
    expect(s.code).toBe(0);
    expect(s.stdout).toContain(
      'unscheduled: Tom Lee ↔ ليلى حداد (no common time in their availability)',
    );
    expect(runCli(['intro', '--now', '2027-02-01'], { cwd: dir }).code).toBe(0);
    expect(files(join(dir, 'intro'))).toContain('Tom-Lee-layla.haddad-to-layla.haddad.eml');
    expect(files(join(dir, 'intro'))).toContain('Tom-Lee-layla.haddad-to-Tom-Lee.eml');
    const eml = readFileSync(join(dir, 'intro', 'Tom-Lee-layla.haddad-to-Tom-Lee.eml'), 'utf8');
    const text = eml.split('Content-Type: text/html')[0].replace(/=\r\n/g, '');
    expect(text).toContain(
      'We could not book a regular meeting time for you yet: the availability you each gave (in your own time zones) has no time in common.',
    );
    expect(text).toContain('Program Manager will propose a time to you both in the next few days.');
    expect(text).toContain(
      'There is no calendar invitation attached yet; it will follow once the time is set.',
    );
    expect(text).not.toMatch(/is attached|all 0 meetings|Your first meeting/);
    expect(eml).not.toContain('invitation.ics');
    const ana = readFileSync(
      join(dir, 'intro', 'Tom-Lee-Ana-Ruiz-to-Ana-Ruiz.eml'),
      'utf8',
    ).replace(/=\r\n/g, '');
    expect(ana).toContain('attached; please accept it');
    expect(ana).toContain('filename="invitation.ics"');
  });

  it('intro --out never replaces a file of yours outside the program folder without --force; re-runs inside it are free', async () => {
    const dir = await program(people, matches);
    expect(runCli(['schedule', '--now', '2027-02-01'], { cwd: dir }).code).toBe(0);
    expect(runCli(['intro', '--now', '2027-02-01'], { cwd: dir }).code).toBe(0);
    expect(runCli(['intro', '--now', '2027-02-01'], { cwd: dir }).code).toBe(0);
    const mine = tempDir();
    dirs.push(mine);
    mkdirSync(join(mine, 'intro'));
    writeFileSync(join(mine, 'intro', 'announcement.eml'), 'my own draft');
    const refused = runCli(['intro', '--now', '2027-02-01', '--out', mine], { cwd: dir });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/announcement\.eml already exists\. Add --force/);
    expect(readFileSync(join(mine, 'intro', 'announcement.eml'), 'utf8')).toBe('my own draft');
    expect(
      runCli(['intro', '--now', '2027-02-01', '--out', mine, '--force'], { cwd: dir }).code,
    ).toBe(0);
    expect(readFileSync(join(mine, 'intro', 'announcement.eml'), 'utf8')).not.toBe('my own draft');
  });
});
