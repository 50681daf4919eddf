/**
 * `send` against a real SMTP server started here: every message once with the right recipient,
 * subject and invitation; kill -9 and re-run; 5xx refusals and dropped connections; --to-me; the
 * refusal to send while an example value is in place.
 */

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempDir, removeDir } from '../helpers/cli.js';
import { configWith, hours, match, person, writeProgram } from '../helpers/schedule-program.js';
import { parseCalendar } from '../helpers/ical.js';
import { runCliAsync, startSmtp, type TestSmtp } from '../helpers/smtp.js';
import type { ProgramConfig } from '../../src/core/config.js';

const people = [
  person('tom@x.org', 'Tom Lee', 'mentor', {
    timezone: 'America/New_York',
    availability: hours([2, 3], '09:00', '11:00'),
  }),
  person('ana@x.org', 'Ana Ruiz', 'mentee', { timezone: 'Europe/Berlin' }),
  person('zoe@x.org', 'Zoë Ångström', 'mentee', { timezone: 'America/New_York' }),
  person('bea@x.org', 'Bea Kim', 'mentor', { timezone: 'Europe/London' }),
  person('cal@x.org', 'Cal Otto', 'mentee', { timezone: 'Europe/London' }),
  person('dan@x.org', 'Dan Ng', 'mentee', { timezone: 'Europe/London' }),
  person('eve@x.org', 'Eve Moss', 'mentor', { timezone: 'Europe/London' }),
];
const matches = [
  match('p1', 'tom@x.org', 'ana@x.org'),
  match('p2', 'tom@x.org', 'zoe@x.org'),
  match('p3', 'bea@x.org', 'cal@x.org'),
];
/** Who gets an intro (two per pair) and who a kind note (Dan unmatched, Eve without mentee). */
const INTRO_RECIPIENTS = ['ana', 'bea', 'cal', 'tom', 'tom', 'zoe'].map((n) => `${n}@x.org`);
const ALL_RECIPIENTS = [...INTRO_RECIPIENTS, 'dan@x.org', 'eve@x.org'].sort();

let smtp: TestSmtp;
let dir: string;
beforeEach(async () => {
  smtp = await startSmtp();
  dir = tempDir('mentor-send-');
});
afterEach(async () => {
  await smtp.close();
  removeDir(dir);
});

function configFor(port: number, over: Partial<ProgramConfig['email']> = {}): ProgramConfig {
  const c = configWith(
    { frequency: 'weekly', preferredHours: { start: '09:00', end: '12:00' } },
    { manager: { name: 'Pat Manager', email: 'pat@acme.org' } },
  );
  c.schedule.url = 'https://video.acme.org/mentoring-{pairId}';
  c.email = {
    from: 'mentoring@acme.org',
    smtp: { host: '127.0.0.1', port, secure: false },
    perMinute: 10000,
    maxAttempts: 3,
    retryDelaySeconds: 0.05,
    ...over,
  };
  return c;
}

async function program(config: ProgramConfig = configFor(smtp.port)): Promise<void> {
  await writeProgram(dir, config, people, matches);
  const r = runCli(['schedule', '--now', '2027-02-01'], { cwd: dir });
  expect(r.code, r.stderr).toBe(0);
}

const send = (args: string[]) =>
  runCliAsync(['send', ...args, '--now', '2027-02-01'], { cwd: dir }).done;
const recipients = () => smtp.received.flatMap((r) => r.to).sort();
const outbox = () =>
  JSON.parse(readFileSync(join(dir, '.mentor', 'outbox.json'), 'utf8')).data.entries as Array<{
    id: string;
    status: string;
    to: string;
    reply?: string;
    messageId: string;
  }>;

describe('mentor-cli send intro', () => {
  it('sends every intro once, with the invitation inline and attached, and kind notes to the partnerless', async () => {
    await program();
    const r = await send(['intro']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Sent 8 intro message(s).');
    expect(recipients()).toEqual(ALL_RECIPIENTS);
    const toAna = smtp.received.find((m) => m.to[0] === 'ana@x.org')!;
    expect(toAna.from).toBe('mentoring@acme.org');
    expect(toAna.mail.subject).toBe('Mentoring Program: meet your mentor, Tom Lee');
    expect(toAna.mail.to).toMatchObject({ value: [{ address: 'ana@x.org', name: 'Ana Ruiz' }] });
    expect(toAna.mail.text).toContain('Your first meeting: Tue 2 Mar 2027 at 15:00');
    expect(toAna.mail.headers.get('x-unsent')).toBeUndefined();
    // The invitation as a text/calendar; method=REQUEST alternative and as the attachment.
    expect(toAna.raw).toMatch(/Content-Type: multipart\/alternative/);
    const calendars = toAna.mail.attachments.filter((a) => a.contentType === 'text/calendar');
    expect(calendars.map((a) => a.filename ?? '(inline)').sort()).toEqual([
      '(inline)',
      'invitation.ics',
    ]);
    const ics = calendars[1].content.toString('utf8');
    expect(parseCalendar(ics).getFirstPropertyValue('method')).toBe('REQUEST');
    expect(ics).toBe(readFileSync(join(dir, 'schedule/pairs/Tom-Lee-Ana-Ruiz.ics'), 'utf8'));
    // Dan gets the kind note, Eve hers; neither carries an invitation.
    const dan = smtp.received.find((m) => m.to[0] === 'dan@x.org')!;
    expect(dan.mail.subject).toBe('Mentoring Program: about your mentor match');
    expect(dan.mail.text).toContain('we could not find a mentor for you in this round');
    expect(dan.mail.attachments).toEqual([]);
    const eve = smtp.received.find((m) => m.to[0] === 'eve@x.org')!;
    expect(eve.mail.subject).toBe('Mentoring Program: no mentee for you this round');
    // Every Message-ID is distinct and the outbox says sent, with the server's reply.
    expect(new Set(smtp.received.map((m) => m.mail.messageId)).size).toBe(8);
    expect(outbox().map((e) => e.status)).toEqual(Array(8).fill('sent'));
    expect(outbox()[0].reply).toMatch(/250 .*queued as test/);

    // A re-run sends nothing: every message is unchanged.
    const again = await send(['intro']);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Sent 0 intro message(s); 8 already sent and unchanged.');
    expect(smtp.received).toHaveLength(8);

    const status = runCli(['send', '--status', '--json'], { cwd: dir });
    expect(status.code).toBe(0);
    expect(JSON.parse(status.stdout).counts).toEqual({ queued: 0, sending: 0, sent: 8, failed: 0 });
  });

  it('--only sends one pair; --dry-run sends nothing and writes no outbox', async () => {
    await program();
    const dry = await send(['intro', '--dry-run', '--json']);
    expect(dry.code).toBe(0);
    expect(JSON.parse(dry.stdout).counts.new).toBe(8);
    expect(smtp.received).toHaveLength(0);
    const only = await send(['intro', '--only', 'p3']);
    expect(only.code, only.stderr).toBe(0);
    expect(recipients()).toEqual(['bea@x.org', 'cal@x.org']);
    const rest = await send(['intro']);
    expect(rest.stdout).toContain('Sent 6 intro message(s); 2 already sent and unchanged.');
    expect(recipients()).toEqual(ALL_RECIPIENTS);
  });

  it('--to-me sends every message to the manager and leaves the outbox alone', async () => {
    await program();
    const r = await send(['intro', '--to-me']);
    expect(r.code, r.stderr).toBe(0);
    expect(smtp.received).toHaveLength(8);
    expect(new Set(recipients())).toEqual(new Set(['pat@acme.org']));
    const forAna = smtp.received.find((m) => m.mail.subject?.includes('<ana@x.org>'))!;
    expect(forAna.mail.subject).toBe(
      '[Rehearsal for Ana Ruiz <ana@x.org>] Mentoring Program: meet your mentor, Tom Lee',
    );
    const real = await send(['intro']);
    expect(real.stdout).toContain('Sent 8 intro message(s).');
  });

  it('refuses before the first real send while the sender or the link is the example', async () => {
    const c = configFor(smtp.port);
    c.schedule.url = 'https://meet.example.com/mentoring-{pairId}';
    delete c.email!.from;
    c.program.manager.email = 'mentoring@example.com';
    await program(c);
    const r = await send(['intro']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'Nothing was sent: program.manager.email is still the example "mentoring@example.com"; ' +
        'schedule.url is still the example "https://meet.example.com/mentoring-{pairId}"',
    );
    expect(smtp.received).toHaveLength(0);
    const dry = await send(['intro', '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stderr).toContain('schedule.url is still the example');
  });
});

describe('mentor-cli send: failures and retries', () => {
  it('a 5xx refusal is reported, kept in the outbox and not retried; a dropped connection is retried', async () => {
    smtp.faults.reject = ['zoe@x.org'];
    smtp.faults.drop = [{ to: 'cal@x.org', times: 2 }];
    await program();
    const r = await send(['intro']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('1 message(s) could not be sent');
    expect(recipients()).toEqual(ALL_RECIPIENTS.filter((a) => a !== 'zoe@x.org'));
    const zoe = outbox().find((e) => e.to === 'zoe@x.org')!;
    expect(zoe.status).toBe('failed');
    expect(zoe.reply).toMatch(/550/);
    const cal = outbox().find((e) => e.to === 'cal@x.org') as { attempts?: number };
    expect(cal).toMatchObject({ status: 'sent', attempts: 3 });
    // Not retried by a re-run; --retry-failed sends it once the server takes it.
    const again = await send(['intro']);
    expect(again.stdout).toContain('1 held back after a permanent failure');
    smtp.faults.reject = [];
    const retried = await send(['intro', '--retry-failed']);
    expect(retried.code).toBe(0);
    expect(recipients()).toEqual(ALL_RECIPIENTS);
  });
});

describe('mentor-cli send: exactly once across kill -9', () => {
  it('killed before the server accepts (at a random message), a re-run delivers each message once', async () => {
    await program();
    for (const victim of [3, 1, 6]) {
      let seen = 0;
      const run = runCliAsync(['send', 'intro', '--now', '2027-02-01'], { cwd: dir });
      smtp.faults.beforeAccept = () => {
        if (++seen !== victim) return true;
        run.child.kill('SIGKILL');
        return false;
      };
      await run.done;
    }
    smtp.faults.beforeAccept = undefined;
    const r = await send(['intro']);
    expect(r.code, r.stderr).toBe(0);
    expect(recipients()).toEqual(ALL_RECIPIENTS);
    expect(outbox().every((e) => e.status === 'sent')).toBe(true);
  });

  it('killed at random moments, no message is lost and a duplicate can only be the one in flight, with the same Message-ID', async () => {
    await program();
    let kills = 0;
    for (const ms of [40, 120, 260, 90]) {
      const run = runCliAsync(['send', 'intro', '--now', '2027-02-01'], { cwd: dir });
      const timer = setTimeout(() => run.child.kill('SIGKILL'), ms);
      const done = await run.done;
      clearTimeout(timer);
      if (done.code !== 0) kills++;
    }
    const r = await send(['intro']);
    expect(r.code, r.stderr).toBe(0);
    const ids = smtp.received.map((m) => m.mail.messageId);
    expect([...new Set(recipients())]).toEqual([...new Set(ALL_RECIPIENTS)]);
    expect(new Set(ids).size).toBe(8);
    expect(ids.length - 8).toBeLessThanOrEqual(kills);
  });

  it('killed after the server accepted but before the outbox knew: the one honest window', async () => {
    await program();
    const run = runCliAsync(['send', 'intro', '--now', '2027-02-01'], { cwd: dir });
    smtp.faults.afterAccept = () => run.child.kill('SIGKILL');
    await run.done;
    smtp.faults.afterAccept = undefined;
    expect(smtp.received).toHaveLength(1);
    const r = await send(['intro']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      'interrupted while sending and went out again with the same Message-ID',
    );
    expect(smtp.received).toHaveLength(9);
    expect(smtp.received[1].mail.messageId).toBe(smtp.received[0].mail.messageId);
  });
});

describe('mentor-cli send announcement', () => {
  it('goes to every active participant, one message each, not to a display name', async () => {
    await program();
    const r = await send(['announcement']);
    expect(r.code, r.stderr).toBe(0);
    expect(recipients()).toEqual(people.map((p) => p.email).sort());
    for (const m of smtp.received)
      expect(m.mail.to).toMatchObject({ value: [{ address: m.to[0] }] });
  });
});

it('writes no password anywhere: it comes from MENTOR_SMTP_PASSWORD', async () => {
  const c = configFor(smtp.port);
  c.email!.smtp!.user = 'pat@acme.org';
  await program(c);
  const r = runCli(['send', 'intro', '--now', '2027-02-01'], { cwd: dir });
  expect(r.code).toBe(2);
  expect(r.stderr).toContain('Set the environment variable MENTOR_SMTP_PASSWORD');
  writeFileSync(join(dir, 'marker'), '');
});

describe('mentor-cli send invitations', () => {
  const kindOf = (m: TestSmtp['received'][number]) =>
    m.mail.attachments.find((a) => a.filename === 'cancellation.ics')
      ? 'cancel'
      : m.mail.attachments.find((a) => a.filename === 'event.ics')
        ? 'milestone'
        : /Check-in/.test(m.mail.subject ?? '')
          ? 'checkin'
          : 'pair';

  it('sends each pair invitation once; after a re-schedule only the cancellations go out', async () => {
    await program();
    const first = await send(['invitations']);
    expect(first.code, first.stderr).toBe(0);
    const pairs = smtp.received.filter((m) => kindOf(m) === 'pair');
    expect(pairs.flatMap((m) => m.to).sort()).toEqual(INTRO_RECIPIENTS);
    const ics = pairs[0].mail.attachments.find((a) => a.filename === 'invitation.ics')!;
    expect(parseCalendar(ics.content.toString('utf8')).getFirstPropertyValue('method')).toBe(
      'REQUEST',
    );
    const sentFirst = smtp.received.length;
    // Pair p3 ends: its meetings are cancelled, the other two pairs' invitations do not change.
    await writeProgram(dir, configFor(smtp.port), people, matches.slice(0, 2));
    expect(runCli(['schedule', '--now', '2027-02-01'], { cwd: dir }).code).toBe(0);
    const again = await send(['invitations']);
    expect(again.code, again.stderr).toBe(0);
    const later = smtp.received.slice(sentFirst);
    // Only p3's two people hear, the same number of cancellations each: the meeting series, plus
    // the manager's check-ins with the pair when the manager's hours allowed any to be booked.
    const to = later.map((m) => m.to[0]);
    expect([...new Set(to)].sort()).toEqual(['bea@x.org', 'cal@x.org']);
    const count = (who: string) => to.filter((x) => x === who).length;
    expect(count('bea@x.org')).toBe(count('cal@x.org'));
    expect(count('bea@x.org')).toBeGreaterThanOrEqual(1);
    for (const m of later) {
      const cancel = m.mail.attachments.find((a) => a.filename === 'cancellation.ics')!;
      expect(parseCalendar(cancel.content.toString('utf8')).getFirstPropertyValue('method')).toBe(
        'CANCEL',
      );
    }
    // Everything else is unchanged (the milestones too: their audience shrank, nobody new is in it).
    expect(again.stdout).toMatch(/; \d+ already sent and unchanged/);
  });

  it('also sends the check-ins and the milestones; a moved milestone alone goes out again', async () => {
    await program();
    const first = await send(['invitations']);
    expect(first.code, first.stderr).toBe(0);
    const milestones = smtp.received.filter((m) => kindOf(m) === 'milestone');
    // Kickoff, mid-point and closing to all seven active people; the mentor training to the mentors.
    const subjectsTo = (who: string) =>
      milestones.filter((m) => m.to[0] === who).map((m) => m.mail.subject);
    expect(subjectsTo('ana@x.org')).toHaveLength(3);
    expect(subjectsTo('tom@x.org')).toHaveLength(4);
    // The mentor training is for mentors with a mentee (Eve has none this round).
    expect(subjectsTo('eve@x.org')).toHaveLength(3);
    expect(subjectsTo('bea@x.org')).toContain(
      'Mentoring Program: in your calendar: Mentoring Program: Mentor training',
    );
    expect(new Set(milestones.flatMap((m) => m.to))).toEqual(new Set(ALL_RECIPIENTS));
    const event = milestones[0].mail.attachments.find((a) => a.filename === 'event.ics')!;
    const cal = parseCalendar(event.content.toString('utf8'));
    expect(cal.getFirstPropertyValue('method')).toBeNull();
    expect(cal.getFirstSubcomponent('vevent')!.getFirstPropertyValue('summary')).toMatch(
      /^Mentoring Program: /,
    );
    // Check-ins go to the pair's two people as an iTIP REQUEST.
    const checkins = smtp.received.filter((x) => kindOf(x) === 'checkin');
    expect(checkins.length).toBeGreaterThan(0);
    for (const m of checkins) {
      const ics = m.mail.attachments.find((a) => a.filename === 'invitation.ics')!;
      expect(parseCalendar(ics.content.toString('utf8')).getFirstPropertyValue('method')).toBe(
        'REQUEST',
      );
    }
    const sentFirst = smtp.received.length;

    // The closing celebration moves an hour later: only its invitations go out again.
    const c = configFor(smtp.port);
    const closing = c.milestones.find((m) => m.id === 'closing')!;
    closing.time = '17:00';
    writeFileSync(join(dir, 'mentor.config.json'), JSON.stringify(c, null, 2));
    expect(runCli(['schedule', '--now', '2027-02-01'], { cwd: dir }).code).toBe(0);
    const again = await send(['invitations']);
    expect(again.code, again.stderr).toBe(0);
    const later = smtp.received.slice(sentFirst);
    expect(later.map((m) => m.to[0]).sort()).toEqual([...new Set(ALL_RECIPIENTS)]);
    expect(later.every((m) => /Closing celebration/.test(m.mail.subject ?? ''))).toBe(true);
    const moved = parseCalendar(
      later[0].mail.attachments.find((a) => a.filename === 'event.ics')!.content.toString('utf8'),
    ).getFirstSubcomponent('vevent')!;
    expect(Number(moved.getFirstPropertyValue('sequence'))).toBeGreaterThan(0);
    expect(String(moved.getFirstPropertyValue('dtstart'))).toContain('T17:00:00');
  });
});

describe('intro drafts in step with the pairs', () => {
  it('moves the drafts of an ended pair to intro/old/ and lists the drafts changed since the send', async () => {
    await program();
    const intro = (now = '2027-02-01') => runCli(['intro', '--now', now], { cwd: dir });
    expect(intro().code).toBe(0);
    const drafts = () =>
      readdirSync(join(dir, 'intro'))
        .filter((f) => f.endsWith('.eml'))
        .sort();
    const before = drafts();
    expect(before).toContain('Bea-Kim-Cal-Otto-to-Cal-Otto.eml');
    const sent = await send(['intro']);
    expect(sent.code, sent.stderr).toBe(0);

    // Pair p3 ends and the meeting link changes: p3's drafts are no longer current, the others
    // now differ from what their readers received.
    const c = configFor(smtp.port);
    c.schedule.url = 'https://video.acme.org/room-{pairId}';
    await writeProgram(dir, c, people, matches.slice(0, 2));
    expect(runCli(['schedule', '--now', '2027-02-01'], { cwd: dir }).code).toBe(0);
    const r = intro();
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(
      'Moved 2 draft(s) of pairs no longer current to intro/old/: ' +
        'Bea-Kim-Cal-Otto-to-Bea-Kim.eml, Bea-Kim-Cal-Otto-to-Cal-Otto.eml',
    );
    expect(readdirSync(join(dir, 'intro', 'old')).sort()).toEqual([
      'Bea-Kim-Cal-Otto-to-Bea-Kim.eml',
      'Bea-Kim-Cal-Otto-to-Cal-Otto.eml',
    ]);
    expect(drafts()).toEqual(before.filter((f) => !f.startsWith('Bea-Kim-Cal-Otto')));
    expect(r.stdout).toMatch(
      /4 draft\(s\) changed since `send intro` sent them .*Tom-Lee-Ana-Ruiz-to-Ana-Ruiz\.eml/,
    );
    // A file of the user's own in intro/ is never moved.
    writeFileSync(join(dir, 'intro', 'my-notes.eml'), 'Subject: mine\r\n\r\nkeep\r\n');
    const json = JSON.parse(
      runCli(['intro', '--json', '--now', '2027-02-01'], { cwd: dir }).stdout,
    );
    expect(json.retired).toEqual([]);
    expect(json.changedSinceSent).toHaveLength(4);
    expect(drafts()).toContain('my-notes.eml');
  });
});
