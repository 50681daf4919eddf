import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeParticipants } from '../../src/core/roster/merge.js';
import { checkReferences } from '../../src/core/roster/references.js';
import type { Participant } from '../../src/core/types.js';

const person = (email: string, extra: Partial<Participant> = {}): Participant => ({
  email,
  name: email.split('@')[0],
  role: 'mentee',
  languages: [],
  topics: [],
  interests: [],
  availability: [],
  preferences: [],
  avoid: [],
  status: 'active',
  attributes: Object.create(null),
  ...extra,
});

describe('mergeParticipants', () => {
  it('adds new people, updates changed ones, leaves the rest and sorts by email', () => {
    const existing = [person('c@x.org'), person('a@x.org', { topics: ['Go'] }), person('z@x.org')];
    const incoming = [
      person('b@x.org'),
      person('a@x.org', { topics: ['Rust'] }),
      person('c@x.org', { source: { file: 'new.csv', row: 9 } }),
    ];
    const r = mergeParticipants(existing, incoming);
    expect(r.participants.map((p) => p.email)).toEqual([
      'a@x.org',
      'b@x.org',
      'c@x.org',
      'z@x.org',
    ]);
    expect(r.participants[0].topics).toEqual(['Rust']);
    expect([r.added, r.updated, r.unchanged]).toEqual([['b@x.org'], ['a@x.org'], ['c@x.org']]);
    expect(r.problems).toEqual([]);
  });

  it('ignores key order and source when comparing, but not attributes', () => {
    const a = person('a@x.org');
    const reordered = { ...a, source: { file: 'other.csv', row: 3 } };
    expect(mergeParticipants([a], [reordered]).unchanged).toEqual(['a@x.org']);
    const attrs: Record<string, string> = Object.create(null);
    attrs.Office = 'Lyon';
    expect(mergeParticipants([a], [person('a@x.org', { attributes: attrs })]).updated).toEqual([
      'a@x.org',
    ]);
  });

  it('keeps the later row of a duplicate and names both rows', () => {
    const r = mergeParticipants(
      [],
      [
        person('a@x.org', { name: 'Old', source: { file: 'a.csv', row: 4 } }),
        person('a@x.org', { name: 'New', source: { file: 'b.xlsx', sheet: 'Mentors', row: 9 } }),
      ],
    );
    expect(r.participants.map((p) => p.name)).toEqual(['New']);
    expect(r.problems).toEqual([
      {
        severity: 'warning',
        code: 'duplicate-email',
        message:
          'email "a@x.org" appears in a.csv row 4 and b.xlsx sheet "Mentors" row 9; kept b.xlsx sheet "Mentors" row 9 (the later row)',
        hint: 'Delete the outdated row if this is not what you want',
        location: { file: 'a.csv', sheet: undefined, row: 4 },
      },
    ]);
  });

  it('prefers the latest form timestamp over file order and mentions differing roles', () => {
    const r = mergeParticipants(
      [],
      [
        person('a@x.org', {
          role: 'mentor',
          submittedAt: '2026-02-01T00:00:00.000Z',
          source: { file: 'a.csv', row: 2 },
        }),
        person('a@x.org', {
          role: 'mentee',
          submittedAt: '2026-01-01T00:00:00.000Z',
          source: { file: 'a.csv', row: 3 },
        }),
      ],
    );
    expect(r.participants[0].role).toBe('mentor');
    expect(r.problems[0].message).toBe(
      'email "a@x.org" appears in a.csv row 2 and a.csv row 3; kept a.csv row 2 (the latest submission); the rows give different roles (mentee, mentor), write both if they are both',
    );
    expect(r.problems[0].location?.row).toBe(3);
  });

  const personArb = fc
    .record({
      email: fc.constantFrom('a@x.org', 'b@x.org', 'c@x.org', 'd@x.org'),
      name: fc.constantFrom('Ana', 'Bo', 'Chidi'),
      role: fc.constantFrom<'mentor' | 'mentee' | 'both'>('mentor', 'mentee', 'both'),
      topics: fc.array(fc.constantFrom('Go', 'Rust', 'Sales'), { maxLength: 3 }),
      submittedAt: fc.option(
        fc.constantFrom('2026-01-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z'),
        { nil: undefined },
      ),
      row: fc.integer({ min: 2, max: 50 }),
    })
    .map(({ row, submittedAt, ...rest }) =>
      person(rest.email, {
        ...rest,
        ...(submittedAt ? { submittedAt } : {}),
        source: { file: 'f.csv', row },
      }),
    );

  it('is idempotent: merging the same incoming twice changes nothing the second time', () => {
    fc.assert(
      fc.property(
        fc.array(personArb, { maxLength: 6 }),
        fc.array(personArb, { maxLength: 10 }),
        (existing, incoming) => {
          const stored = mergeParticipants([], existing).participants;
          const once = mergeParticipants(stored, incoming);
          const twice = mergeParticipants(once.participants, incoming);
          expect(twice.added).toEqual([]);
          expect(twice.updated).toEqual([]);
          expect(twice.unchanged).toEqual([...new Set(incoming.map((p) => p.email))].sort());
          expect(twice.participants).toEqual(once.participants);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('checkReferences', () => {
  it('warns about preferences, avoid lists and managers naming nobody in the roster', () => {
    const roster = [
      person('a@x.org', {
        preferences: ['b@x.org', 'ghost@x.org'],
        avoid: ['nobody@x.org'],
        managerEmail: 'boss@x.org',
        source: { file: 'f.csv', row: 2 },
      }),
      person('b@x.org', { preferences: ['a@x.org'], managerEmail: 'a@x.org' }),
    ];
    const problems = checkReferences(roster, { preferences: 'Preferred mentors' });
    expect(problems.map((p) => [p.code, p.message, p.location])).toEqual([
      [
        'preference-unknown',
        'a@x.org prefers ghost@x.org, who is not in the roster',
        { file: 'f.csv', sheet: undefined, row: 2, column: 'Preferred mentors' },
      ],
      [
        'avoid-unknown',
        'a@x.org asks to avoid nobody@x.org, who is not in the roster',
        { file: 'f.csv', sheet: undefined, row: 2, column: 'avoid' },
      ],
      [
        'manager-unknown',
        "a@x.org's manager boss@x.org is not in the roster",
        { file: 'f.csv', sheet: undefined, row: 2, column: 'managerEmail' },
      ],
    ]);
  });
});
