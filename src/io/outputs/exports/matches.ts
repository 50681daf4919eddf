/**
 * `export matches` as CSV, XLSX or JSON bytes: the pairs, plus Unmatched and Audit sheets in the
 * workbook.
 */

import { toCsv } from '../../formats/csv/write.js';
import { buildWorkbook, type ColumnSpec, type SheetSpec } from '../../formats/xlsx/write.js';
import type { MatchRow } from '../../../core/matching/export-rows.js';
import type { MatchAudit } from '../../../core/matching/audit.js';
import { jsonText, type ExportFormat } from './format.js';
import { DECISIONS } from '../../../core/matching/decisions.js';

/** A mentee the last run could not match, and why. */
type UnmatchedRow = {
  mentee: string;
  menteeName: string;
  reason: string;
};

/** What `export matches` writes. */
export interface MatchesExport {
  rows: MatchRow[];
  unmatched: UnmatchedRow[];
  /** The last run's audit (JSON) and the same as flat rows (the Audit sheet). */
  audit: MatchAudit | null;
  auditRows: Array<Record<string, unknown>>;
}

const MATCH_COLUMNS: Array<ColumnSpec & { key: keyof MatchRow }> = [
  { header: 'Mentee', key: 'mentee' },
  { header: 'Mentee name', key: 'menteeName' },
  { header: 'Mentor', key: 'mentor' },
  { header: 'Mentor name', key: 'mentorName' },
  { header: 'Score', key: 'score', type: 'number' },
  { header: 'Reasons', key: 'reasons', width: 60 },
  { header: 'Origin', key: 'origin' },
  { header: 'Status', key: 'status' },
  { header: 'Cohort', key: 'cohort' },
  { header: 'Created', key: 'createdAt', type: 'datetime' },
  { header: 'Ended', key: 'endedAt', type: 'datetime' },
  { header: 'End reason', key: 'endReason' },
];

/**
 * The manager's review, read back by `match approve --file`: a drop-down per pair and the mentor to
 * swap to (empty columns to fill in).
 */
const REVIEW_COLUMNS: ColumnSpec[] = [
  { header: 'Decision', key: '', choices: DECISIONS, width: 12 },
  { header: 'Swap to mentor', key: '', width: 30 },
];

const UNMATCHED_COLUMNS: ColumnSpec[] = [
  { header: 'Mentee', key: 'mentee' },
  { header: 'Mentee name', key: 'menteeName' },
  { header: 'Reason', key: 'reason', width: 80 },
];

const AUDIT_COLUMNS: ColumnSpec[] = [
  { header: 'Section', key: 'section' },
  { header: 'Item', key: 'item' },
  { header: 'Value', key: 'value' },
  { header: 'Mentees', key: 'mentees', type: 'integer' },
  { header: 'Matched', key: 'matched', type: 'integer' },
  { header: 'Match rate', key: 'rate', type: 'percent' },
  { header: 'Average score', key: 'avg', type: 'number' },
];

/** The stored pairs in `format`; CSV holds the pairs only, with the JSON keys as headers. */
export async function matchesData(
  data: MatchesExport,
  format: ExportFormat,
): Promise<string | Uint8Array> {
  if (format === 'json')
    return jsonText({ matches: data.rows, unmatched: data.unmatched, audit: data.audit });
  if (format === 'csv') {
    const keys = MATCH_COLUMNS.map((column) => column.key);
    return toCsv(
      keys,
      data.rows.map((row) => keys.map((key) => row[key])),
    );
  }
  const sheets: SheetSpec[] = [
    { name: 'Matches', columns: [...MATCH_COLUMNS, ...REVIEW_COLUMNS], rows: data.rows },
    { name: 'Unmatched', columns: UNMATCHED_COLUMNS, rows: data.unmatched },
    { name: 'Audit', columns: AUDIT_COLUMNS, rows: data.auditRows },
  ];
  return new Uint8Array(await buildWorkbook(sheets).xlsx.writeBuffer());
}
