import { describe, expect, it } from 'vitest';
import { cleanHeaders, detectHeader, type GridRow } from '../../src/io/ingest/header-row.js';

const grid = (rows: string[][]): GridRow[] => rows.map((cells, i) => ({ cells, line: i + 1 }));

describe('detectHeader', () => {
  it('plain header on row 1', () => {
    expect(
      detectHeader(
        grid([
          ['Email', 'Name'],
          ['a@x.org', 'Ann'],
        ]),
      ),
    ).toEqual({ index: 0, dataStart: 1, headers: ['Email', 'Name'], notes: [] });
  });
  it('skips a merged title (one value repeated), a subtitle and blank rows', () => {
    const d = detectHeader(
      grid([
        ['Sign-ups', 'Sign-ups', 'Sign-ups'],
        ['Exported 2025', '', ''],
        ['', '', ''],
        ['Email', 'Name', 'Role'],
        ['a@x.org', 'Ann', 'mentor'],
      ]),
    );
    expect(d?.index).toBe(3);
    expect(d?.notes).toEqual(['header found on row 4']);
  });
  it('does not take a numeric row for the header', () => {
    const d = detectHeader(
      grid([
        ['Report', ''],
        ['2024', '2025'],
        ['Email', 'Score'],
        ['a@x.org', '3'],
      ]),
    );
    expect(d?.index).toBe(2);
  });
  it('single-column file: first non-empty row', () => {
    expect(detectHeader(grid([[''], ['Email'], ['a@x.org']]))?.index).toBe(1);
  });
  it('all blank -> undefined', () => {
    expect(detectHeader(grid([[''], ['', '']]))).toBeUndefined();
  });
  it('SurveyMonkey by blank continuation cells even without "Response"', () => {
    const d = detectHeader(
      grid([
        ['ID', 'Languages', '', ''],
        ['', 'English', 'French', 'Other'],
        ['1', 'English', '', 'Yoruba'],
      ]),
    );
    expect(d?.headers).toEqual([
      'ID',
      'Languages - English',
      'Languages - French',
      'Languages - Other',
    ]);
    expect(d?.dataStart).toBe(2);
  });
  it('SurveyMonkey question row with mostly blanks is still the header (judged merged with its sub-labels)', () => {
    const d = detectHeader(
      grid([
        ['ID', 'Topics?', '', '', '', '', 'City?'],
        ['', 'Career', 'Skills', 'Health', 'Money', 'Other', 'Response'],
        ['1', 'Career', '', 'Health', '', '', 'Lagos'],
      ]),
    );
    expect(d?.index).toBe(0);
    expect(d?.headers).toEqual([
      'ID',
      'Topics? - Career',
      'Topics? - Skills',
      'Topics? - Health',
      'Topics? - Money',
      'Topics? - Other',
      'City?',
    ]);
    expect(d?.dataStart).toBe(2);
  });
  it('a data row under blank header cells is not mistaken for a sub-header', () => {
    const d = detectHeader(
      grid([
        ['Email', 'Name', ''],
        ['a@x.org', 'Ann', 'extra'],
      ]),
    );
    expect(d?.dataStart).toBe(1);
  });
});

describe('cleanHeaders', () => {
  it('trims, collapses, names blanks and suffixes duplicates without collisions', () => {
    expect(
      cleanHeaders([
        '\uFEFF Email\u0000 ',
        'What is\nyour  name?',
        '',
        'Email',
        'Email (2)',
        'EMAIL',
      ]),
    ).toEqual([
      'Email',
      'What is your name?',
      'Column 3',
      'Email (2)',
      'Email (2) (2)',
      'EMAIL (3)',
    ]);
  });
});
