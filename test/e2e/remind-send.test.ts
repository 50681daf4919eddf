/**
 * `remind` queues the day's reminders in the outbox and `send reminders` delivers them to a real
 * SMTP server started here, each exactly once (also across kill -9); `remind --plan` as CSV and
 * JSON.
 */

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempDir, removeDir } from '../helpers/cli.js';
import { configWith, hours, match, person, writeProgram } from '../helpers/schedule-program.js';
import { runCliAsync, startSmtp, type TestSmtp } from '../helpers/smtp.js';
import type { ProgramConfig } from '../../src/core/config.js';

// Program 1 March - 30 April 2027 (America/New_York); kickoff Mon 1 March 15:00 and mentor
// training the same day at 11:00 (configWith).
const people = [
  person('tom@x.org', 'Tom Lee', 'mentor', {
    timezone: 'America/New_York',
    availability: hours([2, 3], '09:00', '11:00'),
    trainingCompleted: false,
  }),
  person('ana@x.org', 'Ana Ruiz', 'mentee', { timezone: 'Europe/Berlin' }),
  person('bea@x.org', 'Bea Kim', 'mentor', { timezone: 'Europe/London', trainingCompleted: true }),
  person('cal@x.org', 'Cal Otto', 'mentee', { timezone: 'Europe/London', status: 'withdrawn' }),
];
const matches = [match('p1', 'tom@x.org', 'ana@x.org')];

let smtp: TestSmtp;
let dir: string;
beforeEach(async () => {
  smtp = await startSmtp();
  dir = tempDir('mentor-remind-');
});
afterEach(async () => {
  await smtp.close();
  removeDir(dir);
});

async function program(): Promise<void> {
  const c: ProgramConfig = configWith(
    { frequency: 'weekly', preferredHours: { start: '09:00', end: '12:00' } },
    { manager: { name: 'Pat Manager', email: 'pat@acme.org' } },
  );
  c.schedule.url = 'https://video.acme.org/mentoring-{pairId}';
  c.email = {
    from: 'mentoring@acme.org',
    smtp: { host: '127.0.0.1', port: smtp.port, secure: false },
    perMinute: 10000,
    maxAttempts: 2,
    retryDelaySeconds: 0.05,
  };
  await writeProgram(dir, c, people, matches);
  const r = runCli(['schedule', '--now', '2027-02-01'], { cwd: dir });
  expect(r.code, r.stderr).toBe(0);
}

const cli = (args: string[]) => runCli(args, { cwd: dir });
const send = (now: string) => runCliAsync(['send', 'reminders', '--now', now], { cwd: dir }).done;
const outbox = () =>
  JSON.parse(readFileSync(join(dir, '.mentor', 'outbox.json'), 'utf8')).data.entries as Array<{
    id: string;
    status: string;
  }>;
type PlanRow = { dueOn: string; rule: string; email: string; status: string; id: string };
const plan = (now: string) =>
  JSON.parse(cli(['remind', '--plan', '--json', '--now', now]).stdout) as {
    today: string;
    reminders: PlanRow[];
  };

describe('mentor-cli remind and send reminders', () => {
  it('queues the day before the kickoff, sends each reminder once, and a re-run sends none', async () => {
    await program();
    // Due on 28 February: the kickoff (everyone active), the mentor training (mentors), and Tom
    // and Ana's first meeting (Tue 2 March at 09:00 New York, two days on).
    const r = cli(['remind', '--now', '2027-02-28']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('7 reminder(s) due on 2027-02-28: 7 queued in the outbox.');
    expect(r.stderr).toContain('Run `mentor-cli send reminders`');
    expect(outbox().map((e) => `${e.id} ${e.status}`)).toEqual([
      'reminder:first-meeting:p1:ana@x.org queued',
      'reminder:first-meeting:p1:tom@x.org queued',
      'reminder:milestone-kickoff:ana@x.org queued',
      'reminder:milestone-kickoff:bea@x.org queued',
      'reminder:milestone-kickoff:tom@x.org queued',
      'reminder:milestone-mentor-training:bea@x.org queued',
      'reminder:milestone-mentor-training:tom@x.org queued',
    ]);
    const s = await send('2027-02-28');
    expect(s.code, s.stderr).toBe(0);
    expect(s.stdout).toContain('Sent 7 reminders message(s).');
    const got = smtp.received.map((m) => `${m.to[0]} ${m.mail.subject}`).sort();
    expect(got).toEqual([
      'ana@x.org Mentoring Program: Program kickoff is tomorrow',
      'ana@x.org Mentoring Program: your first meeting with Tom Lee is in 2 days',
      'bea@x.org Mentoring Program: Mentor training is tomorrow',
      'bea@x.org Mentoring Program: Program kickoff is tomorrow',
      'tom@x.org Mentoring Program: Mentor training is tomorrow',
      'tom@x.org Mentoring Program: Program kickoff is tomorrow',
      'tom@x.org Mentoring Program: your first meeting with Ana Ruiz is in 2 days',
    ]);
    // Each reader sees the meeting and the kickoff in their own zone.
    const text = (to: string, subject: string) =>
      smtp.received.find((m) => m.to[0] === to && m.mail.subject!.includes(subject))!.mail.text;
    expect(text('ana@x.org', 'first meeting')).toContain(
      'is on Tue 2 Mar 2027 at 15:00 (Europe/Berlin)',
    );
    expect(text('tom@x.org', 'first meeting')).toContain(
      'is on Tue 2 Mar 2027 at 09:00 (America/New_York)',
    );
    expect(text('bea@x.org', 'kickoff')).toContain('Mon 1 Mar 2027 at 20:00 (Europe/London)');
    expect(smtp.received[0].from).toBe('mentoring@acme.org');
    expect(outbox().every((e) => e.status === 'sent')).toBe(true);

    // Again the same day: nothing new to queue, nothing sent twice.
    const again = cli(['remind', '--now', '2027-02-28']);
    expect(again.stdout).toContain(
      '7 reminder(s) due on 2027-02-28: 0 queued in the outbox, 7 already sent.',
    );
    const resend = await send('2027-02-28');
    expect(resend.code).toBe(0);
    expect(resend.stdout).toContain('Sent 0 reminders message(s); 7 already sent and unchanged.');
    expect(smtp.received).toHaveLength(7);
  });

  it('send reminders killed mid-way: a re-run delivers each reminder exactly once', async () => {
    await program();
    expect(cli(['remind', '--now', '2027-02-28']).code).toBe(0);
    let seen = 0;
    const run = runCliAsync(['send', 'reminders', '--now', '2027-02-28'], { cwd: dir });
    smtp.faults.beforeAccept = () => {
      if (++seen !== 3) return true;
      run.child.kill('SIGKILL');
      return false;
    };
    await run.done;
    smtp.faults.beforeAccept = undefined;
    expect(smtp.received).toHaveLength(2);
    const r = await send('2027-02-28');
    expect(r.code, r.stderr).toBe(0);
    const ids = smtp.received.map((m) => `${m.to[0]} ${m.mail.subject}`);
    expect(ids).toHaveLength(7);
    expect(new Set(ids).size).toBe(7);
  });

  it('--plan: the whole calendar with dates worked out from the config, as JSON and CSV', async () => {
    await program();
    const p = plan('2027-02-01');
    expect(p.today).toBe('2027-02-01');
    const row = (id: string) => p.reminders.find((r) => r.id === id);
    // Training not done (Tom): a week before the 1 March start.
    expect(row('reminder:training:tom@x.org')).toMatchObject({
      dueOn: '2027-02-22',
      status: 'upcoming',
    });
    expect(row('reminder:training:bea@x.org')).toBeUndefined();
    // The first survey wave opens with the program: 3 and 7 days on, to the pair.
    expect(row('reminder:survey-kickoff-3:ana@x.org')?.dueOn).toBe('2027-03-04');
    expect(row('reminder:survey-kickoff-7:tom@x.org')?.dueOn).toBe('2027-03-08');
    // Cal has withdrawn: no reminder of any kind.
    expect(p.reminders.some((r) => r.email === 'cal@x.org')).toBe(false);
    expect(p.reminders.map((r) => r.dueOn)).toEqual(p.reminders.map((r) => r.dueOn).sort());

    const csv = cli(['remind', '--plan', '--format', 'csv', '--now', '2027-02-01']);
    expect(csv.code, csv.stderr).toBe(0);
    const lines = csv.stdout
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('Due on,Reminder,About,Name,Email,Pair,Status,Sent at');
    expect(lines).toHaveLength(p.reminders.length + 1);
    expect(lines).toContain(
      '2027-02-22,training,mentor training not completed,Tom Lee,tom@x.org,,upcoming,',
    );

    const table = cli(['remind', '--plan', '--now', '2027-02-01']);
    expect(table.stdout).toMatch(/^Due on +Reminder +About +Name +Email +Status/);
    expect(table.stdout).toContain(`${p.reminders.length} reminder(s) as of 2027-02-01`);
  });
});
