import { describe, expect, it } from 'vitest';
import { inferWave, currentWave, surveyWaves } from '../../src/core/surveys/waves.js';
import { linkResponses } from '../../src/core/surveys/link.js';
import {
  assessPairs,
  bySeverity,
  reasonCounts,
  sortBySeverity,
  type RiskReason,
} from '../../src/core/surveys/risk.js';
import { mergeSurveyResponses } from '../../src/core/surveys/state.js';
import {
  countUpTo,
  expectedMeetingsToDate,
  isScheduleState,
  meetingsBy,
  scheduledStartsByPair,
} from '../../src/core/surveys/meetings.js';
import {
  config,
  matches,
  participants,
  responses,
  schedule,
  storedSeries,
} from '../helpers/survey-program.js';

const waves = config.surveys.waves; // kickoff 2027-01-11, midpoint 2027-04-03, final 2027-06-25

describe('waves', () => {
  it.each([
    ['2027-01-01T00:00:00Z', 'kickoff'],
    ['2027-01-11T08:00:00Z', 'kickoff'],
    ['2027-04-02T23:59:59Z', 'kickoff'],
    ['2027-04-03T00:00:00Z', 'midpoint'],
    ['2027-06-30T00:00:00Z', 'final'],
  ])('%s -> %s', (date, wave) => expect(inferWave(date, waves)).toBe(wave));
  it('current wave is the last opened by now', () => {
    expect(currentWave(waves, new Date('2027-01-10T12:00:00Z'))).toBeUndefined();
    expect(currentWave(waves, new Date('2027-05-01T12:00:00Z'))?.name).toBe('midpoint');
  });
  it('falls back to milestones when no waves are configured', () => {
    expect(
      surveyWaves({ ...config, surveys: { waves: [], riskItems: [] } }).map((w) => w.name),
    ).toEqual(['kickoff', 'midpoint', 'final']);
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
  const linked = linkResponses(
    responses.filter((r) => r.email !== 'bob@example.com' || r.wave !== 'midpoint'),
    participants,
    matches,
  );
  const now = new Date('2027-06-30T12:00:00Z');
  it('flags a pair where one side did not answer the latest wave', () => {
    const ph = assessPairs(matches, linked, waves, waves[1], () => 8, now);
    expect(ph.find((h) => h.match.id === 'm1')?.reasons.map((r) => r.text)).toEqual([
      'mentor did not answer the midpoint survey',
    ]);
  });
  it('does not expect an answer from a pair formed after the wave opened', () => {
    const late = matches.map((m) => ({ ...m, createdAt: '2027-04-10T09:00:00Z' }));
    expect(
      assessPairs(late, linked, waves, waves[1], () => 8, now).flatMap((h) =>
        h.reasons.map((r) => r.code),
      ),
    ).not.toContain('no-answer');
  });
  it('meetings held under half of those scheduled by the report date is a reason; exactly half is not', () => {
    expect(
      assessPairs(matches, linked, waves, undefined, () => 9, now)[0].reasons.map((r) => r.code),
    ).toEqual(['few-meetings']);
    expect(assessPairs(matches, linked, waves, undefined, () => 8, now)[0].reasons).toEqual([]);
  });
  it('compares each report with the meetings scheduled when it was given, not with those scheduled by now', () => {
    const asked: string[] = [];
    // 2 meetings a month from 11 January: 12 by the end of June, 6 or 7 by the midpoint answers.
    const by = (_m: unknown, at: Date) => {
      asked.push(at.toISOString());
      return at >= new Date('2027-06-01') ? 12 : 7;
    };
    const [m1] = assessPairs(matches, linked, waves, undefined, by, now);
    expect(m1).toMatchObject({
      scheduledToDate: 12,
      meetingsHeld: 4,
      scheduledAtReport: 7,
      heldReportedAt: '2027-04-05T09:00:00.000Z',
      reasons: [],
    });
    expect(asked).toContain('2027-04-05T09:00:00.000Z');
  });
  it("a report without a submission time speaks for its wave's opening day", () => {
    const undated = responses
      .filter((r) => r.wave === 'midpoint' && r.email === 'carol@example.com')
      .map((r) => ({ ...r, submittedAt: undefined }));
    const [, m2] = assessPairs(
      matches,
      linkResponses(undated, participants, matches),
      waves,
      undefined,
      (_m, at) => (at.toISOString() === '2027-04-03T23:59:59.000Z' ? 6 : 99),
      now,
    );
    expect(m2.reasons.map((r) => r.text)).toContain('1 of 6 scheduled meetings held by 2027-04-03');
  });
  it('ignores answers to a wave that has not opened by now', () => {
    const early = {
      ...responses[0],
      id: 'early',
      wave: 'final',
      email: 'bob@example.com',
      submittedAt: '2027-04-19T09:00:00Z',
      measures: { satisfaction: 1 },
    };
    const all = linkResponses([...responses, early], participants, matches);
    expect(
      assessPairs(matches, all, waves, waves[1], () => 0, new Date('2027-04-20T12:00:00Z'))[0]
        .reasons,
    ).toEqual([]);
    expect(
      assessPairs(
        matches,
        all,
        waves,
        waves[1],
        () => 0,
        new Date('2027-06-26T12:00:00Z'),
      )[0].reasons.map((r) => r.text),
    ).toEqual(['mentor satisfaction 1/5']);
  });
  it('orders reasons and pairs by severity and counts pairs per reason', () => {
    const ph = assessPairs(matches, linked, waves, waves[1], () => 8, now)
      .filter((h) => h.reasons.length)
      .sort(bySeverity);
    expect(ph.map((h) => [h.match.id, h.reasons.map((r) => r.code)])).toEqual([
      ['m2', ['low-satisfaction', 'concern', 'few-meetings']],
      ['m1', ['no-answer']],
    ]);
    expect(reasonCounts(ph)).toEqual([
      { code: 'low-satisfaction', pairs: 1 },
      { code: 'concern', pairs: 1 },
      { code: 'few-meetings', pairs: 1 },
      { code: 'no-answer', pairs: 1 },
    ]);
  });
  it('sortBySeverity keeps at-risk pairs only, in the bySeverity order', () => {
    const mk = (id: string, codes: RiskReason['code'][]) => ({
      match: { ...matches[0], id },
      scheduledToDate: 0,
      reasons: codes.map((code) => ({ code, text: code })),
    });
    const pairs = [
      mk('p5', ['no-answer']),
      mk('p4', []),
      mk('p3', ['concern', 'no-answer']),
      mk('p2', ['concern']),
      mk('p1', ['no-answer']),
      mk('p0', ['low-satisfaction']),
    ];
    expect(sortBySeverity(pairs).map((h) => h.match.id)).toEqual(['p0', 'p3', 'p2', 'p1', 'p5']);
    expect(sortBySeverity(pairs)).toEqual(pairs.filter((h) => h.reasons.length).sort(bySeverity));
  });
});

describe('merging is idempotent', () => {
  it('merging the same responses twice adds nothing', () => {
    const batch = [{ headers: ['Email'], responses }];
    const once = mergeSurveyResponses({ headerSets: [], responses: [] }, batch);
    const twice = mergeSurveyResponses(once.state, batch);
    expect([once.added, twice.added, twice.duplicates]).toEqual([
      responses.length,
      0,
      responses.length,
    ]);
    expect(twice.state).toEqual(once.state);
    expect(once.state.headerSets).toEqual([['Email']]);
  });
});

describe('meetings from the schedule state', () => {
  it("reads each pair's occurrences, with moved meetings on their new date and London time across DST", () => {
    const starts = scheduledStartsByPair(schedule, matches);
    expect(
      starts
        .get('m1')
        ?.slice(0, 2)
        .map((t) => new Date(t).toISOString()),
    ).toEqual(['2027-01-11T10:00:00.000Z', '2027-01-25T10:00:00.000Z']);
    // 5 April is after the clocks went forward: 10:00 London is 09:00 UTC.
    expect(new Date(starts.get('m1')![6]).toISOString()).toBe('2027-04-05T09:00:00.000Z');
    expect(new Date(starts.get('m2')![5]).toISOString()).toBe('2027-03-23T10:00:00.000Z');
    expect(countUpTo(starts.get('m2')!, Date.parse('2027-03-22T23:00:00Z'))).toBe(5);
    expect(countUpTo(starts.get('m2')!, Date.parse('2027-03-23T10:00:00Z'))).toBe(6);
  });
  it('finds a group series by its attendees and ignores cancelled series', () => {
    const group = storedSeries(
      'group-abc',
      ['bob@example.com', 'alice@example.com', 'carol@example.com'],
      ['2027-01-11', '2027-01-25'],
    );
    const cancelled = {
      ...storedSeries('m2', ['dave@example.com', 'carol@example.com'], ['2027-01-12']),
      status: 'cancelled' as const,
    };
    const starts = scheduledStartsByPair(
      { version: 1, files: [], events: { g: group, c: cancelled } },
      matches,
    );
    expect([...starts.keys()]).toEqual(['m1']);
    expect(starts.get('m1')).toHaveLength(2);
  });
  it('recognises the state document', () => {
    expect([
      isScheduleState(schedule),
      isScheduleState({ meetings: [] }),
      isScheduleState(undefined),
      isScheduleState({ version: 2, events: {} }),
    ]).toEqual([true, false, false, false]);
  });
  it('meetingsBy falls back to the frequency only without a schedule, and lists unscheduled pairs', () => {
    const at = new Date('2027-01-31T12:00:00Z');
    expect(meetingsBy(config, undefined, matches)).toMatchObject({
      fromSchedule: false,
      unscheduled: [],
    });
    expect(meetingsBy(config, undefined, matches).by(matches[0], at)).toBe(2);
    const real = meetingsBy(
      config,
      { ...schedule, events: { x: schedule.events['m1@test'] } },
      matches,
    );
    expect([
      real.fromSchedule,
      real.by(matches[0], at),
      real.by(matches[1], at),
      real.unscheduled.map((m) => m.id),
    ]).toEqual([true, 2, 0, ['m2']]);
  });
  it('expects meetings from the frequency when there is no schedule', () => {
    const now = new Date('2027-01-31T12:00:00Z');
    expect(expectedMeetingsToDate(config, { createdAt: '2027-01-01T00:00:00Z' }, now)).toBe(2);
    expect(
      expectedMeetingsToDate(
        { ...config, schedule: { ...config.schedule, frequency: 'weekly' } },
        { createdAt: '2027-01-01T00:00:00Z' },
        now,
      ),
    ).toBe(3);
    expect(
      expectedMeetingsToDate(
        config,
        { createdAt: '2027-01-01T00:00:00Z' },
        new Date('2027-01-01T00:00:00Z'),
      ),
    ).toBe(0);
  });
});
