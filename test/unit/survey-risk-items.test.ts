/**
 * surveys.riskItems: a program's own rating question can also put a pair at risk (issue 12, "the
 * at-risk rules ... can also be set on a custom item in config").
 */

import { describe, expect, it } from 'vitest';
import { linkResponses } from '../../src/core/surveys/link.js';
import { assessPairs, reasonCounts, sortBySeverity } from '../../src/core/surveys/risk.js';
import type { ColumnInfo } from '../../src/core/surveys/classify.js';
import type { SurveyResponse } from '../../src/core/surveys/state.js';
import { configSchema } from '../../src/core/config.js';
import { config, matches, participants } from '../helpers/survey-program.js';

const waves = config.surveys.waves;
const now = new Date('2027-06-30T12:00:00Z');

const listens: ColumnInfo = {
  header: 'My mentor / mentee listens to me',
  kind: 'rating',
  scale: { id: 'agreement', family: 'agreement', min: 1, max: 5, from: 'labels' },
  answered: 3,
};
const columnSets: ColumnInfo[][] = [
  [{ header: 'Email', kind: 'identity', field: 'email', answered: 3 }, listens],
];
let seq = 0;
const answer = (wave: string, email: string, at: string, text: string): SurveyResponse => ({
  id: `x${++seq}`,
  wave,
  email,
  submittedAt: at,
  measures: {},
  answers: [email, text],
  headerSet: 0,
  source: { file: 'pulse.csv', row: seq + 1 },
  seq,
});
const responses = [
  // Alice (m1's mentee) disagrees at the midpoint; Carol (m2's mentee) disagreed at kickoff but
  // agrees at the midpoint: only her latest answer speaks for her.
  answer('midpoint', 'alice@example.com', '2027-04-05T09:00:00Z', 'Disagree'),
  answer('kickoff', 'carol@example.com', '2027-01-14T09:00:00Z', 'Strongly disagree'),
  answer('midpoint', 'carol@example.com', '2027-04-06T09:00:00Z', 'Agree'),
  answer('midpoint', 'bob@example.com', '2027-04-05T10:00:00Z', 'Neither agree nor disagree'),
];
const linked = linkResponses(responses, participants, matches);
const assess = (items: Array<{ question: string; atMost: number }>) =>
  assessPairs(matches, linked, waves, undefined, () => 0, now, undefined, { items, columnSets });
const lowRatings = (items: Array<{ question: string; atMost: number }>) =>
  assess(items).map((h) => [
    h.match.id,
    h.reasons.filter((r) => r.code === 'low-rating').map((r) => r.text),
  ]);

describe('surveys.riskItems', () => {
  it('flags a pair when a side answers the chosen question at or below the threshold', () => {
    expect(lowRatings([{ question: 'listens to me', atMost: 2 }])).toEqual([
      [
        'm1',
        [
          'mentee answered 2 to "My mentor / mentee listens to me" (midpoint; 2 or lower flags a pair)',
        ],
      ],
      ['m2', []],
    ]);
  });
  it('uses the threshold on the question scale: at most 3 also flags the neutral mentor', () => {
    const [m1] = lowRatings([{ question: 'LISTENS', atMost: 3 }]);
    expect(m1[1]).toHaveLength(2);
    expect(m1[1][1]).toMatch(/^mentor answered 3 to/);
  });
  it('does nothing without configured items, or when no header holds the words', () => {
    expect(lowRatings([])).toEqual([
      ['m1', []],
      ['m2', []],
    ]);
    expect(lowRatings([{ question: 'goal clarity', atMost: 5 }])).toEqual([
      ['m1', []],
      ['m2', []],
    ]);
  });
  it('sorts low ratings after concerns and counts them only when rules are set', () => {
    const atRisk = sortBySeverity(assess([{ question: 'listens', atMost: 2 }]));
    expect(reasonCounts(atRisk, true).map((r) => r.code)).toEqual([
      'low-satisfaction',
      'concern',
      'low-rating',
      'few-meetings',
      'no-answer',
    ]);
    expect(reasonCounts(atRisk, true).find((r) => r.code === 'low-rating')?.pairs).toBe(1);
    expect(reasonCounts(atRisk).map((r) => r.code)).not.toContain('low-rating');
  });
  it('is validated by the config schema: a question needs words and a number', () => {
    const base = structuredClone(config);
    const ok = configSchema.safeParse({
      ...base,
      surveys: { ...base.surveys, riskItems: [{ question: 'listens', atMost: 2 }] },
    });
    expect(ok.success).toBe(true);
    const bad = configSchema.safeParse({
      ...base,
      surveys: { ...base.surveys, riskItems: [{ question: '', atMost: 'low' }] },
    });
    expect(bad.success).toBe(false);
  });
});
