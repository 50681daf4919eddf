/** Where an export goes: a file (atomically, with the overwrite check) or stdout. */

import { resolve } from 'node:path';
import type { Ctx } from '../context.js';
import { assertMayWrite, writeOutputFile } from '../../io/outputs/user-file.js';
import type { ExportFormat } from '../../io/outputs/exports/format.js';
import { UsageError } from '../../errors.js';

/** One export to deliver. */
export interface Emission {
  data: string | Uint8Array;
  format: ExportFormat;
  /** --out as the user typed it; stdout when absent. */
  out?: string;
  programDir: string;
  force: boolean;
  /**
   * Rows exported and --dry-run: with these, --json prints a summary after writing --out, and
   * --dry-run writes nothing.
   */
  summary?: { rows: number; dryRun?: boolean };
}

/** Writes the export to --out or to stdout. */
export async function emit(ctx: Ctx, emission: Emission): Promise<void> {
  const { data, format, out, summary } = emission;
  const path = out ? resolve(ctx.cwd, out) : undefined;
  if (summary) {
    // stdout carries one JSON document with --json: a CSV or XLSX body can only go to a file then.
    if (!path && ctx.out.json && format !== 'json')
      throw new UsageError(
        `--json with --format ${format} needs --out FILE`,
        `Add --out FILE.${format}, or drop --format to print JSON`,
      );
    if (summary.dryRun) return reportDryRun(ctx, emission, path, summary.rows);
  }
  if (!path) {
    if (format === 'xlsx' && ctx.out.stdout.isTTY)
      throw new UsageError(
        'Refusing to print an XLSX file to the terminal',
        'Add --out FILE.xlsx, or redirect stdout to a file',
      );
    ctx.out.stdout.write(data);
    return;
  }
  await writeOutputFile(path, data, emission.programDir, emission.force);
  ctx.out.info(`wrote ${out}`);
  if (summary && ctx.out.json) ctx.out.resultJson({ file: path, format, rows: summary.rows });
}

/**
 * --dry-run: the same checks as a real run, then what would be written, where, and how big; nothing
 * is written.
 */
function reportDryRun(ctx: Ctx, emission: Emission, path: string | undefined, rows: number): void {
  const { data, format, out } = emission;
  if (path) assertMayWrite(path, emission.programDir, emission.force);
  const bytes = typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength;
  if (ctx.out.json) ctx.out.resultJson({ dryRun: true, file: path ?? null, format, rows, bytes });
  else
    ctx.out.result(
      `Dry run, nothing written. Would write ${rows} row(s) as ${format.toUpperCase()} ` +
        `(${bytes} bytes) to ${out ?? 'stdout'}.`,
    );
}
