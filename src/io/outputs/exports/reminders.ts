/** The reminder calendar (`remind --plan`) as CSV or JSON. */

import type { ReminderPlanRow } from '../../../core/reminders/plan.js';
import { toCsv } from '../../formats/csv/write.js';
import { jsonText } from './format.js';

const HEADERS = ['Due on', 'Reminder', 'About', 'Name', 'Email', 'Pair', 'Status', 'Sent at'];

/** CSV (formula-safe cells) or the JSON document `{today, reminders}`. */
export function reminderPlanData(
  rows: readonly ReminderPlanRow[],
  format: 'csv' | 'json',
  today: string,
): string {
  if (format === 'json') return jsonText({ today, reminders: rows });
  return toCsv(
    HEADERS,
    rows.map((r) => [r.dueOn, r.rule, r.about, r.name, r.email, r.pair, r.status, r.sentAt]),
  );
}
