/**
 * What `send` works from: the current schedule (which must be up to date), the roster, the
 * matches, and every template a message is made from; for reminders, the reminder calendar.
 */

import { UsageError } from '../../errors.js';
import type { ProgramConfig } from '../../core/config.js';
import type { Participant } from '../../core/types.js';
import { emptyMatchesState, type MatchesState } from '../../core/matching/state.js';
import { assertScheduleCurrent } from '../../core/scheduling/freshness.js';
import { readState, type Program } from '../../io/store/program.js';
import { templateText } from '../../io/store/schedule-input.js';
import {
  composeMails,
  type ComposeInput,
  type OutgoingMail,
  type SendKind,
} from '../../io/outputs/mail/compose.js';
import { reminderMails } from '../../io/outputs/mail/reminder-mails.js';
import { dueReminders } from '../../core/reminders/calendar.js';
import { loadReminders } from './remind-input.js';
import type { SmtpSettings } from '../../io/mail/smtp.js';
import { prepareSchedule } from './prepare-schedule.js';

/** The messages of `kind` as they stand at `now`, and the template texts to check for links. */
export async function readOutgoing(
  kind: SendKind,
  program: Program,
  now: Date,
): Promise<{ mails: OutgoingMail[]; templateTexts: Record<string, string> }> {
  if (kind === 'reminders') {
    const r = await loadReminders(program, now);
    const due = dueReminders(r.calendar, program.config, now);
    return {
      mails: reminderMails(due, r.templates, program.config),
      templateTexts: r.templateTexts,
    };
  }
  const input = await readSendInput(program, now);
  return { mails: composeMails(kind, input), templateTexts: input.templateTexts };
}

/** The composing input plus the template texts to check for example links. */
async function readSendInput(
  program: Program,
  now: Date,
): Promise<ComposeInput & { templateTexts: Record<string, string> }> {
  const prep = await prepareSchedule(program, now);
  assertScheduleCurrent(prep.previous !== undefined, prep.reconciled.counts);
  const participants = await readState(program, 'participants', [] as Participant[]);
  const raw = await readState<unknown>(program, 'matches', undefined);
  const matches: MatchesState = Array.isArray(raw)
    ? { ...emptyMatchesState(), matches: raw as MatchesState['matches'] }
    : { ...emptyMatchesState(), ...(raw as Partial<MatchesState> | undefined) };
  const [mentee, mentor] = await Promise.all(
    ['unmatched-email.txt', 'unmatched-mentor-email.txt'].map((n) => templateText(program, n)),
  );
  const templateTexts: Record<string, string> = {
    'intro-email.txt': prep.templates.intro,
    'announcement.txt': prep.templates.announcement,
    'meeting-description.txt': prep.templates.description,
    'unmatched-email.txt': mentee.text,
    'unmatched-mentor-email.txt': mentor.text,
  };
  return {
    prep,
    config: program.config,
    participants,
    matches,
    unmatchedTemplates: { mentee: mentee.text, mentor: mentor.text },
    templateTexts,
  };
}

/** The SMTP settings from config; the password from MENTOR_SMTP_PASSWORD or `ask` on a TTY. */
export async function smtpSettings(
  config: ProgramConfig,
  env: NodeJS.ProcessEnv,
  ask?: (question: string) => Promise<string>,
): Promise<SmtpSettings> {
  const smtp = config.email?.smtp;
  if (!smtp)
    throw new UsageError(
      'No SMTP server set up: email.smtp is missing from mentor.config.json',
      'Add "email": {"smtp": {"host": "smtp.office365.com", "port": 587, "user": "you@org"}} ' +
        '(README "Sending email"), or rehearse with --dry-run',
    );
  let password = env.MENTOR_SMTP_PASSWORD;
  if (smtp.user && password === undefined) {
    if (!ask)
      throw new UsageError(
        `email.smtp.user is "${smtp.user}" but no password was given`,
        'Set the environment variable MENTOR_SMTP_PASSWORD (it is never stored), or run in a terminal to be asked',
      );
    password = await ask(`SMTP password for ${smtp.user} at ${smtp.host}:`);
  }
  return { host: smtp.host, port: smtp.port, secure: smtp.secure, user: smtp.user, password };
}
