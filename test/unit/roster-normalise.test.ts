import { describe, expect, it } from 'vitest';
import {
  normaliseEmail,
  parseBoolean,
  parseStatus,
  splitMulti,
} from '../../src/core/roster/normalise.js';
import { parseRole } from '../../src/core/roster/roles.js';

describe('normaliseEmail', () => {
  it.each([
    ['ana.ruiz@example.com', 'ana.ruiz@example.com'],
    ['  Ana.Ruiz@Example.COM ', 'ana.ruiz@example.com'],
    ['mailto:bo@example.org', 'bo@example.org'],
    ['MAILTO:Bo@Example.org', 'bo@example.org'],
    ['<kenji@example.jp>', 'kenji@example.jp'],
    ['Kenji Sato <Kenji.Sato@example.jp>', 'kenji.sato@example.jp'],
    ['"Zoë Müller" <zoe.muller@example.de>', 'zoe.muller@example.de'],
    ['josé.garcía@ejemplo.es', 'josé.garcía@ejemplo.es'],
    ['first+tag@sub.example.co.uk', 'first+tag@sub.example.co.uk'],
  ])('%j -> %s', (input, expected) => {
    expect(normaliseEmail(input)).toEqual({ value: expected });
  });

  it.each([
    'ana.ruiz@',
    'ana.ruiz',
    '@example.com',
    'a b@example.com',
    'a@example',
    'a@@example.com',
    'a..b@example.com',
    'a@-x.com',
  ])('rejects %j', (input) => {
    expect(normaliseEmail(input)).toEqual({
      error: {
        code: 'email-invalid',
        message: `email "${input}" is not a valid email address`,
        hint: 'Correct it to the form name@example.com',
      },
    });
  });
});

describe('splitMulti', () => {
  it.each<[string, boolean, string[]]>([
    ['', false, []],
    [
      'Leadership, Career growth; Public speaking',
      false,
      ['Leadership', 'Career growth', 'Public speaking'],
    ],
    ['Leadership\nleadership\r\nData;;', false, ['Leadership', 'Data']],
    ['  Python ,python, PYTHON , Go', false, ['Python', 'Go']],
    ['English / Spanish, français', true, ['English', 'Spanish', 'français']],
    ['UI/UX, CI / CD', false, ['UI/UX', 'CI / CD']],
    ['Product;Design;', false, ['Product', 'Design']],
  ])('%j (slash %s)', (input, slash, expected) => {
    expect(splitMulti(input, slash)).toEqual(expected);
  });
});

describe('parseBoolean', () => {
  it.each<[string, boolean | undefined]>([
    ['yes', true],
    ['Yes', true],
    ['y', true],
    ['TRUE', true],
    ['x', true],
    ['X', true],
    ['1', true],
    ['done', true],
    ['Completed', true],
    ['2026-01-15', true],
    ['15/01/2026', true],
    ['2026-01-15T00:00:00.000Z', true],
    ['no', false],
    ['N', false],
    ['false', false],
    ['0', false],
    ['not yet', false],
    ['', undefined],
  ])('%j -> %s', (input, expected) => {
    const r = parseBoolean(input);
    expect(r.value).toBe(expected);
    expect(r.warning).toBeUndefined();
  });
  it('warns on an unknown word and leaves it undefined', () => {
    expect(parseBoolean('maybe', 'training completed')).toEqual({
      warning: {
        code: 'boolean-invalid',
        message: 'training completed "maybe" is not yes or no; left blank',
        hint: 'Write yes or no (or the date it was completed)',
      },
    });
  });
});

describe('parseStatus', () => {
  it.each([
    ['', 'active'],
    ['Active', 'active'],
    ['withdrawn', 'withdrawn'],
    ['Left', 'withdrawn'],
    ['dropped out', 'withdrawn'],
    ['Dropped  Out', 'withdrawn'],
    ['inactive', 'withdrawn'],
  ])('%j -> %s', (input, expected) => {
    expect(parseStatus(input)).toEqual({ value: expected });
  });
  it('keeps an unknown status active with a warning', () => {
    const r = parseStatus('on holiday');
    expect(r.value).toBe('active');
    expect(r.warning?.code).toBe('status-invalid');
  });
});

describe('parseRole', () => {
  it.each([
    ['mentor', 'mentor'],
    ['Mentor', 'mentor'],
    ["I'd like to mentor", 'mentor'],
    ['I’d like to mentor', 'mentor'],
    ['I want to be a mentor', 'mentor'],
    ['Mentor (give guidance)', 'mentor'],
    ['MENTOR', 'mentor'],
    ['mentee', 'mentee'],
    ['Mentee', 'mentee'],
    ['Protégé', 'mentee'],
    ['protege', 'mentee'],
    ["I'd like to be mentored", 'mentee'],
    ['Learner', 'mentee'],
    ['Mentee (receive guidance)', 'mentee'],
    ['Both', 'both'],
    ['Mentor and mentee', 'both'],
    ['Mentor, Mentee', 'both'],
    ['either', 'both'],
    ['Either is fine', 'both'],
  ])('%j -> %s', (input, expected) => {
    expect(parseRole(input)).toEqual({ value: expected });
  });
  it('is empty for an empty cell', () => {
    expect(parseRole('  ')).toEqual({});
  });
  it.each(['Manager', 'sponsor', '?'])('rejects %j with the accepted words', (input) => {
    const r = parseRole(input);
    expect(r.error?.code).toBe('role-invalid');
    expect(r.error?.message).toBe(`role "${input}" is not mentor, mentee or both`);
    expect(r.error?.hint).toContain('mentor, mentee or both');
  });
});
