/** What `remind` prints: the reminders due today and what became of them, or the whole calendar. */

import type { ReminderPlanRow } from '../core/reminders/plan.js';
import type { Output } from './output.js';
import { renderTable } from './table.js';

/** The result of `remind`, as JSON for --json. */
export interface RemindReport {
  today: string;
  dryRun: boolean;
  reminders: ReminderPlanRow[];
  queued: number;
  alreadySent: number;
}

const OUTCOME: Record<ReminderPlanRow['status'], string> = {
  sent: 'already sent',
  queued: 'queued',
  due: 'due',
  upcoming: 'upcoming',
  missed: 'missed',
};

/** The reminders due today: a table, then one line saying what to run next. */
export function renderRemindReport(out: Output, report: RemindReport): void {
  if (out.json) return out.resultJson(report);
  const rows = report.reminders.map((r) => [
    r.dueOn,
    r.about,
    r.name,
    r.email,
    report.dryRun && r.status !== 'sent' ? 'would queue' : OUTCOME[r.status],
  ]);
  if (rows.length)
    out.result(
      renderTable(['Due on', 'Reminder', 'Name', 'Email', 'Outcome'], rows, tableWidth(out)),
    );
  if (!rows.length) return out.result(`No reminders due on ${report.today}.`);
  const waiting = report.reminders.length - report.alreadySent;
  out.result(
    `${report.reminders.length} reminder(s) due on ${report.today}: ` +
      `${report.dryRun ? `${waiting} would be queued` : `${waiting} queued in the outbox`}` +
      `${report.alreadySent ? `, ${report.alreadySent} already sent` : ''}.`,
  );
  if (waiting && !report.dryRun)
    out.info('Run `mentor-cli send reminders` to send them (each exactly once).');
}

/** `remind --plan` as a table: every reminder of the program, by day. */
export function renderReminderPlan(out: Output, rows: ReminderPlanRow[], today: string): void {
  if (!rows.length) return out.result('No reminders: no rule applies to anyone yet.');
  out.result(
    renderTable(
      ['Due on', 'Reminder', 'About', 'Name', 'Email', 'Status'],
      rows.map((r) => [r.dueOn, r.rule, r.about, r.name, r.email, r.status]),
      tableWidth(out),
    ),
  );
  const count = (s: ReminderPlanRow['status']) => rows.filter((r) => r.status === s).length;
  out.result(
    `${rows.length} reminder(s) as of ${today}: ${count('sent')} sent, ${count('queued')} queued, ` +
      `${count('due')} due, ${count('upcoming')} upcoming, ${count('missed')} missed.`,
  );
}

const tableWidth = (out: Output) =>
  out.stdout.isTTY && out.stdout.columns ? { width: out.stdout.columns } : {};
