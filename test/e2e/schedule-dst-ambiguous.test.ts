/**
 * Local times a clock change repeats (autumn) or skips (spring), through the built CLI: the .ics as
 * ical.js expands it, schedule.csv and the intro email name the same instant for the first meeting.
 */

import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempDir, removeDir } from '../helpers/cli.js';
import { configWith, hours, match, person, writeProgram } from '../helpers/schedule-program.js';
import { expandStarts, parseCalendar } from '../helpers/ical.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach(removeDir));

/** Decodes the quoted-printable text of an .eml (enough for the assertions). */
function emlText(eml: string): string {
  const qp = eml
    .replace(/=\r\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
  return Buffer.from(qp, 'latin1').toString('utf8');
}

/**
 * Schedules one London pair that can meet only on Sundays in `window`, from `start` (a change day),
 * and returns what the three outputs say about the first meeting.
 */
async function firstMeeting(start: string, window: [string, string], minutes: number, n = 1) {
  const dir = join(tempDir('mentor-dst-'), 'prog');
  dirs.push(dir);
  const london = { timezone: 'Europe/London', availability: hours([7], ...window) };
  const config = configWith(
    { frequency: 'weekly', meetingMinutes: minutes, checkInWeeks: [] },
    { startDate: start, endDate: '2027-11-30', timezone: 'Europe/London' },
  );
  config.milestones = [];
  await writeProgram(
    dir,
    config,
    [
      person('tom@x.org', 'Tom Lee', 'mentor', london),
      person('ana@x.org', 'Ana Ruiz', 'mentee', london),
    ],
    [match('p1', 'tom@x.org', 'ana@x.org')],
  );
  const r = runCli(['schedule', '--now', '2027-01-15'], { cwd: dir });
  expect(r.code, r.stderr).toBe(0);
  const root = parseCalendar(
    readFileSync(join(dir, 'schedule', 'pairs', 'Tom-Lee-Ana-Ruiz.ics'), 'utf8'),
  );
  const master = root.getAllSubcomponents('vevent')[0];
  const uid = String(master.getFirstPropertyValue('uid'));
  const plan = String(master.getFirstPropertyValue('description'));
  const ics = expandStarts(root, uid)[n - 1].toISOString();
  const row = readFileSync(join(dir, 'schedule', 'schedule.csv'), 'utf8')
    .split('\r\n')
    .find((l) => l.startsWith(`p1,Tom Lee ↔ Ana Ruiz,${n},`))!
    .split(',');
  const intro = runCli(['intro', '--now', '2027-01-15'], { cwd: dir });
  expect(intro.code, intro.stderr).toBe(0);
  const eml = readdirSync(join(dir, 'intro')).find((f) => f.endsWith('to-Ana-Ruiz.eml'))!;
  const text = emlText(readFileSync(join(dir, 'intro', eml), 'utf8'));
  const email = /Your first meeting: (.*) \(your time, Europe\/London\)/.exec(text)![1];
  // Columns: status, mentor date and time, Start (UTC), note.
  return { ics, csv: [row[3], `${row[5]} ${row[6]}`, row[12], row[13]], email, plan };
}

describe('ambiguous and missing local times', () => {
  it('autumn, with another start free: the repeated 01:00 moves to 02:00, the same in all three', async () => {
    // 31 October 2027: London goes from 02:00 BST back to 01:00 GMT, so 01:00-02:00 happens twice.
    const got = await firstMeeting('2027-10-31', ['01:00', '03:00'], 30);
    expect(got.ics).toBe('2027-10-31T02:00:00.000Z');
    expect(got.csv).toEqual([
      'moved',
      '2027-10-31 02:00',
      '2027-10-31 02:00',
      'moved from 2027-10-31: a daylight-saving change skips or repeats that time for Tom Lee',
    ]);
    expect(got.email).toBe('Sun 31 Oct 2027 at 02:00');
  });

  it('autumn, with no other start: 01:00 is the first of the two (BST, 00:00 UTC), as RFC 5545 reads it', async () => {
    const got = await firstMeeting('2027-10-31', ['01:00', '02:00'], 60);
    expect(got.ics).toBe('2027-10-31T00:00:00.000Z');
    expect(got.csv).toEqual(['scheduled', '2027-10-31 01:00', '2027-10-31 00:00', '']);
    expect(got.email).toBe('Sun 31 Oct 2027 at 01:00');
  });

  it('spring, with another start free: the skipped 01:00 moves to a time that exists', async () => {
    // 28 March 2027: London goes from 01:00 GMT to 02:00 BST, so 01:00-02:00 does not exist.
    const got = await firstMeeting('2027-03-28', ['01:00', '03:00'], 30);
    expect(got.csv[0]).toBe('moved');
    const [date, time] = got.csv[1].split(' ');
    expect(date).toBe('2027-03-28');
    expect(time >= '02:00').toBe(true);
    // 02:00 BST and later is UTC+1: the instant in the .ics and the email agree with the CSV.
    const utcHour = String(Number(time.slice(0, 2)) - 1).padStart(2, '0');
    expect(got.ics).toBe(`2027-03-28T${utcHour}:${time.slice(3)}:00.000Z`);
    expect(got.csv[2]).toBe(`2027-03-28 ${utcHour}:${time.slice(3)}`);
    expect(got.email).toBe(`Sun 28 Mar 2027 at ${time}`);
  });

  it('spring, with no other start: 01:00 is read as 02:00 BST (01:00 UTC) everywhere', async () => {
    // A slot is chosen in a week with no gap (a first meeting at a time that does not exist is
    // never booked): the gap is meeting 2. The email names meeting 1, the plan in the .ics both.
    const got = await firstMeeting('2027-03-21', ['01:00', '02:00'], 60, 2);
    expect(got.ics).toBe('2027-03-28T01:00:00.000Z');
    expect(got.csv).toEqual(['scheduled', '2027-03-28 02:00', '2027-03-28 01:00', '']);
    expect(got.email).toBe('Sun 21 Mar 2027 at 01:00');
    expect(got.plan).toContain(
      '2. Sun 28 Mar 2027: 02:00 Europe/London (Tom Lee) = 02:00 Europe/London (Ana Ruiz)',
    );
  });
});
