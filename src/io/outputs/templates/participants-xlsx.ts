/**
 * The participants XLSX template: the CSV template's columns, drop-downs for role, time zone,
 * status.
 */

import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { writeFileAtomic } from '../../store/atomic.js';
import { neutraliseCell } from '../../../core/safe-cell.js';

/** Builds the template workbook from the CSV template text and writes it to `path`. */
export async function writeTemplateWorkbook(path: string, csvText: string): Promise<void> {
  const parsed = Papa.parse<string[]>(csvText.trim(), { skipEmptyLines: true });
  const [headers, ...rows] = parsed.data;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'mentor-cli';
  const ws = wb.addWorksheet('Participants', { views: [{ state: 'frozen', ySplit: 1 }] });
  const lists = wb.addWorksheet('Lists', { state: 'veryHidden' });
  ws.addRow(headers);
  ws.getRow(1).font = { bold: true };
  for (const r of rows) ws.addRow(r.map((c) => neutraliseCell(c)));
  headers.forEach((h, i) => {
    ws.getColumn(i + 1).width = Math.max(12, Math.min(36, h.length + 4));
  });

  const zones = Intl.supportedValuesOf('timeZone');
  zones.forEach((z, i) => {
    lists.getCell(i + 1, 1).value = z;
  });
  const col = (name: string) => headers.indexOf(name) + 1;
  const letter = (n: number) => ws.getColumn(n).letter;
  const lastRow = 1000;
  for (let r = 2; r <= lastRow; r++) {
    ws.getCell(`${letter(col('role'))}${r}`).dataValidation = {
      type: 'list',
      allowBlank: false,
      formulae: ['"mentor,mentee,both"'],
      showErrorMessage: true,
      errorTitle: 'Role',
      error: 'Choose mentor, mentee or both',
    };
    ws.getCell(`${letter(col('timezone'))}${r}`).dataValidation = {
      type: 'list',
      allowBlank: true,
      formulae: [`Lists!$A$1:$A$${zones.length}`],
      showErrorMessage: true,
      errorTitle: 'Time zone',
      error: 'Choose an IANA time zone such as Europe/London',
    };
    ws.getCell(`${letter(col('status'))}${r}`).dataValidation = {
      type: 'list',
      allowBlank: true,
      formulae: ['"active,withdrawn"'],
    };
    ws.getCell(`${letter(col('trainingCompleted'))}${r}`).dataValidation = {
      type: 'list',
      allowBlank: true,
      formulae: ['"yes,no"'],
    };
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: headers.length } };
  const buf = await wb.xlsx.writeBuffer();
  await writeFileAtomic(path, new Uint8Array(buf));
}
