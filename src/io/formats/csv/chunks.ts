/**
 * A scanned CSV text as an import table whose data rows are cut out a chunk at a time (RowChunks).
 */

import { InputError } from '../../../errors.js';
import type { ImportTable } from '../../../core/roster/import-plan.js';
import type { SourceRow } from '../../../core/types.js';
import { cellOf, cellsOf, rowsText, type CsvIndex } from './scan.js';
import { gridToTable, shapeRow } from '../../ingest/grid-table.js';
import {
  cleanHeaders,
  detectHeader,
  HEADER_WINDOW,
  type GridRow,
} from '../../ingest/header-row.js';

const filled = (c: string | undefined): boolean => c !== undefined && c.trim() !== '';

/** A string that does not point into the whole text (a slice would keep all of it alive). */
const copy = (s: string): string => (s.length ? (JSON.parse(JSON.stringify(s)) as string) : s);

const gridRow = (index: CsvIndex, r: number): GridRow => ({
  cells: cellsOf(index, r),
  line: index.rowLine[r],
});

// perf: rows handed over in chunks so a 100k-row file never sits as one array of rows (bench:
//   import.mjs)
/**
 * The same table gridToTable makes of every row (header, width, data rows, errors), except that
 * only the first rows are cut out now: the data rows come from `chunks`, which can run once and
 * then lets the text go. A header whose last cell is blank needs every row to fix the width: that
 * table is made whole.
 */
export function chunkedTable(index: CsvIndex, file: string, notes: string[]): ImportTable {
  const count = index.rowCount;
  let firstFilled = 0;
  while (firstFilled < count && !cellsOf(index, firstFilled).some(filled)) firstFilled++;
  const prefix: GridRow[] = [];
  for (let r = 0; r < Math.min(count, firstFilled + HEADER_WINDOW + 1); r++)
    prefix.push(gridRow(index, r));
  const det = detectHeader(prefix);
  if (!det)
    throw new InputError(
      'is empty',
      { file },
      'Export the data again with a header row and at least one data row',
    );
  const width = det.headers.length;
  if (!filled(det.headers[width - 1])) {
    const all: GridRow[] = new Array<GridRow>(count);
    for (let r = 0; r < count; r++) all[r] = gridRow(index, r);
    return gridToTable(all, { file, notes, widthFromHeader: true });
  }
  const headerLine = prefix[det.index].line;
  let first = det.dataStart;
  while (first < count && !cellsOf(index, first).some(filled)) first++;
  if (first >= count) {
    throw new InputError(
      'has a header row but no data rows',
      { file, row: headerLine },
      'Add the participants below the header row, or check that you exported the right sheet',
    );
  }
  let source: CsvIndex | undefined = index;
  const used = (): CsvIndex => {
    if (!source) throw new Error(`the rows of ${file} were already read`);
    return source;
  };
  return {
    file,
    headerRow: headerLine,
    headers: cleanHeaders(det.headers).map(copy),
    rows: [],
    notes: [...notes, ...det.notes].map(copy),
    rowCount: count,
    *chunks(size: number): Generator<SourceRow[]> {
      const idx = used();
      for (let r0 = first; r0 < count; r0 += size) {
        const r1 = Math.min(count, r0 + size);
        const { own, at } = rowsText(idx, r0, r1);
        const batch: SourceRow[] = [];
        for (let r = r0; r < r1; r++) {
          const cells = cellsOf(idx, r, own, at);
          if (cells.some(filled)) batch.push(shapeRow(cells, idx.rowLine[r], width));
        }
        if (batch.length) yield batch;
      }
      // Done: the text and its offsets can go (the table itself lives on in the import's summary).
      source = undefined;
    },
    *column(col: number): Generator<string> {
      const idx = used();
      for (let r = first; r < count; r++) yield cellOf(idx, r, col);
    },
  };
}
