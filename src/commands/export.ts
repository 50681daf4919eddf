/** `mentor-cli export participants`: the roster as CSV, XLSX or JSON, to a file or stdout. */

import type { Ctx } from './context.js';
import { checkChoice } from './shared/flags.js';
import { emit } from './shared/emit.js';
import { readState } from '../io/store/program.js';
import { exportFormat } from '../io/outputs/exports/format.js';
import { participantsData } from '../io/outputs/exports/participants.js';
import type { Participant } from '../core/types.js';
import { filterParticipants } from '../core/roster/participants-view.js';

/** The output flags every export shares (see commands/index.ts). */
export interface OutputOptions {
  format?: string;
  out?: string;
  force?: boolean;
  dryRun?: boolean;
}

/** The options of `export participants`. */
export interface ExportParticipantsOptions extends OutputOptions {
  role?: string;
  cohort?: string;
  status?: string;
  includeSensitive?: boolean;
}

export async function runExportParticipants(
  ctx: Ctx,
  opts: ExportParticipantsOptions,
): Promise<void> {
  const format = exportFormat(opts.format, opts.out, ctx.out.json);
  const role = checkChoice('--role', opts.role, ['mentor', 'mentee', 'both']);
  const status = checkChoice('--status', opts.status, ['active', 'withdrawn']);
  const program = await ctx.program();
  const stored = await readState<Participant[]>(program, 'participants', []);
  const list = filterParticipants(stored, { role, cohort: opts.cohort, status });
  const data = await participantsData(list, format, {
    sensitive: program.config.participants.sensitiveAttributes,
    includeSensitive: Boolean(opts.includeSensitive),
  });
  await emit(ctx, {
    data,
    format,
    out: opts.out,
    programDir: program.dir,
    force: Boolean(opts.force),
    summary: { rows: list.length, dryRun: Boolean(opts.dryRun) },
  });
}
