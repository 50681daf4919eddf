/**
 * The columns rejected.csv and attention.csv add after the original ones, so that a fixed file
 * imports with the mapping of the form it came from, carries each row's submission time, and says
 * when and from which file it was made. Pure.
 */

import type { Problem } from '../types.js';
import type { RowFix } from './fixes.js';

/** The columns both files add: where each row came from, and when the file was written. */
const SOURCE_COLUMNS = ['Source file', 'Source row', 'Submitted at', 'Source form'] as const;

/** Columns that `rejected.csv` adds; read (not imported as attributes) when it comes back. */
export const REJECTED_EXTRA_COLUMNS = [
  'Rejection reason',
  ...SOURCE_COLUMNS,
  'Source key',
  'Listed at',
] as const;

/** Columns that attention.csv adds after the original ones. */
export const ATTENTION_EXTRA_COLUMNS = ['Needs attention', ...SOURCE_COLUMNS, 'Listed at'] as const;

/** The column of a fixed file that gives the submission time (ISO, read as the form timestamp). */
export const SUBMITTED_COLUMN = 'Submitted at';

/** The column holding the saved-mapping signature of the form a row came from. */
export const FORM_COLUMN = 'Source form';

/** `now` as the `Listed at` cell: ISO to the second, UTC. */
export const listedAt = (now: Date): string => now.toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * Where a fixed file's own columns are, or undefined when `headers` is not mentor-cli's
 * rejected.csv or attention.csv (a file a person made may well have a "Source file" column).
 */
export function fixFileColumns(
  headers: readonly string[],
): { file: number; row: number; key?: number } | undefined {
  const file = headers.indexOf('Source file');
  const row = headers.indexOf('Source row');
  const own = headers.includes('Needs attention') || headers.includes('Rejection reason');
  if (file === -1 || row === -1 || !own) return undefined;
  const key = headers.indexOf('Source key');
  return key === -1 ? { file, row } : { file, row, key };
}

const day = (iso: string) => iso.slice(0, 10);

/** The notice for a source row skipped because it is the one a rejected.csv fix replaced. */
export function skippedRowNotice(
  fix: RowFix,
  table: { file: string; sheet?: string },
  line: number,
): Problem {
  return {
    severity: 'warning',
    code: 'fixed-row-skipped',
    message: `this row was fixed in ${fix.by} on ${day(fix.at)} (imported as ${fix.email}); skipped while it is unchanged`,
    hint: 'Nothing to do; a changed row would be read again',
    location: { file: table.file, sheet: table.sheet, row: line },
  };
}

/** The warning for a fixed source row that has changed since: the new answer is read. */
export function changedRowWarning(
  fix: RowFix,
  table: { file: string; sheet?: string },
  line: number,
): Problem {
  return {
    severity: 'warning',
    code: 'fixed-row-changed',
    message: `this row changed since it was fixed in ${fix.by} on ${day(fix.at)} (imported as ${fix.email}); the new answer is read`,
    hint: 'If the fix should stay, make it again with `mentor-cli set`',
    location: { file: table.file, sheet: table.sheet, row: line },
  };
}
