import { describe, expect, it } from 'vitest';
import { computeKpis } from '../../src/core/kpi/compute.js';
import { buildDigest, waveTrends } from '../../src/core/kpi/digest.js';
import type { Participant } from '../../src/core/types.js';
import {
  config,
  matches,
  NOW,
  participants,
  responses,
  schedule,
} from '../helpers/survey-program.js';

const input = { config, participants, matches, responses, schedule, now: NOW };
const report = computeKpis(input, { by: ['department'] });
const digest = buildDigest(report, input);

describe('buildDigest: the executive page of the report', () => {
  it('picks the eight headline KPIs in a fixed order', () => {
    expect(digest.headline.map((k) => k.id)).toEqual([
      'enrolment.total',
      'matchRate',
      'relationships',
      'meetingsHeldRate',
      'satisfaction',
      'nps',
      'retention',
      'mentorUtilisation',
    ]);
  });

  it('counts the targets met among KPIs that have a target and data', () => {
    expect({ met: digest.targets.met, total: digest.targets.total }).toEqual({ met: 7, total: 15 });
    expect(digest.targets.notMet.slice(0, 2)).toEqual([
      'Match rate (mentees matched)',
      'Mentor utilisation (places filled)',
    ]);
  });

  it('states the findings in plain words', () => {
    expect(digest.findings).toEqual([
      'NPS fell from 100 at kickoff to 25 at midpoint.',
      // Retention over matched people is met since issue 13 (Frank withdrew before matching).
      '7 of 15 KPI targets met; not yet: Match rate (mentees matched), ' +
        'Mentor utilisation (places filled), ' +
        'Mentor training completed (mentors with a training record).',
      'The survey response rate rose from 40% at kickoff to 80% at midpoint.',
      '1 of 2 pairs needs attention (most often: low satisfaction, 1).',
    ]);
  });

  it('names mentors who have no mentee', () => {
    const idle: Participant = { ...participants[1], email: 'gus@example.com', name: 'Gus Gray' };
    const more = { ...input, participants: [...participants, idle] };
    const d = buildDigest(computeKpis(more, { by: [] }), more);
    expect(d.mentorsWithoutMentee).toEqual({ count: 1, of: 3 });
    expect(d.findings).toContain('1 of 3 mentors had no mentee.');
  });

  it('follows response rate, satisfaction per side and NPS from wave to wave, with targets', () => {
    const kickoff = waveTrends(report.waves, input).filter((p) => p.wave === 'kickoff');
    expect(kickoff.slice(0, 2).map((p) => [p.measure, p.value, p.target])).toEqual([
      ['Response rate', 0.4, 0.7],
      ['Satisfaction, mentees', 4, 4],
    ]);
    const wave = report.waves.find((w) => w.wave === 'kickoff')!;
    expect(kickoff.map((p) => p.measure)).toEqual(
      [
        'Response rate',
        'Satisfaction, mentees',
        wave.satisfactionMentor === null ? '' : 'Satisfaction, mentors',
        'Net Promoter Score',
      ].filter(Boolean),
    );
    expect(kickoff.find((p) => p.measure === 'Net Promoter Score')).toMatchObject({
      value: 100,
      target: 30,
    });
  });

  it('distributes the pairs by reported meetings held, every pair counted once', () => {
    const total = digest.meetingsPerPair.reduce((s, b) => s + b.pairs, 0);
    expect(total).toBe(report.pairs.length);
    for (const p of report.pairs) {
      const key = p.meetingsHeld === undefined ? 'no report' : String(p.meetingsHeld);
      expect(digest.meetingsPerPair.find((b) => b.meetings === key)?.pairs).toBeGreaterThan(0);
    }
  });
});
