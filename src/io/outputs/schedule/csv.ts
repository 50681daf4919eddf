/**
 * schedule.csv as byte chunks: the same text as toCsv (csv-write.ts), encoded a batch of rows at a
 * time.
 */

import { neutraliseCell } from '../../../core/safe-cell.js';
import type { FastValue } from '../../formats/xlsx/fast-write.js';

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;
const BATCH = 1_000;

function field(v: FastValue): string {
  let text: string;
  if (v === null || v === undefined) text = '';
  else if (typeof v === 'number') text = Number.isFinite(v) ? String(v) : '';
  else text = neutraliseCell(v);
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The CSV (UTF-8 with BOM, CRLF, text cells neutralised) of `headers` and `rows` as UTF-8 chunks,
 * byte-identical to
 * `toCsv`: 100,000 rows never become one 30 MB string, and a value repeated on every row is escaped
 * once.
 */
export function csvChunks(headers: string[], rows: readonly FastValue[][]): Buffer[] {
  const fields = new Map<string, string>();
  const cell = (v: FastValue) => {
    if (typeof v !== 'string') return field(v);
    let f = fields.get(v);
    if (f === undefined) {
      f = field(v);
      // Names, ids, zones and dates repeat; free text rarely does, so the cache stays small enough.
      if (fields.size < 200_000) fields.set(v, f);
    }
    return f;
  };
  const chunks: Buffer[] = [];
  let text = `\uFEFF${headers.map(field).join(',')}\r\n`;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    let line = row.length ? cell(row[0]) : '';
    for (let i = 1; i < row.length; i++) line += `,${cell(row[i])}`;
    text += `${line}\r\n`;
    if (r % BATCH === BATCH - 1) {
      chunks.push(Buffer.from(text, 'utf8'));
      text = '';
    }
  }
  if (text) chunks.push(Buffer.from(text, 'utf8'));
  return chunks;
}
