/**
 * Where `report` puts its result. --format picks the document (xlsx by default, or from --out's
 * extension); --out writes it to that file; --json always puts the JSON document on stdout,
 * alongside any file written.
 */

import { extname, join, resolve } from 'node:path';
import { UsageError } from '../../../errors.js';

/** The documents `report` can produce. */
type ReportFormat = 'xlsx' | 'html' | 'md' | 'json';

/** What to produce, where to write it, and what stdout carries. */
export interface ReportOutputPlan {
  format: ReportFormat;
  /** The file to write; absent when the document is printed on stdout instead. */
  path?: string;
  /** stdout: the JSON document, the Markdown, or a one-line "Wrote FILE: ..." summary. */
  stdout: 'json' | 'md' | 'summary';
}

const FORMATS: readonly ReportFormat[] = ['xlsx', 'html', 'md', 'json'];
/** Documents written to a file in the program folder when no --out is given. */
const FILE_FORMATS: readonly ReportFormat[] = ['xlsx', 'html'];
const EXTENSIONS: Record<string, ReportFormat> = {
  '.xlsx': 'xlsx',
  '.html': 'html',
  '.htm': 'html',
  '.md': 'md',
  '.markdown': 'md',
  '.json': 'json',
};

/**
 * Decides the output of `report`:
 * - no --out: xlsx goes to report.xlsx in the program folder; md and json are printed on stdout;
 * - --out FILE: the chosen format is written to FILE (format from --format, else from the
 *   extension);
 * - --json: stdout carries the JSON document whatever is written; `--json --format md` without
 *   --out is refused
 *   because both would go to stdout.
 */
export function planReportOutput(
  opts: { format?: string; out?: string; json: boolean },
  where: { cwd: string; programDir: string },
): ReportOutputPlan {
  const given = opts.format?.toLowerCase();
  if (given !== undefined && !FORMATS.includes(given as ReportFormat)) {
    throw new UsageError(
      `--format "${opts.format}" is not xlsx, html, md or json`,
      'Use --format xlsx, --format html, --format md or --format json',
    );
  }
  const ext = opts.out === undefined ? '' : extname(opts.out).toLowerCase();
  const fromExt = EXTENSIONS[ext];
  const format: ReportFormat = (given as ReportFormat | undefined) ?? fromExt ?? 'xlsx';
  if (opts.out !== undefined && given === undefined && fromExt === undefined) {
    throw new UsageError(
      `--out "${opts.out}" must end in .xlsx, .html, .md or .json`,
      'Rename the file, or add --format md|json to write text under another name',
    );
  }
  // Excel refuses a workbook under another extension; a text format may go to any name but not to a
  // known other one.
  if (
    opts.out !== undefined &&
    ((format === 'xlsx' && ext !== '.xlsx') ||
      (format === 'html' && fromExt !== 'html') ||
      (format !== 'xlsx' && fromExt !== undefined && fromExt !== format))
  ) {
    throw new UsageError(
      `--out "${opts.out}" does not fit --format ${format}`,
      `Use e.g. --out report.${format}, or --format ${fromExt ?? 'md|json'} for this file`,
    );
  }
  const path =
    opts.out !== undefined
      ? resolve(where.cwd, opts.out)
      : FILE_FORMATS.includes(format)
        ? join(where.programDir, `report.${format}`)
        : undefined;
  if (opts.json && format === 'md' && path === undefined) {
    throw new UsageError(
      '--json and --format md would both print on stdout',
      'Add --out FILE.md to write the Markdown to a file, or leave out --json',
    );
  }
  const plan: ReportOutputPlan = {
    format,
    stdout: opts.json ? 'json' : path ? 'summary' : format === 'md' ? 'md' : 'json',
  };
  if (path) plan.path = path;
  return plan;
}
