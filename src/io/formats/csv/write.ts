/** Writing CSV that Excel opens correctly and cannot be tricked into running formulas. */

import { neutraliseCell } from '../../../core/safe-cell.js';

type CsvValue = string | number | boolean | null | undefined;

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

function field(v: CsvValue): string {
  let text: string;
  if (v === null || v === undefined) text = '';
  else if (typeof v === 'number') text = Number.isFinite(v) ? String(v) : '';
  else if (typeof v === 'boolean') text = v ? 'true' : 'false';
  else text = neutraliseCell(v);
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * CSV text (UTF-8 with BOM so Excel opens accents correctly, CRLF) with every text cell
 * neutralised.
 */
export function toCsv(headers: string[], rows: CsvValue[][]): string {
  const lines = [headers.map(field).join(',')];
  for (const row of rows) lines.push(row.map(field).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
