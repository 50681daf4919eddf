/** Reading any participant or survey export (CSV, TSV, TXT, XLSX) into a SourceTable. */

import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { InputError } from '../../errors.js';
import type { SourceTable } from '../../core/types.js';
import { readCsvText, readCsvTextChunked } from '../formats/csv/read.js';
import { decodeText } from '../formats/csv/decode.js';
import { checkZipSafety, formatBytes, ZIP_LIMITS } from '../formats/xlsx/zip-guard.js';
import { tameWorkbook } from '../formats/xlsx/workbook-guard.js';

export interface ReadOptions {
  sheet?: string;
  /** Overrides encoding detection, e.g. 'windows-1252'. */
  encoding?: string;
  /** Name used in messages; default: the path as given. */
  displayName?: string;
  /**
   * For an import: a well-formed CSV file's data rows are left in the text and produced a chunk at
   * a time by the table's `chunks` (RowChunks in core/import-plan.ts); `rows` is then empty.
   */
  chunked?: boolean;
  /**
   * Without `sheet`, a workbook's sheet is the largest whose header this accepts (for an import:
   * email and name map); none accepted is an error listing the sheets.
   */
  holdsTable?: (headers: string[]) => boolean;
}

const EXCEL_EXT = new Set(['.xlsx', '.xlsm', '.xls', '.xlsb']);
const HINT_RESAVE = 'Open it in Excel and Save As .xlsx';

const isZip = (b: Buffer): boolean =>
  b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
// Old binary Excel (.xls) and other OLE2 files.
const isOle2 = (b: Buffer): boolean =>
  b.length >= 8 && b.readUInt32BE(0) === 0xd0cf11e0 && b.readUInt32BE(4) === 0xa1b11ae1;

async function readBytes(path: string, file: string): Promise<Buffer> {
  try {
    const info = await stat(path);
    if (info.isDirectory())
      throw new InputError(
        'is a folder, not a file',
        { file },
        'Give the path of a .csv or .xlsx file',
      );
    if (info.size > ZIP_LIMITS.maxFileBytes) {
      throw new InputError(
        `is too large to read safely (${formatBytes(info.size)}, limit ${formatBytes(ZIP_LIMITS.maxFileBytes)})`,
        { file },
        'Split the data into smaller files',
      );
    }
    return await readFile(path);
  } catch (err) {
    if (err instanceof InputError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT')
      throw new InputError('does not exist', { file }, 'Check the file name and folder');
    if (code === 'EACCES' || code === 'EPERM')
      throw new InputError(
        'cannot be read (permission denied)',
        { file },
        'Check the file permissions or close it in other programs',
      );
    throw new InputError(`cannot be read (${code ?? 'unknown error'})`, { file });
  }
}

/**
 * Reads a CSV/TSV/TXT or XLSX file into a SourceTable. Sniffs the content (zip magic PK\x03\x04
 * means xlsx), not just the extension: a text file renamed .xlsx is read as text. With `chunked`,
 * the table may be an ImportTable whose rows come from `chunks`.
 */
export async function readTable(path: string, opts: ReadOptions = {}): Promise<SourceTable> {
  const file = opts.displayName ?? path;
  const buf = await readBytes(path, file);
  if (buf.length === 0)
    throw new InputError(
      'is empty',
      { file },
      'Export the data again with a header row and at least one data row',
    );
  const ext = extname(path).toLowerCase();
  if (isZip(buf)) {
    checkZipSafety(buf, file);
    // exceljs takes ~0.3 s to load: only when the file really is a workbook.
    const { readXlsxBuffer } = await import('../formats/xlsx/read.js');
    return readXlsxBuffer(tameWorkbook(buf, file), file, opts.sheet, [], opts.holdsTable);
  }
  if (isOle2(buf)) {
    throw new InputError(
      'is not a valid Excel file (it is an old .xls workbook or another binary format)',
      { file },
      HINT_RESAVE,
    );
  }
  const notes: string[] = [];
  const readCsv = opts.chunked ? readCsvTextChunked : readCsvText;
  if (EXCEL_EXT.has(ext)) {
    let decoded;
    try {
      decoded = decodeText(buf, file, opts.encoding);
    } catch (err) {
      if (err instanceof InputError)
        throw new InputError('is not a valid Excel file', { file }, HINT_RESAVE);
      throw err;
    }
    notes.push(`file named ${ext} is really text; read as CSV`, ...decoded.notes);
    return readCsv(decoded.text, file, notes);
  }
  const decoded = decodeText(buf, file, opts.encoding);
  return readCsv(decoded.text, file, decoded.notes);
}
