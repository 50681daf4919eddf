import { describe, expect, it } from 'vitest';
import {
  chooseMergeWaves,
  countByWave,
  unknownEmailsWarning,
  unknownResponseEmails,
} from '../../src/core/surveys/merge-plan.js';
import { participants, responses } from '../helpers/survey-program.js';

const waves = [
  { name: 'kickoff', opens: '2027-01-11' },
  { name: 'midpoint', opens: '2027-04-01' },
  { name: 'final', opens: '2027-06-21' },
];

describe('chooseMergeWaves', () => {
  it('falls back to the wave open at now, or the first before any opened', () => {
    expect(chooseMergeWaves(waves, undefined, new Date('2027-04-20T12:00:00Z'))).toEqual({
      fallbackWave: 'midpoint',
    });
    expect(chooseMergeWaves(waves, undefined, new Date('2026-12-01T12:00:00Z'))).toEqual({
      fallbackWave: 'kickoff',
    });
  });
  it('matches --wave case-insensitively and returns the configured spelling', () => {
    expect(chooseMergeWaves(waves, 'FINAL', new Date('2027-04-20T12:00:00Z'))).toEqual({
      wave: 'final',
      fallbackWave: 'midpoint',
    });
  });
  it('refuses an unknown wave (listing the waves) and a config without waves', () => {
    expect(() => chooseMergeWaves(waves, 'middle', new Date('2027-04-20T12:00:00Z'))).toThrow(
      '--wave "middle" is not a wave in the config (waves: kickoff, midpoint, final)',
    );
    expect(() => chooseMergeWaves([], undefined, new Date('2027-04-20T12:00:00Z'))).toThrow(
      'The config has no survey waves',
    );
  });
});

describe('unknown emails', () => {
  it('lists distinct unknown emails, sorted, blank ones as "(no email)"', () => {
    const extra = [
      { ...responses[0], email: '' },
      { ...responses[0], email: ' Stranger@Elsewhere.org ' },
      { ...responses[0], email: 'zed@x.org' },
    ];
    expect(unknownResponseEmails([...responses, ...extra], participants)).toEqual([
      '(no email)',
      'stranger@elsewhere.org',
      'zed@x.org',
    ]);
  });
  it('names at most five, then how many more', () => {
    expect(unknownEmailsWarning([])).toBeUndefined();
    expect(unknownEmailsWarning(['a', 'b'])).toBe(
      '2 response email(s) match no participant (kept; listed in the report): a, b',
    );
    expect(unknownEmailsWarning(['a', 'b', 'c', 'd', 'e', 'f', 'g'])).toBe(
      '7 response email(s) match no participant (kept; listed in the report): a, b, c, d, e and 2 more',
    );
  });
});

describe('countByWave', () => {
  it('counts responses per wave in first-seen order', () =>
    expect([...countByWave(responses)]).toEqual([
      ['kickoff', 3],
      ['midpoint', 5],
    ]));
});
