/** The reminder emails of the day, composed from the reminders and their rules' templates. */

import type { ProgramConfig } from '../../../core/config.js';
import type { Reminder, ReminderRule } from '../../../core/reminders/calendar.js';
import { reminderMessage } from '../../../core/reminders/message.js';
import { senderOf } from '../../../core/outbox/placeholders.js';
import { textToHtml } from '../../formats/eml/message.js';
import { outgoing, type OutgoingMail } from './compose.js';

/** One message per reminder, in the reminders' order. */
export function reminderMails(
  reminders: readonly Reminder[],
  templates: Record<ReminderRule, string>,
  config: ProgramConfig,
): OutgoingMail[] {
  const sender = senderOf(config);
  return reminders.map((r) => {
    const { subject, text } = reminderMessage(r, templates[r.rule]);
    const mail = outgoing(
      {
        id: r.id,
        kind: 'reminder',
        path: '',
        draftId: '',
        message: {
          from: config.program.manager,
          to: [r.to],
          subject,
          text,
          html: textToHtml(text),
          attachments: [],
        },
      },
      sender,
    );
    return r.pair ? { ...mail, pair: r.pair } : mail;
  });
}
