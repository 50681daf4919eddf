/** `--diff` reasons for every algorithm: a lower score is never called a better option. */

import { describe, expect, it } from 'vitest';
import { diffMatchings, type DiffFacts } from '../../src/core/matching/diff.js';
import { runMatching } from '../../src/core/matching/models.js';
import { finishRun } from '../../src/core/matching/result.js';
import type { Match, Participant } from '../../src/core/types.js';
import { P, settings } from '../helpers/matching-gen.js';

const names: Record<string, string> = { 'a@x': 'Ann', 'b@x': 'Ben', 'm@x': 'Mia', 'n@x': 'Ned' };
const facts = (
  algorithm: 'optimal' | 'stable',
  ranks: Record<string, string[]> = {},
): DiffFacts => ({
  status: () => 'active',
  isNew: () => false,
  blockedWhy: () => undefined,
  unmatchedWhy: () => undefined,
  nameOf: (e) => names[e] ?? '',
  algorithm,
  preferenceRank: (a, b) => (ranks[a] ?? []).indexOf(b) + 1,
});
const why = (
  before: Array<[string, string, number]>,
  after: Array<[string, string, number, string?]>,
  f: DiffFacts,
) =>
  diffMatchings(
    before.map(([mentee, mentor, score]) => ({ mentee, mentor, score })),
    after.map(([mentee, mentor, score, origin]) => ({ mentee, mentor, score, origin })),
    f,
  ).map((c) => [c.mentee, c.why]);

// Optimal (a–n 80, b–m 85) versus stable (a–m 90, b–n 10) on the same scores.
const OPTIMAL: Array<[string, string, number]> = [
  ['a@x', 'n@x', 80],
  ['b@x', 'm@x', 85],
];
const STABLE: Array<[string, string, number]> = [
  ['a@x', 'm@x', 90],
  ['b@x', 'n@x', 10],
];

describe('diff reasons', () => {
  it('optimal: a higher score is a better fit; a lower one is explained by the places going elsewhere', () => {
    expect(why(STABLE, OPTIMAL, facts('optimal'))).toEqual([
      [
        'a@x',
        "Ned (score 80) instead of Mia (score 90): Mia's places now go to other mentees, so that more mentees are matched or the total score is higher",
      ],
      ['b@x', 'better fit: Mia (score 85) instead of Ned (score 10)'],
    ]);
  });
  it('optimal: equal scores are a tie, not an improvement', () => {
    expect(why([['a@x', 'm@x', 50]], [['a@x', 'n@x', 50]], facts('optimal'))).toEqual([
      ['a@x', 'equally good: Ned instead of Mia (both score 50; a tie)'],
    ]);
  });
  it('stable: reasons are about preferences and stability, never "better option"', () => {
    const out = why(OPTIMAL, STABLE, facts('stable'));
    expect(out).toEqual([
      ['a@x', 'stable matching: the mentee ranks Mia (score 90) above Ned (score 80) and got them'],
      [
        'b@x',
        'stable matching: Mia is full with mentees they rank higher, so now Ned (score 10) instead of Mia (score 85)',
      ],
    ]);
  });
  it('stable: explicit rankings come before scores', () => {
    expect(
      why([['a@x', 'n@x', 80]], [['a@x', 'm@x', 20]], facts('stable', { 'a@x': ['m@x', 'n@x'] })),
    ).toEqual([
      [
        'a@x',
        'stable matching: the mentee ranks Mia (score 20) above Ned (score 80) (their 1st choice vs 2nd choice) and got them',
      ],
    ]);
  });
  it('a manual pair says so', () => {
    expect(why([['a@x', 'n@x', 80]], [['a@x', 'm@x', 20, 'manual']], facts('optimal'))).toEqual([
      ['a@x', 'fixed by --manual: Mia (score 20) instead of Ned'],
    ]);
  });
});

describe('diff through a stable re-run', () => {
  const people: Participant[] = [
    P('a@x', { name: 'Ann' }),
    P('b@x', { name: 'Ben' }),
    P('m@x', { name: 'Mia', role: 'mentor', capacity: 1 }),
    P('n@x', { name: 'Ned', role: 'mentor', capacity: 1 }),
  ];
  const given = [
    { mentee: 'a@x', mentor: 'm@x', score: 90 },
    { mentee: 'a@x', mentor: 'n@x', score: 80 },
    { mentee: 'b@x', mentor: 'm@x', score: 85 },
    { mentee: 'b@x', mentor: 'n@x', score: 10 },
  ];
  const run = (algorithm: 'optimal' | 'stable', previous: Match[]) =>
    finishRun({
      outcome: runMatching({
        participants: people,
        settings: settings({ minScore: 0 }),
        model: 'one-to-one',
        algorithm,
        defaultCapacity: 1,
        mentorsPerMentee: 1,
        keep: [],
        manual: [],
        given,
      }),
      settings: settings({ minScore: 0 }),
      participants: people,
      previous,
      now: new Date('2027-01-05T12:00:00Z'),
      scores: 'pairs.csv',
      givenFile: 'pairs.csv',
      by: [],
      includeSensitive: false,
      dryRun: true,
    });
  it('no reason calls a lower score better, and the stable summary counts no extra unmatched', () => {
    const first = run('optimal', []);
    expect(first.matches.map((m) => [m.mentee, m.mentor, m.score])).toEqual(OPTIMAL);
    const second = run('stable', first.matches);
    expect(second.matches.map((m) => [m.mentee, m.mentor, m.score])).toEqual(STABLE);
    expect(second.report.stable).toEqual({ optimalMatched: 2, moreUnmatched: 0 });
    expect(second.report.changes.map((c) => c.why)).toEqual([
      'stable matching: the mentee ranks Mia (score 90) above Ned (score 80) and got them',
      'stable matching: Mia is full with mentees they rank higher, so now Ned (score 10) instead of Mia (score 85)',
    ]);
  });
});
