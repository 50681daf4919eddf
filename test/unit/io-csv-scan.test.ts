import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Papa from 'papaparse';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { cellsOf, csvNewline, scanCsv, type CsvIndex } from '../../src/io/formats/csv/scan.js';
import { readTable } from '../../src/io/ingest/read-table.js';
import type { ImportTable } from '../../src/core/roster/import-plan.js';
import type { SourceRow } from '../../src/core/types.js';

const rowsOf = (index: CsvIndex) =>
  Array.from({ length: index.rowCount }, (_, r) => cellsOf(index, r));
const linesOf = (index: CsvIndex) => Array.from(index.rowLine.subarray(0, index.rowCount));
const scan = (text: string, d = ',') => scanCsv(text, d, csvNewline(text, d));

/**
 * Row numbers as readCsvText counts them: as Excel shows them, one per record (a quoted line break
 * does not start a new row; issue 10, item 8).
 */
function papaLines(rows: string[][]): number[] {
  return rows.map((_, i) => i + 1);
}

describe('scanCsv', () => {
  it('splits quoted fields, escaped quotes, quoted line breaks and the empty last row like papaparse', () => {
    const text = 'a,b,c\r\n"x, y","say ""hi""",\r\n"multi\r\nline",2,3\r\n';
    const index = scan(text)!;
    expect(rowsOf(index)).toEqual([
      ['a', 'b', 'c'],
      ['x, y', 'say "hi"', ''],
      ['multi\r\nline', '2', '3'],
      [''],
    ]);
    expect(linesOf(index)).toEqual([1, 2, 3, 4]);
  });

  it('gives up on what papaparse treats specially: stray or unclosed quotes, text after a quote, mixed line breaks', () => {
    for (const text of [
      'a,b\nx"y,z\n',
      'a,b\n"x"y,z\n',
      'a,b\n"open,z\n',
      'a,b\r\nc,d\ne,f\r\n',
      'a,b\n"x" ,z\n',
    ]) {
      expect(scan(text)).toBeUndefined();
    }
  });

  it('agrees with papaparse on every text it accepts (cells and line numbers)', () => {
    const piece = fc.constantFrom(
      'a',
      'Ł',
      ' ',
      ',',
      ';',
      '"',
      '""',
      '\r\n',
      '\n',
      '\r',
      'x y',
      '',
    );
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 40 }),
        fc.constantFrom(',', ';', '\t'),
        (parts, d) => {
          const text = parts.join('');
          if (text === '') return;
          const index = scan(text, d);
          if (!index) return;
          const papa = Papa.parse<string[]>(text, { delimiter: d, skipEmptyLines: false });
          expect(papa.errors).toEqual([]);
          expect(rowsOf(index)).toEqual(papa.data);
          expect(linesOf(index)).toEqual(papaLines(papa.data));
        },
      ),
      { numRuns: 3000 },
    );
  });
});

const dir = (sub: string) => fileURLToPath(new URL(`../../fixtures/${sub}/`, import.meta.url));
const csvFixtures = ['traps', 'sample', 'surveys-traps'].flatMap((sub) =>
  readdirSync(dir(sub))
    .filter((f) => /\.(csv|tsv|txt)$/.test(f))
    .map((f) => join(dir(sub), f)),
);

async function outcome(path: string, chunked: boolean) {
  try {
    const t = (await readTable(path, { displayName: 'f.csv', chunked })) as ImportTable;
    const rows: SourceRow[] = t.chunks ? [...t.chunks(2)].flat() : t.rows;
    const { chunks: _c, column: _col, rowCount: _n, ...meta } = t;
    return { ...meta, rows };
  } catch (err) {
    return { error: (err as Error).message, location: (err as { location?: unknown }).location };
  }
}

describe('readTable with chunked rows', () => {
  it.each(csvFixtures.map((f) => [f.split('/fixtures/')[1], f]))(
    '%s: the same headers, rows, lines, notes and errors as the whole-file read',
    async (_name, path) => {
      expect(await outcome(path, true)).toEqual(await outcome(path, false));
    },
  );

  it('cuts data rows a chunk at a time, blank rows dropped, and gives a column for the date check', async () => {
    const { writeFileSync, mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const tmp = mkdtempSync(join(tmpdir(), 'csv-chunks-'));
    try {
      const path = join(tmp, 'people.csv');
      writeFileSync(
        path,
        'My sign-ups\n\nEmail,Name,Submitted\na@x.org,Ana,1/5/2026\n,,\nb@x.org,"Bo\nB",2/5/2026\nc@x.org,Cy,3/5/2026,extra\n',
      );
      const t = (await readTable(path, {
        chunked: true,
        displayName: 'people.csv',
      })) as ImportTable;
      expect(t.rows).toEqual([]);
      expect([t.headers, t.headerRow, t.rowCount]).toEqual([['Email', 'Name', 'Submitted'], 3, 8]);
      expect([...t.column!(2)]).toEqual(['1/5/2026', '', '2/5/2026', '3/5/2026', '']);
      const chunks = [...t.chunks!(2)];
      expect(chunks.map((c) => c.map((r) => r.line))).toEqual([[4], [6, 7]]);
      expect(chunks[1][0].cells).toEqual(['b@x.org', 'Bo\nB', '2/5/2026']);
      expect(chunks[1][1]).toEqual({
        line: 7,
        cells: ['c@x.org', 'Cy', '3/5/2026'],
        extra: ['extra'],
      });
      expect(() => [...t.chunks!(2)]).toThrow(/already read/);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});
