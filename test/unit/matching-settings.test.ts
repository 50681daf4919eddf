/** Minimum score with --pair-scores on another scale, and the capacity warning for every model. */

import { describe, expect, it } from 'vitest';
import { capacityWarnings, chooseMinScore } from '../../src/core/matching/settings.js';
import { P } from '../helpers/matching-gen.js';

const file = (scores: number[]) => ({ scores, count: scores.length, file: 'ratings.csv' });

describe('chooseMinScore', () => {
  it('criteria scores: the config minimum, or --min-score', () => {
    expect(chooseMinScore(10, undefined)).toEqual({ minScore: 10 });
    expect(chooseMinScore(10, 0)).toEqual({ minScore: 0 });
  });
  it('a 1-5 rating file: matching.minScore (0-100) is not applied, with a note naming --min-score', () => {
    expect(chooseMinScore(10, undefined, file([1, 3, 5, 4]))).toEqual({
      minScore: 0,
      note: 'ratings.csv: scores go up to 5, a rating scale rather than 0-100, so matching.minScore (10) is not applied; add --min-score N for a minimum on your scale',
    });
    expect(chooseMinScore(0, undefined, file([1, 3]))).toEqual({ minScore: 0 });
  });
  it('an explicit --min-score on a rating file is applied as given', () => {
    expect(chooseMinScore(10, 3, file([1, 3, 5, 4]))).toEqual({ minScore: 3 });
    expect(chooseMinScore(10, 4.5, file([1, 3, 5, 4]))).toEqual({
      minScore: 4.5,
      warning:
        "ratings.csv: 3 of 4 scores are below the minimum score 4.5 (--min-score), so those pairs are never made; set --min-score on your file's scale (e.g. --min-score 0)",
    });
  });
  it('a 0-100 file: the config minimum applies, with a warning when most scores are below it', () => {
    expect(chooseMinScore(10, undefined, file([50, 80, 5]))).toEqual({ minScore: 10 });
    expect(chooseMinScore(60, undefined, file([50, 80, 5]))).toEqual({
      minScore: 60,
      warning:
        "ratings.csv: 2 of 3 scores are below the minimum score 60 (matching.minScore), so those pairs are never made; set --min-score on your file's scale (e.g. --min-score 0)",
    });
  });
});

describe('capacityWarnings', () => {
  const mentees = (n: number) => Array.from({ length: n }, (_, i) => P(`e${i}@x`));
  const mentors = (caps: number[]) =>
    caps.map((c, j) => P(`m${j}@x`, { role: 'mentor', capacity: c }));
  it.each<[string, number, number[], number, string[]]>([
    ['enough places', 4, [2, 2], 1, []],
    [
      'one-to-one short by 2',
      5,
      [2, 1],
      1,
      [
        '3 mentor places for 5 mentees: at least 2 mentees will stay unmatched (raise mentor capacity or recruit mentors)',
      ],
    ],
    [
      'team of 2: 67 places for 42 mentees (84) leaves 9 short, not 17',
      42,
      [...Array(33).fill(2), 1],
      2,
      [
        '67 mentor places for 42 mentees × 2 mentors each (84): at least 9 mentees will get fewer than 2 mentors',
      ],
    ],
    [
      'team of 3: 7 places for 3 mentees',
      3,
      [4, 3],
      3,
      [
        '7 mentor places for 3 mentees × 3 mentors each (9): at least 1 mentee will get fewer than 3 mentors',
      ],
    ],
    ['no mentors: an error elsewhere, no warning here', 3, [], 1, []],
  ])('%s', (_, n, caps, k, expected) => {
    expect(capacityWarnings(mentees(n), mentors(caps), 2, k)).toEqual(expected);
  });
});
