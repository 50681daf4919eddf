import { describe, it, expect } from 'vitest';
import { readCsvText, readCsvTextChunked } from '../../src/io/formats/csv/read.js';
import type { ImportTable } from '../../src/core/roster/import-plan.js';

// Issue 10, item 8: a cell with two line breaks used to shift every later row number by two.
const TEXT =
  'Email,Name,Goals\na@x.org,Ann,"one\ntwo\nthree"\nb@x.org,Bo,x\nc@x.org,"Cy ""C""",y\n';

describe('CSV row numbers are the rows Excel shows', () => {
  it('whole-file read', () => {
    expect(readCsvText(TEXT, 'f.csv').rows.map((r) => r.line)).toEqual([2, 3, 4]);
  });
  it('chunked read (the import path)', () => {
    const t = readCsvTextChunked(TEXT, 'f.csv') as ImportTable;
    expect([...t.chunks!(10)].flat().map((r) => r.line)).toEqual([2, 3, 4]);
  });
  it('the papaparse path (a stray quote) counts the same way', () => {
    const stray = TEXT.replace('b@x.org,Bo,x', 'b@x.org,B"o,x');
    expect(readCsvText(stray, 'f.csv').rows.map((r) => r.line)).toEqual([2, 3, 4]);
  });
});
