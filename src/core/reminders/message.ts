/** A reminder's subject and text, from its rule's template (a first `Subject:` line). */

import { renderTemplate } from '../scheduling/template.js';
import type { Reminder, ReminderRule } from './calendar.js';

/** The template file of each rule, under templates/. */
export const reminderTemplateFile = (rule: ReminderRule): string => `reminder-${rule}.txt`;

/** Subject and body of `reminder` from `template`; values never re-scanned. */
export function reminderMessage(
  reminder: Reminder,
  template: string,
): { subject: string; text: string } {
  const values = new Map(Object.entries(reminder.values));
  const m = /^Subject:[ \t]*(.*)\r?\n(\r?\n)?/.exec(template);
  const subject = m ? m[1] : `${reminder.values.program}: a reminder`;
  const body = m ? template.slice(m[0].length) : template;
  // A subject is one line: participant text in a value must not start a header.
  const line = renderTemplate(subject, values)
    .replace(/[\r\n]+/g, ' ')
    .trim();
  return { subject: line, text: renderTemplate(body, values) };
}
