/**
 * `mentor-cli outcomes import FILE`: an HR export (whole organisation or the program's population)
 * read through the ingest layer and kept in the program state for the participant comparison.
 */

import { resolve } from 'node:path';
import type { Ctx } from './context.js';
import { lockProgram, writeState } from '../io/store/program.js';
import { readTableNamed } from '../io/ingest/named-table.js';
import { readOutcomeRows, type OutcomesState } from '../core/outcomes/records.js';
import { ProblemsReported, UsageError } from '../errors.js';
import { printProblems } from '../ui/problems.js';
import { outcomesImportedLine } from '../ui/outcomes-summary.js';

/** The options of `outcomes import` (see commands/index.ts). */
export interface OutcomesImportOptions {
  sheet?: string;
  encoding?: string;
  dryRun?: boolean;
}

export async function runOutcomesImport(
  ctx: Ctx,
  file: string,
  opts: OutcomesImportOptions,
): Promise<void> {
  const program = await ctx.program();
  const table = await readTableNamed(resolve(ctx.cwd, file), {
    displayName: file,
    ...(opts.sheet ? { sheet: opts.sheet } : {}),
    ...(opts.encoding ? { encoding: opts.encoding } : {}),
  });
  const { records, problems } = readOutcomeRows(table);
  const fatal = problems.find((p) => p.code === 'outcomes-no-email');
  if (fatal) throw new UsageError(fatal.message, fatal.hint);
  printProblems(ctx.out, problems);
  const state: OutcomesState = { file, importedAt: ctx.now.toISOString(), records };
  if (!opts.dryRun)
    await lockProgram(program, 'outcomes import', () =>
      writeState(program, 'outcomes', state, ctx.now),
    );
  const skipped = problems.filter((p) => p.severity === 'error').length;
  const summary = { file, records: records.length, skipped, dryRun: Boolean(opts.dryRun) };
  if (ctx.out.json) ctx.out.resultJson({ ...summary, problems });
  else ctx.out.result(outcomesImportedLine(summary));
  if (skipped) throw new ProblemsReported(`${skipped} row(s) skipped`);
}
