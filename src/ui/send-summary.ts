/** What `send` prints: the plan, what was sent or failed, and the outbox (`send --status`). */

import type { Decision, OutboxEntry } from '../core/outbox/plan.js';
import { outboxCounts, willSend } from '../core/outbox/plan.js';
import type { Output } from './output.js';
import { renderTable } from './table.js';

const WHY: Record<Decision, string> = {
  new: 'new',
  changed: 'changed since sent',
  resume: 'interrupted, sending again',
  retry: 'failed before, retrying',
  unchanged: 'already sent',
  rejected: 'refused by the server (5xx)',
};

const why = (m: { decision: Decision; queued?: boolean }) =>
  m.queued && m.decision === 'resume' ? 'queued' : WHY[m.decision];

/** The result of planning or sending, as JSON for --json. */
export interface SendReport {
  kind: string;
  dryRun: boolean;
  toMe: boolean;
  counts: Record<Decision, number>;
  messages: Array<{
    id: string;
    kind: string;
    to: string;
    name: string;
    subject: string;
    decision: Decision;
    /** In the outbox as queued, never handed to a server (so not a possible duplicate). */
    queued?: boolean;
    status?: string;
    reply?: string;
  }>;
  sent: number;
  failed: number;
}

/** The report of a run: one row per message that goes (or would go) out, then the counts. */
export function renderSendReport(out: Output, report: SendReport): void {
  if (out.json) return out.resultJson(report);
  const rows = report.messages
    .filter((m) => report.toMe || willSend(m.decision) || m.status === 'failed')
    .map((m) => [
      m.name,
      m.to,
      m.kind,
      m.status ?? (report.dryRun ? `would send (${why(m)})` : why(m)),
      m.reply ?? '',
    ]);
  if (rows.length)
    out.result(renderTable(['Name', 'Email', 'Message', 'Outcome', 'Server reply'], rows));
  const c = report.counts;
  const going = c.new + c.changed + c.resume + c.retry;
  const head = report.toMe
    ? `${report.dryRun ? 'Would send' : 'Sent'} ${report.toMe && !report.dryRun ? report.sent : report.messages.length} rehearsal message(s) to you`
    : report.dryRun
      ? `Would send ${going} ${report.kind} message(s)`
      : `Sent ${report.sent} ${report.kind} message(s)`;
  const parts = [
    c.unchanged ? `${c.unchanged} already sent and unchanged` : '',
    c.rejected ? `${c.rejected} held back after a permanent failure` : '',
    report.failed ? `${report.failed} failed` : '',
  ].filter(Boolean);
  out.result(`${head}${parts.length ? `; ${parts.join(', ')}` : ''}.`);
  const interrupted = report.messages.filter((m) => m.decision === 'resume' && !m.queued).length;
  if (interrupted && !report.dryRun)
    out.warn(
      `${interrupted} message(s) had been interrupted while sending and went out again with the ` +
        'same Message-ID: if the first attempt had reached the server, the recipient may see a ' +
        'duplicate (same Message-ID, so mail clients can tell)',
    );
  if (c.rejected)
    out.info(
      'Fix the addresses of the messages the server refused, or re-send them with --retry-failed.',
    );
}

/** `send --status`: every message of the outbox with its state and the server's last reply. */
export function renderOutbox(out: Output, entries: OutboxEntry[]): void {
  const counts = outboxCounts({ entries });
  if (out.json) return out.resultJson({ counts, messages: entries });
  if (!entries.length) {
    out.result('The outbox is empty: nothing has been sent yet.');
    return;
  }
  const rows = entries.map((e) => [
    e.status,
    e.name,
    e.to,
    e.kind,
    e.sentAt ?? e.updatedAt,
    String(e.attempts),
    e.reply ?? '',
  ]);
  out.result(
    renderTable(['Status', 'Name', 'Email', 'Message', 'When', 'Attempts', 'Server reply'], rows, {
      maxWidth: 60,
    }),
  );
  out.result(
    `${counts.sent} sent, ${counts.queued + counts.sending} queued, ${counts.failed} failed.`,
  );
}
