/**
 * The KPI definitions issue 13 fixed, each on a small variation of the hand-built program:
 * "both" matched only as mentor, unknown training, retention vs completion, at-risk counted once
 * per pair, cohorts without a blank group, late joiners' meetings from the day they joined.
 */

import { describe, expect, it } from 'vitest';
import { computeKpis, type KpiInput } from '../../src/core/kpi/compute.js';
import { joinedDay } from '../../src/core/surveys/meetings.js';
import type { Match, Participant } from '../../src/core/types.js';
import {
  config,
  matches,
  NOW,
  participants,
  responses,
  schedule,
} from '../helpers/survey-program.js';

const base: KpiInput = { config, participants, matches, responses, schedule, now: NOW };
const value = (input: KpiInput, id: string, by: string[] = []) =>
  computeKpis(input, { by }).kpis.find((k) => k.id === id)?.value;
const withPeople = (change: (p: Participant) => Participant): KpiInput => ({
  ...base,
  participants: participants.map(change),
});

describe('matched mentees', () => {
  it('a "both" who only mentors is not a matched mentee', () => {
    // Carol becomes "both" and mentors Erin: she is no longer mentored (m2 ended).
    const input: KpiInput = {
      ...withPeople((p) => (p.email === 'carol@example.com' ? { ...p, role: 'both' } : p)),
      matches: [
        matches[0],
        { ...matches[1], status: 'ended' },
        { ...matches[1], id: 'm3', mentee: 'erin@example.com', mentor: 'carol@example.com' },
      ],
    };
    // Mentee side: alice (matched), carol (both, mentoring only), erin (matched) = 2 of 3; counting
    // Carol's mentoring as a match gave 3 of 3.
    expect(value(input, 'matchRate')).toBe(0.6667);
  });
});

describe('mentor training', () => {
  it('a mentor with no training record is unknown, not "not trained"', () => {
    const input = withPeople((p) =>
      p.email === 'dave@example.com' ? { ...p, trainingCompleted: undefined } : p,
    );
    // Bob trained, Dave unknown: 1 of 1 known (was 1 of 2 when unknown counted as no).
    expect(value(input, 'trainingCompletion')).toBe(1);
    expect(value(input, 'trainingUnknown')).toBe(1);
    expect(value(base, 'trainingUnknown')).toBe(0);
  });
});

describe('retention and completion', () => {
  it('a withdrawal after matching is a loss, one before matching is not; completion follows pairs', () => {
    const input: KpiInput = {
      ...withPeople((p) => (p.email === 'carol@example.com' ? { ...p, status: 'withdrawn' } : p)),
      matches: [matches[0], { ...matches[1], status: 'ended' }],
    };
    // Matched people: alice, bob, carol, dave; carol withdrew: 3 of 4.
    expect(value(input, 'retention')).toBe(0.75);
    // Frank never matched: his withdrawal is on its own line.
    expect(value(input, 'withdrewBeforeMatch')).toBe(1);
    // 1 of 2 pairs formed is still together.
    expect(value(input, 'completion')).toBe(0.5);
    const label = computeKpis(input).kpis.find((k) => k.id === 'completion')?.label;
    expect(label).toBe('Pair completion (pairs formed still together, to date)');
  });
});

describe('breakdowns', () => {
  it('an at-risk pair counts once, in its mentee group, so the groups add up to the total', () => {
    const r = computeKpis(base, { by: ['department'] });
    const groups = r.breakdowns[0].groups;
    const sum = groups.reduce((s, g) => s + (g.atRiskPairs ?? 0), 0);
    expect(sum).toBe(r.atRisk.length);
  });
  it('says which wave satisfaction and NPS come from and how many answers, small groups marked', () => {
    const b = computeKpis(base, { by: ['department'] }).breakdowns[0];
    expect([b.satisfactionWave, b.npsWave]).toEqual(['midpoint', 'midpoint']);
    // Eng: alice 5 and carol 2 at midpoint; erin did not answer.
    expect(
      b.groups.map((g) => [g.value, g.satisfactionAnswers, g.npsAnswers, g.fewAnswers]),
    ).toEqual([
      ['Eng', 2, 2, true],
      ['Ops', 1, 1, true],
      ['Sales', 1, 1, true],
    ]);
  });
  it('the cohort view has no "(blank)" group of the people without a cohort', () => {
    const input = withPeople((p) => (p.role === 'mentor' ? { ...p, cohort: undefined } : p));
    const r = computeKpis(input, { by: ['cohort'] });
    expect(r.breakdowns[0].groups.map((g) => g.value)).toEqual(['A', 'B', '(blank)']);
    expect(r.cohorts?.map((g) => g.value)).toEqual(['A', 'B']);
  });
});

describe('late joiners', () => {
  it('reads the day someone joined from a "Start date" attribute', () => {
    expect(joinedDay({ 'Start date': '2027-03-01' })).toBe(Date.UTC(2027, 2, 1));
    expect(joinedDay({ Joined: '2027-03-01T00:00:00.000Z' })).toBe(Date.UTC(2027, 2, 1));
    expect(joinedDay({ 'Start date': 'soon' })).toBe(0);
    expect(joinedDay(undefined)).toBe(0);
  });
  it("counts a late joiner's scheduled meetings from the day they joined, not the program start", () => {
    const late = withPeople((p) =>
      p.email === 'carol@example.com'
        ? { ...p, attributes: { ...p.attributes, 'Start date': '2027-03-01' } }
        : p,
    );
    const pair = (input: KpiInput) => computeKpis(input).pairs.find((h) => h.match.id === 'm2')!;
    // Biweekly Mondays from 11 Jan: 8 by 20 April, of which 4 are before 1 March.
    expect(pair(base).scheduledToDate).toBe(8);
    expect(pair(late).scheduledToDate).toBe(4);
    // By her midpoint report (6 April) 3 had been scheduled since she joined (8 March, 22 March
    // moved to the 23rd, 5 April).
    expect(pair(late).scheduledAtReport).toBe(3);
  });
  it('counts from the match date when the pair was formed after the program started', () => {
    const rematched: Match = { ...matches[1], createdAt: '2027-03-10T09:00:00Z' };
    const input = { ...base, matches: [matches[0], rematched] };
    const m2 = computeKpis(input).pairs.find((h) => h.match.id === 'm2')!;
    // Meetings on 22 (moved to 23) Mar, 5 Apr, 19 Apr after 10 March.
    expect(m2.scheduledToDate).toBe(3);
  });
});

describe('mentoring hours', () => {
  it('are meetings held x the meeting length, in all and per side', () => {
    // m1 held 4, m2 held 1 (best report of each pair), 45-minute meetings: 5 x 0.75 = 3.75 h.
    expect(value(base, 'mentoringHours')).toBe(3.8);
    // Per mentee: alice 4 x 0.75 = 3, carol 1 x 0.75 = 0.75: mean 1.875.
    expect(value(base, 'mentoringHours.mentee')).toBe(1.9);
    expect(value(base, 'mentoringHours.mentor')).toBe(1.9);
  });
});
