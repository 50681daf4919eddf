/**
 * `mentor-cli export participants|...`: write program data as CSV, XLSX or JSON to a file or
 * stdout.
 */

import { resolve } from 'node:path';
import type { Command } from 'commander';
import { contextOf, type Ctx } from './context.js';
import { readState } from '../io/store/program.js';
import { assertMayWrite, writeOutputFile } from '../io/outputs/user-file.js';
import { toCsv } from '../io/formats/csv/write.js';
import { buildWorkbook, type ColumnSpec } from '../io/formats/xlsx/write.js';
import type { Participant } from '../core/types.js';
import {
  filterParticipants,
  participantsToRows,
  participantsToJson,
} from '../core/roster/participants-view.js';
import { UsageError } from '../errors.js';
import { checkChoice } from './participants.js';

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

/**
 * With `summary` (rows exported, --dry-run), emit also honours --json (a JSON summary after writing
 * --out) and --dry-run.
 */
export interface EmitSummary {
  rows: number;
  dryRun?: boolean;
}

/** Writes `data` to --out (atomically, with the overwrite check) or to stdout. */
export async function emit(
  ctx: Ctx,
  data: string | Uint8Array,
  out: string | undefined,
  programDir: string,
  force: boolean,
  format: ExportFormat,
  summary?: EmitSummary,
): Promise<void> {
  const path = out ? resolve(ctx.cwd, out) : undefined;
  if (summary) {
    // stdout carries one JSON document with --json: a CSV or XLSX body can only go to a file then.
    if (!path && ctx.out.json && format !== 'json')
      throw new UsageError(
        `--json with --format ${format} needs --out FILE`,
        `Add --out FILE.${format}, or drop --format to print JSON`,
      );
    if (summary.dryRun)
      return reportDryRun(ctx, data, out, path, programDir, force, format, summary.rows);
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
  await writeOutputFile(path, data, programDir, force);
  ctx.out.info(`wrote ${out}`);
  if (summary && ctx.out.json) ctx.out.resultJson({ file: path, format, rows: summary.rows });
}

/**
 * --dry-run: the same checks as a real run, then what would be written, where, and how big; nothing
 * is written.
 */
function reportDryRun(
  ctx: Ctx,
  data: string | Uint8Array,
  out: string | undefined,
  path: string | undefined,
  programDir: string,
  force: boolean,
  format: ExportFormat,
  rows: number,
): void {
  if (path) assertMayWrite(path, programDir, force);
  const bytes = typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength;
  if (ctx.out.json) ctx.out.resultJson({ dryRun: true, file: path ?? null, format, rows, bytes });
  else
    ctx.out.result(
      `Dry run, nothing written. Would write ${rows} row(s) as ${format.toUpperCase()} (${bytes} bytes) to ${out ?? 'stdout'}.`,
    );
}

/** The output flags every export shares, so each means the same in every command. */
export function withOutputOptions(cmd: Command): Command {
  return cmd
    .option(
      '--format <format>',
      'csv, xlsx or json (default: from --out, else csv; json with --json)',
    )
    .option('--out <file>', 'file to write (default: stdout)')
    .option('--force', 'overwrite an existing file outside the program folder')
    .option('--dry-run', 'check everything and say what would be written; write nothing');
}

export function registerExport(program: Command): Command {
  const exportCmd = program
    .command('export')
    .description('write program data as CSV, XLSX or JSON');
  withOutputOptions(
    exportCmd
      .command('participants')
      .description('export participants with the documented field names'),
  )
    .option('--role <role>', 'only mentor, mentee or both')
    .option('--cohort <cohort>', 'only this cohort')
    .option('--status <status>', 'only active or withdrawn')
    .option('--include-sensitive', 'include attributes marked sensitive in mentor.config.json')
    .action(async (opts, cmd: Command) => {
      const ctx = contextOf(cmd);
      const format = exportFormat(opts.format, opts.out, ctx.out.json);
      const role = checkChoice('--role', opts.role, ['mentor', 'mentee', 'both']);
      const status = checkChoice('--status', opts.status, ['active', 'withdrawn']);
      const program = await ctx.program();
      const list = filterParticipants(await readState<Participant[]>(program, 'participants', []), {
        role,
        cohort: opts.cohort,
        status,
      });
      const eo = {
        sensitive: program.config.participants.sensitiveAttributes,
        includeSensitive: Boolean(opts.includeSensitive),
      };
      let data: string | Uint8Array;
      if (format === 'json') data = `${JSON.stringify(participantsToJson(list, eo), null, 2)}\n`;
      else {
        const { headers, rows } = participantsToRows(list, eo);
        if (format === 'csv') data = toCsv(headers, rows);
        else {
          const types: Record<string, ColumnSpec['type']> = {
            level: 'integer',
            capacity: 'integer',
            trainingCompleted: 'boolean',
            submittedAt: 'datetime',
          };
          const columns: ColumnSpec[] = headers.map((h, i) => ({
            header: h,
            key: `c${i}`,
            type: types[h] ?? 'text',
          }));
          const wb = buildWorkbook([
            {
              name: 'Participants',
              columns,
              rows: rows.map((r) => Object.fromEntries(r.map((v, i) => [`c${i}`, v]))),
            },
          ]);
          data = new Uint8Array(await wb.xlsx.writeBuffer());
        }
      }
      await emit(ctx, data, opts.out, program.dir, Boolean(opts.force), format, {
        rows: list.length,
        dryRun: Boolean(opts.dryRun),
      });
    });
  return exportCmd;
}
