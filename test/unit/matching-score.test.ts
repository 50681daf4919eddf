import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { scorePair, topicSimilarity } from '../../src/core/matching/score.js';
import { pairKey } from '../../src/core/keys.js';
import { brokenRules, Rule } from '../../src/core/matching/rules.js';
import { buildCandidates, RULE_SLOTS } from '../../src/core/matching/candidates.js';
import { explainPair, ordinal, listWords } from '../../src/core/matching/explain.js';
import { population, settings, P } from '../helpers/matching-gen.js';

describe('topic similarity', () => {
  it('weights earlier wanted topics more, case-insensitively', () => {
    // wanted A,B,C weigh 3,2,1 (sum 6): offering a and c gives 4/6.
    expect(topicSimilarity(['A', 'B', 'C'], ['c', 'a']).similarity).toBeCloseTo(4 / 6, 12);
    expect(topicSimilarity(['A', 'B', 'C'], ['c', 'a']).shared).toEqual(['a', 'c']);
    expect(topicSimilarity([], ['x']).similarity).toBe(0);
  });
});

describe('scorePair', () => {
  it('is the weighted average of criterion similarities', () => {
    const s = settings();
    s.matching = {
      ...s.matching,
      weights: {
        topics: 1,
        interests: 1,
        language: 1,
        availability: 1,
        seniority: 1,
        department: 1,
        cohort: 0,
        preferences: 1,
      },
    };
    const mentee = P('a@x.org', {
      topics: ['Python', 'Leadership'],
      interests: ['Chess', 'Run'],
      level: 2,
      department: 'Sales',
      preferences: ['b@x.org'],
      availability: [{ day: 1, start: 600, end: 720 }],
      timezone: 'Europe/Madrid',
    });
    const mentor = P('b@x.org', {
      role: 'mentor',
      topics: ['leadership'],
      interests: ['chess'],
      level: 4,
      department: 'IT',
      availability: [{ day: 1, start: 540, end: 720 }],
      timezone: 'UTC',
    });
    // Madrid 10:00-12:00 is 09:00-11:00 UTC in January; overlap with 09:00-12:00 UTC = 120 min ->
    // 120/180.
    const r = scorePair(mentee, mentor, s);
    expect(r.overlap).toBe(120);
    const sims = [1 / 3, 1 / 2, 1, 120 / 180, 1, 1, 1];
    expect(r.score).toBe(Math.round(((100 * sims.reduce((x, y) => x + y, 0)) / 7) * 100) / 100);
    expect(r.score).toBe(78.57);
  });
});

describe('hard rules', () => {
  const s = settings();
  it.each([
    ['self', P('a@x.org'), P('A@x.org', { role: 'mentor' }), Rule.self],
    [
      'avoid (mentor side, by name)',
      P('a@x.org'),
      P('b@x.org', { role: 'mentor', avoid: ['A'] }),
      Rule.avoid,
    ],
    [
      'manager line',
      P('a@x.org', { managerEmail: 'b@x.org' }),
      P('b@x.org', { role: 'mentor' }),
      Rule.manager,
    ],
    [
      'language',
      P('a@x.org', { languages: ['French'] }),
      P('b@x.org', { role: 'mentor' }),
      Rule.language,
    ],
  ])('%s', (_n, a, b, code) => expect(brokenRules(a, b, s)).toContain(code));
  it('repeat unless allowRepeat', () => {
    const h = new Set([pairKey('b@x.org', 'a@x.org')]);
    expect(brokenRules(P('a@x.org'), P('b@x.org'), settings({ history: h }))).toEqual([
      Rule.repeat,
    ]);
    expect(
      brokenRules(P('a@x.org'), P('b@x.org'), settings({ history: h, allowRepeat: true })),
    ).toEqual([]);
  });
  it('no language rule when one side lists none', () =>
    expect(brokenRules(P('a@x.org', { languages: [] }), P('b@x.org'), s)).toEqual([]));
  it('required attribute only when the mentee asked', () => {
    const m = {
      ...s.matching,
      attributeRules: [
        {
          attribute: 'Gender',
          compare: 'same' as const,
          mode: 'require' as const,
          weight: 0,
          whenMenteeAttribute: 'Same gender',
        },
      ],
    };
    const a = P('a@x.org', {
      attributes: Object.assign(Object.create(null), { gender: 'f', 'same gender': 'yes' }),
    });
    const b = P('b@x.org', { attributes: Object.assign(Object.create(null), { Gender: 'm' }) });
    expect(brokenRules(a, b, { ...s, matching: m })).toEqual([Rule.attribute]);
    a.attributes['same gender'] = 'no';
    expect(brokenRules(a, b, { ...s, matching: m })).toEqual([]);
  });
});

describe('fast kernel agrees with the reference path', () => {
  it('same allowed pairs and scores on random populations', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), fc.boolean(), (seed, reverse) => {
        const { mentees, mentors } = population(seed, 12, 7);
        const s = settings({ minScore: 20 });
        s.matching = {
          ...s.matching,
          reverse,
          rules: {
            ...s.matching.rules,
            minOverlapHours: seed % 2,
            requireTraining: seed % 3 === 0,
          },
          attributeRules: [
            { attribute: 'location', compare: 'overlap', mode: 'prefer', weight: 7 },
            {
              attribute: 'gender',
              compare: 'same',
              mode: seed % 5 === 0 ? 'require' : 'prefer',
              weight: 3,
            },
          ],
        };
        const g = buildCandidates(mentees, mentors, s);
        for (let i = 0; i < mentees.length; i++) {
          const expected: Array<[number, number]> = [];
          const counts = new Array(RULE_SLOTS).fill(0);
          mentors.forEach((m, j) => {
            const sc = scorePair(mentees[i], m, s).score;
            const broken = brokenRules(mentees[i], m, s, sc);
            if (!broken.length) expected.push([j, sc]);
          });
          const got: Array<[number, number]> = [];
          for (let e = g.offsets[i]; e < g.offsets[i + 1]; e++)
            got.push([g.targets[e], g.weights[e]]);
          expect(got).toEqual(expected);
          let blocked = 0;
          for (let c = 0; c < RULE_SLOTS; c++) blocked += g.blocked[i * RULE_SLOTS + c];
          expect(blocked + got.length).toBe(mentors.length);
          void counts;
        }
      }),
      { numRuns: 40 },
    );
  });
});

describe('explanations', () => {
  it('says why in plain words and keeps sensitive reasons apart', () => {
    const s = settings();
    s.matching = {
      ...s.matching,
      attributeRules: [{ attribute: 'gender', compare: 'same', mode: 'prefer', weight: 5 }],
    };
    const a = P('a@x.org', {
      topics: ['Python', 'Leadership'],
      department: 'Sales',
      preferences: ['x@x.org', 'b@x.org'],
      availability: [{ day: 2, start: 540, end: 720 }],
      attributes: Object.assign(Object.create(null), { gender: 'f' }),
    });
    const b = P('b@x.org', {
      role: 'mentor',
      topics: ['leadership', 'python'],
      department: 'IT',
      availability: [{ day: 2, start: 540, end: 900 }],
      attributes: Object.assign(Object.create(null), { Gender: 'F' }),
    });
    const x = explainPair(a, b, s);
    expect(x.reasons).toEqual([
      'shares Python and Leadership',
      '3 h overlap in availability',
      'both speak English',
      'different department',
      "mentee's 2nd choice",
    ]);
    expect(x.sensitiveReasons).toEqual(['same gender']);
  });
  it('ordinals and lists', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22].map(ordinal)).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
    ]);
    expect(listWords(['a', 'b', 'c'])).toBe('a, b and c');
  });
});
