import { describe, expect, it } from 'vitest';
import {
  afterAttempt,
  backoffMs,
  isPicked,
  planSend,
  queueEntry,
  withEntry,
  type Candidate,
  type OutboxEntry,
} from '../../src/core/outbox/plan.js';
import { findPlaceholders, placeholderRefusal } from '../../src/core/outbox/placeholders.js';
import { defaultConfig } from '../../src/core/config.js';

const now = new Date('2027-02-01T10:00:00Z');
const cand = (id: string, hash = 'h1', to = 'ana@x.org'): Candidate => ({
  id,
  kind: 'intro',
  to,
  name: 'Ana',
  subject: 's',
  hash,
});
const msgId = (id: string, rev: number) => `${id}.${rev}@t`;
const entry = (c: Candidate, over: Partial<OutboxEntry>): OutboxEntry => ({
  ...queueEntry({ candidate: c, decision: 'new' }, msgId, now),
  ...over,
});

describe('planSend', () => {
  it('decides per message: new, changed, interrupted, passing failure, unchanged, refused', () => {
    const outbox = {
      entries: [
        entry(cand('a'), { status: 'sent', sentRevision: 0 }),
        entry(cand('b'), { status: 'sent', sentRevision: 0 }),
        entry(cand('c'), { status: 'sending', attempts: 1 }),
        entry(cand('d'), { status: 'queued' }),
        entry(cand('e'), { status: 'failed', permanent: false }),
        entry(cand('f'), { status: 'failed', permanent: true }),
        entry(cand('g'), { status: 'failed', permanent: true }),
      ],
    };
    const plan = planSend(outbox, [
      cand('a'),
      cand('b', 'h2'),
      cand('c'),
      cand('d'),
      cand('e'),
      cand('f'),
      cand('g', 'h2'),
      cand('new'),
    ]);
    expect(plan.items.map((i) => i.decision)).toEqual([
      'unchanged',
      'changed',
      'resume',
      'resume',
      'retry',
      'rejected',
      'new',
      'new',
    ]);
    expect(plan.counts).toEqual({
      new: 2,
      changed: 1,
      resume: 2,
      retry: 1,
      unchanged: 1,
      rejected: 1,
    });
    expect(planSend(outbox, [cand('f')], { retryRejected: true }).items[0].decision).toBe('retry');
  });

  it('a changed message gets a new revision and Message-ID; an interrupted one keeps its own', () => {
    const sent = entry(cand('a'), { status: 'sent', sentRevision: 0, attempts: 1 });
    const changed = queueEntry(
      { candidate: cand('a', 'h2'), decision: 'changed', entry: sent },
      msgId,
      now,
    );
    expect(changed).toMatchObject({
      revision: 1,
      messageId: 'a.1@t',
      attempts: 0,
      status: 'queued',
      sentRevision: 0,
    });
    const sending = entry(cand('b'), { status: 'sending', attempts: 1 });
    const resumed = queueEntry(
      { candidate: cand('b'), decision: 'resume', entry: sending },
      msgId,
      now,
    );
    expect(resumed).toMatchObject({ revision: 0, messageId: 'b.0@t', attempts: 1 });
  });

  it('records the outcome of an attempt', () => {
    const e = entry(cand('a'), { status: 'sending', attempts: 1 });
    expect(afterAttempt(e, { ok: true, reply: '250 ok' }, now)).toMatchObject({
      status: 'sent',
      sentRevision: 0,
      sentAt: now.toISOString(),
      reply: '250 ok',
    });
    expect(afterAttempt(e, { ok: false, reply: '550 no', permanent: true }, now)).toMatchObject({
      status: 'failed',
      permanent: true,
    });
    const outbox = withEntry({ entries: [e] }, { ...e, status: 'sent' });
    expect(outbox.entries).toHaveLength(1);
    expect(withEntry(outbox, entry(cand('z'), {})).entries.map((x) => x.id)).toEqual(['a', 'z']);
  });

  it('backs off by doubling and picks by pair id or email', () => {
    expect([1, 2, 3].map((n) => backoffMs(n, 5))).toEqual([5000, 10000, 20000]);
    const c = cand('intro:m-1a2b:ana@x.org');
    expect(isPicked(c, [])).toBe(true);
    expect(isPicked(c, ['M-1A2B'])).toBe(true);
    expect(isPicked(c, ['ANA@x.org'])).toBe(true);
    expect(isPicked(c, ['m-1a'])).toBe(false);
  });
});

describe('findPlaceholders', () => {
  it('names each example value still in place, and only the sender for a rehearsal', () => {
    const c = defaultConfig();
    const found = findPlaceholders(c, { 'intro-email.txt': 'Join at https://meet.example.com/x' });
    expect(found).toEqual([
      { setting: 'program.manager.email', value: 'mentoring@example.com' },
      { setting: 'schedule.url', value: 'https://meet.example.com/mentoring-{pairId}' },
      { setting: 'templates/intro-email.txt', value: 'https://meet.example.com/x' },
    ]);
    expect(findPlaceholders(c, {}, true)).toHaveLength(1);
    c.email = { from: 'team@acme.org' };
    c.schedule.url = 'https://teams.acme.org/{pairId}';
    expect(findPlaceholders(c, { 'a.txt': 'see https://acme.org' })).toEqual([]);
    expect(placeholderRefusal(found.slice(0, 1)).message).toBe(
      'Nothing was sent: program.manager.email is still the example "mentoring@example.com"',
    );
  });
});
