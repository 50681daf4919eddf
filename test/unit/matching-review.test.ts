import { describe, expect, it } from 'vitest';
import {
  approvePairs,
  pairStages,
  proposePairs,
  rejectPair,
} from '../../src/core/matching/review.js';
import { emptyMatchesState } from '../../src/core/matching/state.js';
import type { Match } from '../../src/core/types.js';

const pair = (id: string, mentee: string, over: Partial<Match> = {}): Match => ({
  id,
  mentee,
  mentor: 'tom@x.org',
  score: 50,
  reasons: [],
  status: 'active',
  origin: 'optimal',
  createdAt: '2027-01-01T00:00:00Z',
  ...over,
});

describe('review', () => {
  it('proposes new pairs, keeps approved ones approved, and auto-approve stores all approved', () => {
    const previous = [pair('a', 'ana@x.org'), pair('b', 'bo@x.org', { review: 'proposed' })];
    const next = [pair('a', 'ana@x.org'), pair('b', 'bo@x.org'), pair('c', 'cy@x.org')];
    expect(proposePairs(next, previous, false).map((m) => m.review)).toEqual([
      undefined,
      'proposed',
      'proposed',
    ]);
    expect(proposePairs(next, previous, true).map((m) => m.review)).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('approves by id, email or all; reports unknown tokens; rejects into ended', () => {
    const st = {
      ...emptyMatchesState(),
      matches: [
        pair('a', 'ana@x.org', { review: 'proposed' }),
        pair('b', 'bo@x.org', { review: 'proposed' }),
        pair('c', 'cy@x.org', { review: 'proposed' }),
      ],
    };
    const one = approvePairs(st, { tokens: ['A', 'BO@x.org', 'nobody'] });
    expect(one.approved.map((m) => m.id)).toEqual(['a', 'b']);
    expect(one.unknown).toEqual(['nobody']);
    expect(approvePairs(st, { all: true }).approved).toHaveLength(3);
    const now = new Date('2027-02-01T00:00:00Z');
    const r = rejectPair(one.state, 'c', 'too close', now)!;
    expect(r.match).toMatchObject({ status: 'ended', endReason: 'rejected in review: too close' });
    expect(r.match.review).toBeUndefined();
    expect(rejectPair(one.state, 'zz', 'x', now)).toBeUndefined();
    expect(pairStages(r.state.matches, new Set(['a']))).toEqual({
      proposed: 0,
      approved: 2,
      active: 1,
    });
  });
});
