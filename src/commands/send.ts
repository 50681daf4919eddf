/**
 * `mentor-cli send intro|announcement|reminders|invitations`: delivers the program's emails over SMTP,
 * exactly once per message through the outbox; `--status` lists the outbox.
 */

import type { Ctx } from './context.js';
import { ProblemsError, UsageError } from '../errors.js';
import { isPicked, planSend, willSend } from '../core/outbox/plan.js';
import { findPlaceholders, placeholderRefusal, senderOf } from '../core/outbox/placeholders.js';
import { lockProgram } from '../io/store/program.js';
import { SEND_KINDS, type SendKind } from '../io/outputs/mail/compose.js';
import { deliver, readOutbox, rehearse } from '../io/mail/deliver.js';
import { openMailer } from '../io/mail/smtp.js';
import { readOutgoing, smtpSettings } from './shared/send-input.js';
import { renderOutbox, renderSendReport, type SendReport } from '../ui/send-summary.js';
import { askSecret } from '../ui/prompt.js';

/** The options of `send` (see commands/index.ts). */
export interface SendOptions {
  toMe?: boolean;
  only?: string[];
  dryRun?: boolean;
  status?: boolean;
  retryFailed?: boolean;
}

export async function runSend(ctx: Ctx, kind: string | undefined, opts: SendOptions) {
  const program = await ctx.program();
  if (opts.status) return renderOutbox(ctx.out, (await readOutbox(program)).entries);
  if (!kind || !(SEND_KINDS as readonly string[]).includes(kind))
    throw new UsageError(
      kind ? `Unknown message kind "${kind}"` : 'Say which messages to send',
      `Use one of: ${SEND_KINDS.join(', ')} (or --status to list the outbox)`,
    );
  const toMe = Boolean(opts.toMe);
  const dryRun = Boolean(opts.dryRun);
  const report = await lockProgram(program, 'send', async () => {
    const input = await readOutgoing(kind as SendKind, program, ctx.now);
    const mails = input.mails.filter((m) => isPicked(m.candidate, opts.only ?? []));
    if (opts.only?.length && !mails.length)
      throw new UsageError(
        `--only ${opts.only.join(' ')} picks none of the ${kind} messages`,
        'Give a pair id (see `mentor-cli export matches`) or a recipient email',
      );
    const plan = planSend(
      await readOutbox(program),
      mails.map((m) => m.candidate),
      { retryRejected: opts.retryFailed },
    );
    const report: SendReport = {
      kind,
      dryRun,
      toMe,
      counts: plan.counts,
      messages: plan.items.map(({ candidate: c, decision, entry }) => ({
        ...c,
        decision,
        // Queued by `remind` (or before a crash) but never handed to a server.
        ...(entry?.status === 'queued' ? { queued: true } : {}),
      })),
      sent: 0,
      failed: 0,
    };
    const found = findPlaceholders(program.config, input.templateTexts, toMe);
    if (dryRun) {
      for (const p of found) ctx.out.warn(placeholderRefusal([p]).message);
      return report;
    }
    if (found.length) {
      const refusal = placeholderRefusal(found);
      throw new UsageError(refusal.message, refusal.hint);
    }
    const smtp = await smtpSettings(
      program.config,
      process.env,
      ctx.interactive ? askSecret : undefined,
    );
    const email = program.config.email;
    const pace = {
      perMinute: email?.perMinute ?? 30,
      maxAttempts: email?.maxAttempts ?? 4,
      retryDelaySeconds: email?.retryDelaySeconds ?? 5,
    };
    const sender = senderOf(program.config);
    const mailer = openMailer(smtp);
    try {
      if (toMe) {
        const r = await rehearse(mailer, mails, sender.email, program.config.program.manager, pace);
        return { ...report, sent: r.sent, failed: r.failed.length };
      }
      const byId = new Map(mails.map((m) => [m.candidate.id, m]));
      const items = plan.items
        .filter((i) => willSend(i.decision))
        .map((i) => ({ ...i, mail: byId.get(i.candidate.id)! }));
      const done = await deliver(program, mailer, items, sender.email, pace);
      const outcome = new Map([...done.sent, ...done.failed].map((e) => [e.id, e]));
      report.messages = report.messages.map((m) => {
        const e = outcome.get(m.id);
        return e ? { ...m, status: e.status, reply: e.reply } : m;
      });
      return { ...report, sent: done.sent.length, failed: done.failed.length };
    } finally {
      mailer.close();
    }
  });
  renderSendReport(ctx.out, report);
  if (report.failed)
    throw new ProblemsError(
      `${report.failed} message(s) could not be sent`,
      'See `mentor-cli send --status` for the server replies; a re-run retries passing failures',
    );
}
