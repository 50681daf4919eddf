import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { readTable } from '../../src/io/ingest/read-table.js';
import { readCsvText, detectDelimiter } from '../../src/io/formats/csv/read.js';

const trap = (name: string) =>
  fileURLToPath(new URL(`../../fixtures/traps/${name}`, import.meta.url));
const read = (name: string, opts = {}) => readTable(trap(name), { displayName: name, ...opts });
const lines = (t: { rows: { line: number }[] }) => t.rows.map((r) => r.line);

describe('readTable on CSV/text traps', () => {
  it('bom-utf8: BOM removed from the first header, accents kept', async () => {
    const t = await read('bom-utf8.csv');
    expect(t.headers).toEqual(['Email Address', 'Full name', 'Role']);
    expect(t.rows.map((r) => r.cells)).toEqual([
      ['ana@example.com', 'Ana Müller', 'Mentor'],
      ['zoe@example.com', 'Zoë Ng', 'Mentee'],
    ]);
    expect(lines(t)).toEqual([2, 3]);
    expect(t.headerRow).toBe(1);
    expect(t.file).toBe('bom-utf8.csv');
  });

  it('windows-1252: detected when bytes are not UTF-8', async () => {
    const t = await read('windows-1252.csv');
    expect(t.rows[0].cells).toEqual(['rene@example.com', 'René Façade', 'Ventes']);
    expect(t.rows[1].cells[2]).toBe('Finanças – Pago');
    expect(t.notes).toContain('detected encoding windows-1252');
  });

  it('encoding override wins over detection', async () => {
    const t = await read('bom-utf8.csv', { encoding: 'latin1' });
    expect(t.rows[0].cells[1]).toBe('Ana MÃ¼ller');
  });

  it('utf16le with BOM (Excel "Unicode text"), tab-delimited', async () => {
    const t = await read('utf16le.txt');
    expect(t.headers).toEqual(['Email', 'Name', 'Time zone']);
    expect(t.rows.map((r) => r.cells)).toEqual([
      ['kenji@example.com', '山田 健二', 'Asia/Tokyo'],
      ['olu@example.com', 'Olúwaseun Adé', 'Africa/Lagos'],
    ]);
    expect(t.notes).toContain('detected encoding UTF-16 LE (BOM)');
  });

  it('utf16 without BOM (by NUL pattern) and UTF-16 BE', async () => {
    expect((await read('utf16le-nobom.txt')).rows[0].cells).toEqual([
      'soo@example.com',
      'Ji-soo Kim',
    ]);
    expect((await read('utf16be.txt')).rows[0].cells).toEqual(['maria@example.com', 'María José']);
  });

  it.each([
    [
      'semicolon.csv',
      ['Name', 'Email', 'Topics'],
      ['Li Wei', 'li@example.com', 'leadership, public speaking'],
    ],
    ['tab.tsv', ['Name', 'Email', 'Capacity'], ['Sipho Dlamini', 'sipho@example.com', '3']],
    ['pipe.csv', ['Name', 'Email', 'Level'], ['Amir Haddad', 'amir@example.com', '5']],
  ])('%s: delimiter detected', async (name, headers, first) => {
    const t = await read(name);
    expect(t.headers).toEqual(headers);
    expect(t.rows[0].cells).toEqual(first);
    expect(lines(t)).toEqual([2, 3]);
  });

  it('quoted newlines and doubled quotes; line = the row as Excel shows it (issue 10, item 8)', async () => {
    const t = await read('quoted-newlines.csv');
    expect(t.rows.map((r) => r.cells)).toEqual([
      ['a@example.com', 'Grow as a leader\r\nand speak up more', 'Aiko'],
      ['b@example.com', 'She said "hi"', 'Ben'],
      ['c@example.com', 'one\ntwo\nthree', 'Carla'],
    ]);
    expect(lines(t)).toEqual([2, 3, 4]);
  });

  it('ragged rows: short padded, long keeps non-empty extras, trailing empty fields dropped', async () => {
    const t = await read('ragged-rows.csv');
    expect(t.rows).toEqual([
      { line: 2, cells: ['a@example.com', 'Ann', ''] },
      { line: 3, cells: ['b@example.com', 'Bob', 'mentor'], extra: ['surprise', 'extra'] },
      { line: 4, cells: ['c@example.com', 'Cy', 'mentee'] },
    ]);
  });

  it('nul-bytes: stripped with a note', async () => {
    const t = await read('nul-bytes.csv');
    expect(t.rows.map((r) => r.cells)).toEqual([
      ['a@example.com', 'Ann'],
      ['b@example.com', 'Bob'],
    ]);
    expect(t.notes).toContain('removed 2 NUL byte(s)');
  });

  it('blank lines are skipped but counted in line numbers', async () => {
    const t = await read('blank-lines.csv');
    expect(t.headerRow).toBe(3);
    expect(lines(t)).toEqual([5, 8]);
  });

  it('title rows above the header are skipped', async () => {
    const t = await read('title-rows.csv');
    expect(t.headerRow).toBe(4);
    expect(t.headers).toEqual(['Email', 'Name', 'Role']);
    expect(t.rows).toEqual([{ line: 5, cells: ['a@example.com', 'Ann', 'mentor'] }]);
    expect(t.notes).toContain('header found on row 4');
  });

  it('messy headers: trimmed, collapsed, blank named, duplicates suffixed', async () => {
    const t = await read('messy-headers.csv');
    expect(t.headers).toEqual(['Email Address', 'Column 2', 'Name', 'name (2)', 'Name (3)']);
  });

  it('proto-headers: read as plain headers, no prototype pollution', async () => {
    const t = await read('proto-headers.csv');
    expect(t.headers).toEqual(['__proto__', 'constructor', 'prototype', 'Email']);
    expect(t.rows[0].cells).toEqual(['x', 'y', 'z', 'a@example.com']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });

  it('SurveyMonkey: two header rows merged, data lines stay Excel rows', async () => {
    const t = await read('surveymonkey.csv');
    expect(t.headers).toEqual([
      'Respondent ID',
      'Email Address',
      'How satisfied are you with your mentor?',
      'Which topics did you cover? - Career',
      'Which topics did you cover? - Skills',
      'Which topics did you cover? - Other (please specify)',
      'Any other comments?',
    ]);
    expect(lines(t)).toEqual([3, 4]);
    expect(t.rows[0].cells[5]).toBe('Networking');
  });

  it('text renamed .xlsx is read as CSV with a note', async () => {
    const t = await read('not-really.xlsx');
    expect(t.rows).toEqual([{ line: 2, cells: ['a@example.com', 'Ann'] }]);
    expect(t.notes[0]).toBe('file named .xlsx is really text; read as CSV');
  });
});

describe('detectDelimiter', () => {
  it.each([
    ['a;b;c\n1,5;2;3\n4;5,5;6\n', ';'],
    ['name,comment\nAnn,"x;y"\nBob,z\n', ','],
    ['a\tb\n1\t2\n', '\t'],
    ['a|b|c\n1|2|3\n', '|'],
    ['just one column\nvalue\n', ','],
  ])('%j -> %j', (text, expected) => {
    expect(detectDelimiter(text)).toBe(expected);
  });
});

describe('readCsvText', () => {
  it('CRLF, LF and a missing final newline give the same rows', () => {
    const a = readCsvText('h1,h2\r\n1,2\r\n3,4', 'a.csv');
    const b = readCsvText('h1,h2\n1,2\n3,4\n', 'b.csv');
    expect(a.rows).toEqual(b.rows);
    expect(a.rows).toEqual([
      { line: 2, cells: ['1', '2'] },
      { line: 3, cells: ['3', '4'] },
    ]);
  });
  it('reads 100,000 rows with correct line numbers', () => {
    const text = 'id,name\n' + Array.from({ length: 100_000 }, (_, i) => `${i},n${i}`).join('\n');
    const t = readCsvText(text, 'big.csv');
    expect(t.rows.length).toBe(100_000);
    expect(t.rows[99_999]).toEqual({ line: 100_001, cells: ['99999', 'n99999'] });
  });
});
