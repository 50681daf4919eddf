/**
 * The KPI workbook, written with exceljs's streaming writer: a 10,000-person program has ~700,000
 * cells and the in-memory Workbook (xlsx-write's buildWorkbook) takes several times longer and far
 * more memory for that. Same conventions as xlsx-write: bold frozen header, autofilter, widths,
 * real dates and numbers, neutralised text.
 */

import ExcelJS from 'exceljs';
import { surveyItemsSheet } from './survey-items-sheet.js';
import { growthSheet } from './growth-sheet.js';
import type { ReportAudience } from './html.js';
import { writeAtomicVia } from '../../store/atomic.js';
import type { KpiInput } from '../../../core/kpi/facts.js';
import type { KpiReport } from '../../../core/kpi/types.js';
import { neutraliseCell } from '../../../core/safe-cell.js';
import { parseIsoValue } from '../../../core/kpi/iso-dates.js';
import { safeSheetName, type ColumnType, type SheetSpec } from '../../formats/xlsx/write.js';
import { embedInWorkbook, type PrintTitles, type SheetPicture } from '../../formats/xlsx/embed.js';
import { buildDigest, kpiDisplayFormat } from '../../../core/kpi/digest.js';
import { chartPng, execCharts, renderCharts, reportCharts } from './charts.js';
import type { RenderedChart } from './chart-base.js';
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

/** Every sheet prints landscape on A4, one page wide, its header rows repeated on each page. */
function pageSetup(onePage: boolean): Partial<ExcelJS.PageSetup> {
  return {
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: onePage ? 1 : 0,
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
  };
}

/** The sheets written so far, for the print titles added after the stream is finished. */
type Written = PrintTitles[];

function writeSheet(
  wb: ExcelJS.stream.xlsx.WorkbookWriter,
  spec: SheetSpec,
  used: Set<string>,
  written: Written,
): ExcelJS.Worksheet {
  const headerRow = spec.title ? 2 : 1;
  const name = safeSheetName(spec.name, used);
  const ws = wb.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: headerRow, xSplit: 0 }],
    pageSetup: pageSetup(false),
    headerFooter: { oddFooter: `&L${name.replace(/&/g, '&&')}&RPage &P of &N` },
  });
  written.push({ sheet: written.length + 1, sheetName: name, rows: `1:${headerRow}` });
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
 * The sheets after the Summary and Charts. Leadership's workbook holds aggregates only: no sheet
 * names a person. The manager's adds the roster, the pairs, each person's survey answers and the
 * pairs at risk by name.
 */
function detailSheets(
  report: KpiReport,
  input: KpiInput,
  opts: { includeSensitive: boolean; audience: ReportAudience },
): SheetSpec[] {
  const growth = growthSheet(report.growth);
  const aggregates = [...(growth ? [growth] : []), ...groupSheets(report)];
  if (opts.audience !== 'manager')
    return [...surveySheets(report, input, false), surveyItemsSheet(report, false), ...aggregates];
  const [meetings, atRisk] = pairSheets(report, input);
  return [
    participantsSheet(input, opts.includeSensitive),
    matchesSheet(input),
    meetings,
    ...surveySheets(report, input, true),
    surveyItemsSheet(report, true),
    atRisk,
    ...aggregates,
  ];
}

/** The Charts sheet: every chart not on the Summary, listed with the figures it shows. */
function chartsSheet(charts: ReadonlyArray<{ chart: RenderedChart }>): SheetSpec {
  return {
    name: 'Charts',
    title: 'Charts (the figures behind each are listed first; the pictures follow below)',
    columns: [
      { header: 'Chart', key: 'title', type: 'text', width: 48 },
      { header: 'Figures', key: 'figures', type: 'text', width: 100 },
    ],
    rows: charts.map(({ chart }) => ({
      title: chart.title,
      figures: chart.table.rows.map((r) => r.join(' ')).join('; '),
    })),
  };
}

/**
 * Writes the workbook atomically: Summary (with the executive charts), Charts, then the detail
 * sheets of the audience (see detailSheets).
 */
export async function writeReportWorkbook(
  path: string,
  report: KpiReport,
  input: KpiInput,
  opts: { includeSensitive: boolean; audience: ReportAudience },
): Promise<void> {
  const written: Written = [];
  // Charts first: they render while nothing else runs, and a failure leaves no file behind.
  const pictures = await chartPictures(report, input);
  const onSummary = execCharts(pictures.map((p) => p.chart));
  const summaryPics = pictures.filter((p) => onSummary.includes(p.chart));
  const otherPics = pictures.filter((p) => !onSummary.includes(p.chart));
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
    const ws = writeSheet(wb, summary, used, written);
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
      j === 2 || j === 3 ? sharedStyle(KPI_FMT[kpiDisplayFormat(report.kpis[i])]) : undefined,
    );
    const placed = placePictures(summaryPics, widthsOf(summary), report.kpis.length + 4, 1);
    if (otherPics.length) {
      const charts = chartsSheet(otherPics);
      writeRows(writeSheet(wb, charts, used, written), charts);
      const below = otherPics.length + 4;
      placed.push(...placePictures(otherPics, widthsOf(charts), below, written.length));
    }
    for (const spec of detailSheets(report, input, opts))
      writeRows(writeSheet(wb, spec, used, written), spec);
    await wb.commit();
    await embedInWorkbook(tmp, placed, written);
  });
}

/** Every chart of the report, as PNG (the executive ones go on the Summary, the rest on Charts). */
async function chartPictures(
  report: KpiReport,
  input: KpiInput,
): Promise<Array<{ chart: RenderedChart; png: Uint8Array }>> {
  const rendered = await renderCharts(reportCharts(report, buildDigest(report, input)));
  return Promise.all(rendered.map(async (chart) => ({ chart, png: await chartPng(chart) })));
}

/**
 * Lays the charts out two by two under a sheet's table: the second chart of a row starts at the
 * first column whose left edge clears the first chart (column widths in Excel's character units,
 * about 7 pixels each plus 5).
 */
function placePictures(
  pictures: ReadonlyArray<{ chart: RenderedChart; png: Uint8Array }>,
  widths: readonly number[],
  firstRow: number,
  sheet: number,
): SheetPicture[] {
  const px = (w: number) => Math.round(w * 7 + 5);
  const columnAt = (x: number) => {
    let left = 0;
    for (let c = 0; ; c++) {
      if (left >= x) return c;
      left += px(widths[c] ?? 9);
    }
  };
  const out: SheetPicture[] = [];
  let row = firstRow;
  for (let i = 0; i < pictures.length; i += 2) {
    const pair = pictures.slice(i, i + 2);
    pair.forEach(({ chart, png }, k) => {
      const col = k === 0 ? 0 : columnAt(pair[0].chart.width + 12);
      const description = `${chart.title}: ${chart.table.rows.map((r) => r.join(' ')).join('; ')}`;
      out.push({ sheet, png, col, row, width: chart.width, height: chart.height, description });
    });
    row += Math.ceil(Math.max(...pair.map((p) => p.chart.height)) / 20) + 1;
  }
  return out;
}
