/** `export participants` as CSV, XLSX or JSON bytes. */

import { toCsv } from '../../formats/csv/write.js';
import { buildWorkbook, type ColumnSpec } from '../../formats/xlsx/write.js';
import type { Participant } from '../../../core/types.js';
import {
  participantsToJson,
  participantsToRows,
  type ExportOptions,
} from '../../../core/roster/participants-view.js';
import { jsonText, type ExportFormat } from './format.js';

/** Cell types of the exported fields that are not text. */
const TYPES: Record<string, ColumnSpec['type']> = {
  level: 'integer',
  capacity: 'integer',
  trainingCompleted: 'boolean',
  submittedAt: 'datetime',
};

/** The participants in `format`, with the documented field names as headers or keys. */
export async function participantsData(
  list: Participant[],
  format: ExportFormat,
  options: ExportOptions,
): Promise<string | Uint8Array> {
  if (format === 'json') return jsonText(participantsToJson(list, options));
  const { headers, rows } = participantsToRows(list, options);
  if (format === 'csv') return toCsv(headers, rows);
  const columns: ColumnSpec[] = headers.map((header, i) => ({
    header,
    key: `c${i}`,
    type: TYPES[header] ?? 'text',
  }));
  const workbook = buildWorkbook([
    {
      name: 'Participants',
      columns,
      rows: rows.map((row) => Object.fromEntries(row.map((value, i) => [`c${i}`, value]))),
    },
  ]);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
