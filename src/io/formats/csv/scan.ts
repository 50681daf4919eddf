/**
 * A fast CSV splitter for well-formed text: it records where every field starts and ends (typed
 * arrays, no strings) so that rows can be cut out a chunk at a time. It gives exactly papaparse's
 * result for the text it accepts, and gives up (undefined) on anything papaparse would treat
 * specially: a quote inside an unquoted field, text after a closing quote, an unclosed quote, or a
 * line break that is not the file's own. Such files are read by papaparse as before.
 */

import Papa from 'papaparse';

/** Field offsets of a scanned text; cells are cut out with `cellsOf`. */
export interface CsvIndex {
  text: string;
  rowCount: number;
  /** Index of each row's first field; `rowField[rowCount]` is the field count. */
  rowField: Int32Array;
  /** Start of each field's text; a quoted field's start is stored as `~start` (negative). */
  fieldStart: Int32Array;
  fieldEnd: Int32Array;
  /** Row number (1-based, as Excel shows it: a quoted line break does not start a row). */
  rowLine: Int32Array;
}

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

/** The line break papaparse would use for `text` (it looks at the first 1 MB). */
export function csvNewline(text: string, delimiter: string): string {
  return Papa.parse<string[]>(text.slice(0, 1024 * 1024), { delimiter, preview: 1 }).meta.linebreak;
}

function grow(a: Int32Array<ArrayBuffer>, need: number): Int32Array<ArrayBuffer> {
  if (need <= a.length) return a;
  const b = new Int32Array(Math.max(need, a.length * 2));
  b.set(a);
  return b;
}

// perf: one scan records cell offsets in typed arrays; cells are sliced on demand, not parsed into
//   100k arrays (bench: import.mjs)
/** Scans `text` (BOM already removed); undefined when it needs papaparse's own handling. */
export function scanCsv(text: string, delimiter: string, newline: string): CsvIndex | undefined {
  if (delimiter.length !== 1 || newline.length < 1 || newline.length > 2) return undefined;
  const D = delimiter.charCodeAt(0);
  const N0 = newline.charCodeAt(0);
  const N1 = newline.length === 2 ? newline.charCodeAt(1) : -1;
  const n = text.length;
  // Sized for fields of ~16 characters and rows of ~256; the arrays grow as needed.
  let fieldStart = new Int32Array(Math.max(1024, n >> 4));
  let fieldEnd = new Int32Array(fieldStart.length);
  let rowField = new Int32Array(Math.max(256, n >> 8));
  let rowLine = new Int32Array(rowField.length);
  let fields = 0;
  let rows = 0;
  let i = 0;
  rowField[0] = 0;
  for (;;) {
    if (fields >= fieldStart.length) {
      fieldStart = grow(fieldStart, fields + 1);
      fieldEnd = grow(fieldEnd, fields + 1);
    }
    let c: number;
    if (text.charCodeAt(i) === QUOTE && i < n) {
      let j = i + 1;
      let close: number;
      for (;;) {
        close = text.indexOf('"', j);
        if (close === -1) return undefined;
        if (close + 1 < n && text.charCodeAt(close + 1) === QUOTE) {
          j = close + 2;
          continue;
        }
        break;
      }
      fieldStart[fields] = ~(i + 1);
      fieldEnd[fields++] = close;
      i = close + 1;
      c = i < n ? text.charCodeAt(i) : -1;
      if (c !== -1 && c !== D && c !== CR && c !== LF) return undefined;
    } else {
      let j = i;
      c = -1;
      for (; j < n; j++) {
        c = text.charCodeAt(j);
        if (c === D || c === LF || c === CR) break;
        if (c === QUOTE) return undefined;
      }
      if (j === n) c = -1;
      fieldStart[fields] = i;
      fieldEnd[fields++] = j;
      i = j;
    }
    if (c === D) {
      i++;
      continue;
    }
    // End of the row: at the end of the text or at the file's own line break.
    if (c !== -1) {
      if (
        c !== N0 ||
        (N1 !== -1 && text.charCodeAt(i + 1) !== N1) ||
        (N1 === -1 && N0 === CR && text.charCodeAt(i + 1) === LF)
      )
        return undefined;
      i += newline.length;
    }
    if (rows + 2 > rowField.length) {
      rowField = grow(rowField, rows + 2);
      rowLine = grow(rowLine, rows + 2);
    }
    rowLine[rows] = rows + 1;
    rowField[++rows] = fields;
    if (c === -1) break;
  }
  return { text, rowCount: rows, rowField, fieldStart, fieldEnd, rowLine };
}

/**
 * The cells of row `r`, as papaparse gives them; cut from `text` (or from `own`, a copy of `text`
 * from offset `at` on).
 */
export function cellsOf(index: CsvIndex, r: number, own: string = index.text, at = 0): string[] {
  const { fieldStart, fieldEnd } = index;
  const from = index.rowField[r];
  const to = index.rowField[r + 1];
  const cells: string[] = new Array<string>(to - from);
  for (let f = from; f < to; f++) {
    const s = fieldStart[f];
    if (s >= 0) cells[f - from] = own.slice(s - at, fieldEnd[f] - at);
    else {
      const v = own.slice(~s - at, fieldEnd[f] - at);
      cells[f - from] = v.indexOf('"') === -1 ? v : v.replaceAll('""', '"');
    }
  }
  return cells;
}

/**
 * A copy of the text of rows `from` to `to` (exclusive) and its offset, to cut their cells from: a
 * cell cut from the whole text keeps all of it alive while anything holds on to that cell.
 */
export function rowsText(index: CsvIndex, from: number, to: number): { own: string; at: number } {
  const first = index.fieldStart[index.rowField[from]];
  const at = first >= 0 ? first : ~first;
  const end = index.fieldEnd[index.rowField[to] - 1];
  // Through UTF-16 bytes and back: a flat string of its own (a slice would point into the whole
  // text).
  return { own: Buffer.from(index.text.slice(at, end), 'utf16le').toString('utf16le'), at };
}

/** Cell `col` of row `r` ('' when the row is shorter). */
export function cellOf(index: CsvIndex, r: number, col: number): string {
  const f = index.rowField[r] + col;
  if (f >= index.rowField[r + 1]) return '';
  const s = index.fieldStart[f];
  if (s >= 0) return index.text.slice(s, index.fieldEnd[f]);
  const v = index.text.slice(~s, index.fieldEnd[f]);
  return v.indexOf('"') === -1 ? v : v.replaceAll('""', '"');
}
