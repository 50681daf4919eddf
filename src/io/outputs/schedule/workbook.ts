/**
 * schedule.xlsx: the meeting list (100,000+ rows for a big program) through the fast single-table
 * writer.
 */

import type { FastValue } from '../../formats/xlsx/fast-write.js';
import { writeFastXlsx } from '../../formats/xlsx/fast-write.js';
import { MEETING_COLUMNS } from './rows.js';

/**
 * The meeting list as XLSX bytes: bold frozen header, filter, real dates and times, text
 * neutralised against formulas.
 */
export function meetingWorkbook(rows: FastValue[][]): Promise<Uint8Array> {
  return writeFastXlsx('Meetings', MEETING_COLUMNS, rows);
}
