/**
 * `mentor-cli remind [--plan]`: queues the reminders due today in the outbox (`send reminders`
 * sends them exactly once), or shows the program's whole reminder calendar.
 */

import type { Ctx } from './context.js';
import type { OutputOptions } from './export.js';
import { UsageError } from '../errors.js';
import { dueReminders, managerToday } from '../core/reminders/calendar.js';
import { reminderPlan, withoutStaleReminders } from '../core/reminders/plan.js';
import { planSend } from '../core/outbox/plan.js';
import { lockProgram } from '../io/store/program.js';
import { queueMails, readOutbox } from '../io/mail/deliver.js';
import { reminderMails } from '../io/outputs/mail/reminder-mails.js';
import { exportFormat } from '../io/outputs/exports/format.js';
import { reminderPlanData } from '../io/outputs/exports/reminders.js';
import { loadReminders } from './shared/remind-input.js';
import { emit } from './shared/emit.js';
import { renderRemindReport, renderReminderPlan } from '../ui/remind-summary.js';

/** The options of `remind` (see commands/index.ts). */
export interface RemindOptions extends OutputOptions {
  plan?: boolean;
}

export async function runRemind(ctx: Ctx, opts: RemindOptions): Promise<void> {
  const program = await ctx.program();
  const today = managerToday(program.config, ctx.now);
  if (opts.plan) {
    const input = await loadReminders(program, ctx.now);
    const due = dueReminders(input.calendar, program.config, ctx.now);
    const rows = reminderPlan(input.calendar, due, await readOutbox(program), today);
    if (!opts.format && !opts.out && !ctx.out.json) return renderReminderPlan(ctx.out, rows, today);
    const format = exportFormat(opts.format, opts.out, ctx.out.json);
    if (format === 'xlsx')
      throw new UsageError('remind --plan writes csv or json', 'Use --format csv or --json');
    return emit(ctx, {
      data: reminderPlanData(rows, format, today),
      format,
      out: opts.out,
      programDir: program.dir,
      force: Boolean(opts.force),
      summary: { rows: rows.length, dryRun: Boolean(opts.dryRun) },
    });
  }
  if (opts.format || opts.out)
    throw new UsageError('--format and --out go with --plan', 'Add --plan to export the calendar');
  const dryRun = Boolean(opts.dryRun);
  const report = await lockProgram(program, 'remind', async () => {
    const input = await loadReminders(program, ctx.now);
    const due = dueReminders(input.calendar, program.config, ctx.now);
    const mails = reminderMails(due, input.templates, program.config);
    const outbox = await readOutbox(program);
    const plan = planSend(
      outbox,
      mails.map((m) => m.candidate),
    );
    const fresh = plan.items
      .map((item, i) => ({ ...item, mail: mails[i] }))
      .filter((i) => i.decision === 'new' || i.decision === 'changed');
    const kept = withoutStaleReminders(outbox, due);
    if (!dryRun && (fresh.length || kept.entries.length !== outbox.entries.length))
      await queueMails(program, kept, fresh);
    const after = dryRun ? outbox : await readOutbox(program);
    const rows = reminderPlan(due, due, after, today);
    return {
      today,
      dryRun,
      reminders: rows,
      queued: dryRun ? 0 : fresh.length,
      alreadySent: rows.filter((r) => r.status === 'sent').length,
    };
  });
  renderRemindReport(ctx.out, report);
}
