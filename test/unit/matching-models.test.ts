import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { runMatching } from '../../src/core/matching/models.js';
import type { MatchRequest } from '../../src/core/matching/request.js';
import { brokenRules } from '../../src/core/matching/rules.js';
import { scorePair } from '../../src/core/matching/score.js';
import { unmatchedReason } from '../../src/core/matching/unmatched.js';
import { auditMatching } from '../../src/core/matching/audit.js';
import { diffMatchings } from '../../src/core/matching/diff.js';
import { parsePairTable } from '../../src/core/matching/pair-scores.js';
import {
  endMatch,
  applyRun,
  emptyMatchesState,
  repeatKeys,
} from '../../src/core/matching/state.js';
import { InputError } from '../../src/errors.js';
import type { Participant } from '../../src/core/types.js';
import { population, settings, P } from '../helpers/matching-gen.js';

const req = (participants: Participant[], over: Partial<MatchRequest> = {}): MatchRequest => ({
  participants,
  settings: settings(),
  model: 'group',
  algorithm: 'optimal',
  defaultCapacity: 2,
  mentorsPerMentee: 1,
  keep: [],
  manual: [],
  ...over,
});

describe('every produced matching honours the hard rules and capacities', () => {
  it.each(['one-to-one', 'group', 'team', 'peer'] as const)('%s', (model) => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), (seed) => {
        const { mentees, mentors } = population(seed, 9, 4);
        const o = runMatching(
          req([...mentees, ...mentors], { model, mentorsPerMentee: model === 'team' ? 2 : 1 }),
        );
        const load = new Map<number, number>();
        const perMentee = new Map<number, Set<number>>();
        for (const p of o.pairs) {
          const a = o.mentees[p.i],
            b = o.mentors[p.j];
          expect(
            brokenRules(
              a,
              b,
              o.model === 'peer' ? settings() : settings(),
              p.origin === 'peer' ? undefined : scorePair(a, b, settings()).score,
            ),
          ).toEqual([]);
          if (model === 'peer') expect(brokenRules(b, a, settings())).toEqual([]);
          load.set(p.j, (load.get(p.j) ?? 0) + 1);
          const set = perMentee.get(p.i) ?? new Set();
          expect(set.has(p.j)).toBe(false);
          set.add(p.j);
          perMentee.set(p.i, set);
        }
        if (model !== 'peer')
          for (const [j, n] of load) expect(n).toBeLessThanOrEqual(o.capacity[j]);
        for (const [, set] of perMentee)
          expect(set.size).toBeLessThanOrEqual(model === 'team' ? 2 : 1);
        // every mentee short of mentors has a reason
        const short = o.mentees.filter(
          (_, i) => (perMentee.get(i)?.size ?? 0) < (model === 'team' ? 2 : 1),
        ).length;
        if (model !== 'peer') expect(o.unmatched.length).toBe(short);
      }),
      { numRuns: 25 },
    );
  });
});

describe('models', () => {
  const mentor = (e: string, over: Partial<Participant> = {}) =>
    P(e, { role: 'mentor', capacity: 2, ...over });
  it('maximises the number matched, then the score, and keeps fixed pairs', () => {
    const ps = [
      P('a@x'),
      P('b@x'),
      mentor('m@x', { capacity: 1 }),
      mentor('n@x', { capacity: 1, avoid: ['a@x'] }),
    ];
    const o = runMatching(req(ps, { settings: settings({ minScore: 0 }) }));
    expect(o.pairs.map((p) => [o.mentees[p.i].email, o.mentors[p.j].email])).toEqual([
      ['a@x', 'm@x'],
      ['b@x', 'n@x'],
    ]);
    const kept = runMatching(
      req(ps, { settings: settings({ minScore: 0 }), manual: [{ mentee: 'b@x', mentor: 'm@x' }] }),
    );
    expect(kept.pairs.map((p) => [o.mentees[p.i].email, o.mentors[p.j].email, p.origin])).toEqual([
      ['b@x', 'm@x', 'manual'],
    ]);
    expect(kept.unmatched).toEqual([
      {
        email: 'a@x',
        name: 'a',
        code: 'capacity',
        reason: 'their only possible mentor is at capacity (best: m, score 21.05)',
      },
    ]); // both gave no availability: working hours assumed, full availability score
  });
  it('explains a mentee nobody can take', () => {
    const ps = [P('a@x', { languages: ['French'] }), mentor('m@x'), mentor('n@x')];
    const o = runMatching(req(ps));
    expect(o.unmatched[0].reason).toBe('no mentor shares a language with them');
  });
});

describe('unmatchedReason', () => {
  it('lists rule counts when several rules exclude everyone', () => {
    const blocked = new Int32Array(16);
    blocked[7] = 3;
    blocked[13] = 2;
    blocked[2] = 1;
    const u = unmatchedReason(
      {
        mentee: P('a@x'),
        mentorCount: 6,
        blocked,
        allowed: 0,
        algorithm: 'optimal',
        demand: 1,
        got: 0,
      },
      settings(),
    );
    expect(u.reason).toBe(
      'no mentor is allowed: 3 share no language, 2 score below the minimum (10), 1 are on an avoid list',
    );
  });
});

describe('audit', () => {
  it('counts choices, rates per group, pools small sensitive groups', () => {
    const g = (v: string) => Object.assign(Object.create(null), { gender: v });
    const ps = [
      P('a@x', { department: 'S', attributes: g('f') }),
      P('b@x', { department: 'S', attributes: g('f') }),
      P('c@x', { department: 'T', attributes: g('m'), languages: ['French'] }),
      P('m@x', { role: 'mentor', capacity: 3, topics: [] }),
    ];
    const o = runMatching(req(ps, { settings: settings({ minScore: 0 }) }));
    const a = auditMatching(o, ['department', 'gender'], settings());
    expect([a.mentees, a.matched, a.matchRate]).toEqual([3, 2, 0.67]);
    expect(a.choices).toEqual([{ choice: '1st', mentees: 2 }]);
    expect(a.groups.map((x) => [x.field, x.value, x.mentees, x.matched])).toEqual([
      ['department', 'S', 2, 2],
      ['department', 'T', 1, 0],
      ['gender', '(groups under 3 people)', 3, 2],
    ]);
  });
});

describe('diff', () => {
  const facts = {
    status: (e: string) => (e === 'w@x' ? ('withdrawn' as const) : ('active' as const)),
    isNew: (e: string) => e === 'new@x',
    blockedWhy: () => undefined,
    unmatchedWhy: () => 'no mentor shares a language with them',
    nameOf: () => '',
  };
  it('says why each pair changed', () => {
    const before = [
      { mentee: 'a@x', mentor: 'w@x', score: 50 },
      { mentee: 'b@x', mentor: 'm@x', score: 40 },
      { mentee: 'c@x', mentor: 'm@x', score: 30 },
      { mentee: 'd@x', mentor: 'n@x', score: 60 },
    ];
    const after = [
      { mentee: 'a@x', mentor: 'm@x', score: 55 },
      { mentee: 'b@x', mentor: 'new@x', score: 70 },
      { mentee: 'c@x', mentor: 'm@x', score: 33 },
      { mentee: 'new@x', mentor: 'n@x', score: 20 },
    ];
    expect(diffMatchings(before, after, facts).map((c) => [c.mentee, c.kind, c.why])).toEqual([
      ['a@x', 'changed', 'previous mentor w@x withdrew'],
      ['b@x', 'changed', 'new@x is a new mentor and fits better (score 70 vs 40)'],
      ['c@x', 'score', 'score changed 30 → 33 (profiles or weights changed)'],
      ['d@x', 'removed', 'now unmatched: no mentor shares a language with them'],
      ['new@x', 'added', 'new mentee'],
    ]);
  });
});

describe('pair-scores table', () => {
  const table = (rows: string[][], headers = ['Mentee email', 'Mentor', 'Fit score']) => ({
    file: 'pairs.csv',
    headerRow: 1,
    headers,
    rows: rows.map((cells, k) => ({ line: k + 2, cells })),
    notes: [],
  });
  const known = new Set(['a@x', 'm@x']);
  it('maps headers loosely and reads decimal commas', () => {
    expect(parsePairTable(table([['A@x', 'm@x', '7,5']]), { score: true, known })).toEqual([
      { mentee: 'A@x', mentor: 'm@x', score: 7.5, row: 2 },
    ]);
  });
  it('names file, row and column for bad cells', () => {
    expect(() =>
      parsePairTable(
        table([
          ['a@x', 'm@x', '1'],
          ['a@x', 'zz@x', '2'],
        ]),
        { score: true, known },
      ),
    ).toThrow('is not a known participant email');
    try {
      parsePairTable(table([['a@x', 'm@x', 'high']]), { score: true, known });
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      expect((e as InputError).toLine()).toBe(
        'pairs.csv, row 2, column "Fit score": "high" is not a number. Use a number such as 72 or 7.5',
      );
    }
  });
});

describe('state', () => {
  it('ending a pair records it in history so it is not repeated', () => {
    const m = {
      id: 'x',
      mentee: 'a@x',
      mentor: 'm@x',
      score: 1,
      reasons: [],
      status: 'active' as const,
      origin: 'optimal' as const,
      createdAt: '2027-01-01T00:00:00.000Z',
    };
    const st = applyRun(emptyMatchesState(), [m], { id: 'r' } as never, undefined);
    const done = endMatch(st, 'M@x', 'a@x', 'moved', new Date('2027-02-01T00:00:00Z'))!;
    expect(done.match).toMatchObject({
      status: 'ended',
      endedAt: '2027-02-01T00:00:00.000Z',
      endReason: 'moved',
    });
    expect([...repeatKeys(done.state)]).toEqual(['a@x\nm@x']);
  });
});
