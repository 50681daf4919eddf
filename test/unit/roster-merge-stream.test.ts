import { describe, expect, it } from 'vitest';
import { mergeParticipants, startMerge } from '../../src/core/roster/merge.js';
import type { Participant } from '../../src/core/types.js';

const person = (email: string, extra: Partial<Participant> = {}): Participant => ({
  email,
  name: email.split('@')[0],
  role: 'mentee',
  languages: ['English'],
  topics: [],
  interests: [],
  availability: [{ day: 1, start: 540, end: 600 }],
  preferences: [],
  avoid: [],
  status: 'active',
  attributes: Object.create(null),
  source: { file: 'a.csv', row: 2 },
  ...extra,
});

describe('startMerge (the stored roster fed one at a time)', () => {
  it('gives the same result as mergeParticipants', () => {
    const existing = [person('a@x.org'), person('c@x.org', { topics: ['Go'] }), person('d@x.org')];
    const incoming = [
      person('c@x.org', { topics: ['Rust'] }),
      person('b@x.org'),
      person('a@x.org', { source: { file: 'b.csv', row: 7 } }),
    ];
    const m = startMerge(incoming);
    for (const p of existing) m.take(p);
    const r = m.finish();
    expect(r).toEqual(mergeParticipants(existing, incoming));
    expect([r.added, r.updated, r.unchanged]).toEqual([['b@x.org'], ['c@x.org'], ['a@x.org']]);
    expect(r.participants.map((p) => p.email)).toEqual([
      'a@x.org',
      'b@x.org',
      'c@x.org',
      'd@x.org',
    ]);
    // Unchanged but from another row: the stored record (and its source) is kept.
    expect(r.participants[0]).toBe(existing[0]);
    expect(r.storedUnchanged).toBe(false);
  });

  it('keeps the incoming object when it equals the stored one down to the source row', () => {
    const stored = person('a@x.org', {
      attributes: Object.assign(Object.create(null), { Office: 'Lyon' }),
    });
    const again = person('a@x.org', { attributes: { Office: 'Lyon' } });
    const r = mergeParticipants([stored], [again]);
    expect(r.unchanged).toEqual(['a@x.org']);
    expect(r.participants[0]).toBe(again);
  });

  it('says when the roster is exactly the stored one (a re-import with no change)', () => {
    const stored = [person('a@x.org'), person('b@x.org')];
    expect(mergeParticipants(stored, [person('b@x.org')]).storedUnchanged).toBe(true);
    expect(mergeParticipants(stored, [person('b@x.org', { name: 'Bea' })]).storedUnchanged).toBe(
      false,
    );
    expect(mergeParticipants(stored, [person('c@x.org')]).storedUnchanged).toBe(false);
    // Not sorted, duplicated or empty: write it again.
    expect(mergeParticipants([stored[1], stored[0]], []).storedUnchanged).toBe(false);
    expect(mergeParticipants([stored[0], stored[0]], []).storedUnchanged).toBe(false);
    expect(mergeParticipants([], []).storedUnchanged).toBe(false);
  });

  it('compares lists, windows and attributes deeply, treating undefined keys as absent', () => {
    const a = person('a@x.org', { goals: undefined });
    expect(mergeParticipants([a], [person('a@x.org')]).unchanged).toEqual(['a@x.org']);
    expect(
      mergeParticipants(
        [a],
        [person('a@x.org', { availability: [{ day: 1, start: 540, end: 601 }] })],
      ).updated,
    ).toEqual(['a@x.org']);
    expect(
      mergeParticipants([a], [person('a@x.org', { languages: ['English', 'French'] })]).updated,
    ).toEqual(['a@x.org']);
    expect(mergeParticipants([a], [person('a@x.org', { goals: 'Lead' })]).updated).toEqual([
      'a@x.org',
    ]);
  });
});
