/**
 * Growth from kickoff to close (issue 13): baseline self-ratings asked in the first wave and again
 * later, compared per person; only people who answered both count.
 */

import { describe, expect, it } from 'vitest';
import { computeKpis, type KpiInput } from '../../src/core/kpi/compute.js';
import type { ColumnInfo } from '../../src/core/surveys/classify.js';
import type { SurveyResponse } from '../../src/core/surveys/state.js';
import { config, matches, participants } from '../helpers/survey-program.js';
import { renderReportMarkdown } from '../../src/ui/report-md.js';

const numeric = (min: number, max: number) =>
  ({ id: 'numeric', family: 'numeric', min, max, from: 'wording' }) as ColumnInfo['scale'];
const speaking: ColumnInfo = {
  header: 'Self-rating: speaking up (1 = just starting, 5 = very strong)',
  kind: 'rating',
  scale: numeric(1, 5),
  answered: 1,
};
const career: ColumnInfo = {
  header: 'Self-rating: planning my career (1-10)',
  kind: 'rating',
  scale: numeric(1, 10),
  answered: 1,
};
const columnSets: ColumnInfo[][] = [
  [{ header: 'Email', kind: 'identity', field: 'email', answered: 1 }, speaking, career],
];
let seq = 0;
const answer = (wave: string, email: string, at: string, a: string, b: string): SurveyResponse => ({
  id: `g${++seq}`,
  wave,
  email,
  submittedAt: at,
  measures: {},
  answers: [email, a, b],
  headerSet: 0,
  source: { file: 'pulse.csv', row: seq + 1 },
  seq,
});
const K = '2027-01-14T09:00:00Z';
const F = '2027-06-26T09:00:00Z';
const responses = [
  // Alice (mentee): 2 -> 4 on 1-5 (+2), 3 -> 3 on 1-10 (0).
  answer('kickoff', 'alice@example.com', K, '2', '3'),
  answer('final', 'alice@example.com', F, '4', '3'),
  // Bob (mentor): 4 -> 3 on 1-5 (-1); career not answered at the final.
  answer('kickoff', 'bob@example.com', K, '4', '5'),
  answer('final', 'bob@example.com', F, '3', ''),
  // Carol (mentee): 3 -> 3, 1 -> 10 (+9 on 1-10 = +4 on a 1-5 footing).
  answer('kickoff', 'carol@example.com', K, '3', '1'),
  answer('final', 'carol@example.com', F, '3', '10'),
  // Dave answered only at kickoff: no change to measure.
  answer('kickoff', 'dave@example.com', K, '1', '1'),
];
const input: KpiInput = {
  config,
  participants,
  matches,
  responses,
  now: new Date('2027-06-30T12:00:00Z'),
  surveyColumns: columnSets,
};

describe('growth from kickoff to close', () => {
  const r = computeKpis(input);
  const kpi = (id: string) => r.kpis.find((k) => k.id === id)?.value;

  it('compares each item per person and side, on its own scale', () => {
    expect(r.growth?.fromWave).toBe('kickoff');
    expect(r.growth?.toWave).toBe('final');
    const item = (side: string, q: string) =>
      r.growth?.items.find((i) => i.side === side && i.question.includes(q));
    expect(item('mentee', 'speaking')).toMatchObject({
      people: 2,
      before: 2.5,
      after: 3.5,
      change: 1,
      improved: 1,
      same: 1,
      declined: 0,
      changes: [
        { change: 0, people: 1 },
        { change: 2, people: 1 },
      ],
    });
    expect(item('mentee', 'career')).toMatchObject({ people: 2, change: 4.5, scale: '1-10' });
    expect(item('mentor', 'speaking')).toMatchObject({ people: 1, change: -1, declined: 1 });
    // Bob left the career question empty at the final: no pair of answers.
    expect(item('mentor', 'career')).toBeUndefined();
  });

  it('summarises per person on a 1-5 footing: who answered both, who improved', () => {
    // Alice: mean(+2, 0) = 1; Carol: mean(0, 9 * 4 / 9 = 4) = 2; Bob: -1. Dave: kickoff only.
    expect(kpi('growth.people')).toBe(3);
    expect(kpi('growth.improved')).toBe(0.6667);
    expect(kpi('growth.change')).toBe(0.67);
    expect(kpi('growth.improved.mentee')).toBe(1);
    expect(kpi('growth.improved.mentor')).toBe(0);
    expect(r.growth?.mentee.people).toBe(2);
  });

  it('is a section of the Markdown report, aggregates only', () => {
    const md = renderReportMarkdown(r);
    expect(md).toContain('## Growth from kickoff to final');
    expect(md).toContain('3 people answered the baseline questions in both waves');
    expect(md).toMatch(
      /\| mentees \| Self-rating: speaking up .* \| 2 \| 2\.50 \| 3\.50 \| 1\.00 \| 1 \/ 1 \/ 0 \|/,
    );
  });

  it('is absent when no rating question is asked in two waves', () => {
    const once = computeKpis({ ...input, responses: responses.filter((x) => x.wave === 'final') });
    expect(once.growth).toBeUndefined();
    expect(once.kpis.some((k) => k.section === 'Growth')).toBe(false);
  });
});
