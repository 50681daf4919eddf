/**
 * The messages `send` delivers, composed from the current state: intros (plus the kind emails to
 * people left without a partner), the announcement to each active participant, and the calendar
 * invitations and cancellations.
 */

import { createHash } from 'node:crypto';
import type { ProgramConfig } from '../../../core/config.js';
import type { Participant } from '../../../core/types.js';
import type { MatchesState } from '../../../core/matching/state.js';
import type { Candidate } from '../../../core/outbox/plan.js';
import { senderOf } from '../../../core/outbox/placeholders.js';
import { emailKey } from '../../../core/keys.js';
import { renderTemplate } from '../../../core/scheduling/template.js';
import { buildEml, textToHtml, type Mailbox } from '../../formats/eml/message.js';
import { announcementMail, introMails, type MailDraft } from '../intros/emails.js';
import type { PreparedSchedule } from '../schedule/calendars.js';
import { contentBytes } from '../../store/staged-write.js';
import { audienceOf, eventInvitationDrafts } from './event-invitations.js';

/** The kinds `send` knows. */
export const SEND_KINDS = ['intro', 'announcement', 'reminders', 'invitations'] as const;
export type SendKind = (typeof SEND_KINDS)[number];

/** A message ready for the outbox: its candidate record and how to write it. */
export interface OutgoingMail {
  candidate: Candidate;
  /** The pair (unit or match id) it belongs to, for --only. */
  pair?: string;
  /** The message; with `rehearsal`, addressed to that person instead, the subject saying whom for. */
  render: (messageId: string, date: Date, rehearsal?: Mailbox) => string;
}

/** What composing needs besides the schedule. */
export interface ComposeInput {
  prep: PreparedSchedule;
  config: ProgramConfig;
  participants: Participant[];
  matches: MatchesState;
  /** Texts of templates/unmatched-email.txt and unmatched-mentor-email.txt. */
  unmatchedTemplates: { mentee: string; mentor: string };
}

/** Why a mentee has no mentor, in words for the mentee (the run's reason is for the manager). */
const KIND_WHY: Record<string, string> = {
  'no-mentors': 'there were no mentors available in this round',
  'no-allowed':
    "none of this round's mentors could be matched with you under the program's rules " +
    '(for example a shared language, enough common meeting time, or not working in the same team)',
  capacity: 'every mentor who fits what you asked for already has as many mentees as they can take',
  stable: 'every mentor who fits what you asked for already has as many mentees as they can take',
  partial: 'we found fewer mentors for you than you asked for',
  'peer-odd': 'the number of people in your group was odd, so one person had to wait',
};

const splitSubject = (text: string, fallback: string) => {
  const m = /^Subject:[ \t]*(.*)\r?\n(\r?\n)?/.exec(text);
  return m ? { subject: m[1], body: text.slice(m[0].length) } : { subject: fallback, body: text };
};

/** Every message of `kind` but reminders (see reminder-mails.ts), in a stable order. */
export function composeMails(
  kind: Exclude<SendKind, 'reminders'>,
  input: ComposeInput,
): OutgoingMail[] {
  const { prep, config } = input;
  const sender = senderOf(config);
  const drafts =
    kind === 'intro'
      ? [...introMails(prep, config), ...partnerless(input)]
      : kind === 'announcement'
        ? announcementMail(prep, config, activePeople(input.participants))
        : invitationMails(input);
  return drafts.map((d) => outgoing(d, sender));
}

/** The outbox candidate and renderer of a draft, sent from `sender`. */
export function outgoing(d: MailDraft, sender: Mailbox): OutgoingMail {
  const message = { ...d.message, from: sender };
  const to = message.to[0];
  const render = (messageId: string, date: Date, rehearsal?: Mailbox) =>
    buildEml({
      ...message,
      messageId,
      date,
      ...(rehearsal
        ? {
            to: [rehearsal],
            subject: `[Rehearsal for ${to.name} <${to.email}>] ${message.subject}`,
          }
        : {}),
    });
  // The hash leaves out what changes on every run (Date) and per revision (Message-ID).
  const hash = createHash('sha256')
    .update(render('x@x', new Date(0)))
    .digest('hex')
    .slice(0, 32);
  return {
    candidate: {
      id: d.id,
      kind: d.kind,
      to: to.email,
      name: to.name,
      subject: message.subject,
      hash,
    },
    pair: d.id.split(':')[1],
    render,
  };
}

/** Active participants, each once, by email. */
function activePeople(participants: Participant[]): Mailbox[] {
  const seen = new Map<string, Mailbox>();
  for (const p of participants)
    if (p.status === 'active' && p.email && !seen.has(p.email.toLowerCase()))
      seen.set(p.email.toLowerCase(), { name: p.name, email: p.email });
  return [...seen.values()].sort((a, b) => a.email.localeCompare(b.email));
}

/** Kind emails for active mentees with no mentor and active mentors with no mentee. */
function partnerless(input: ComposeInput): MailDraft[] {
  const { config, matches, participants } = input;
  const paired = new Set<string>();
  for (const m of matches.matches)
    if (m.status === 'active') {
      paired.add(m.mentee.toLowerCase());
      paired.add(m.mentor.toLowerCase());
    }
  const lastRun = matches.runs[matches.runs.length - 1];
  const why = new Map((lastRun?.unmatched ?? []).map((u) => [u.email.toLowerCase(), u.code]));
  const mails: MailDraft[] = [];
  for (const p of activePeople(participants)) {
    const email = p.email.toLowerCase();
    const person = participants.find((q) => q.email.toLowerCase() === email);
    if (paired.has(email) || !person || (person.role !== 'mentee' && person.role !== 'mentor'))
      continue;
    const isMentee = person.role === 'mentee';
    const template = isMentee ? input.unmatchedTemplates.mentee : input.unmatchedTemplates.mentor;
    const { subject, body } = splitSubject(template, `${config.program.name}: your match`);
    const values = new Map([
      ['program', config.program.name],
      ['readerName', p.name],
      ['reason', KIND_WHY[why.get(email) ?? ''] ?? 'there were not enough suitable places'],
      ['managerName', config.program.manager.name],
      ['managerEmail', config.program.manager.email],
    ]);
    const text = renderTemplate(body, values);
    mails.push({
      id: `${isMentee ? 'unmatched' : 'no-mentee'}:${email}`,
      kind: isMentee ? 'unmatched' : 'no-mentee',
      path: '',
      draftId: '',
      message: {
        from: config.program.manager,
        to: [p],
        subject: renderTemplate(subject, values),
        text,
        html: textToHtml(text),
        attachments: [],
      },
    });
  }
  return mails;
}

/** Each pair's invitation (and each cancellation) to every attendee but the organizer. */
function invitationMails(input: ComposeInput): MailDraft[] {
  const { prep, config } = input;
  const mails: MailDraft[] = [];
  const organizer = config.program.manager.email.toLowerCase();
  const add = (
    id: string,
    method: 'REQUEST' | 'CANCEL',
    what: string,
    bytes: Uint8Array,
    people: Mailbox[],
  ) => {
    for (const p of people) {
      if (p.email.toLowerCase() === organizer) continue;
      const text =
        method === 'REQUEST'
          ? `Hello ${p.name},\n\nHere is the calendar invitation for ${what}. Please accept it so the meetings land in your calendar.\n\n${config.program.manager.name}\n`
          : `Hello ${p.name},\n\n${what} has been cancelled. Opening the attached update removes it from your calendar.\n\n${config.program.manager.name}\n`;
      mails.push({
        id: `${method === 'REQUEST' ? 'invitation' : 'cancellation'}:${id}:${p.email.toLowerCase()}`,
        kind: method === 'REQUEST' ? 'invitation' : 'cancellation',
        path: '',
        draftId: '',
        message: {
          from: config.program.manager,
          to: [p],
          subject: `${config.program.name}: ${method === 'REQUEST' ? 'invitation' : 'cancelled'}: ${what}`,
          text,
          invitation: bytes,
          attachments: [
            {
              filename: method === 'REQUEST' ? 'invitation.ics' : 'cancellation.ics',
              contentType: `text/calendar; method=${method}; charset=UTF-8`,
              content: bytes,
            },
          ],
        },
      });
    }
  };
  for (const s of prep.plan.series) {
    const path = prep.rendered.pairFiles.get(s.unit.id);
    const content = path === undefined ? undefined : prep.rendered.files.get(path);
    if (content === undefined) continue;
    const people = [s.unit.mentor, ...s.unit.mentees];
    add(
      s.unit.id,
      'REQUEST',
      s.event?.summary ?? 'your mentoring meetings',
      contentBytes(content),
      people,
    );
  }
  const everyone = activePeople(input.participants);
  const byEmail = new Map(everyone.map((m) => [emailKey(m.email), m]));
  for (const [path, content] of prep.rendered.files) {
    if (!path.startsWith('cancellations/')) continue;
    const bytes = contentBytes(content);
    // One UID per cancellation file (iTIP); its event says who was invited.
    const uid = /\r\nUID:([^\r\n]+)/.exec(
      Buffer.from(bytes)
        .toString('utf8')
        .replace(/\r\n[ \t]/g, ''),
    )?.[1];
    const event = prep.reconciled.cancellations.find((c) => c.uid === uid);
    if (!uid || !event) continue;
    // A cancelled milestone lists no attendees: its audience hears of it.
    add(uid, 'CANCEL', event.summary, bytes, audienceOf(event, byEmail, everyone));
  }
  return [...mails, ...eventInvitationDrafts(prep, config, input.participants)];
}
