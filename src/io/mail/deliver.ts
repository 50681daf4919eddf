/**
 * Delivering the planned messages exactly once: each is recorded in the outbox before it is sent,
 * marked `sending` before the server is contacted and `sent` once the server accepts it; passing
 * failures are retried with backoff at the configured pace.
 */

import { setTimeout as sleep } from 'node:timers/promises';
import {
  afterAttempt,
  backoffMs,
  queueEntry,
  withEntry,
  type Decision,
  type Outbox,
  type OutboxEntry,
} from '../../core/outbox/plan.js';
import { stableHash } from '../../core/scheduling/ids.js';
import type { Mailbox } from '../formats/eml/message.js';
import type { OutgoingMail } from '../outputs/mail/compose.js';
import { readState, writeState, type Program } from '../store/program.js';
import type { Mailer } from './smtp.js';

/** The outbox of the program (empty before the first send). */
export async function readOutbox(program: Program): Promise<Outbox> {
  const doc = await readState<Outbox>(program, 'outbox', { entries: [] });
  return { entries: Array.isArray(doc.entries) ? doc.entries : [] };
}

/** The Message-ID of revision `revision` of outbox message `id`: a duplicate carries the same. */
const messageIdOf = (programId: string, id: string, revision: number): string =>
  `${stableHash(programId, 'outbox', id).slice(0, 24)}.${revision}@mentor-cli`;

/** How `deliver` paces and retries. */
export interface Pace {
  perMinute: number;
  maxAttempts: number;
  retryDelaySeconds: number;
}

/** What one run did. */
export interface Delivered {
  sent: OutboxEntry[];
  failed: OutboxEntry[];
}

/** Sends `items` in order, recording each step in the outbox; call inside `lockProgram`. */
export async function deliver(
  program: Program,
  mailer: Mailer,
  items: Array<{ mail: OutgoingMail; decision: Decision; entry?: OutboxEntry }>,
  from: string,
  pace: Pace,
  onSent: (entry: OutboxEntry) => void = () => undefined,
): Promise<Delivered> {
  const clock = () => new Date();
  let outbox = await readOutbox(program);
  const queued = items.map((item) => {
    const entry = queueEntry(
      { candidate: item.mail.candidate, decision: item.decision, entry: item.entry },
      (id, rev) => messageIdOf(program.config.program.name, id, rev),
      clock(),
    );
    outbox = withEntry(outbox, entry);
    return { mail: item.mail, entry };
  });
  // Every message is in the outbox before the first one goes out.
  if (queued.length) await writeState(program, 'outbox', outbox, clock());
  const done: Delivered = { sent: [], failed: [] };
  const interval = 60_000 / pace.perMinute;
  let last = -Infinity;
  for (const item of queued) {
    const { mail } = item;
    let { entry } = item;
    for (;;) {
      const wait = last + interval - Date.now();
      if (wait > 0) await sleep(wait);
      entry = { ...entry, status: 'sending', attempts: entry.attempts + 1 };
      outbox = withEntry(outbox, entry);
      await writeState(program, 'outbox', outbox, clock());
      last = Date.now();
      const attempt = await mailer.send(mail.render(entry.messageId, clock()), from, entry.to);
      entry = afterAttempt(entry, attempt, clock());
      outbox = withEntry(outbox, entry);
      await writeState(program, 'outbox', outbox, clock());
      if (attempt.ok || attempt.permanent || entry.attempts >= pace.maxAttempts) break;
      await sleep(backoffMs(entry.attempts, pace.retryDelaySeconds));
    }
    if (entry.status === 'sent') {
      done.sent.push(entry);
      onSent(entry);
    } else done.failed.push(entry);
  }
  return done;
}

/** Sends every message to `manager` instead (a rehearsal): nothing is recorded in the outbox. */
export async function rehearse(
  mailer: Mailer,
  mails: OutgoingMail[],
  from: string,
  manager: Mailbox,
  pace: Pace,
): Promise<{ sent: number; failed: Array<{ for: string; reply: string }> }> {
  const interval = 60_000 / pace.perMinute;
  const failed: Array<{ for: string; reply: string }> = [];
  for (const [i, mail] of mails.entries()) {
    if (i) await sleep(interval);
    const stamp = new Date();
    const id = `${stableHash('rehearsal', mail.candidate.id, stamp.toISOString()).slice(0, 24)}@mentor-cli`;
    const attempt = await mailer.send(mail.render(id, stamp, manager), from, manager.email);
    if (!attempt.ok) failed.push({ for: mail.candidate.to, reply: attempt.reply });
  }
  return { sent: mails.length - failed.length, failed };
}

/**
 * Records `items` in `outbox` as queued, without sending (`remind`: `send reminders` sends them);
 * writes the outbox; call inside `lockProgram`.
 */
export async function queueMails(
  program: Program,
  outbox: Outbox,
  items: Array<{ mail: OutgoingMail; decision: Decision; entry?: OutboxEntry }>,
): Promise<void> {
  const now = new Date();
  let next = outbox;
  for (const item of items)
    next = withEntry(
      next,
      queueEntry(
        { candidate: item.mail.candidate, decision: item.decision, entry: item.entry },
        (id, rev) => messageIdOf(program.config.program.name, id, rev),
        now,
      ),
    );
  await writeState(program, 'outbox', next, now);
}
