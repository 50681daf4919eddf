/** Where each reminder of the calendar stands, for `remind --plan` and `remind`. */

import type { Outbox } from '../outbox/plan.js';
import type { Reminder, ReminderRule } from './calendar.js';

/**
 * sent / queued (in the outbox, not sent yet) / due (today, not queued yet) / upcoming / missed
 * (its day passed, or its event began, before it was sent).
 */
type ReminderStatus = 'sent' | 'queued' | 'due' | 'upcoming' | 'missed';

/** One row of the reminder calendar. */
export interface ReminderPlanRow {
  dueOn: string;
  rule: ReminderRule;
  about: string;
  name: string;
  email: string;
  pair: string | null;
  status: ReminderStatus;
  sentAt: string | null;
  id: string;
}

/** The calendar with each reminder's status; `due` are the reminders due at this run. */
export function reminderPlan(
  calendar: readonly Reminder[],
  due: readonly Reminder[],
  outbox: Outbox,
  today: string,
): ReminderPlanRow[] {
  const byId = new Map(outbox.entries.map((e) => [e.id, e]));
  const dueIds = new Set(due.map((r) => r.id));
  return calendar.map((r) => {
    const entry = byId.get(r.id);
    const status: ReminderStatus =
      entry?.sentRevision !== undefined
        ? 'sent'
        : entry && dueIds.has(r.id)
          ? 'queued'
          : dueIds.has(r.id)
            ? 'due'
            : r.dueOn > today
              ? 'upcoming'
              : 'missed';
    return {
      dueOn: r.dueOn,
      rule: r.rule,
      about: r.about,
      name: r.to.name,
      email: r.to.email,
      pair: r.pair ?? null,
      status,
      sentAt: entry?.sentAt ?? null,
      id: r.id,
    };
  });
}

/**
 * The outbox without reminders queued on an earlier day that are no longer due: never attempted,
 * so dropping them cannot lose a message a server has seen.
 */
export function withoutStaleReminders(outbox: Outbox, due: readonly Reminder[]): Outbox {
  const dueIds = new Set(due.map((r) => r.id));
  return {
    entries: outbox.entries.filter(
      (e) =>
        e.kind !== 'reminder' ||
        dueIds.has(e.id) ||
        e.sentRevision !== undefined ||
        e.status !== 'queued' ||
        e.attempts > 0,
    ),
  };
}
