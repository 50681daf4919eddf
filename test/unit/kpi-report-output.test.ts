import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { parseIsoValue, dateColumnKind } from '../../src/core/kpi/iso-dates.js';
import { attributeNames, resolveBreakdownFields } from '../../src/core/kpi/by-fields.js';
import { planReportOutput } from '../../src/io/outputs/report/destination.js';
import { participants } from '../helpers/survey-program.js';

describe('parseIsoValue', () => {
  it.each([
    ['2027-03-01', Date.UTC(2027, 2, 1), false],
    ['2026-11-02T09:14:03', Date.UTC(2026, 10, 2, 9, 14, 3), true],
    ['2026-11-02 09:14', Date.UTC(2026, 10, 2, 9, 14), true],
    ['2026-11-02T09:14:03.5Z', Date.UTC(2026, 10, 2, 9, 14, 3, 500), true],
    ['2026-11-02T09:14:03+01:00', Date.UTC(2026, 10, 2, 8, 14, 3), true],
    ['2026-11-02T09:14:03-0530', Date.UTC(2026, 10, 2, 14, 44, 3), true],
  ])('%s', (text, ms, time) => expect(parseIsoValue(text)).toEqual({ ms, time }));
  it.each([
    '2027-04-31',
    '2027-02-29',
    '2027-13-01',
    '2027-03-01T24:00',
    '1899-12-31',
    '03/01/2027',
    '2027-3-1',
    '2027-03-01Z',
    'soon',
    '',
  ])('rejects %j', (text) => {
    expect(parseIsoValue(text)).toBeUndefined();
  });
});

describe('dateColumnKind', () => {
  it.each([
    [['2027-03-01', '', undefined, ' 2027-04-01 '], 'date'],
    [['2027-03-01', '2026-11-02T09:14:03'], 'datetime'],
    [['2027-03-01', 'next week'], undefined],
    [['2027-03-01', 12], undefined],
    [['', undefined, null], undefined],
    [[], undefined],
  ] as Array<[unknown[], string | undefined]>)('%j -> %s', (values, kind) =>
    expect(dateColumnKind(values)).toBe(kind),
  );
});

describe('resolveBreakdownFields', () => {
  it('defaults to department and cohort when someone has them', () => {
    expect(resolveBreakdownFields([], participants)).toEqual(['department', 'cohort']);
    expect(
      resolveBreakdownFields(
        [],
        participants.map((p) => ({ ...p, cohort: undefined })),
      ),
    ).toEqual(['department']);
  });
  it('accepts participant fields even when blank, and attributes case-insensitively', () => {
    expect(resolveBreakdownFields(['Level', 'timezone', 'GENDER', 'site'], participants)).toEqual([
      'Level',
      'timezone',
      'GENDER',
      'site',
    ]);
  });
  it('rejects an unknown field, listing the attributes', () => {
    expect(() => resolveBreakdownFields(['shoe size'], participants)).toThrow(
      '--by "shoe size" is not a participant field or attribute',
    );
    try {
      resolveBreakdownFields(['shoe size'], participants);
    } catch (e) {
      expect((e as { hint: string }).hint).toBe(
        'Use department, cohort, role or one of: gender, site',
      );
    }
  });
  it('accepts anything before anyone is imported', () =>
    expect(resolveBreakdownFields(['x'], [])).toEqual(['x']));
  it('lists attribute names once, sorted', () =>
    expect(attributeNames(participants)).toEqual(['gender', 'site']));
});

describe('planReportOutput', () => {
  const where = { cwd: '/work/here', programDir: '/work/prog' };
  const plan = (format: string | undefined, out: string | undefined, json = false) =>
    planReportOutput({ format, out, json }, where);
  it.each([
    [
      undefined,
      undefined,
      false,
      { format: 'xlsx', path: join('/work/prog', 'report.xlsx'), stdout: 'summary' },
    ],
    [undefined, 'r.xlsx', false, { format: 'xlsx', path: '/work/here/r.xlsx', stdout: 'summary' }],
    ['md', undefined, false, { format: 'md', stdout: 'md' }],
    ['json', undefined, false, { format: 'json', stdout: 'json' }],
    ['md', 'x.md', false, { format: 'md', path: '/work/here/x.md', stdout: 'summary' }],
    [undefined, 'x.md', false, { format: 'md', path: '/work/here/x.md', stdout: 'summary' }],
    [undefined, 'k.JSON', false, { format: 'json', path: '/work/here/k.JSON', stdout: 'summary' }],
    ['md', 'notes.txt', false, { format: 'md', path: '/work/here/notes.txt', stdout: 'summary' }],
    [
      undefined,
      undefined,
      true,
      { format: 'xlsx', path: join('/work/prog', 'report.xlsx'), stdout: 'json' },
    ],
    [undefined, 'r.xlsx', true, { format: 'xlsx', path: '/work/here/r.xlsx', stdout: 'json' }],
    ['json', undefined, true, { format: 'json', stdout: 'json' }],
    ['md', 'x.md', true, { format: 'md', path: '/work/here/x.md', stdout: 'json' }],
    [
      'html',
      undefined,
      false,
      { format: 'html', path: join('/work/prog', 'report.html'), stdout: 'summary' },
    ],
    [
      undefined,
      'pack.html',
      false,
      { format: 'html', path: '/work/here/pack.html', stdout: 'summary' },
    ],
  ] as const)('--format %s --out %s --json %s', (format, out, json, expected) =>
    expect(plan(format, out, json)).toEqual(expected),
  );
  it.each([
    ['pdf', undefined, false, '--format "pdf" is not xlsx, html, md or json'],
    ['md', 'r.xlsx', false, '--out "r.xlsx" does not fit --format md'],
    ['xlsx', 'r.md', false, '--out "r.md" does not fit --format xlsx'],
    [undefined, 'r.txt', false, '--out "r.txt" must end in .xlsx, .html, .md or .json'],
    ['html', 'r.md', false, '--out "r.md" does not fit --format html'],
    ['md', undefined, true, '--json and --format md would both print on stdout'],
  ] as const)('refuses --format %s --out %s --json %s', (format, out, json, message) =>
    expect(() => plan(format, out, json)).toThrow(message),
  );
});
