import { describe, expect, it } from 'vitest';
import { readScale, readCount, readYesNo, isRealConcern } from '../../src/core/surveys/scales.js';
import { parseResponseDate } from '../../src/core/surveys/dates.js';

describe('readScale 1-5 with labels', () => {
  const cases: Array<[string, number | 'invalid' | 'empty']> = [
    ['Strongly disagree', 1],
    ['Disagree', 2],
    ['Neither agree nor disagree', 3],
    ['Agree', 4],
    ['Strongly agree', 5],
    ['Very dissatisfied', 1],
    ['dissatisfied', 2],
    ['Satisfied', 4],
    ['Very satisfied', 5],
    ['Never', 1],
    ['Rarely', 2],
    ['Sometimes', 3],
    ['Often', 4],
    ['Always', 5],
    ['Poor', 1],
    ['Fair', 2],
    ['Good', 3],
    ['Very good', 4],
    ['Excellent', 5],
    ['4 - Satisfied', 4],
    ['9', 'invalid'],
    ['★★★★', 4],
    ['4/5', 4],
    ['3 out of 5', 3],
    ['  5 ', 5],
    ['7', 'invalid'],
    ['0', 'invalid'],
    ['Meh', 'invalid'],
    ['3.5', 'invalid'],
    ['', 'empty'],
    ['   ', 'empty'],
  ];
  it.each(cases)('%s -> %s', (text, expected) => {
    const r = readScale(text, 1, 5, { labels: true, integer: true });
    if (expected === 'invalid' || expected === 'empty') expect(r.kind).toBe(expected);
    else expect(r).toEqual({ kind: 'value', value: expected });
  });
});

describe('readScale 0-10 (recommend)', () => {
  it.each([
    ['0', 0],
    ['9', 9],
    ['10 - Extremely likely', 10],
  ] as const)('%s -> %d', (t, v) =>
    expect(readScale(t, 0, 10, { integer: true })).toEqual({ kind: 'value', value: v }),
  );
  it.each(['11', '-1', 'Agree', 'very'])('%s is out of scale', (t) =>
    expect(readScale(t, 0, 10, { integer: true }).kind).toBe('invalid'),
  );
});

describe('counts, yes/no, concerns', () => {
  it('reads meeting counts', () => {
    expect(readCount('3')).toEqual({ kind: 'value', value: 3 });
    expect(readCount('4 meetings')).toEqual({ kind: 'value', value: 4 });
    expect(readCount('none')).toEqual({ kind: 'value', value: 0 });
    expect(readCount('lots').kind).toBe('invalid');
    expect(readCount('-2').kind).toBe('invalid');
  });
  it('reads yes/no', () => {
    expect(readYesNo('Yes')).toEqual({ kind: 'value', value: true });
    expect(readYesNo('No, thanks')).toEqual({ kind: 'value', value: false });
    expect(readYesNo('Maybe').kind).toBe('not-counted');
  });
  it.each([
    ['1', true],
    ['0', false],
    ['TRUE', true],
    ['false', false],
    ['y', true],
    ['N', false],
  ])('reads Typeform-style yes/no %s', (text, value) => {
    expect(readYesNo(text)).toEqual({ kind: 'value', value });
  });
  it.each(['2', '-1', '0.5'])('%s is not yes or no', (text) => {
    expect(readYesNo(text).kind).toBe('invalid');
  });
  it('treats "none", "n/a", "-" as no concern', () => {
    for (const t of ['none', 'N/A', '-', 'No', '', 'Nothing.'])
      expect(isRealConcern(t)).toBe(false);
    expect(isRealConcern('My mentor never replies')).toBe(true);
    expect(isRealConcern(undefined)).toBe(false);
  });
});

describe('parseResponseDate', () => {
  it.each([
    ['2027/04/05 10:22:13 AM GMT+1', '2027-04-05T09:22:13Z'],
    ['2027/04/05 3:30:00 PM GMT', '2027-04-05T15:30:00Z'],
    ['2027-01-12 09:03:10', '2027-01-12T09:03:10Z'],
    ['2027-01-12T09:03:10.000Z', '2027-01-12T09:03:10Z'],
    ['06/26/2027 10:05:40 AM', '2027-06-26T10:05:40Z'],
    ['26/06/2027', '2027-06-26T00:00:00Z'],
    ['4/10/27 9:04', '2027-04-10T09:04:00Z'],
  ])('%s -> %s', (t, iso) => expect(parseResponseDate(t)).toBe(iso));
  it.each(['yesterday', '2027-02-30', '13/13/2027'])('%s is not a date', (t) =>
    expect(parseResponseDate(t)).toBeUndefined(),
  );
});
