/** The match policy: model and algorithm from flags and config, defaults, and what is shown. */

import { describe, expect, it } from 'vitest';
import { defaultConfig, type ProgramConfig } from '../../src/core/config.js';
import {
  checkMentorSupply,
  chooseModel,
  DEFAULT_AUDIT_SPLIT,
  impossibleRuleWarnings,
  mergeSensitiveReasons,
  resolveMatchPolicy,
  shownReport,
} from '../../src/core/matching/policy.js';
import { RULE_SLOTS } from '../../src/core/matching/candidates.js';
import { Rule } from '../../src/core/matching/rules.js';
import type { MatchReport } from '../../src/core/matching/result.js';
import type { MatchAudit } from '../../src/core/matching/audit.js';
import { UsageError } from '../../src/errors.js';
import { P } from '../helpers/matching-gen.js';

function config(edit: (c: ProgramConfig) => void = () => undefined): ProgramConfig {
  const c = defaultConfig();
  edit(c);
  return c;
}

describe('chooseModel', () => {
  it.each([
    [{ model: 'peer' }, 'peer'],
    [{ model: 'group', suggest: 3 }, 'group'],
    [{ suggest: 3 }, 'self-directed'],
    [{ mentorsPerMentee: 2 }, 'team'],
    [{ suggest: 2, mentorsPerMentee: 2 }, 'self-directed'],
    [{}, 'reverse'],
  ] as const)('%j with program.model reverse -> %s', (flags, model) => {
    expect(chooseModel(flags, 'reverse')).toBe(model);
  });

  it('rejects an unknown model, listing the known ones', () => {
    expect(() => chooseModel({ model: 'mesh' }, 'one-to-one')).toThrow(
      new UsageError(
        '--model "mesh" is not a model',
        'Use one of one-to-one, group, team, peer, reverse, self-directed',
      ),
    );
  });
});

describe('resolveMatchPolicy', () => {
  it('takes the algorithm and team size from the config, the default audit split', () => {
    expect(resolveMatchPolicy({}, config())).toEqual({
      model: 'one-to-one',
      algorithm: config().matching.algorithm,
      mentorsPerMentee: 1,
      suggest: undefined,
      by: ['department', 'cohort'],
    });
    expect(DEFAULT_AUDIT_SPLIT).toEqual(['department', 'cohort']);
  });

  it('--by replaces the default audit split', () => {
    expect(resolveMatchPolicy({ by: ['level'] }, config()).by).toEqual(['level']);
    expect(resolveMatchPolicy({ by: [] }, config()).by).toEqual(['department', 'cohort']);
  });

  it('mentors per mentee count only for teams', () => {
    expect(resolveMatchPolicy({ mentorsPerMentee: 3 }, config())).toMatchObject({
      model: 'team',
      mentorsPerMentee: 3,
    });
    expect(resolveMatchPolicy({ model: 'group', mentorsPerMentee: 3 }, config())).toMatchObject({
      mentorsPerMentee: 1,
    });
    const teams = config((c) => {
      c.program.model = 'team';
      c.matching.mentorsPerMentee = 2;
    });
    expect(resolveMatchPolicy({}, teams).mentorsPerMentee).toBe(2);
  });

  it('self-directed programs get 3 suggestions per mentee unless --suggest says otherwise', () => {
    expect(resolveMatchPolicy({ model: 'self-directed' }, config()).suggest).toBe(3);
    expect(resolveMatchPolicy({ suggest: 5 }, config()).suggest).toBe(5);
    expect(resolveMatchPolicy({ model: 'one-to-one' }, config()).suggest).toBeUndefined();
  });

  it('rejects an unknown algorithm', () => {
    expect(() => resolveMatchPolicy({ algorithm: 'greedy' }, config())).toThrow(
      '--algorithm "greedy" is not known',
    );
  });

  it.each([
    [{ algorithm: 'stable', model: 'peer' }, 'peer'],
    [{ algorithm: 'stable', mentorsPerMentee: 2 }, 'team'],
  ])('stable has no form for %j', (flags, model) => {
    expect(() => resolveMatchPolicy(flags, config())).toThrow(
      `--algorithm stable does not support the ${model} model`,
    );
  });

  it('allows stable for a team of one mentor', () => {
    const policy = resolveMatchPolicy({ algorithm: 'stable', mentorsPerMentee: 1 }, config());
    expect(policy).toMatchObject({ model: 'team', algorithm: 'stable', mentorsPerMentee: 1 });
  });

  it('--out needs suggestions', () => {
    expect(() => resolveMatchPolicy({ out: true }, config())).toThrow(
      '--out only works with --suggest',
    );
    expect(resolveMatchPolicy({ out: true, suggest: 2 }, config()).suggest).toBe(2);
  });
});

describe('checkMentorSupply', () => {
  const policy = (model: 'peer' | 'one-to-one' | 'team', mentorsPerMentee = 1) => ({
    ...resolveMatchPolicy({ model }, config()),
    mentorsPerMentee,
  });
  const mentees = Array.from({ length: 4 }, (_, i) => P(`e${i}@x`));
  const mentor = P('m@x', { role: 'mentor', capacity: 2 });

  it('needs at least one mentor, except for peer pairs', () => {
    expect(() => checkMentorSupply(policy('one-to-one'), mentees, [], 2)).toThrow(
      'There are no active mentors, so nobody can be matched',
    );
    expect(checkMentorSupply(policy('peer'), mentees, [], 2)).toEqual([]);
  });

  it('refuses a run too big to score within the memory bound, unless the pairs come from a file', () => {
    const many = (n: number, role: 'mentee' | 'mentor') =>
      Array.from({ length: n }, (_, i) => P(`${role}${i}@x`, { role, capacity: 1 }));
    const big = many(8_000, 'mentee');
    const bigMentors = many(5_001, 'mentor'); // 40,008,000 pairs
    expect(() => checkMentorSupply(policy('one-to-one'), big, bigMentors, 1)).toThrow(
      '8,000 mentees and 5,001 mentors make 40,008,000 possible pairs, more than one run can ' +
        'score within the 1 GB memory bound (40,000,000)',
    );
    expect(() => checkMentorSupply(policy('one-to-one'), big, bigMentors, 1, false)).not.toThrow();
    // 8,000 x 5,000 is exactly the limit: allowed.
    expect(() =>
      checkMentorSupply(policy('one-to-one'), big, bigMentors.slice(1), 1),
    ).not.toThrow();
    // Peer pairs are among the people themselves: n (n - 1) / 2.
    expect(() => checkMentorSupply(policy('peer'), many(8_944, 'mentee'), [], 1)).not.toThrow();
    expect(() => checkMentorSupply(policy('peer'), many(8_946, 'mentee'), [], 1)).toThrow(
      UsageError,
    );
  });

  it('warns when the places do not cover the mentees (times mentors per mentee)', () => {
    expect(checkMentorSupply(policy('one-to-one'), mentees.slice(0, 2), [mentor], 2)).toEqual([]);
    expect(checkMentorSupply(policy('one-to-one'), mentees, [mentor], 2)).toHaveLength(1);
    expect(checkMentorSupply(policy('team', 2), mentees.slice(0, 2), [mentor], 2)).toHaveLength(1);
  });
});

describe('impossibleRuleWarnings', () => {
  it('names the rule that excludes every pair', () => {
    const blocked = new Int32Array(2 * RULE_SLOTS);
    // Both mentees lose every mentor to the shared-language rule.
    blocked[Rule.language] = 3;
    blocked[RULE_SLOTS + Rule.language] = 3;
    const graph = {
      offsets: new Int32Array(3),
      targets: new Int32Array(0),
      weights: new Float64Array(0),
      blocked,
    };
    expect(impossibleRuleWarnings(graph, 0)).toEqual([]);
    expect(impossibleRuleWarnings(graph, 2)).toEqual([
      'no pair meets matching.rules.requireSharedLanguage: every candidate pair is excluded by ' +
        'it. Relax that rule in mentor.config.json',
    ]);
  });

  it('is silent when some pair is allowed', () => {
    const graph = {
      offsets: new Int32Array([0, 1]),
      targets: new Int32Array([0]),
      weights: new Float64Array([50]),
      blocked: new Int32Array(RULE_SLOTS),
    };
    expect(impossibleRuleWarnings(graph, 1)).toEqual([]);
  });
});

describe('mergeSensitiveReasons', () => {
  const list = [
    {
      mentee: 'e@x',
      menteeName: 'E',
      mentors: [
        {
          rank: 1,
          email: 'm@x',
          name: 'M',
          score: 80,
          reasons: ['topics'],
          sensitiveReasons: ['g'],
        },
      ],
    },
  ];

  it('drops sensitive reasons by default and appends them with --include-sensitive', () => {
    expect(mergeSensitiveReasons(list, false)[0].mentors[0]).toMatchObject({
      reasons: ['topics'],
      sensitiveReasons: [],
    });
    expect(mergeSensitiveReasons(list, true)[0].mentors[0]).toMatchObject({
      reasons: ['topics', 'g'],
      sensitiveReasons: [],
    });
    expect(list[0].mentors[0].sensitiveReasons).toEqual(['g']);
  });
});

describe('shownReport', () => {
  const change = { mentee: 'e@x', before: [], after: [], why: 'new' };
  const report = { changes: [change], audit: undefined } as unknown as MatchReport;
  const audit = { totalScore: 1 } as unknown as MatchAudit;

  it('shows the audit only with --audit', () => {
    const flags = { diff: false, hadPairs: false };
    expect(shownReport(report, audit, { ...flags, audit: true }).audit).toBe(audit);
    expect(shownReport(report, audit, { ...flags, audit: false }).audit).toBeUndefined();
  });

  it('shows changes with --diff or when there were pairs before', () => {
    expect(
      shownReport(report, audit, { audit: false, diff: true, hadPairs: false }).changes,
    ).toEqual([change]);
    expect(
      shownReport(report, audit, { audit: false, diff: false, hadPairs: true }).changes,
    ).toEqual([change]);
    expect(
      shownReport(report, audit, { audit: false, diff: false, hadPairs: false }).changes,
    ).toEqual([]);
  });
});
