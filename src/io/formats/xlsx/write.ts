/**
 * Writing tidy, safe XLSX sheets: bold frozen header, filter, widths, real dates, number formats.
 */

import ExcelJS from 'exceljs';
import { neutraliseCell } from '../../../core/safe-cell.js';
import { writeFileAtomic } from '../../store/atomic.js';

export type ColumnType =
  'text' | 'integer' | 'number' | 'percent' | 'date' | 'datetime' | 'boolean';
export interface ColumnSpec {
  header: string;
  key: string;
  type?: ColumnType;
  width?: number;
  numFmt?: string;
  /** A drop-down of these choices on every data row (an empty column to fill in). */
  choices?: readonly string[];
}
export interface SheetSpec {
  name: string;
  columns: ColumnSpec[];
  rows: Record<string, unknown>[];
  /** Default true. */
  freezeHeader?: boolean;
  /** Default true. */
  autoFilter?: boolean;
  /** Optional title line above the header. */
  title?: string;
}

const FORMATS: Record<ColumnType, string | undefined> = {
  text: '@',
  integer: '0',
  number: '#,##0.00',
  percent: '0.0%',
  date: 'yyyy-mm-dd',
  datetime: 'yyyy-mm-dd hh:mm',
  boolean: undefined,
};
const MAX_WIDTH = 60;
const MIN_WIDTH = 8;

/**
 * A date-only or zone-less ISO string is a wall-clock value: keep its fields as the UTC fields
 * Excel expects.
 */
function toDate(v: unknown): Date | undefined {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? undefined : v;
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(v)) return undefined;
  const zoned = /(Z|[+-]\d{2}:?\d{2})$/.test(v);
  const d = new Date(zoned ? v : v.length === 10 ? `${v}T00:00:00Z` : `${v}Z`);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

function toNumber(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return undefined;
}

function asText(v: unknown): string {
  if (Array.isArray(v)) return v.map(asText).join('; ');
  if (v instanceof Date) return v.toISOString();
  if (v !== null && typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/**
 * The cell value for a column type; anything that does not fit the type is written as (neutralised)
 * text.
 */
function cellValue(v: unknown, type: ColumnType): ExcelJS.CellValue {
  if (v === null || v === undefined || v === '') return null;
  if (type === 'date' || type === 'datetime') {
    const d = toDate(v);
    if (d) return d;
  }
  if (type === 'integer' || type === 'number' || type === 'percent') {
    const n = toNumber(v);
    if (n !== undefined) return n;
  }
  if (type === 'boolean' && typeof v === 'boolean') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  return neutraliseCell(asText(v));
}

function displayLength(v: ExcelJS.CellValue, type: ColumnType): number {
  if (v === null || v === undefined) return 0;
  if (v instanceof Date) return type === 'date' ? 10 : 16;
  const text = String(v);
  let longest = 0;
  for (const line of text.split('\n')) longest = Math.max(longest, line.length);
  return type === 'number' ? longest + 3 : longest;
}

/** Excel forbids []:*?/\ in sheet names and caps them at 31 characters. */
export function safeSheetName(name: string, used: Set<string>): string {
  const base = (name.replace(/[[\]:*?/\\]/g, ' ').trim() || 'Sheet').slice(0, 31);
  let out = base;
  for (let n = 2; used.has(out.toLowerCase()); n++)
    out = `${base.slice(0, 31 - String(n).length - 1)} ${n}`;
  used.add(out.toLowerCase());
  return out;
}

/**
 * Builds an exceljs Workbook from sheet specs; returned unsaved so callers can add conditional
 * formatting.
 */
export function buildWorkbook(sheets: SheetSpec[]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'mentor-cli';
  const used = new Set<string>();
  for (const spec of sheets) {
    const ws = wb.addWorksheet(safeSheetName(spec.name, used));
    const types = spec.columns.map((c) => c.type ?? 'text');
    if (spec.title) {
      ws.addRow([neutraliseCell(spec.title)]);
      ws.getRow(1).font = { bold: true, size: 14 };
    }
    const headerRow = ws.rowCount + 1;
    ws.addRow(spec.columns.map((c) => neutraliseCell(c.header)));
    ws.getRow(headerRow).font = { bold: true };
    const widths = spec.columns.map((c) => c.header.length + 2);
    for (const record of spec.rows) {
      const values = spec.columns.map((c, i) => cellValue(record[c.key], types[i]));
      values.forEach((v, i) => {
        widths[i] = Math.max(widths[i], displayLength(v, types[i]) + 2);
      });
      ws.addRow(values);
    }
    spec.columns.forEach((c, i) => {
      if (!c.choices) return;
      for (let r = headerRow + 1; r <= headerRow + spec.rows.length; r++)
        ws.getCell(r, i + 1).dataValidation = {
          type: 'list',
          allowBlank: true,
          formulae: [`"${c.choices.join(',')}"`],
          showErrorMessage: true,
          errorTitle: c.header,
          error: `Choose one of: ${c.choices.join(', ')}`,
        };
    });
    spec.columns.forEach((c, i) => {
      const col = ws.getColumn(i + 1);
      col.width = c.width ?? Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, widths[i]));
      const fmt = c.numFmt ?? FORMATS[types[i]];
      // '@' on a whole column would make Excel treat numbers typed later as text; only set real
      // formats.
      if (fmt && fmt !== '@') col.numFmt = fmt;
    });
    if (spec.freezeHeader !== false) ws.views = [{ state: 'frozen', ySplit: headerRow, xSplit: 0 }];
    if (spec.autoFilter !== false && spec.columns.length > 0) {
      ws.autoFilter = {
        from: { row: headerRow, column: 1 },
        to: { row: headerRow, column: spec.columns.length },
      };
    }
  }
  return wb;
}

/** Writes the workbook atomically (temp file, fsync, rename). */
export async function saveWorkbook(wb: ExcelJS.Workbook, path: string): Promise<void> {
  const buf = await wb.xlsx.writeBuffer();
  await writeFileAtomic(path, new Uint8Array(buf));
}
