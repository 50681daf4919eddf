/**
 * `mentor-cli import FILE...`: read sign-up exports, validate every row, keep the good ones, reject
 * the rest with reasons.
 */

import { join, relative, resolve } from 'node:path';
import type { Ctx } from './context.js';
import { roleOption } from './shared/flags.js';
import { holdsRoster, resolveMapping } from './import-mapping.js';
import { lockProgram, readState, type Program } from '../io/store/program.js';
import { mergeStored, readFixes, saveImport, type SavedMappings } from '../io/store/import-save.js';
import { nulWarning, readTableNamed } from '../io/ingest/named-table.js';
import { assertMayWrite } from '../io/outputs/user-file.js';
import { parseMapFlags } from '../core/roster/header-map.js';
import { buildImport, tableRowCount, type BuiltImport } from '../core/roster/import-plan.js';
import type { FileInput } from '../core/roster/import-plan.js';
import type { BuildOptions } from '../core/roster/build.js';
import type { Problem, Role } from '../core/types.js';
import { ProblemsError, ProblemsReported } from '../errors.js';
import { startProgress } from '../ui/progress.js';
import { importJson, printImportProblems, renderImportSummary } from '../ui/import-summary.js';

/** The options of `import` (see commands/index.ts). */
export interface ImportOptions {
  role?: string;
  sheet?: string;
  map: string[];
  dryRun?: boolean;
  strict?: boolean;
  encoding?: string;
  rejected?: string;
  force?: boolean;
  replace?: boolean;
}

export async function runImport(ctx: Ctx, files: string[], opts: ImportOptions): Promise<void> {
  const role = roleOption(opts.role);
  const overrides = parseMapFlags(opts.map);
  const program = await ctx.program();
  const saved = await readState<SavedMappings>(program, 'mappings', {});
  const inputs: FileInput[] = [];
  const readProblems: Problem[] = [];
  for (const file of files) {
    const path = resolve(ctx.cwd, file);
    const { sheet, encoding } = opts;
    const holdsTable = holdsRoster(overrides, saved);
    const read = { sheet, encoding, displayName: file, chunked: true, holdsTable };
    const table = await readTableNamed(path, read);
    for (const note of table.notes)
      if (note.startsWith('sheet "')) ctx.out.info(`${file}: ${note}`);
      else ctx.out.verbose(`${file}: ${note}`);
    const nul = await nulWarning(path, table);
    if (nul) readProblems.push(nul);
    inputs.push({ table, mapping: await resolveMapping(ctx, table, overrides, saved, role) });
  }
  const fixes = await readFixes(program);
  const built = buildRows(ctx, inputs, program, role, { replace: Boolean(opts.replace), fixes });
  // The source rows are done with (rejected rows keep their own cells): let them go before the
  // stored roster is loaded.
  for (const input of inputs) input.table = { ...input.table, rows: [] };
  const rejectedPath = resolve(ctx.cwd, opts.rejected ?? join(program.dir, 'rejected.csv'));
  const force = Boolean(opts.force);
  const blocked = Boolean(opts.strict) && built.rejected.length > 0;
  const write = !opts.dryRun && !blocked;
  // Checked before anything is written: a user's own file is replaced only with --force.
  if (write && built.rejected.length) assertMayWrite(rejectedPath, program.dir, force);
  const attentionPath = join(program.dir, 'attention.csv');
  // Read, merge and write under one lock: two imports running at once must each merge into the
  // other's result.
  const plan = write
    ? await lockProgram(program, 'import', async () => {
        const planned = await mergeStored(program, built, readProblems);
        await saveImport(program, planned, inputs, saved, {
          rejectedPath,
          attentionPath,
          force,
          defaultRejected: !opts.rejected,
          now: ctx.now,
          fixes,
        });
        return planned;
      })
    : await mergeStored(program, built, readProblems);
  printImportProblems(ctx.out, plan);
  const rejectedFile = plan.rejected.length && write ? rejectedPath : undefined;
  const attentionFile = plan.attention.length && write ? attentionPath : undefined;
  if (ctx.out.json)
    ctx.out.resultJson(importJson(plan, { written: write, rejectedFile, attentionFile }));
  else
    ctx.out.result(
      renderImportSummary(ctx.out, plan, {
        written: write,
        dryRun: Boolean(opts.dryRun),
        rejectedFile: rejectedFile && (relative(ctx.cwd, rejectedFile) || rejectedFile),
        attentionFile: attentionFile && (relative(ctx.cwd, attentionFile) || attentionFile),
      }),
    );
  if (blocked)
    throw new ProblemsError(
      `${plan.rejected.length} row(s) rejected; nothing was imported because of --strict`,
      'Fix the rows listed above, or run without --strict to import the good rows',
    );
  // Rejected rows were reported above and written to rejected.csv: exit 1 with nothing more to say.
  if (plan.rejected.length) throw new ProblemsReported(`${plan.rejected.length} row(s) rejected`);
}

/** Builds and validates every row, with a progress bar for big files. */
function buildRows(
  ctx: Ctx,
  inputs: FileInput[],
  program: Program,
  role: Role | undefined,
  more: Pick<BuildOptions, 'replace' | 'fixes'>,
): BuiltImport {
  const total = inputs.reduce((n, input) => n + tableRowCount(input.table), 0);
  const progress = startProgress(ctx.out, 'Validating', total);
  const defaults = {
    role,
    defaultCapacity: program.config.participants.defaultCapacity,
    defaultTimezone: program.config.program.timezone,
    referenceDate: program.config.program.startDate,
    rejectOn: program.config.import?.rejectOn,
    levelWords: program.config.participants.levelWords,
    now: ctx.now.toISOString(),
    ...more,
  };
  try {
    return buildImport(inputs, defaults, (done) => progress.update(done));
  } finally {
    progress.stop();
  }
}
