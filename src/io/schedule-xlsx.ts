/** schedule.xlsx via exceljs's streaming writer: the meeting list can hold 100,000+ rows, too many for the in-memory model. */

import ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';
import { neutraliseCell } from '../core/safe-cell.js';
import { MEETING_COLUMNS } from './schedule-rows.js';

/** The meeting list as XLSX bytes: bold frozen header, filter, real dates, text neutralised against formulas. */
export async function meetingWorkbook(rows: Record<string, unknown>[]): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  const sink = new PassThrough();
  sink.on('data', (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: false });
  wb.creator = 'mentor-cli';
  const ws = wb.addWorksheet('Meetings', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = MEETING_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width ?? Math.max(12, c.header.length + 2), style: c.type === 'date' ? { numFmt: 'yyyy-mm-dd' } : {} }));
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: MEETING_COLUMNS.length } };
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).commit();
  for (const r of rows) {
    ws.addRow(MEETING_COLUMNS.map((c) => {
      const v = r[c.key];
      if (v === undefined || v === null || v === '') return null;
      if (c.type === 'date' && typeof v === 'string') return new Date(`${v}T00:00:00Z`);
      return typeof v === 'number' ? v : neutraliseCell(String(v));
    })).commit();
  }
  ws.commit();
  await wb.commit();
  return new Uint8Array(Buffer.concat(chunks));
}
