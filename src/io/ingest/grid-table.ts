/**
 * Turning a grid of text rows (from CSV or XLSX) into a SourceTable: header, aligned cells, extras.
 */

import { InputError } from '../../errors.js';
import type { SourceRow, SourceTable } from '../../core/types.js';
import { cleanHeaders, detectHeader, type GridRow } from './header-row.js';

export interface GridContext {
  file: string;
  sheet?: string;
  notes: string[];
  /**
   * CSV: the header's field count fixes the width and later non-empty fields are `extra`.
   * XLSX: every used column is a column (a blank header becomes "Column N").
   */
  widthFromHeader: boolean;
}

const filled = (c: string | undefined): boolean => c !== undefined && c.trim() !== '';

function lastFilled(cells: string[]): number {
  for (let i = cells.length - 1; i >= 0; i--) if (filled(cells[i])) return i;
  return -1;
}

/** Builds the table; throws InputError for a file with no rows or with a header and no data. */
export function gridToTable(rows: GridRow[], ctx: GridContext): SourceTable {
  const { file, sheet } = ctx;
  const det = detectHeader(rows);
  if (!det)
    throw new InputError(
      'is empty',
      { file, sheet },
      'Export the data again with a header row and at least one data row',
    );
  const data = rows.slice(det.dataStart).filter((r) => r.cells.some(filled));
  let width = ctx.widthFromHeader ? det.headers.length : lastFilled(det.headers) + 1;
  if (!ctx.widthFromHeader) for (const r of data) width = Math.max(width, lastFilled(r.cells) + 1);
  // Trailing columns with neither a header nor any data are noise (trailing delimiters, formatted
  // blanks).
  while (
    width > 0 &&
    !filled(det.headers[width - 1]) &&
    !data.some((r) => filled(r.cells[width - 1]))
  )
    width--;
  const raw = det.headers.slice(0, width);
  while (raw.length < width) raw.push('');
  const headerLine = rows[det.index].line;
  if (data.length === 0) {
    throw new InputError(
      'has a header row but no data rows',
      { file, sheet, row: headerLine },
      'Add the participants below the header row, or check that you exported the right sheet',
    );
  }
  const out: SourceRow[] = new Array<SourceRow>(data.length);
  for (let i = 0; i < data.length; i++) out[i] = shapeRow(data[i].cells, data[i].line, width);
  const table: SourceTable = {
    file,
    headerRow: headerLine,
    headers: cleanHeaders(raw),
    rows: out,
    notes: [...ctx.notes, ...det.notes],
  };
  if (sheet !== undefined) table.sheet = sheet;
  return table;
}

/** A data row cut or padded to `width` cells; non-empty cells beyond it go to `extra`. */
export function shapeRow(src: string[], line: number, width: number): SourceRow {
  const cells = src.length === width ? src : src.slice(0, width);
  while (cells.length < width) cells.push('');
  const row: SourceRow = { line, cells };
  if (src.length > width) {
    const beyond = src.slice(width);
    const last = lastFilled(beyond);
    if (last >= 0) row.extra = beyond.slice(0, last + 1);
  }
  return row;
}
