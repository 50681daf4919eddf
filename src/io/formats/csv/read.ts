/**
 * Parsing decoded CSV/TSV text with papaparse: delimiter detection, quoted newlines, row numbers.
 */

import Papa from 'papaparse';
import { InputError } from '../../../errors.js';
import type { SourceTable } from '../../../core/types.js';
import type { ImportTable } from '../../../core/roster/import-plan.js';
import { gridToTable } from '../../ingest/grid-table.js';
import type { GridRow } from '../../ingest/header-row.js';
import { csvNewline, scanCsv } from './scan.js';
import { chunkedTable } from './chunks.js';
import { checkCsvLimits } from './limits.js';

const DELIMITERS = [',', ';', '\t', '|'] as const;
const DELIMITER_NAMES: Record<string, string> = {
  ',': 'comma',
  ';': 'semicolon',
  '\t': 'tab',
  '|': 'pipe',
};
const SAMPLE_CHARS = 64 * 1024;

/**
 * Picks the delimiter whose split gives the most consistent field count over the first rows
 * (the header included), then the most fields; papaparse's own guess breaks ties.
 */
export function detectDelimiter(text: string): string {
  let sample = text.slice(0, SAMPLE_CHARS);
  const cut = sample.lastIndexOf('\n');
  if (text.length > SAMPLE_CHARS && cut > 0) sample = sample.slice(0, cut);
  const guess = Papa.parse<string[]>(sample, { preview: 30, delimitersToGuess: [...DELIMITERS] })
    .meta.delimiter;
  let best = ',';
  let bestScore = -1;
  for (const d of DELIMITERS) {
    const rows = Papa.parse<string[]>(sample, { delimiter: d, preview: 30 }).data.filter((r) =>
      r.some((c) => c.trim() !== ''),
    );
    if (rows.length === 0) continue;
    const freq = new Map<number, number>();
    for (const r of rows) freq.set(r.length, (freq.get(r.length) ?? 0) + 1);
    let mode = 1;
    let modeCount = 0;
    for (const [len, n] of freq)
      if (n > modeCount || (n === modeCount && len > mode)) {
        mode = len;
        modeCount = n;
      }
    if (mode < 2) continue;
    const consistency = Math.round((modeCount / rows.length) * 20) / 20;
    const score = consistency * 10000 + Math.min(mode, 9999) + (d === guess ? 0.5 : 0);
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

const NEWLINES = /\r\n|\r|\n/g;

function countNewlines(s: string): number {
  if (s.indexOf('\n') === -1 && s.indexOf('\r') === -1) return 0;
  return s.match(NEWLINES)?.length ?? 0;
}

/**
 * The row of a papaparse error as Excel shows it (its record number: a cell with line breaks stays
 * one row); the text line of its offset when papaparse gives no row.
 */
function rowOf(err: Papa.ParseError, text: string): number {
  if (typeof err.row === 'number' && err.row >= 0) return err.row + 1;
  return 1 + countNewlines(text.slice(0, Math.max(0, (err.index ?? 1) - 1)));
}

/** The text without its BOM, the delimiter, and the notes so far; throws for an empty text. */
function prepare(
  input: string,
  file: string,
  notes: string[],
): { text: string; delimiter: string; notes: string[] } {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  if (text.trim() === '') {
    throw new InputError(
      'is empty',
      { file },
      'Export the data again with a header row and at least one data row',
    );
  }
  const delimiter = detectDelimiter(text);
  // Before anything is split: a huge cell or a line of millions of cells is refused in one line.
  checkCsvLimits(text, delimiter, file);
  const allNotes = [...notes];
  if (delimiter !== ',') allNotes.push(`delimiter detected: ${DELIMITER_NAMES[delimiter]}`);
  return { text, delimiter, notes: allNotes };
}

/** Parses CSV text into a SourceTable; `notes` are carried over (encoding and the like). */
export function readCsvText(input: string, file: string, notes: string[] = []): SourceTable {
  const { text, delimiter, notes: allNotes } = prepare(input, file, notes);
  return parseWithPapa(text, file, delimiter, allNotes);
}

/**
 * readCsvText for an import: when the text is well-formed CSV (see csv-scan.ts) the data rows are
 * cut out of it a chunk at a time (RowChunks), so that a 100,000-row file never exists as 1.5
 * million cell strings at once. Anything else is parsed by papaparse, with the same rows and
 * errors.
 */
export function readCsvTextChunked(input: string, file: string, notes: string[] = []): ImportTable {
  const { text, delimiter, notes: allNotes } = prepare(input, file, notes);
  const index = scanCsv(text, delimiter, csvNewline(text, delimiter));
  return index
    ? chunkedTable(index, file, allNotes)
    : parseWithPapa(text, file, delimiter, allNotes);
}

function parseWithPapa(
  text: string,
  file: string,
  delimiter: string,
  allNotes: string[],
): SourceTable {
  const parsed = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false });
  for (const err of parsed.errors) {
    // MissingQuotes: the quote never closes. InvalidQuotes spanning lines: it closed on a later,
    // unrelated quote and swallowed whole rows. Either way the rows after it cannot be trusted.
    const swallowed =
      err.code === 'InvalidQuotes' &&
      (parsed.data[err.row ?? -1] ?? []).some((c) => countNewlines(c) > 0);
    if (err.code === 'MissingQuotes' || swallowed) {
      throw new InputError(
        'has a value with an unbalanced double quote',
        { file, row: rowOf(err, text) },
        'A value starting with a double quote has no closing quote; close it or remove it',
      );
    }
    if (err.code === 'InvalidQuotes')
      allNotes.push(`row ${rowOf(err, text)}: stray double quote kept as text`);
  }
  const rows = parsed.data;
  const grid: GridRow[] = new Array<GridRow>(rows.length);
  // The row as Excel shows it: a quoted cell with line breaks stays in one row, so later rows keep
  // their numbers.
  for (let i = 0; i < rows.length; i++) grid[i] = { cells: rows[i], line: i + 1 };
  return gridToTable(grid, { file, notes: allNotes, widthFromHeader: true });
}
