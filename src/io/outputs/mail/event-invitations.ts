/**
 * The invitations of the program's other events: the manager's check-ins with each pair (an iTIP
 * REQUEST to the pair, who are its attendees) and the milestones (a calendar entry to add, one
 * message to each person of its audience: a broadcast event lists no attendees).
 */

import type { ProgramConfig } from '../../../core/config.js';
import type { CalEvent } from '../../../core/scheduling/model.js';
import type { Participant } from '../../../core/types.js';
import { emailKey } from '../../../core/keys.js';
import { buildCalendar, serializeEvent } from '../../formats/ics/write.js';
import type { Mailbox } from '../../formats/eml/message.js';
import type { MailDraft } from '../intros/emails.js';
import type { PreparedSchedule } from '../schedule/calendars.js';

/** One draft per recipient of each live check-in and milestone, in event order. */
export function eventInvitationDrafts(
  prep: PreparedSchedule,
  config: ProgramConfig,
  participants: readonly Participant[],
): MailDraft[] {
  const organizer = emailKey(config.program.manager.email);
  const byEmail = new Map<string, Mailbox>();
  for (const p of participants)
    if (p.status === 'active' && p.email)
      byEmail.set(emailKey(p.email), { name: p.name, email: p.email });
  const everyone = [...byEmail.values()].sort((a, b) => a.email.localeCompare(b.email));
  const drafts: MailDraft[] = [];
  for (const e of prep.reconciled.events) {
    if (e.kind !== 'checkin' && e.kind !== 'milestone') continue;
    const checkin = e.kind === 'checkin';
    const bytes = Buffer.from(
      buildCalendar({
        ...(checkin ? { method: 'REQUEST' as const } : {}),
        timezones: [prep.rendered.timezoneOf(e.tz)],
        events: [serializeEvent(e, checkin ? 'request' : 'publish')],
      }),
    );
    const people = checkin ? e.attendees : audienceOf(e, byEmail, everyone);
    for (const p of people) {
      if (emailKey(p.email) === organizer) continue;
      const text = checkin
        ? `Hello ${p.name},\n\nHere is the calendar invitation for ${e.summary}. Please accept it so it lands in your calendar.\n\n${config.program.manager.name}\n`
        : `Hello ${p.name},\n\nHere is ${e.summary} for your calendar: open the attachment to add it.\n\n${config.program.manager.name}\n`;
      drafts.push({
        id: `${checkin ? 'invitation' : 'milestone'}:${e.uid}:${emailKey(p.email)}`,
        kind: checkin ? 'invitation' : 'milestone',
        path: '',
        draftId: '',
        message: {
          from: config.program.manager,
          to: [{ name: p.name, email: p.email }],
          subject: `${config.program.name}: ${checkin ? 'invitation' : 'in your calendar'}: ${e.summary}`,
          text,
          ...(checkin ? { invitation: bytes } : {}),
          attachments: [
            {
              filename: checkin ? 'invitation.ics' : 'event.ics',
              contentType: checkin
                ? 'text/calendar; method=REQUEST; charset=UTF-8'
                : 'text/calendar; charset=UTF-8',
              content: bytes,
            },
          ],
        },
      });
    }
  }
  return drafts;
}

/** The people a milestone is for: its audience ('*' = every active participant). */
export function audienceOf(
  e: Pick<CalEvent, 'audience' | 'attendees'>,
  byEmail: ReadonlyMap<string, Mailbox>,
  everyone: readonly Mailbox[],
): Mailbox[] {
  if (e.attendees.length) return e.attendees;
  if (e.audience.includes('*')) return [...everyone];
  return e.audience
    .map((a) => byEmail.get(emailKey(a)))
    .filter((m): m is Mailbox => m !== undefined);
}
