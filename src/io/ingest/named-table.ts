/**
 * Import checks that need the file as the user named it: text posing as a workbook, NUL padding.
 */

import { open } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Problem, SourceTable } from '../../core/types.js';
import { InputError, UsageError } from '../../errors.js';
import { readTable, type ReadOptions } from './read-table.js';

const EXCEL_EXT = new Set(['.xlsx', '.xlsm', '.xls', '.xlsb']);

/**
 * True when a file named like a workbook was read as text (read-table.ts leaves a note saying so).
 */
function isTextPosingAsWorkbook(table: SourceTable): boolean {
  return (
    EXCEL_EXT.has(extname(table.file).toLowerCase()) &&
    table.notes.some((n) => n.includes('is really text'))
  );
}

const notAWorkbook = (file: string) =>
  new UsageError(
    `${file} is not an Excel workbook (it contains plain text)`,
    'Open it in Excel and Save As .xlsx, or rename it .csv if it is a CSV',
  );

/**
 * readTable, except that a file named .xlsx holding text that cannot be read as a table (a letter,
 * a note, a header with no rows) is reported as what it is rather than as a CSV problem.
 */
export async function readTableNamed(
  path: string,
  opts: ReadOptions & { displayName: string },
): Promise<SourceTable> {
  try {
    return await readTable(path, opts);
  } catch (err) {
    if (
      err instanceof InputError &&
      EXCEL_EXT.has(extname(path).toLowerCase()) &&
      (await startsAsText(path))
    )
      throw notAWorkbook(opts.displayName);
    throw err;
  }
}

/**
 * True when the file has bytes and they begin neither as a zip (xlsx) nor as an OLE2 (xls) file.
 */
async function startsAsText(path: string): Promise<boolean> {
  let fh;
  try {
    fh = await open(path, 'r');
    const head = Buffer.alloc(4);
    const { bytesRead } = await fh.read(head, 0, 4, 0);
    return (
      bytesRead > 0 && head.readUInt32BE(0) !== 0x504b0304 && head.readUInt32BE(0) !== 0xd0cf11e0
    );
  } catch {
    return false;
  } finally {
    await fh?.close();
  }
}

/**
 * Throws when a file named .xlsx holds plain text that is not a usable table: no required column
 * maps, or a single "column" (a letter or a note rather than an export). Checked before any prompt.
 */
export function assertUsableTextWorkbook(
  table: SourceTable,
  missingRequired: readonly string[],
): void {
  if (!isTextPosingAsWorkbook(table)) return;
  if (missingRequired.length === 0 && table.headers.length >= 2) return;
  throw notAWorkbook(table.file);
}

/**
 * A warning when the decoder dropped NUL characters (decode.ts notes "removed N NUL byte(s)"),
 * naming the first row that held one. The file is read again only in that rare case, to find that
 * row.
 */
export async function nulWarning(path: string, table: SourceTable): Promise<Problem | undefined> {
  const note = table.notes.map((n) => /removed (\d+) NUL/.exec(n)).find(Boolean);
  if (!note) return undefined;
  const row = await firstNulLine(path);
  return {
    severity: 'warning',
    code: 'nul-removed',
    location: { file: table.file, row },
    message:
      `removed ${note[1]} NUL character(s) ` +
      '(the file may have been saved by a program that pads text)',
    hint: 'Check that row; export the file again as CSV UTF-8 if values look wrong',
  };
}

/** The 1-based text line of the first NUL byte, streaming the file in 1 MB chunks. */
async function firstNulLine(path: string): Promise<number | undefined> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(1 << 20);
    let line = 1;
    for (;;) {
      const { bytesRead } = await fh.read(buf, 0, buf.length, null);
      if (bytesRead === 0) return undefined;
      const chunk = buf.subarray(0, bytesRead);
      const at = chunk.indexOf(0);
      const end = at === -1 ? bytesRead : at;
      for (let i = chunk.indexOf(10); i !== -1 && i < end; i = chunk.indexOf(10, i + 1)) line++;
      if (at !== -1) return line;
    }
  } finally {
    await fh.close();
  }
}
