/** `mentor-cli export participants|...`: write program data as CSV, XLSX or JSON to a file or stdout. */

import { resolve } from 'node:path';
import type { Command } from 'commander';
import { contextOf, type Ctx } from './context.js';
import { readState } from '../io/program.js';
import { writeOutputFile } from '../io/output-file.js';
import { toCsv } from '../io/csv-write.js';
import { buildWorkbook, type ColumnSpec } from '../io/xlsx-write.js';
import type { Participant } from '../core/types.js';
import { filterParticipants, participantsToRows, participantsToJson } from '../core/participants-view.js';
import { UsageError } from '../errors.js';
import { checkChoice } from './participants.js';

export type ExportFormat = 'csv' | 'xlsx' | 'json';

/** Picks the format from --format, else from the --out extension, else csv. */
export function exportFormat(format: string | undefined, out: string | undefined): ExportFormat {
  const f = (format ?? out?.split('.').pop() ?? 'csv').toLowerCase();
  if (f === 'csv' || f === 'xlsx' || f === 'json') return f;
  throw new UsageError(`--format "${format ?? f}" is not supported`, 'Use --format csv, xlsx or json');
}

/** Writes `data` to --out (atomically, with the overwrite check) or to stdout. */
export async function emit(ctx: Ctx, data: string | Uint8Array, out: string | undefined, programDir: string, force: boolean, format: ExportFormat): Promise<void> {
  if (!out) {
    if (format === 'xlsx' && ctx.out.stdout.isTTY) throw new UsageError('Refusing to print an XLSX file to the terminal', 'Add --out FILE.xlsx, or redirect stdout to a file');
    ctx.out.stdout.write(data);
    return;
  }
  const path = resolve(ctx.cwd, out);
  await writeOutputFile(path, data, programDir, force);
  ctx.out.info(`wrote ${out}`);
}

export function registerExport(program: Command): Command {
  const exportCmd = program.command('export').description('write program data as CSV, XLSX or JSON');
  exportCmd
    .command('participants')
    .description('export participants with the documented field names')
    .option('--format <format>', 'csv, xlsx or json (default: from --out, else csv)')
    .option('--out <file>', 'file to write (default: stdout)')
    .option('--role <role>', 'only mentor, mentee or both')
    .option('--cohort <cohort>', 'only this cohort')
    .option('--status <status>', 'only active or withdrawn')
    .option('--include-sensitive', 'include attributes marked sensitive in mentor.config.json')
    .option('--force', 'overwrite an existing file outside the program folder')
    .action(async (opts, cmd: Command) => {
      const ctx = contextOf(cmd);
      const format = exportFormat(opts.format, opts.out);
      const role = checkChoice('--role', opts.role, ['mentor', 'mentee', 'both']);
      const status = checkChoice('--status', opts.status, ['active', 'withdrawn']);
      const program = await ctx.program();
      const list = filterParticipants(await readState<Participant[]>(program, 'participants', []), { role, cohort: opts.cohort, status });
      const eo = { sensitive: program.config.participants.sensitiveAttributes, includeSensitive: Boolean(opts.includeSensitive) };
      let data: string | Uint8Array;
      if (format === 'json') data = `${JSON.stringify(participantsToJson(list, eo), null, 2)}\n`;
      else {
        const { headers, rows } = participantsToRows(list, eo);
        if (format === 'csv') data = toCsv(headers, rows);
        else {
          const types: Record<string, ColumnSpec['type']> = { level: 'integer', capacity: 'integer', trainingCompleted: 'boolean', submittedAt: 'datetime' };
          const columns: ColumnSpec[] = headers.map((h, i) => ({ header: h, key: `c${i}`, type: types[h] ?? 'text' }));
          const wb = buildWorkbook([{ name: 'Participants', columns, rows: rows.map((r) => Object.fromEntries(r.map((v, i) => [`c${i}`, v]))) }]);
          data = new Uint8Array(await wb.xlsx.writeBuffer() as ArrayBuffer);
        }
      }
      await emit(ctx, data, opts.out, program.dir, Boolean(opts.force), format);
    });
  return exportCmd;
}
