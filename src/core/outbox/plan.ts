/**
 * The outbox (.mentor/outbox.json): every message `send` has queued, is sending, sent or failed,
 * and the decisions that make sending exactly once: what to send now, what is unchanged, what is
 * held back.
 */

/** Where a message stands. `sending` is recorded before the server is contacted. */
type OutboxStatus = 'queued' | 'sending' | 'sent' | 'failed';

/** One message of the outbox. */
export interface OutboxEntry {
  /** Stable id, e.g. `intro:<pair>:<email>`: the same message for the same person across runs. */
  id: string;
  kind: string;
  /** Recipient address and name. */
  to: string;
  name: string;
  subject: string;
  /** Hash of the content (recipient, subject, body, attachments; not the Date header). */
  hash: string;
  status: OutboxStatus;
  /** Counts up each time changed content is queued; part of the Message-ID. */
  revision: number;
  /** Attempts for the current revision. */
  attempts: number;
  messageId: string;
  /** The server's last reply (acceptance or error). */
  reply?: string;
  /** A failure the server called permanent (5xx): not retried until the content changes. */
  permanent?: boolean;
  /** Revision last accepted by the server, and when. */
  sentRevision?: number;
  sentAt?: string;
  updatedAt: string;
}

/** The outbox document. */
export interface Outbox {
  entries: OutboxEntry[];
}

/** A message `send` could deliver now, as composed from the current state. */
export interface Candidate {
  id: string;
  kind: string;
  to: string;
  name: string;
  subject: string;
  hash: string;
}

/**
 * Why a candidate is sent or not: never sent, changed since it was sent, interrupted (queued or
 * sending when a run stopped), failed for a passing reason, or not sent: unchanged, failed
 * permanently.
 */
export type Decision = 'new' | 'changed' | 'resume' | 'retry' | 'unchanged' | 'rejected';

/** The plan for one run: each candidate with its decision, in the candidates' order. */
export interface SendPlan {
  items: Array<{ candidate: Candidate; decision: Decision; entry?: OutboxEntry }>;
  /** How many of each decision. */
  counts: Record<Decision, number>;
}

/** True when the decision means the message goes out in this run. */
export const willSend = (d: Decision): boolean =>
  d === 'new' || d === 'changed' || d === 'resume' || d === 'retry';

/** Decides, for each candidate, whether it is sent now; `retryRejected` retries 5xx failures. */
export function planSend(
  outbox: Outbox,
  candidates: Candidate[],
  opts: { retryRejected?: boolean } = {},
): SendPlan {
  const byId = new Map(outbox.entries.map((e) => [e.id, e]));
  const counts: Record<Decision, number> = {
    new: 0,
    changed: 0,
    resume: 0,
    retry: 0,
    unchanged: 0,
    rejected: 0,
  };
  const items = candidates.map((candidate) => {
    const entry = byId.get(candidate.id);
    const decision = decide(entry, candidate, Boolean(opts.retryRejected));
    counts[decision]++;
    return { candidate, decision, entry };
  });
  return { items, counts };
}

function decide(entry: OutboxEntry | undefined, c: Candidate, retryRejected: boolean): Decision {
  if (!entry) return 'new';
  if (entry.hash !== c.hash) return entry.sentRevision === undefined ? 'new' : 'changed';
  if (entry.status === 'sent') return 'unchanged';
  if (entry.status === 'queued' || entry.status === 'sending') return 'resume';
  return entry.permanent && !retryRejected ? 'rejected' : 'retry';
}

/**
 * The entry recorded before a message is sent: a changed message gets a new revision (and so a new
 * Message-ID); an interrupted one keeps its own, so a duplicate is recognisable.
 */
export function queueEntry(
  item: { candidate: Candidate; decision: Decision; entry?: OutboxEntry },
  messageIdOf: (id: string, revision: number) => string,
  now: Date,
): OutboxEntry {
  const { candidate: c, entry, decision } = item;
  const fresh = decision === 'new' || decision === 'changed';
  const revision = fresh ? (entry?.revision ?? 0) + (entry ? 1 : 0) : (entry?.revision ?? 0);
  return {
    id: c.id,
    kind: c.kind,
    to: c.to,
    name: c.name,
    subject: c.subject,
    hash: c.hash,
    status: 'queued',
    revision,
    attempts: fresh || decision === 'retry' ? 0 : (entry?.attempts ?? 0),
    messageId: messageIdOf(c.id, revision),
    ...(entry?.sentRevision !== undefined
      ? { sentRevision: entry.sentRevision, sentAt: entry.sentAt }
      : {}),
    updatedAt: now.toISOString(),
  };
}

/** The outbox with `entry` in place of the one with its id (or added at the end). */
export function withEntry(outbox: Outbox, entry: OutboxEntry): Outbox {
  const at = outbox.entries.findIndex((e) => e.id === entry.id);
  const entries = outbox.entries.slice();
  if (at < 0) entries.push(entry);
  else entries[at] = entry;
  return { entries };
}

/** What happened to one attempt: accepted, or failed (permanent for a 5xx reply). */
export type Attempt =
  { ok: true; reply: string } | { ok: false; reply: string; permanent: boolean };

/** The entry after an attempt. */
export function afterAttempt(entry: OutboxEntry, attempt: Attempt, now: Date): OutboxEntry {
  const at = now.toISOString();
  if (attempt.ok) {
    const { permanent: _p, ...rest } = entry;
    return {
      ...rest,
      status: 'sent',
      reply: attempt.reply,
      sentRevision: entry.revision,
      sentAt: at,
      updatedAt: at,
    };
  }
  return {
    ...entry,
    status: 'failed',
    reply: attempt.reply,
    permanent: attempt.permanent,
    updatedAt: at,
  };
}

/** Entries by status, for `send --status`. */
export function outboxCounts(outbox: Outbox): Record<OutboxStatus, number> {
  const counts: Record<OutboxStatus, number> = { queued: 0, sending: 0, sent: 0, failed: 0 };
  for (const e of outbox.entries) counts[e.status]++;
  return counts;
}

/** Waits between attempts: `baseSeconds` doubled after each failure (attempt 1 waits base). */
export function backoffMs(attempt: number, baseSeconds: number): number {
  return Math.round(baseSeconds * 1000 * 2 ** Math.max(0, attempt - 1));
}

/**
 * True when `--only` picks the candidate: a token equal to its recipient's email or to a part of
 * its id (a pair id such as m-1a2b3c4d, a calendar UID). No tokens pick everything.
 */
export function isPicked(candidate: Candidate, only: readonly string[]): boolean {
  if (!only.length) return true;
  const parts = new Set(candidate.id.toLowerCase().split(':'));
  return only.some((t) => {
    const token = t.trim().toLowerCase();
    return token === candidate.to.toLowerCase() || parts.has(token);
  });
}

/** Ids of the pairs whose intro was accepted by the server for at least one person. */
export function introducedPairs(outbox: Outbox): Set<string> {
  const ids = new Set<string>();
  for (const e of outbox.entries)
    if (e.kind === 'intro' && e.sentRevision !== undefined) ids.add(e.id.split(':')[1]);
  return ids;
}
