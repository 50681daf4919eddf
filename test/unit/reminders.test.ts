/**
 * The reminder rules on a small hand-built program (test/helpers/survey-program.ts): every due day,
 * recipient and meeting time below is worked out by hand from its config (program 2027-01-11 to
 * 2027-06-25, Europe/London; pairs meet every other Monday at 10:00 London from 11 January).
 */

import { describe, expect, it } from 'vitest';
import {
  dueReminders,
  managerToday,
  reminderCalendar,
  type Reminder,
  type ReminderInput,
} from '../../src/core/reminders/calendar.js';
import { reminderMessage } from '../../src/core/reminders/message.js';
import { reminderPlan, withoutStaleReminders } from '../../src/core/reminders/plan.js';
import { reminderSettings } from '../../src/core/reminders/settings.js';
import { queueEntry, type Outbox } from '../../src/core/outbox/plan.js';
import type { ProgramConfig } from '../../src/core/config.js';
import type { SurveyResponse } from '../../src/core/surveys/state.js';
import {
  config as baseConfig,
  matches,
  participants as baseParticipants,
  responses,
  schedule,
} from '../helpers/survey-program.js';

const config = (over: Partial<ProgramConfig> = {}): ProgramConfig => ({
  ...structuredClone(baseConfig),
  ...over,
});
// Alice reads her reminders in New York: 5 hours behind London in winter, 4 from 14 March.
const participants = baseParticipants.map((p) =>
  p.email === 'alice@example.com' ? { ...p, timezone: 'America/New_York' } : p,
);
const input = (now: string, over: Partial<ReminderInput> = {}): ReminderInput => ({
  config: config(),
  participants,
  matches,
  responses,
  schedule,
  now: new Date(now),
  ...over,
});
const brief = (rs: Reminder[]) => rs.map((r) => `${r.dueOn} ${r.rule} ${r.to.email}`);
const of = (rs: Reminder[], rule: Reminder['rule']) => rs.filter((r) => r.rule === rule);

describe('reminderSettings', () => {
  it('fills the documented defaults when the config has no reminders section', () => {
    expect(reminderSettings(undefined)).toEqual({
      catchUpDays: 2,
      survey: { enabled: true, afterDays: [3, 7] },
      noMeeting: { enabled: true, afterDays: 21 },
      firstMeeting: { enabled: true, daysBefore: 2 },
      training: { enabled: true, daysBefore: 7 },
      milestone: { enabled: true, daysBefore: 1 },
    });
    expect(reminderSettings({ survey: { afterDays: [7, 3, 7] } }).survey.afterDays).toEqual([3, 7]);
  });
});

describe('reminderCalendar', () => {
  it('training: mentors whose training is recorded as not done, a week before the start', () => {
    const cal = reminderCalendar(input('2027-01-01T12:00:00Z'));
    // Bob has completed it; Dave has not; mentees are never reminded.
    expect(brief(of(cal, 'training'))).toEqual(['2027-01-04 training dave@example.com']);
    expect(of(cal, 'training')[0].values.trainingSession).toBe(
      'The next session is Mentor training on Mon 11 Jan 2027 at 11:00 (Europe/London).',
    );
  });

  it('first meeting: two days before, at the time each reader sees in their own zone', () => {
    const first = of(reminderCalendar(input('2027-01-01T12:00:00Z')), 'first-meeting');
    expect(brief(first)).toEqual([
      '2027-01-09 first-meeting alice@example.com',
      '2027-01-09 first-meeting bob@example.com',
      '2027-01-09 first-meeting carol@example.com',
      '2027-01-09 first-meeting dave@example.com',
    ]);
    const alice = first.find((r) => r.to.email === 'alice@example.com')!;
    expect(alice.values).toMatchObject({
      partnerName: 'Bob Baker',
      meetingTime: 'Mon 11 Jan 2027 at 05:00 (America/New_York)',
    });
    expect(first.find((r) => r.to.email === 'bob@example.com')!.values.meetingTime).toBe(
      'Mon 11 Jan 2027 at 10:00 (Europe/London)',
    );
    expect(alice.eventAt).toBe(Date.parse('2027-01-11T10:00:00Z'));
  });

  it('milestones: the day before, to their audience (active people only), in local time', () => {
    const ms = of(reminderCalendar(input('2027-01-01T12:00:00Z')), 'milestone');
    const kickoff = ms.filter((r) => r.id.startsWith('reminder:milestone-kickoff:'));
    // Everyone active: Frank has withdrawn; Erin has no partner but is in the program.
    expect(brief(kickoff)).toEqual([
      '2027-01-10 milestone alice@example.com',
      '2027-01-10 milestone bob@example.com',
      '2027-01-10 milestone carol@example.com',
      '2027-01-10 milestone dave@example.com',
      '2027-01-10 milestone erin@example.com',
    ]);
    const training = ms.filter((r) => r.id.startsWith('reminder:milestone-mentor-training:'));
    expect(training.map((r) => r.to.email)).toEqual(['bob@example.com', 'dave@example.com']);
    // The mid-point check-in (Fri 2 April 15:00 London, summer time) for Alice in New York.
    const mid = ms.find((r) => r.id === 'reminder:milestone-midpoint:alice@example.com')!;
    expect(mid.dueOn).toBe('2027-04-01');
    expect(mid.values.milestoneTime).toBe('Fri 2 Apr 2027 at 10:00 (America/New_York)');
    expect(mid.values.inDays).toBe('tomorrow');
  });

  it('surveys: 3 and 7 days after a wave opens, to paired people who have not answered it', () => {
    const cal = reminderCalendar(input('2027-04-20T12:00:00Z'));
    const kickoff = of(cal, 'survey').filter((r) => r.values.wave === 'kickoff');
    // Alice and Bob answered the kickoff wave; Carol and Dave did not; Erin has no pair.
    expect(brief(kickoff)).toEqual([
      '2027-01-14 survey carol@example.com',
      '2027-01-14 survey dave@example.com',
      '2027-01-18 survey carol@example.com',
      '2027-01-18 survey dave@example.com',
    ]);
    const open = of(reminderCalendar(input('2027-01-12T08:00:00Z')), 'survey').filter(
      (r) => r.values.wave === 'kickoff',
    );
    // Before the first answers came in (Alice's on the 12th at 09:00), all four are on the list.
    expect(open.filter((r) => r.dueOn === '2027-01-14')).toHaveLength(4);
    expect(kickoff[0].values).toMatchObject({ opensOn: 'Mon 11 Jan 2027', daysOpen: '3' });
  });

  it('surveys: the link from reminders.survey.url, with the wave name in it', () => {
    const cal = reminderCalendar(
      input('2027-04-20T12:00:00Z', {
        config: config({ reminders: { survey: { url: 'https://forms.org/s?w={wave}' } } }),
      }),
    );
    expect(of(cal, 'survey')[0].values.surveyLink).toBe(
      'The survey is here: https://forms.org/s?w=kickoff',
    );
  });

  it('no meeting: a pair whose latest answers report none, 21 days after it started', () => {
    const none: SurveyResponse = {
      ...responses[0],
      id: 'zero',
      wave: 'kickoff',
      email: 'carol@example.com',
      submittedAt: '2027-01-20T09:00:00Z',
      measures: { meetingsHeld: 0 },
      seq: 99,
    };
    const cal = reminderCalendar(
      input('2027-01-25T12:00:00Z', { responses: [...responses, none] }),
    );
    // Began on the program start (11 Jan; matched on 5 Jan), so 21 days on is 1 February.
    expect(brief(of(cal, 'no-meeting'))).toEqual([
      '2027-02-01 no-meeting carol@example.com',
      '2027-02-01 no-meeting dave@example.com',
    ]);
    expect(of(cal, 'no-meeting')[0].values).toMatchObject({
      partnerName: 'Dave Dunn',
      nextMeeting: 'Mon 8 Feb 2027 at 10:00 (Europe/London)',
    });
    // A later report of a meeting clears it.
    const met = {
      ...none,
      id: 'met',
      submittedAt: '2027-01-26T09:00:00Z',
      measures: { meetingsHeld: 1 },
    };
    const later = reminderCalendar(
      input('2027-02-01T12:00:00Z', { responses: [...responses, none, met] }),
    );
    expect(of(later, 'no-meeting')).toEqual([]);
  });

  it('proposed pairs and switched-off rules give no reminders', () => {
    const proposed = matches.map((m) => ({ ...m, review: 'proposed' as const }));
    const cal = reminderCalendar(input('2027-01-01T12:00:00Z', { matches: proposed }));
    expect(of(cal, 'first-meeting')).toEqual([]);
    expect(of(cal, 'survey')).toEqual([]);
    const off = reminderCalendar(
      input('2027-01-01T12:00:00Z', {
        config: config({
          reminders: { milestone: { enabled: false }, training: { enabled: false } },
        }),
      }),
    );
    expect(of(off, 'milestone')).toEqual([]);
    expect(of(off, 'training')).toEqual([]);
  });
});

describe('dueReminders', () => {
  it('picks today, and up to catchUpDays missed ones whose event is still ahead', () => {
    const at = '2027-01-10T12:00:00Z';
    const cal = reminderCalendar(input(at));
    const due = dueReminders(cal, config(), new Date(at));
    expect([...new Set(due.map((r) => `${r.dueOn} ${r.rule}`))]).toEqual([
      '2027-01-09 first-meeting',
      '2027-01-10 milestone',
    ]);
    // Dave's training reminder (4 January) is six days late: not sent any more.
    expect(due.some((r) => r.rule === 'training')).toBe(false);
    const strict = config({ reminders: { catchUpDays: 0 } });
    expect(dueReminders(cal, strict, new Date(at)).every((r) => r.dueOn === '2027-01-10')).toBe(
      true,
    );
  });

  it('drops a reminder once its event has begun', () => {
    const at = '2027-01-11T12:00:00Z';
    const due = dueReminders(reminderCalendar(input(at)), config(), new Date(at));
    // First meetings (10:00) and the mentor training (11:00) have begun; the kickoff (15:00) not.
    expect(due.some((r) => r.rule === 'first-meeting')).toBe(false);
    expect(due.some((r) => r.id.includes('milestone-mentor-training'))).toBe(false);
    expect(due.filter((r) => r.id.includes('milestone-kickoff'))).toHaveLength(5);
  });

  it("counts days in the manager's time zone", () => {
    const c = config();
    c.program.manager.timezone = 'Pacific/Auckland';
    expect(managerToday(c, new Date('2027-01-10T12:00:00Z'))).toBe('2027-01-11');
    expect(managerToday(config(), new Date('2027-01-10T23:30:00Z'))).toBe('2027-01-10');
  });
});

describe('reminderPlan and the outbox', () => {
  it('says per reminder: sent, queued, due, upcoming or missed', () => {
    const at = '2027-01-10T12:00:00Z';
    const cal = reminderCalendar(input(at));
    const due = dueReminders(cal, config(), new Date(at));
    const sentId = 'reminder:milestone-kickoff:bob@example.com';
    const queuedId = 'reminder:milestone-kickoff:carol@example.com';
    const entry = (id: string) =>
      queueEntry(
        {
          candidate: { id, kind: 'reminder', to: 'x', name: 'x', subject: 's', hash: 'h' },
          decision: 'new',
        },
        (i, r) => `${i}.${r}`,
        new Date(at),
      );
    const outbox: Outbox = {
      entries: [{ ...entry(sentId), status: 'sent', sentRevision: 0, sentAt: at }, entry(queuedId)],
    };
    const rows = reminderPlan(cal, due, outbox, '2027-01-10');
    const status = (id: string) => rows.find((r) => r.id === id)?.status;
    expect(status(sentId)).toBe('sent');
    expect(status(queuedId)).toBe('queued');
    expect(status('reminder:milestone-kickoff:dave@example.com')).toBe('due');
    expect(status('reminder:training:dave@example.com')).toBe('missed');
    expect(status('reminder:milestone-closing:dave@example.com')).toBe('upcoming');
  });

  it('forgets reminders queued on an earlier day that are no longer due, never sent ones only', () => {
    const e = (id: string, over = {}) => ({
      ...queueEntry(
        {
          candidate: { id, kind: 'reminder', to: 'x', name: 'x', subject: 's', hash: 'h' },
          decision: 'new',
        },
        (i, r) => `${i}.${r}`,
        new Date(),
      ),
      ...over,
    });
    const outbox: Outbox = {
      entries: [
        e('old'),
        e('tried', { status: 'sending', attempts: 1 }),
        e('done', { status: 'sent', sentRevision: 0 }),
      ],
    };
    expect(withoutStaleReminders(outbox, []).entries.map((x) => x.id)).toEqual(['tried', 'done']);
  });
});

describe('reminderMessage', () => {
  it('fills the template; a value can never add a header line to the subject', () => {
    const r = reminderCalendar(input('2027-01-01T12:00:00Z')).find((x) => x.rule === 'training')!;
    const evil = { ...r, values: { ...r.values, readerName: 'Dave\r\nBcc: all@corp' } };
    const msg = reminderMessage(
      evil,
      'Subject: Hi {readerName}\n\nHello {readerName}, {startsOn}.\n',
    );
    expect(msg.subject).toBe('Hi Dave Bcc: all@corp');
    expect(msg.text).toBe('Hello Dave\r\nBcc: all@corp, Mon 11 Jan 2027.\n');
  });
});
