/**
 * A `schedule.count` that runs the series past the program's end and into later years: every
 * occurrence ical.js expands, through several clock changes (Casablanca's Ramadan months, Sydney,
 * New York), is at the anchor's wall-clock time by the tz database.
 */

import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempDir, removeDir } from '../helpers/cli.js';
import { configWith, hours, match, person, writeProgram } from '../helpers/schedule-program.js';
import { expandStarts, parseCalendar, wallIn } from '../helpers/ical.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach(removeDir));

describe('schedule.count across years', () => {
  it('a 90-meeting weekly series from October 2027 runs into 2029 at the right time throughout', async () => {
    const dir = join(tempDir('mentor-count-'), 'prog');
    dirs.push(dir);
    const people = [
      person('cas@x.org', 'Karim Alami', 'mentor', {
        timezone: 'Africa/Casablanca',
        availability: hours([2], '10:00', '11:00'),
      }),
      person('par@x.org', 'Paule Roy', 'mentee', { timezone: 'Europe/Paris' }),
      person('syd@x.org', 'Sam Lowe', 'mentor', {
        timezone: 'Australia/Sydney',
        availability: hours([4], '08:00', '09:00'),
      }),
      person('nyc@x.org', 'Nia Cole', 'mentee', {
        timezone: 'America/New_York',
        availability: hours([3], '16:00', '19:00'),
      }),
    ];
    const config = configWith(
      { frequency: 'weekly', count: 90, checkInWeeks: [] },
      { startDate: '2027-10-04', endDate: '2028-03-31', timezone: 'Europe/London' },
    );
    config.milestones = [];
    await writeProgram(dir, config, people, [
      match('p-cas', 'cas@x.org', 'par@x.org'),
      match('p-syd', 'syd@x.org', 'nyc@x.org'),
    ]);
    const r = runCli(['schedule', '--now', '2027-09-01'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const expected: Record<string, [string, string]> = {
      'Karim-Alami-Paule-Roy.ics': ['Africa/Casablanca', '10:00'],
      'Sam-Lowe-Nia-Cole.ics': ['Australia/Sydney', '08:00'],
    };
    expect(readdirSync(join(dir, 'schedule', 'pairs')).sort()).toEqual(
      Object.keys(expected).sort(),
    );
    for (const [file, [tz, time]] of Object.entries(expected)) {
      const root = parseCalendar(readFileSync(join(dir, 'schedule', 'pairs', file), 'utf8'));
      const uid = String(root.getAllSubcomponents('vevent')[0].getFirstPropertyValue('uid'));
      const starts = expandStarts(root, uid);
      expect(starts, file).toHaveLength(90);
      expect(starts[89].toISOString() > '2029-01-01', file).toBe(true);
      const wrong = starts.map((d) => wallIn(d, tz)).filter((w) => w.slice(11) !== time);
      expect(wrong, `${file} in ${tz}`).toEqual([]);
    }
  });
});
