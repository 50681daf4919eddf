/**
 * Milestones for a spread-out program, through the built CLI: each person's calendar file, read
 * back with ical.js, holds the milestone at its local time (localTime) or their region's time, and
 * `schedule` warns about a milestone at night for someone.
 */

import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempDir, removeDir } from '../helpers/cli.js';
import { configWith, match, person, writeProgram } from '../helpers/schedule-program.js';
import { expandStarts, parseCalendar, wallIn } from '../helpers/ical.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach(removeDir));

const people = [
  person('lena@x.org', 'Lena Ross', 'mentor', { timezone: 'Europe/London' }),
  person('paul@x.org', 'Paul Roy', 'mentee', { timezone: 'Europe/Paris' }),
  person('sam@x.org', 'Sam Lowe', 'mentor', { timezone: 'Australia/Sydney' }),
  person('lia@x.org', 'Lia Chen', 'mentee', { timezone: 'Australia/Sydney' }),
  person('nia@x.org', 'Nia Cole', 'mentor', { timezone: 'America/New_York' }),
  person('ned@x.org', 'Ned Park', 'mentee', { timezone: 'America/Chicago' }),
];
const matches = [
  match('p1', 'lena@x.org', 'paul@x.org'),
  match('p2', 'sam@x.org', 'lia@x.org'),
  match('p3', 'nia@x.org', 'ned@x.org'),
];

/** "YYYY-MM-DD HH:MM" in `tz` of every event in a person's file whose summary ends with `name`. */
function milestoneIn(dir: string, file: string, name: string, tz: string): string[] {
  const root = parseCalendar(readFileSync(join(dir, 'schedule', 'people', file), 'utf8'));
  return root
    .getAllSubcomponents('vevent')
    .filter((c) => String(c.getFirstPropertyValue('summary')).includes(name))
    .flatMap((c) => expandStarts(root, String(c.getFirstPropertyValue('uid'))))
    .map((d) => wallIn(d, tz));
}

describe('milestones for a spread-out program', () => {
  it('localTime: everyone gets the kickoff at 15:00 their time; regions: APAC has its own', async () => {
    const dir = join(tempDir('mentor-ms-'), 'prog');
    dirs.push(dir);
    const config = configWith(
      { frequency: 'weekly', checkInWeeks: [] },
      { startDate: '2027-02-01', endDate: '2027-03-31', timezone: 'Europe/London' },
    );
    config.milestones = [
      {
        id: 'kickoff',
        name: 'Program kickoff',
        date: '2027-02-02',
        time: '15:00',
        durationMinutes: 60,
        audience: 'everyone',
        localTime: true,
      },
      {
        id: 'mentor-training',
        name: 'Mentor training',
        date: '2027-02-03',
        time: '11:00',
        durationMinutes: 90,
        audience: 'mentors',
        regions: [{ name: 'APAC', timezone: 'Australia/Sydney', zones: ['Australia/*'] }],
      },
      {
        id: 'closing',
        name: 'Closing celebration',
        date: '2027-03-30',
        time: '16:00',
        durationMinutes: 60,
        audience: 'everyone',
      },
    ];
    await writeProgram(dir, config, people, matches);
    const r = runCli(['schedule', '--now', '2027-01-15', '--json'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const zones: [string, string][] = [
      ['Lena-Ross.ics', 'Europe/London'],
      ['Paul-Roy.ics', 'Europe/Paris'],
      ['Sam-Lowe.ics', 'Australia/Sydney'],
      ['Lia-Chen.ics', 'Australia/Sydney'],
      ['Nia-Cole.ics', 'America/New_York'],
      ['Ned-Park.ics', 'America/Chicago'],
    ];
    for (const [file, tz] of zones)
      expect(milestoneIn(dir, file, 'Program kickoff', tz), file).toEqual(['2027-02-02 15:00']);
    // Mentor training: 11:00 Sydney for Sam (the APAC session, no tz given: the milestone's
    // time), 11:00 London for Lena and Nia; mentees have none.
    expect(milestoneIn(dir, 'Sam-Lowe.ics', 'Mentor training', 'Australia/Sydney')).toEqual([
      '2027-02-03 11:00',
    ]);
    expect(milestoneIn(dir, 'Lena-Ross.ics', 'Mentor training', 'Europe/London')).toEqual([
      '2027-02-03 11:00',
    ]);
    expect(milestoneIn(dir, 'Nia-Cole.ics', 'Mentor training', 'America/New_York')).toEqual([
      '2027-02-03 06:00',
    ]);
    expect(milestoneIn(dir, 'Lia-Chen.ics', 'Mentor training', 'Australia/Sydney')).toEqual([]);
    // The manager's all.ics holds every session: five kickoff starts (London and Paris differ by
    // an hour), two training sessions.
    const all = parseCalendar(readFileSync(join(dir, 'schedule', 'all.ics'), 'utf8'));
    const summaries = all
      .getAllSubcomponents('vevent')
      .map((c) => String(c.getFirstPropertyValue('summary')));
    expect(summaries.filter((s) => s.endsWith('Program kickoff'))).toHaveLength(5);
    expect(summaries.filter((s) => s.includes('Mentor training')).sort()).toEqual([
      'Mentoring Program: Mentor training',
      'Mentoring Program: Mentor training (APAC)',
    ]);
    // Warnings: the training at 06:00 New York (Nia), the closing at 16:00 London = 02:00 Sydney (the next day).
    const notes = (JSON.parse(r.stdout) as { notes: string[] }).notes;
    expect(notes.filter((n) => n.includes('before 07:00 or after 21:00'))).toEqual([
      'Mentor training (milestones[1]) is before 07:00 or after 21:00 local time for 1 person in ' +
        '1 time zone: America/New_York 06:00-07:30 (1) (change milestones[1].time or the time of ' +
        'its regions)',
      'Closing celebration (milestones[2]) is before 07:00 or after 21:00 local time for 2 people ' +
        'in 1 time zone: Australia/Sydney 02:00-03:00 (2) (set milestones[2].localTime to true, or ' +
        'give it regions with their own times)',
    ]);
    const text = runCli(['schedule', '--now', '2027-01-15', '--dry-run'], { cwd: dir });
    expect(text.stdout).toContain('Closing celebration (milestones[2]) is before 07:00');
    // The announcement says what each milestone's time means.
    expect(runCli(['intro', '--now', '2027-01-15'], { cwd: dir }).code).toBe(0);
    const announcement = readFileSync(join(dir, 'intro', 'announcement.eml'), 'utf8');
    const body = Buffer.from(
      announcement
        .replace(/=\r\n/g, '')
        .replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
      'latin1',
    ).toString('utf8');
    expect(body).toContain('Program kickoff: Tue 2 Feb 2027 15:00 (your local time)');
    expect(body).toContain(
      'Mentor training: Wed 3 Feb 2027 11:00 (Europe/London); APAC: Wed 3 Feb 2027 11:00 (Australia/Sydney)',
    );
  });
});
