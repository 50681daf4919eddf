import { describe, expect, it } from 'vitest';
import { csvChunks } from '../../src/io/outputs/schedule/csv.js';
import { toCsv } from '../../src/io/formats/csv/write.js';

describe('schedule.csv in chunks', () => {
  it('gives exactly the bytes of toCsv: BOM, CRLF, quoting, neutralised formulas, empty and numeric cells', () => {
    const rows = Array.from({ length: 2_345 }, (_, i) => [
      `p${i}`,
      'Ana ↔ "Tom", Jr.',
      i % 3 ? i : undefined,
      '=HYPERLINK("x")',
      '-5',
      ' lead',
      'a\r\nb',
      null,
      '',
    ]);
    const got = Buffer.concat(
      csvChunks(['Pair ID', 'Pair', 'Meeting', 'A', 'B', 'C', 'D', 'E', 'F'], rows),
    );
    expect(
      got.equals(
        Buffer.from(
          toCsv(['Pair ID', 'Pair', 'Meeting', 'A', 'B', 'C', 'D', 'E', 'F'], rows),
          'utf8',
        ),
      ),
    ).toBe(true);
    expect(got.subarray(0, 3).toString('hex')).toBe('efbbbf');
  });
});
