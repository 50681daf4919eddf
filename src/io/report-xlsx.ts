/** The KPI workbook: every sheet, per-row number formats on the Summary, green/red for met/not met. */

import type ExcelJS from 'exceljs';
import type { KpiInput } from '../core/kpi/facts.js';
import type { KpiReport } from '../core/kpi/types.js';
import { buildWorkbook, saveWorkbook } from './xlsx-write.js';
import { groupSheets, matchesSheet, pairSheets, participantsSheet, summarySheet, surveySheets } from './report-sheets.js';

const NUM_FMT = { integer: '0', number: '0.00', percent: '0.0%' } as const;
const GREEN = { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFC6EFCE' } }, font: { color: { argb: 'FF006100' } } } as const;
const RED = { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFFFC7CE' } }, font: { color: { argb: 'FF9C0006' } } } as const;

/** Builds the workbook (Summary, Participants, Matches, Meetings, Survey sheets, At-risk pairs, breakdowns, Cohorts). */
export function buildReportWorkbook(report: KpiReport, input: KpiInput, opts: { includeSensitive: boolean }): ExcelJS.Workbook {
  const [meetings, atRisk] = pairSheets(report);
  const wb = buildWorkbook([
    summarySheet(report), participantsSheet(input, opts.includeSensitive), matchesSheet(input), meetings,
    ...surveySheets(report, input), atRisk, ...groupSheets(report),
  ]);
  const ws = wb.getWorksheet('Summary')!;
  const first = 3; // title row, header row, then one row per KPI
  report.kpis.forEach((k, i) => {
    const row = ws.getRow(first + i);
    row.getCell(3).numFmt = NUM_FMT[k.format];
    row.getCell(4).numFmt = NUM_FMT[k.format];
  });
  const last = first + Math.max(0, report.kpis.length - 1);
  ws.addConditionalFormatting({
    ref: `E${first}:E${last}`,
    rules: [
      { type: 'expression', priority: 1, formulae: [`$E${first}="met"`], style: GREEN as unknown as ExcelJS.Style },
      { type: 'expression', priority: 2, formulae: [`$E${first}="not met"`], style: RED as unknown as ExcelJS.Style },
    ],
  });
  const rs = wb.getWorksheet('At-risk pairs');
  if (rs && report.atRisk.length) {
    rs.addConditionalFormatting({ ref: `A2:A${report.atRisk.length + 1}`, rules: [{ type: 'expression', priority: 3, formulae: ['TRUE'], style: RED as unknown as ExcelJS.Style }] });
  }
  return wb;
}

/** Builds and writes the workbook atomically. */
export async function writeReportWorkbook(path: string, report: KpiReport, input: KpiInput, opts: { includeSensitive: boolean }): Promise<void> {
  await saveWorkbook(buildReportWorkbook(report, input, opts), path);
}
