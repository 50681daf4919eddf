/**
 * The KPI workbook, written with exceljs's streaming writer: a 10,000-person program has ~700,000
 * cells and the in-memory Workbook (xlsx-write's buildWorkbook) takes several times longer and far
 * more memory for that. Same conventions as xlsx-write: bold frozen header, autofilter, widths,
 * real dates and numbers, neutralised text.
 */

import ExcelJS from 'exceljs';
import { writeAtomicVia } from '../../store/atomic.js';
import type { KpiInput } from '../../../core/kpi/facts.js';
import type { KpiReport } from '../../../core/kpi/types.js';
import { neutraliseCell } from '../../../core/safe-cell.js';
import { parseIsoValue } from '../../../core/kpi/iso-dates.js';
import { safeSheetName, type ColumnType, type SheetSpec } from '../../formats/xlsx/write.js';
import {
  groupSheets,
  matchesSheet,
  pairSheets,
  participantsSheet,
  summarySheet,
  surveySheets,
} from './sheets.js';

const FORMATS: Record<ColumnType, string | undefined> = {
  text: undefined,
  integer: '0',
  number: '0.00',
  percent: '0.0%',
  date: 'yyyy-mm-dd',
  datetime: 'yyyy-mm-dd hh:mm',
  boolean: undefined,
};
const KPI_FMT = { integer: '0', number: '0.00', percent: '0.0%' } as const;
const GREEN = {
  fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFC6EFCE' } },
  font: { color: { argb: 'FF006100' } },
};
const RED = {
  fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFFFC7CE' } },
  font: { color: { argb: 'FF9C0006' } },
};

type Convert = (v: unknown) => ExcelJS.CellValue | undefined;

/** Anything that does not fit its column type is written as neutralised text. */
function asText(v: unknown): ExcelJS.CellValue | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v === 'boolean') return v;
  return neutraliseCell(Array.isArray(v) ? v.join('; ') : String(v));
}

/**
 * The cell conversion of a column, chosen once per column rather than per cell; undefined leaves
 * the cell out.
 */
function converterFor(type: ColumnType): Convert {
  if (type !== 'date' && type !== 'datetime')
    return (v) => (v === null || v === undefined || v === '' ? undefined : asText(v));
  return (v) => {
    if (v === null || v === undefined || v === '') return undefined;
    if (v instanceof Date) return v;
    const parsed = typeof v === 'string' ? parseIsoValue(v.trim()) : undefined;
    return parsed ? new Date(parsed.ms) : asText(v);
  };
}

/**
 * Column widths from the header and the first rows (enough to size a column without scanning 10,000
 * rows).
 */
function widthsOf(spec: SheetSpec): number[] {
  return spec.columns.map((c) => {
    if (c.width) return c.width;
    let w = c.header.length + 2;
    for (const r of spec.rows.slice(0, 300)) {
      const v = r[c.key];
      const len =
        v instanceof Date || c.type === 'datetime'
          ? 16
          : c.type === 'date'
            ? 10
            : v === null || v === undefined
              ? 0
              : String(v).length;
      w = Math.max(w, len + 2);
    }
    return Math.min(60, Math.max(8, w));
  });
}

function writeSheet(
  wb: ExcelJS.stream.xlsx.WorkbookWriter,
  spec: SheetSpec,
  used: Set<string>,
): ExcelJS.Worksheet {
  const headerRow = spec.title ? 2 : 1;
  const ws = wb.addWorksheet(safeSheetName(spec.name, used), {
    views: [{ state: 'frozen', ySplit: headerRow, xSplit: 0 }],
  });
  const widths = widthsOf(spec);
  ws.columns = spec.columns.map((c, i) => {
    const fmt = c.numFmt ?? FORMATS[c.type ?? 'text'];
    return { key: c.key, width: widths[i], ...(fmt ? { style: { numFmt: fmt } } : {}) };
  });
  if (spec.title) {
    const t = ws.addRow([neutraliseCell(spec.title)]);
    t.font = { bold: true, size: 14 };
    t.commit();
  }
  const h = ws.addRow(spec.columns.map((c) => neutraliseCell(c.header)));
  h.font = { bold: true };
  h.commit();
  if (spec.columns.length)
    ws.autoFilter = {
      from: { row: headerRow, column: 1 },
      to: { row: headerRow, column: spec.columns.length },
    };
  return ws;
}

/**
 * Style objects shared by every cell of a column: exceljs caches a style by object identity, and a
 * fresh object per cell costs a re-render each.
 */
const styleCache = new Map<string, Partial<ExcelJS.Style>>();
function sharedStyle(numFmt: string | undefined): Partial<ExcelJS.Style> {
  const key = numFmt ?? '';
  let style = styleCache.get(key);
  if (!style) styleCache.set(key, (style = numFmt ? { numFmt } : {}));
  return style;
}

function writeRows(
  ws: ExcelJS.Worksheet,
  spec: SheetSpec,
  styleOf?: (i: number, j: number) => Partial<ExcelJS.Style> | undefined,
): void {
  const converters = spec.columns.map((c) => converterFor(c.type ?? 'text'));
  const styles = spec.columns.map((c) => sharedStyle(c.numFmt ?? FORMATS[c.type ?? 'text']));
  const n = spec.columns.length;
  const values: Array<ExcelJS.CellValue | undefined> = new Array<ExcelJS.CellValue | undefined>(n);
  spec.rows.forEach((rec, i) => {
    const own = styleOf ? spec.columns.map((_, j) => styleOf(i, j)) : [];
    // An empty cell is left out, unless it has a style of its own (a KPI with no data yet keeps its
    // format).
    for (let j = 0; j < n; j++)
      values[j] = converters[j](rec[spec.columns[j].key]) ?? (own[j] ? null : undefined);
    const row = ws.addRow(values);
    for (let j = 0; j < n; j++)
      if (values[j] !== undefined) row.getCell(j + 1).style = own[j] ?? styles[j];
    row.commit();
  });
  (ws as unknown as { commit(): void }).commit();
}

/**
 * Writes the workbook (Summary, Participants, Matches, Meetings, Survey sheets, At-risk pairs,
 * breakdowns, Cohorts) atomically.
 */
export async function writeReportWorkbook(
  path: string,
  report: KpiReport,
  input: KpiInput,
  opts: { includeSensitive: boolean },
): Promise<void> {
  await writeAtomicVia(path, async (tmp) => {
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
      filename: tmp,
      useStyles: true,
      useSharedStrings: false,
      zip: { zlib: { level: 6 } },
    });
    wb.creator = 'mentor-cli';
    const used = new Set<string>();
    const summary = summarySheet(report);
    const ws = writeSheet(wb, summary, used);
    const first = 3;
    const last = first + Math.max(0, report.kpis.length - 1);
    ws.addConditionalFormatting({
      ref: `E${first}:E${last}`,
      rules: [
        {
          type: 'expression',
          priority: 1,
          formulae: [`$E${first}="met"`],
          style: GREEN as unknown as ExcelJS.Style,
        },
        {
          type: 'expression',
          priority: 2,
          formulae: [`$E${first}="not met"`],
          style: RED as unknown as ExcelJS.Style,
        },
      ],
    });
    // Value and target take each KPI's own format (count, decimal or percent).
    writeRows(ws, summary, (i, j) =>
      j === 2 || j === 3 ? sharedStyle(KPI_FMT[report.kpis[i].format]) : undefined,
    );
    const [meetings, atRisk] = pairSheets(report);
    for (const spec of [
      participantsSheet(input, opts.includeSensitive),
      matchesSheet(input),
      meetings,
      ...surveySheets(report, input),
      atRisk,
      ...groupSheets(report),
    ]) {
      writeRows(writeSheet(wb, spec, used), spec);
    }
    await wb.commit();
  });
}
