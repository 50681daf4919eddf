/** `match --suggest N --out FILE` as CSV, XLSX or JSON bytes: one row per suggested mentor. */

import { toCsv } from '../../formats/csv/write.js';
import { buildWorkbook, type ColumnSpec } from '../../formats/xlsx/write.js';
import type { Suggestion } from '../../../core/matching/suggest.js';
import { jsonText, type ExportFormat } from './format.js';

const COLUMNS: ColumnSpec[] = [
  { header: 'Mentee', key: 'mentee' },
  { header: 'Mentee name', key: 'menteeName' },
  { header: 'Rank', key: 'rank', type: 'integer' },
  { header: 'Mentor', key: 'mentor' },
  { header: 'Mentor name', key: 'mentorName' },
  { header: 'Score', key: 'score', type: 'number' },
  { header: 'Reasons', key: 'reasons', width: 80 },
];

/** One flat row per (mentee, suggested mentor); a mentee with none gets one row saying so. */
function suggestionRows(list: Suggestion[]): Array<Record<string, string | number>> {
  const rows: Array<Record<string, string | number>> = [];
  for (const s of list) {
    const mentee = { mentee: s.mentee, menteeName: s.menteeName };
    if (!s.mentors.length)
      rows.push({
        ...mentee,
        rank: '',
        mentor: '',
        mentorName: '',
        score: '',
        reasons: 'no allowed mentor',
      });
    for (const m of s.mentors)
      rows.push({
        ...mentee,
        rank: m.rank,
        mentor: m.email,
        mentorName: m.name,
        score: m.score,
        reasons: m.reasons.join('; '),
      });
  }
  return rows;
}

/** The suggestions in `format`. */
export async function suggestionsData(
  list: Suggestion[],
  format: ExportFormat,
): Promise<string | Uint8Array> {
  if (format === 'json') return jsonText({ suggestions: list });
  const rows = suggestionRows(list);
  const keys = COLUMNS.map((column) => column.key);
  if (format === 'csv')
    return toCsv(
      keys,
      rows.map((row) => keys.map((key) => row[key])),
    );
  const workbook = buildWorkbook([{ name: 'Suggestions', columns: COLUMNS, rows }]);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
