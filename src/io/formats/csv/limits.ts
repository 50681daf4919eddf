/**
 * Size limits on CSV text, checked before it is split: a 50 MB line of commas (50 million empty
 * cells) or a 10 MB cell used to take gigabytes or crash. The limits are Excel's own, so nothing a
 * spreadsheet can hold is refused.
 */

import { InputError } from '../../../errors.js';

/** Characters in one cell (Excel's limit). */
const MAX_CELL_CHARS = 32_767;
/** Cells in one row (Excel's last column, XFD). */
const MAX_COLUMNS = 16_384;
/** Rows in one file (Excel's last row). */
const MAX_ROWS = 1_048_576;

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

/** The Excel letters of a 1-based column number (1 -> A, 27 -> AA). */
function columnLetters(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26))
    s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

/** Throws one InputError (row and column as Excel shows them) when `text` exceeds a limit. */
export function checkCsvLimits(text: string, delimiter: string, file: string): void {
  const D = delimiter.charCodeAt(0);
  const n = text.length;
  let row = 1;
  let col = 1;
  let start = 0;
  let quoted = false;
  const fail = (what: string, hint: string): never => {
    throw new InputError(what, { file, row, column: columnLetters(col) }, hint);
  };
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (quoted) {
      if (c === QUOTE) {
        if (text.charCodeAt(i + 1) === QUOTE) i++;
        else quoted = false;
      }
      continue;
    }
    if (c === QUOTE && i === start) {
      quoted = true;
      continue;
    }
    if (c !== D && c !== LF && c !== CR) continue;
    if (i - start > MAX_CELL_CHARS)
      fail(
        `has a cell of ${i - start} characters (the limit is ${MAX_CELL_CHARS}, as in Excel)`,
        'Shorten that cell, or check that the file really is a table of sign-ups',
      );
    if (c === D) {
      if (++col > MAX_COLUMNS)
        fail(
          `has a row of more than ${MAX_COLUMNS} cells (the limit is Excel's last column, XFD)`,
          'Check that the file really is a table of sign-ups and not damaged',
        );
    } else {
      if (c === CR && text.charCodeAt(i + 1) === LF) i++;
      if (++row > MAX_ROWS)
        fail(
          `has more than ${MAX_ROWS} rows (the limit is Excel's last row)`,
          'Split the file into smaller ones',
        );
      col = 1;
    }
    start = i + 1;
  }
  if (n - start > MAX_CELL_CHARS)
    fail(
      `has a cell of ${n - start} characters (the limit is ${MAX_CELL_CHARS}, as in Excel)`,
      'Shorten that cell, or check that the file really is a table of sign-ups',
    );
}
