import { describe, expect, it } from 'vitest';
import { inferWave, currentWave, surveyWaves } from '../../src/core/surveys/waves.js';
import { linkResponses } from '../../src/core/surveys/link.js';
import { assessPairs } from '../../src/core/surveys/risk.js';
import { mergeSurveyResponses } from '../../src/core/surveys/state.js';
import { countScheduledToDate, expectedMeetingsToDate } from '../../src/core/surveys/meetings.js';
import { config, matches, participants, responses } from '../helpers/survey-program.js';

const waves = config.surveys.waves; // kickoff 2027-01-11, midpoint 2027-04-03, final 2027-06-25

describe('waves', () => {
  it.each([
    ['2027-01-01T00:00:00Z', 'kickoff'], ['2027-01-11T08:00:00Z', 'kickoff'], ['2027-04-02T23:59:59Z', 'kickoff'],
    ['2027-04-03T00:00:00Z', 'midpoint'], ['2027-06-30T00:00:00Z', 'final'],
  ])('%s -> %s', (date, wave) => expect(inferWave(date, waves)).toBe(wave));
  it('current wave is the last opened by now', () => {
    expect(currentWave(waves, new Date('2027-01-10T12:00:00Z'))).toBeUndefined();
    expect(currentWave(waves, new Date('2027-05-01T12:00:00Z'))?.name).toBe('midpoint');
  });
  it('falls back to milestones when no waves are configured', () => {
    expect(surveyWaves({ ...config, surveys: { waves: [] } }).map((w) => w.name)).toEqual(['kickoff', 'midpoint', 'final']);
  });
});

describe('linkResponses', () => {
  const linked = linkResponses(responses, participants, matches);
  it('keeps the latest response per person and wave, case-insensitively', () => {
    expect(linked.latest.get('kickoff')?.get('alice@example.com')?.measures.satisfaction).toBe(4);
    expect(linked.latest.get('midpoint')?.has('dave@example.com')).toBe(true);
  });
  it('lists unknown emails instead of dropping them', () => {
    expect(linked.unknown.map((r) => r.email)).toEqual(['stranger@elsewhere.org']);
  });
  it('links people to their pairs', () => {
    expect(linked.pairsOf.get('bob@example.com')?.map((m) => m.id)).toEqual(['m1']);
  });
});

describe('assessPairs', () => {
  const linked = linkResponses(responses.filter((r) => r.email !== 'bob@example.com' || r.wave !== 'midpoint'), participants, matches);
  it('flags a pair where one side did not answer the latest wave', () => {
    const ph = assessPairs(matches, linked, waves, waves[1], () => 8);
    expect(ph.find((h) => h.match.id === 'm1')?.reasons.map((r) => r.text)).toEqual(['mentor did not answer the midpoint survey']);
  });
  it('meetings held under half of those scheduled to date is a reason; exactly half is not', () => {
    expect(assessPairs(matches, linked, waves, undefined, () => 9)[0].reasons.map((r) => r.code)).toEqual(['few-meetings']);
    expect(assessPairs(matches, linked, waves, undefined, () => 8)[0].reasons).toEqual([]);
  });
});

describe('merging is idempotent', () => {
  it('merging the same responses twice adds nothing', () => {
    const batch = [{ headers: ['Email'], responses }];
    const once = mergeSurveyResponses({ headerSets: [], responses: [] }, batch);
    const twice = mergeSurveyResponses(once.state, batch);
    expect([once.added, twice.added, twice.duplicates]).toEqual([responses.length, 0, responses.length]);
    expect(twice.state).toEqual(once.state);
    expect(once.state.headerSets).toEqual([['Email']]);
  });
});

describe('meetings to date', () => {
  const now = new Date('2027-01-31T12:00:00Z');
  it('counts schedule meetings on or before now, skipping cancelled ones', () => {
    const s = { pairs: [{ pairId: 'm1', occurrences: ['2027-01-11T10:00:00Z', '2027-01-25T10:00:00Z', '2027-02-08T10:00:00Z'] }], meetings: [{ matchId: 'm2', start: '2027-01-12T10:00:00Z', status: 'cancelled' }] };
    expect(Object.fromEntries(countScheduledToDate(s, now)!)).toEqual({ m1: 2 });
    expect(countScheduledToDate({ something: 1 }, now)).toBeUndefined();
  });
  it('expects meetings from the frequency when there is no schedule', () => {
    expect(expectedMeetingsToDate(config, { createdAt: '2027-01-01T00:00:00Z' }, now)).toBe(2);
    expect(expectedMeetingsToDate({ ...config, schedule: { ...config.schedule, frequency: 'weekly' } }, { createdAt: '2027-01-01T00:00:00Z' }, now)).toBe(3);
    expect(expectedMeetingsToDate(config, { createdAt: '2027-01-01T00:00:00Z' }, new Date('2027-01-01T00:00:00Z'))).toBe(0);
  });
});
