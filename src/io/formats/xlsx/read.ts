/**
 * Reading an .xlsx workbook with exceljs into a SourceTable: sheet choice, merged cells, plain
 * values.
 */

import ExcelJS from 'exceljs';
import { InputError, UsageError } from '../../../errors.js';
import type { SourceTable } from '../../../core/types.js';
import { gridToTable } from '../../ingest/grid-table.js';
import type { GridRow } from '../../ingest/header-row.js';
import { cellText } from './cell.js';

const HINT_RESAVE = 'Open it in Excel and Save As .xlsx';

/** Every row of a sheet as text; merged cells repeat the master's value (exceljs resolves it). */
function sheetToGrid(ws: ExcelJS.Worksheet, date1904: boolean, onMissing: () => void): GridRow[] {
  const grid: GridRow[] = [];
  const ctx = { date1904, onMissingResult: onMissing, numFmt: undefined as string | undefined };
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = row.values as unknown[];
    const cells: string[] = [];
    for (let c = 1; c < values.length; c++) {
      const v = values[c];
      // Only plain numbers need the format (a date serial in a custom date format exceljs missed).
      ctx.numFmt = typeof v === 'number' ? row.getCell(c).numFmt : undefined;
      cells.push(cellText(v, ctx));
    }
    let end = cells.length;
    while (end > 0 && cells[end - 1].trim() === '') end--;
    if (end > 0)
      grid.push({ cells: end === cells.length ? cells : cells.slice(0, end), line: rowNumber });
  });
  return grid;
}

/** Finds `--sheet` by exact name, then case-insensitively; lists the sheet names when unknown. */
function findSheet(wb: ExcelJS.Workbook, name: string, file: string): ExcelJS.Worksheet {
  const exact = wb.worksheets.find((w) => w.name === name);
  if (exact) return exact;
  const folded = wb.worksheets.find((w) => w.name.toLowerCase() === name.trim().toLowerCase());
  if (folded) return folded;
  const names = wb.worksheets.map((w) => `"${w.name}"`).join(', ');
  throw new InputError(
    `has no sheet named "${name}"`,
    { file },
    `Use --sheet with one of: ${names}`,
  );
}

/**
 * Reads an .xlsx from memory (already checked by zip-guard) and picks the sheet that holds the
 * table.
 */
export async function readXlsxBuffer(
  buf: Buffer,
  file: string,
  sheetName?: string,
  notes: string[] = [],
  holdsTable?: (headers: string[]) => boolean,
): Promise<SourceTable> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch {
    throw new InputError('is not a valid Excel file', { file }, HINT_RESAVE);
  }
  if (wb.worksheets.length === 0)
    throw new InputError('is not a valid Excel file (it has no sheets)', { file }, HINT_RESAVE);
  const date1904 = Boolean((wb.properties as { date1904?: boolean }).date1904);
  let missing = 0;
  const onMissing = (): void => {
    missing++;
  };
  let ws: ExcelJS.Worksheet;
  let grid: GridRow[];
  const allNotes = [...notes];
  if (sheetName !== undefined) {
    ws = findSheet(wb, sheetName, file);
    grid = sheetToGrid(ws, date1904, onMissing);
  } else if (holdsTable && wb.worksheets.length > 1) {
    return pickSheet(wb, file, date1904, holdsTable, allNotes);
  } else {
    // The first visible sheet with a header and at least one data row; hidden "Lists" sheets are
    // skipped.
    const visible = wb.worksheets.filter((w) => w.state === undefined || w.state === 'visible');
    const candidates = visible.length > 0 ? visible : wb.worksheets;
    let chosen: { ws: ExcelJS.Worksheet; grid: GridRow[] } | undefined;
    let fallback: { ws: ExcelJS.Worksheet; grid: GridRow[] } | undefined;
    for (const w of candidates) {
      const g = sheetToGrid(w, date1904, onMissing);
      if (g.length >= 2) {
        chosen = { ws: w, grid: g };
        break;
      }
      if (!fallback && g.length > 0) fallback = { ws: w, grid: g };
    }
    const pick = chosen ?? fallback ?? { ws: candidates[0], grid: [] };
    ws = pick.ws;
    grid = pick.grid;
    if (wb.worksheets.length > 1) allNotes.push(`sheet "${ws.name}" chosen`);
  }
  missingNote(missing, allNotes);
  return gridToTable(grid, { file, sheet: ws.name, notes: allNotes, widthFromHeader: false });
}

function missingNote(missing: number, notes: string[]): void {
  if (missing > 0)
    notes.push(
      `${missing} formula cell(s) had no saved result and were read as empty; open and save the file in Excel to compute them`,
    );
}

/**
 * Without --sheet, in a workbook of several sheets: the sheet whose header `holdsTable` accepts
 * (for an import: email and name map), the one with most rows when several do. A read-me or
 * instructions sheet in front is passed over; when no sheet fits, the error lists them all.
 */
function pickSheet(
  wb: ExcelJS.Workbook,
  file: string,
  date1904: boolean,
  holdsTable: (headers: string[]) => boolean,
  notes: string[],
): SourceTable {
  let best: SourceTable | undefined;
  let missing = 0;
  for (const w of wb.worksheets) {
    if (w.state !== undefined && w.state !== 'visible') continue;
    const grid = sheetToGrid(w, date1904, () => void missing++);
    if (grid.length < 2) continue;
    let table: SourceTable;
    try {
      table = gridToTable(grid, { file, sheet: w.name, notes: [], widthFromHeader: false });
    } catch {
      continue;
    }
    if (holdsTable(table.headers) && (!best || table.rows.length > best.rows.length)) best = table;
  }
  if (!best) {
    const names = wb.worksheets.map((w) => `"${w.name}"`).join(', ');
    throw new UsageError(
      `${file}: no sheet has a header with email and name columns (sheets: ${names})`,
      'Add --sheet NAME naming the sheet of participants, or --map "Header=email"',
    );
  }
  missingNote(missing, notes);
  notes.push(`sheet "${best.sheet}" chosen: its header holds email and name`);
  return { ...best, notes: [...notes, ...best.notes] };
}
