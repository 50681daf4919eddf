/**
 * The example values `init` writes (mentoring@example.com, meet.example.com): nothing goes out to
 * people while one is still in the sender or in a link they would follow.
 */

import type { ProgramConfig } from '../config.js';

/** One example value still in place, and the setting or file to change. */
export interface Placeholder {
  setting: string;
  value: string;
}

/** Reserved example domains (RFC 2606): no real mailbox or meeting room lives there. */
const EXAMPLE_HOST = /(^|[.@/])example\.(com|org|net)\b/i;

/** The address mail is sent from: email.from, else the program manager's. */
export function senderOf(config: ProgramConfig): { name: string; email: string } {
  return {
    name: config.program.manager.name,
    email: config.email?.from ?? config.program.manager.email,
  };
}

/**
 * Example values left in the sender, the meeting link settings and the templates (`templates`
 * maps a file name to its text). With `senderOnly`, only the sender (a rehearsal to oneself).
 */
export function findPlaceholders(
  config: ProgramConfig,
  templates: Record<string, string>,
  senderOnly = false,
): Placeholder[] {
  const found: Placeholder[] = [];
  const sender = senderOf(config).email;
  if (EXAMPLE_HOST.test(sender))
    found.push({
      setting: config.email?.from ? 'email.from' : 'program.manager.email',
      value: sender,
    });
  if (senderOnly) return found;
  const links: Array<[string, string | undefined]> = [
    ['schedule.url', config.schedule.url],
    ['schedule.location', config.schedule.location],
    ['reminders.survey.url', config.reminders?.survey?.url],
    ...config.milestones.map((m, i): [string, string | undefined] => [
      `milestones[${i}].location`,
      m.location,
    ]),
  ];
  for (const [setting, value] of links)
    if (value && EXAMPLE_HOST.test(value)) found.push({ setting, value });
  for (const [file, text] of Object.entries(templates)) {
    const link = /\bhttps?:\/\/[^\s"'<>)]+/gi;
    for (const m of text.matchAll(link))
      if (EXAMPLE_HOST.test(m[0])) {
        found.push({ setting: `templates/${file}`, value: m[0] });
        break;
      }
  }
  return found;
}

/** The one-line refusal naming every example value still in place and what to set. */
export function placeholderRefusal(found: Placeholder[]): { message: string; hint: string } {
  const list = found.map((p) => `${p.setting} is still the example "${p.value}"`).join('; ');
  return {
    message: `Nothing was sent: ${list}`,
    hint:
      'Set your own sender address and meeting link in mentor.config.json (or the template) ' +
      'first; `send --to-me` rehearses with only the sender set',
  };
}
