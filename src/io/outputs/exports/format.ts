/** The three formats every export writes, and how one is picked from the flags. */

import { UsageError } from '../../../errors.js';

export type ExportFormat = 'csv' | 'xlsx' | 'json';

/**
 * Picks the format from --format, else from the --out extension, else json with the global --json
 * (when `json` is passed), else csv.
 */
export function exportFormat(
  format: string | undefined,
  out: string | undefined,
  json = false,
): ExportFormat {
  const f = (format ?? out?.split('.').pop() ?? (json ? 'json' : 'csv')).toLowerCase();
  if (f === 'csv' || f === 'xlsx' || f === 'json') return f;
  throw new UsageError(
    `--format "${format ?? f}" is not supported`,
    'Use --format csv, xlsx or json',
  );
}

/** A JSON document as the exports write it: indented, with a final newline. */
export const jsonText = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;
