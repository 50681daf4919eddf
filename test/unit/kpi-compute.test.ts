import { describe, expect, it } from 'vitest';
import { computeKpis } from '../../src/core/kpi/compute.js';
import { netPromoterScore } from '../../src/core/kpi/stats.js';
import {
  config,
  matches,
  NOW,
  participants,
  responses,
  schedule,
} from '../helpers/survey-program.js';

const report = computeKpis(
  { config, participants, matches, responses, schedule, now: NOW },
  { by: ['department', 'gender', 'site'] },
);
const kpi = (id: string) => {
  const k = report.kpis.find((x) => x.id === id);
  if (!k) throw new Error(`no KPI ${id}`);
  return { value: k.value, target: k.target, met: k.met };
};

describe('netPromoterScore', () => {
  it.each([
    [[10, 9, 5, 7], 25],
    [[10, 10, 9, 5], 50],
    [[6, 6, 0], -100],
    [[7, 8], 0],
    [[9, 10, 8, 7, 6, 0], 0],
  ])('%j -> %d', (values, nps) => expect(netPromoterScore(values)).toBe(nps));
  it('is null without answers', () => expect(netPromoterScore([])).toBeNull());
});

describe('computeKpis on the hand-built program', () => {
  it('enrolment by role counts active people only', () => {
    expect([
      kpi('enrolment.total').value,
      kpi('enrolment.mentor').value,
      kpi('enrolment.mentee').value,
      kpi('enrolment.both').value,
    ]).toEqual([5, 2, 3, 0]);
  });
  it('matching KPIs with targets', () => {
    expect(kpi('matchRate')).toEqual({ value: 0.6667, target: 0.9, met: false });
    expect(kpi('averageMatchScore').value).toBe(70);
    expect(kpi('mentorUtilisation')).toEqual({ value: 0.6667, target: 0.75, met: false });
    expect(kpi('trainingCompletion')).toEqual({ value: 0.5, target: 0.9, met: false });
    expect(kpi('relationships')).toEqual({ value: 2, target: 25, met: false });
  });
  it('meetings scheduled to date (from the schedule state) vs held, each report against its own date', () => {
    expect(kpi('meetingsScheduled').value).toBe(16);
    expect(report.kpis.find((k) => k.id === 'meetingsScheduled')?.label).toBe(
      'Meetings scheduled to date (from the schedule)',
    );
    expect(kpi('meetingsHeld').value).toBe(5);
    // Both pairs reported on 5-6 April, when 7 meetings each were scheduled: (4 + 1) / (7 + 7).
    expect(kpi('meetingsHeldRate')).toEqual({ value: 0.3571, target: 0.75, met: false });
    expect(
      report.pairs.map((h) => [
        h.match.id,
        h.scheduledToDate,
        h.meetingsHeld,
        h.scheduledAtReport,
        h.heldReportedAt,
      ]),
    ).toEqual([
      ['m1', 8, 4, 7, '2027-04-05T10:00:00.000Z'],
      ['m2', 8, 1, 7, '2027-04-06T10:00:00.000Z'],
    ]);
  });
  it('response rate per wave (latest wave opened is midpoint; final not open yet)', () => {
    expect(kpi('responseRate.kickoff')).toEqual({ value: 0.4, target: 0.7, met: false });
    expect(kpi('responseRate.midpoint')).toEqual({ value: 0.8, target: 0.7, met: true });
    expect(kpi('responseRate.final')).toEqual({ value: null, target: 0.7, met: null });
    expect(report.currentWave).toBe('midpoint');
  });
  it('satisfaction per wave and side; the latest kickoff answer of alice wins', () => {
    expect(kpi('satisfaction.kickoff.mentee').value).toBe(4);
    expect(kpi('satisfaction.kickoff.mentor').value).toBe(5);
    expect(kpi('satisfaction.midpoint.mentee').value).toBe(3.5);
    expect(kpi('satisfaction.midpoint.mentor').value).toBe(4.5);
    expect(kpi('satisfaction')).toEqual({ value: 4, target: 4, met: true });
  });
  it('NPS, goal progress, retention', () => {
    expect(kpi('nps')).toEqual({ value: 25, target: 30, met: false });
    // Goal progress per side (issue 13): only mentees answered it.
    expect(kpi('goalProgress.mentee')).toEqual({ value: 4, target: 3.5, met: true });
    expect(kpi('goalProgress.mentor')).toEqual({ value: null, target: 3.5, met: null });
    // Retention follows matched people (issue 13): Frank withdrew before being matched, so he is
    // on his own line, not a loss (was 5/6 = 0.8333 when counted over everyone enrolled).
    expect(kpi('retention')).toEqual({ value: 1, target: 0.85, met: true });
    expect(kpi('withdrewBeforeMatch').value).toBe(1);
    expect(kpi('completion').value).toBe(1);
  });
  it('at-risk pairs with reasons; unknown emails kept', () => {
    expect(kpi('atRiskPairs').value).toBe(1);
    expect(report.atRisk.map((h) => [h.match.id, h.reasons.map((r) => r.code)])).toEqual([
      ['m2', ['low-satisfaction', 'concern', 'few-meetings']],
    ]);
    expect(report.atRisk[0].reasons.map((r) => r.text)).toEqual([
      'mentee satisfaction 2/5',
      'mentee concern: mentor too busy',
      '1 of 7 scheduled meetings held by 2027-04-06',
    ]);
    expect(report.atRiskByReason).toEqual([
      { code: 'low-satisfaction', pairs: 1 },
      { code: 'concern', pairs: 1 },
      { code: 'few-meetings', pairs: 1 },
      { code: 'no-answer', pairs: 0 },
    ]);
    expect(report.unknownResponses.map((r) => r.email)).toEqual(['stranger@elsewhere.org']);
    expect(report.waves.find((w) => w.wave === 'midpoint')?.unknownResponses).toBe(1);
  });
  it('breakdown by department', () => {
    const b = report.breakdowns.find((x) => x.field === 'department')!;
    expect(b.sensitive).toBe(false);
    expect(
      b.groups.map((g) => [
        g.value,
        g.participants,
        g.mentees,
        g.matchRate,
        g.retention,
        g.atRiskPairs,
      ]),
    ).toEqual([
      // The at-risk pair m2 counts once, in its mentee's (Carol's) group, not also in Ops (issue
      // 13); Sales retention is Bob's: Frank withdrew before being matched.
      ['Eng', 3, 3, 0.6667, 1, 1],
      ['Ops', 1, 0, null, 1, 0],
      ['Sales', 2, 0, null, 1, 0],
    ]);
  });
  it('sensitive attributes: groups under 5 shown as "<5" with no rates; larger groups shown', () => {
    const g = report.breakdowns.find((x) => x.field === 'gender')!;
    expect(g.groups.map((x) => [x.value, x.participants, x.matchRate, x.suppressed])).toEqual([
      ['F', '<5', null, true],
      ['M', '<5', null, true],
    ]);
    const s = report.breakdowns.find((x) => x.field === 'site')!;
    expect(s.groups.map((x) => [x.value, x.participants, x.suppressed])).toEqual([
      ['London', 6, false],
    ]);
  });
  it('cohort comparison when there are two cohorts', () => {
    expect(
      report.cohorts?.map((c) => [c.value, c.participants, c.averageScore, c.satisfaction, c.nps]),
    ).toEqual([
      ['A', 3, 80, 4.5, 100],
      ['B', 3, 60, 3.5, -50],
    ]);
  });
});

describe('before any match', () => {
  it('match KPIs are empty and a warning says so', () => {
    const r = computeKpis({ config, participants, matches: [], responses: [], now: NOW });
    expect(r.kpis.find((k) => k.id === 'matchRate')).toMatchObject({ value: null, met: null });
    expect(r.kpis.find((k) => k.id === 'atRiskPairs')?.value).toBeNull();
    expect(r.warnings[0]).toContain('no matches yet');
  });
  it('without schedule state, meetings to date are expected from the biweekly frequency', () => {
    const r = computeKpis({ config, participants, matches, responses, now: NOW });
    // 2027-01-11 .. 2027-04-20 is 99 days: meetings on day 0, 14, ..., 98 = 8 per pair.
    expect(r.kpis.find((k) => k.id === 'meetingsScheduled')).toMatchObject({
      value: 16,
      label: 'Meetings scheduled to date (estimated from frequency: no schedule yet)',
    });
    // By the midpoint reports (5-6 April, day 84-85) 7 meetings each were expected.
    expect(r.pairs.map((h) => h.scheduledAtReport)).toEqual([7, 7]);
  });
  it('warns about active pairs the schedule holds no series for', () => {
    const only = { ...schedule, events: { 'm1@test': schedule.events['m1@test'] } };
    const r = computeKpis({ config, participants, matches, responses, schedule: only, now: NOW });
    expect(r.kpis.find((k) => k.id === 'meetingsScheduled')?.value).toBe(8);
    expect(r.warnings).toContain(
      '1 active pair(s) have no meetings in the schedule (no common time, or matched after the last `mentor-cli schedule`): m2',
    );
  });
});

describe('cohort comparison and --by cohort', () => {
  it('reuses the --by cohort groups, with the same figures as computed on its own', () => {
    const input = { config, participants, matches, responses, schedule, now: NOW };
    const withBy = computeKpis(input, { by: ['cohort'] });
    expect(withBy.cohorts).toEqual(withBy.breakdowns[0].groups);
    expect(withBy.cohorts).toEqual(computeKpis(input).cohorts);
    expect(withBy.cohorts!.map((g) => [g.value, g.participants, g.atRiskPairs])).toEqual([
      ['A', 3, 0],
      ['B', 3, 1],
    ]);
  });
});
