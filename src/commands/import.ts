/** `mentor-cli import FILE...`: read sign-up exports, validate every row, keep the good ones, reject the rest with reasons. */

import { join, relative, resolve } from 'node:path';
import type { Command } from 'commander';
import { contextOf, type Ctx } from './context.js';
import { readTable } from '../io/read-table.js';
import { lockProgram, readState, readStateEach, writeState, type Program } from '../io/program.js';
import { writeFileAtomic } from '../io/atomic.js';
import { toCsv } from '../io/csv-write.js';
import { mapHeaders, parseMapFlags, formSignature, mappingToSaved, type ColumnMapping } from '../core/roster/header-map.js';
import { startMerge } from '../core/roster/merge.js';
import { buildImport, planFromMerge, rejectedTable, REJECTED_EXTRA_COLUMNS, type BuiltImport, type FileInput, type ImportPlan } from '../core/import-plan.js';
import type { Participant, Role, SourceTable } from '../core/types.js';
import { ProblemsError, UsageError } from '../errors.js';
import { printProblems, problemLine } from '../ui/problems.js';
import { startProgress } from '../ui/progress.js';
import { renderImportSummary, importJson } from '../ui/import-summary.js';

type SavedMappings = Record<string, Record<string, string>>;

interface ImportOptions { role?: string; sheet?: string; map: string[]; dryRun?: boolean; strict?: boolean; encoding?: string; rejected?: string }

export function registerImport(program: Command): void {
  program
    .command('import')
    .description('import participant sign-ups (CSV, TSV or XLSX from any form tool or HR export)')
    .argument('<files...>', 'CSV/TSV/XLSX files to import')
    .option('--role <role>', 'role for rows that do not say (mentor, mentee or both)')
    .option('--sheet <name>', 'worksheet to read in an XLSX (default: the first that holds a table)')
    .option('--map <Header=field>', 'map a column to a field, e.g. --map "Work mail=email" (repeatable; field "ignore" drops it)', (v: string, acc: string[]) => [...acc, v], [] as string[])
    .option('--encoding <name>', 'text encoding of CSV files when detection is wrong (utf-8, utf-16le, windows-1252)')
    .option('--rejected <file>', 'where to write rejected rows (default: rejected.csv in the program folder)')
    .option('--dry-run', 'validate and report, write nothing')
    .option('--strict', 'write nothing and exit 1 if any row is rejected')
    .action(async (files: string[], opts: ImportOptions, cmd: Command) => runImport(contextOf(cmd), files, opts));
}

async function runImport(ctx: Ctx, files: string[], opts: ImportOptions): Promise<void> {
  const role = parseRole(opts.role);
  const overrides = parseMapFlags(opts.map);
  const program = await ctx.program();
  const saved = await readState<SavedMappings>(program, 'mappings', {});
  const inputs: FileInput[] = [];
  for (const file of files) {
    const table = await readTable(resolve(ctx.cwd, file), { sheet: opts.sheet, encoding: opts.encoding, displayName: file });
    for (const note of table.notes) ctx.out.verbose(`${file}: ${note}`);
    inputs.push({ table, mapping: await resolveMapping(ctx, table, overrides, saved, role) });
  }
  const built = buildRows(ctx, inputs, program, role);
  // The source rows are done with (rejected rows keep their own cells): let them go before the stored roster is loaded.
  for (const input of inputs) input.table = { ...input.table, rows: [] };
  // The stored roster streams through the merge, so a big one is never held twice.
  const merge = startMerge(built.incoming);
  await readStateEach<Participant>(program, 'participants', (p) => merge.take(p));
  const plan = planFromMerge(built, merge.finish());
  // Managers outside the program are normal (the rule only needs the ones who take part): one note, details with --verbose.
  const managers = plan.problems.filter((p) => p.code === 'manager-unknown');
  printProblems(ctx.out, plan.problems.filter((p) => p.severity === 'warning' && p.code !== 'manager-unknown'));
  if (managers.length) ctx.out.info(`${managers.length} participant(s) name a manager who is not in the program; that is fine (shown with --verbose)`);
  for (const p of managers) ctx.out.verbose(problemLine(p));
  printProblems(ctx.out, plan.rejected.flatMap((r) => r.reasons));
  const rejectedPath = opts.rejected ? resolve(ctx.cwd, opts.rejected) : join(program.dir, 'rejected.csv');
  const blocked = Boolean(opts.strict) && plan.rejected.length > 0;
  const write = !opts.dryRun && !blocked;
  if (write) await saveImport(program, plan, inputs, saved, rejectedPath, ctx.now);
  if (ctx.out.json) ctx.out.resultJson(importJson(plan, { written: write, rejectedFile: plan.rejected.length && write ? rejectedPath : undefined }));
  else ctx.out.result(renderImportSummary(ctx.out, plan, { written: write, dryRun: Boolean(opts.dryRun), rejectedFile: plan.rejected.length && write ? relative(ctx.cwd, rejectedPath) || rejectedPath : undefined }));
  if (blocked) throw new ProblemsError(`${plan.rejected.length} row(s) rejected; nothing was imported because of --strict`, 'Fix the rows listed above, or run without --strict to import the good rows');
  if (plan.rejected.length) process.exitCode = 1;
}

function parseRole(value: string | undefined): Role | undefined {
  if (value === undefined) return undefined;
  const v = value.toLowerCase();
  if (v === 'mentor' || v === 'mentee' || v === 'both') return v;
  throw new UsageError(`--role "${value}" is not a role`, 'Use --role mentor, --role mentee or --role both');
}

/** Auto-maps headers, applies --map and the saved mapping of the same form, and asks (TTY only) for missing required fields. */
async function resolveMapping(ctx: Ctx, table: SourceTable, overrides: Array<{ header: string; field: string }>, saved: SavedMappings, role: Role | undefined): Promise<ColumnMapping> {
  const extra = table.headers.filter((h) => (REJECTED_EXTRA_COLUMNS as readonly string[]).includes(h)).map((header) => ({ header, field: 'ignore' }));
  const asked = [...extra, ...overrides];
  for (;;) {
    const result = mapHeaders(table.headers, asked, saved[formSignature(table.headers)]);
    const errors = result.problems.filter((p) => p.severity === 'error');
    if (errors.length) throw new UsageError(`${table.file}: ${errors[0].message}`, errors[0].hint);
    const missing = result.missingRequired.filter((f) => !(f === 'role' && role));
    if (!missing.length) {
      if (result.unmapped.length) ctx.out.info(`${table.file}: columns kept as extra attributes: ${result.unmapped.map((h) => `"${h}"`).join(', ')}`);
      return result.mapping;
    }
    const field = missing[0];
    if (!ctx.interactive) {
      throw new UsageError(`${table.file}: no column holds "${field}" (headers: ${table.headers.map((h) => `"${h}"`).join(', ')})`,
        field === 'role' ? 'Add --role mentor|mentee, or --map "Header=role"' : `Add --map "Header=${field}" naming the column`);
    }
    // inquirer is loaded only when a question is really asked (it costs ~0.2 s to load).
    const { askColumnFor } = await import('../ui/prompt.js');
    const header = await askColumnFor(field, table.file, table.headers);
    if (!header) throw new UsageError(`${table.file}: no column chosen for "${field}"`, `Add --map "Header=${field}"`);
    asked.push({ header, field });
  }
}

/** Builds and validates every row, with a progress bar for big files. */
function buildRows(ctx: Ctx, inputs: FileInput[], program: Program, role: Role | undefined): BuiltImport {
  const total = inputs.reduce((n, i) => n + i.table.rows.length, 0);
  const progress = startProgress(ctx.out, 'Validating', total);
  const opts = { role, defaultCapacity: program.config.participants.defaultCapacity, defaultTimezone: program.config.program.timezone };
  try {
    return buildImport(inputs, opts, (done) => progress.update(done));
  } finally {
    progress.stop();
  }
}

async function saveImport(program: Program, plan: ImportPlan, inputs: FileInput[], saved: SavedMappings, rejectedPath: string, now: Date): Promise<void> {
  await lockProgram(program, 'import', async () => {
    const mappings: SavedMappings = Object.assign(Object.create(null), await readState<SavedMappings>(program, 'mappings', {}), saved);
    for (const { table, mapping } of inputs) mappings[formSignature(table.headers)] = mappingToSaved(table.headers, mapping);
    if (plan.rejected.length) {
      const t = rejectedTable(plan.rejected);
      await writeFileAtomic(rejectedPath, toCsv(t.headers, t.rows));
    }
    await writeState(program, 'mappings', mappings, now);
    // Participants last: the roster is the state that matters; a crash before this line leaves the old roster intact.
    // A re-import that changes nothing leaves the stored roster as it is (rewriting a big one takes seconds).
    if (!plan.merge.storedUnchanged) await writeState(program, 'participants', plan.merge.participants, now);
  });
}
