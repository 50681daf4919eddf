/** HR outcomes: reading an export loosely, and comparing participants with non-participants. */

import { describe, expect, it } from 'vitest';
import { readOutcomeRows, type OutcomeRecord } from '../../src/core/outcomes/records.js';
import { compareOutcomes, OUTCOME_CAVEAT } from '../../src/core/outcomes/compare.js';
import type { SourceTable } from '../../src/core/types.js';
import { config, matches, NOW, participants } from '../helpers/survey-program.js';

const table = (headers: string[], rows: string[][]): SourceTable => ({
  file: 'hr.csv',
  headerRow: 1,
  headers,
  rows: rows.map((cells, i) => ({ line: i + 2, cells })),
  notes: [],
});

describe('readOutcomeRows', () => {
  it('matches HR headers loosely and reads status, dates, scores and other attributes', () => {
    const { records, problems } = readOutcomeRows(
      table(
        [
          'Work Email',
          'Employment status',
          'Termination date',
          'Last promotion',
          'Engagement',
          'Dept',
          '__proto__',
        ],
        [
          ['Alice@Example.com', 'Active', '', '2027-03-02', '4,5', 'Eng', 'x'],
          ['bob@example.com', 'Active', '15/03/2027', '', '', 'Sales', ''],
          ['not an email', 'Active', '', '', '', '', ''],
          ['carol@example.com', 'maybe', 'soon', '46000', 'high', '', ''],
        ],
      ),
    );
    expect(records).toEqual([
      {
        email: 'alice@example.com',
        employed: true,
        promotedOn: '2027-03-02',
        score: 4.5,
        department: 'Eng',
        attributes: JSON.parse('{"__proto__":"x"}') as Record<string, string>,
      },
      // A leaving date says they left, whatever the status column says.
      {
        email: 'bob@example.com',
        employed: false,
        leftOn: '2027-03-15',
        department: 'Sales',
        attributes: {},
      },
      // An Excel serial day for the promotion (46000 = 2025-12-09).
      { email: 'carol@example.com', promotedOn: '2025-12-09', attributes: {} },
    ]);
    expect(Object.getPrototypeOf(records[0].attributes)).toBeNull();
    expect(problems.map((p) => [p.code, p.location?.row, p.location?.column])).toEqual([
      ['outcomes-email', 4, 'Work Email'],
      ['outcomes-cell', 5, 'Employment status'],
      ['outcomes-cell', 5, 'Termination date'],
      ['outcomes-cell', 5, 'Engagement'],
    ]);
  });
  it('a file without an email column is one clear problem', () => {
    const { records, problems } = readOutcomeRows(table(['Name'], [['Ann']]));
    expect(records).toEqual([]);
    expect(problems[0]).toMatchObject({
      code: 'outcomes-no-email',
      message: 'hr.csv has no email column',
    });
  });
});

describe('compareOutcomes', () => {
  const rec = (email: string, extra: Partial<OutcomeRecord> = {}): OutcomeRecord => ({
    email,
    employed: true,
    attributes: {},
    ...extra,
  });
  // 6 non-participants: one left before the program (not in the base), one left during it, one
  // promoted during it, one promoted before it.
  const others = [
    rec('o1@example.com', { employed: false, leftOn: '2026-12-01' }),
    rec('o2@example.com', { employed: false, leftOn: '2027-02-01' }),
    rec('o3@example.com', { promotedOn: '2027-03-01' }),
    rec('o4@example.com', { promotedOn: '2026-06-01' }),
    rec('o5@example.com'),
    rec('o6@example.com'),
  ];
  const records = [
    rec('alice@example.com', { promotedOn: '2027-02-10' }),
    rec('carol@example.com'),
    rec('bob@example.com'),
    ...others,
  ];
  const c = compareOutcomes(records, participants, matches, config, NOW);

  it('compares over the program period up to now, by side, and withholds groups under 5', () => {
    expect([c.periodStart, c.periodEnd]).toEqual([config.program.startDate, '2027-04-20']);
    expect(c.groups).toEqual([
      {
        group: 'Mentees',
        people: 2,
        retained: null,
        retentionRate: null,
        promoted: null,
        promotionRate: null,
        averageScore: null,
        small: true,
      },
      {
        group: 'Mentors',
        people: 1,
        retained: null,
        retentionRate: null,
        promoted: null,
        promotionRate: null,
        averageScore: null,
        small: true,
      },
      // o1 left before the start: 5 in the base, 4 stayed, 1 promoted in the period.
      {
        group: 'Non-participants',
        people: 5,
        retained: 4,
        retentionRate: 0.8,
        promoted: 1,
        promotionRate: 0.2,
        averageScore: null,
        small: false,
      },
    ]);
    // Dave (matched) is not in the file; Erin and Frank were never matched.
    expect([c.participantsNotInFile, c.enrolledUnmatched]).toEqual([1, 2]);
    expect(c.caveat).toBe(OUTCOME_CAVEAT);
    expect(c.caveat).toContain('does not prove the program caused');
    // One group to compare with is not a comparison: no finding.
    expect(c.findings).toEqual([]);
  });

  it('states the comparison in plain words when two groups are large enough', () => {
    const many = Array.from({ length: 5 }, (_, i) =>
      rec(`m${i}@example.com`, i ? {} : { promotedOn: '2027-02-01' }),
    );
    const people = many.map((r) => ({ ...participants[0], email: r.email }));
    const pairs = many.map((r, i) => ({ ...matches[0], id: `p${i}`, mentee: r.email }));
    const d = compareOutcomes([...many, ...others], people, pairs, config, NOW);
    expect(d.findings).toEqual([
      'Retention over the program: mentees 100% of 5, non-participants 80% of 5 (a comparison, not proof of cause).',
      'Promotion over the program: mentees 20% of 5, non-participants 20% of 5 (a comparison, not proof of cause).',
    ]);
  });
});
