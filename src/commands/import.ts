/**
 * `mentor-cli import FILE...`: read sign-up exports, validate every row, keep the good ones, reject
 * the rest with reasons.
 */

import { join, relative, resolve } from 'node:path';
import type { Command } from 'commander';
import { contextOf, type Ctx } from './context.js';
import {
  lockProgram,
  readState,
  readStateEach,
  writeState,
  type Program,
} from '../io/store/program.js';
import { writeOutputFile, assertMayWrite, removeStale } from '../io/outputs/user-file.js';
import { toCsv } from '../io/formats/csv/write.js';
import {
  mapHeaders,
  parseMapFlags,
  formSignature,
  mappingToSaved,
  type ColumnMapping,
} from '../core/roster/header-map.js';
import { startMerge } from '../core/roster/merge.js';
import {
  attentionAfterImport,
  buildImport,
  mergeOptionsOf,
  planFromMerge,
  rejectedTable,
  tableRowCount,
  REJECTED_EXTRA_COLUMNS,
  type BuiltImport,
  type FileInput,
  type ImportPlan,
} from '../core/roster/import-plan.js';
import type { Participant, Problem, Role, SourceTable } from '../core/types.js';
import {
  ATTENTION_EXTRA_COLUMNS,
  attentionProblem,
  attentionTable,
  type AttentionItem,
} from '../core/roster/attention.js';
import { assertUsableTextWorkbook, nulWarning, readTableNamed } from './import-checks.js';
import { ProblemsError, UsageError } from '../errors.js';
import { printProblems, problemLine } from '../ui/problems.js';
import { startProgress } from '../ui/progress.js';
import { renderImportSummary, importJson } from '../ui/import-summary.js';

type SavedMappings = Record<string, Record<string, string>>;

interface ImportOptions {
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

export function registerImport(program: Command): void {
  program
    .command('import')
    .description('import participant sign-ups (CSV, TSV or XLSX from any form tool or HR export)')
    .argument('<files...>', 'CSV/TSV/XLSX files to import')
    .option('--role <role>', 'role for rows that do not say (mentor, mentee or both)')
    .option(
      '--sheet <name>',
      'worksheet to read in an XLSX (default: the first that holds a table)',
    )
    .option(
      '--map <Header=field>',
      'map a column to a field, e.g. --map "Work mail=email" (repeatable; field "ignore" drops it)',
      (v: string, acc: string[]) => [...acc, v],
      [] as string[],
    )
    .option(
      '--encoding <name>',
      'text encoding of CSV files when detection is wrong (utf-8, utf-16le, windows-1252)',
    )
    .option(
      '--rejected <file>',
      'where to write rejected rows (default: rejected.csv in the program folder)',
    )
    .option('--force', 'overwrite an existing --rejected file outside the program folder')
    .option(
      '--replace',
      'the file is the full truth for its columns: a blank cell clears the value',
    )
    .option('--dry-run', 'validate and report, write nothing')
    .option('--strict', 'write nothing and exit 1 if any row is rejected')
    .action(async (files: string[], opts: ImportOptions, cmd: Command) =>
      runImport(contextOf(cmd), files, opts),
    );
}

async function runImport(ctx: Ctx, files: string[], opts: ImportOptions): Promise<void> {
  const role = parseRole(opts.role);
  const overrides = parseMapFlags(opts.map);
  const program = await ctx.program();
  const saved = await readState<SavedMappings>(program, 'mappings', {});
  const inputs: FileInput[] = [];
  const readProblems: Problem[] = [];
  for (const file of files) {
    const path = resolve(ctx.cwd, file);
    const table = await readTableNamed(path, {
      sheet: opts.sheet,
      encoding: opts.encoding,
      displayName: file,
      chunked: true,
    });
    for (const note of table.notes) ctx.out.verbose(`${file}: ${note}`);
    const nul = await nulWarning(path, table);
    if (nul) readProblems.push(nul);
    inputs.push({ table, mapping: await resolveMapping(ctx, table, overrides, saved, role) });
  }
  const built = buildRows(ctx, inputs, program, role, Boolean(opts.replace));
  // The source rows are done with (rejected rows keep their own cells): let them go before the
  // stored roster is loaded.
  for (const input of inputs) input.table = { ...input.table, rows: [] };
  const rejectedPath = opts.rejected
    ? resolve(ctx.cwd, opts.rejected)
    : join(program.dir, 'rejected.csv');
  const blocked = Boolean(opts.strict) && built.rejected.length > 0;
  const write = !opts.dryRun && !blocked;
  // Checked before anything is written: a user's own file is replaced only with --force.
  if (write && built.rejected.length)
    assertMayWrite(rejectedPath, program.dir, Boolean(opts.force));
  // Read, merge and write under one lock: two imports running at once must each merge into the
  // other's result.
  const attentionPath = join(program.dir, 'attention.csv');
  const plan = write
    ? await lockProgram(program, 'import', async () => {
        const planned = await mergeStored(program, built, readProblems);
        await saveImport(program, planned, inputs, saved, ctx.now, {
          rejectedPath,
          attentionPath,
          force: Boolean(opts.force),
          defaultRejected: !opts.rejected,
        });
        return planned;
      })
    : await mergeStored(program, built, readProblems);
  printProblems(ctx.out, plan.attention.map(attentionProblem));
  for (const ch of plan.merge.changes)
    ctx.out.verbose(
      `${ch.email}: ${ch.field} ${JSON.stringify(ch.from) ?? '(empty)'} -> ${JSON.stringify(ch.to) ?? '(empty)'}`,
    );
  // Managers outside the program are normal (the rule only needs the ones who take part): one note,
  // details with --verbose.
  const managers = plan.problems.filter((p) => p.code === 'manager-unknown');
  printProblems(
    ctx.out,
    plan.problems.filter((p) => p.severity === 'warning' && p.code !== 'manager-unknown'),
  );
  if (managers.length)
    ctx.out.info(
      `${managers.length} participant(s) name a manager who is not in the program; that is fine (shown with --verbose)`,
    );
  for (const p of managers) ctx.out.verbose(problemLine(p));
  printProblems(
    ctx.out,
    plan.rejected.flatMap((r) => r.reasons),
  );
  if (ctx.out.json)
    ctx.out.resultJson(
      importJson(plan, {
        written: write,
        rejectedFile: plan.rejected.length && write ? rejectedPath : undefined,
        attentionFile: plan.attention.length && write ? attentionPath : undefined,
      }),
    );
  else
    ctx.out.result(
      renderImportSummary(ctx.out, plan, {
        written: write,
        dryRun: Boolean(opts.dryRun),
        rejectedFile:
          plan.rejected.length && write
            ? relative(ctx.cwd, rejectedPath) || rejectedPath
            : undefined,
        attentionFile:
          plan.attention.length && write
            ? relative(ctx.cwd, attentionPath) || attentionPath
            : undefined,
      }),
    );
  if (blocked)
    throw new ProblemsError(
      `${plan.rejected.length} row(s) rejected; nothing was imported because of --strict`,
      'Fix the rows listed above, or run without --strict to import the good rows',
    );
  if (plan.rejected.length) process.exitCode = 1;
}

function parseRole(value: string | undefined): Role | undefined {
  if (value === undefined) return undefined;
  const v = value.toLowerCase();
  if (v === 'mentor' || v === 'mentee' || v === 'both') return v;
  throw new UsageError(
    `--role "${value}" is not a role`,
    'Use --role mentor, --role mentee or --role both',
  );
}

/**
 * Auto-maps headers, applies --map and the saved mapping of the same form, and asks (TTY only) for
 * missing required fields.
 */
async function resolveMapping(
  ctx: Ctx,
  table: SourceTable,
  overrides: Array<{ header: string; field: string }>,
  saved: SavedMappings,
  role: Role | undefined,
): Promise<ColumnMapping> {
  const extra = table.headers
    .filter((h) =>
      ([...REJECTED_EXTRA_COLUMNS, ...ATTENTION_EXTRA_COLUMNS] as readonly string[]).includes(h),
    )
    .map((header) => ({ header, field: 'ignore' }));
  const asked = [...extra, ...overrides];
  for (;;) {
    const result = mapHeaders(table.headers, asked, saved[formSignature(table.headers)]);
    const errors = result.problems.filter((p) => p.severity === 'error');
    if (errors.length) throw new UsageError(`${table.file}: ${errors[0].message}`, errors[0].hint);
    const absent = result.missingRequired.filter((f) => !(f === 'role' && role));
    assertUsableTextWorkbook(table, absent);
    // Without a name or role column a file can still update stored people (found by email): ask
    // only on a terminal, and only while some column is left that could hold it.
    const missing = absent.filter(
      (f) => f === 'email' || (ctx.interactive && result.unmapped.length > 0),
    );
    if (!missing.length) {
      if (absent.length)
        ctx.out.info(
          `${table.file}: no ${absent.join(' or ')} column; it updates people already in the program, and rejects new ones`,
        );
      if (result.unmapped.length)
        ctx.out.info(
          `${table.file}: columns kept as extra attributes: ${result.unmapped.map((h) => `"${h}"`).join(', ')}`,
        );
      return result.mapping;
    }
    const field = missing[0];
    if (!ctx.interactive) {
      throw new UsageError(
        `${table.file}: no column holds "${field}" (headers: ${table.headers.map((h) => `"${h}"`).join(', ')})`,
        field === 'role'
          ? 'Add --role mentor|mentee, or --map "Header=role"'
          : `Add --map "Header=${field}" naming the column`,
      );
    }
    // inquirer is loaded only when a question is really asked (it costs ~0.2 s to load).
    const { askColumnFor } = await import('../ui/prompt.js');
    const header = await askColumnFor(field, table.file, table.headers);
    if (!header)
      throw new UsageError(
        `${table.file}: no column chosen for "${field}"`,
        `Add --map "Header=${field}"`,
      );
    asked.push({ header, field });
  }
}

/** Builds and validates every row, with a progress bar for big files. */
function buildRows(
  ctx: Ctx,
  inputs: FileInput[],
  program: Program,
  role: Role | undefined,
  replace: boolean,
): BuiltImport {
  const total = inputs.reduce((n, i) => n + tableRowCount(i.table), 0);
  const progress = startProgress(ctx.out, 'Validating', total);
  const opts = {
    role,
    defaultCapacity: program.config.participants.defaultCapacity,
    defaultTimezone: program.config.program.timezone,
    replace,
  };
  try {
    return buildImport(inputs, opts, (done) => progress.update(done));
  } finally {
    progress.stop();
  }
}

/**
 * The built rows merged into the stored roster, which streams through the merge so that a big one
 * is never held twice.
 */
async function mergeStored(
  program: Program,
  built: BuiltImport,
  readProblems: Problem[],
): Promise<ImportPlan> {
  const merge = startMerge(built.incoming, mergeOptionsOf(built));
  await readStateEach<Participant>(program, 'participants', (p) => merge.take(p));
  return planFromMerge(built, merge.finish(), readProblems);
}

interface SaveFiles {
  rejectedPath: string;
  attentionPath: string;
  force: boolean;
  /** rejected.csv is the program folder's own (not --rejected): a stale one is removed. */
  defaultRejected: boolean;
}

/**
 * Writes rejected rows, attention items, the mappings and the roster; the caller holds the lock.
 */
async function saveImport(
  program: Program,
  plan: ImportPlan,
  inputs: FileInput[],
  saved: SavedMappings,
  now: Date,
  files: SaveFiles,
): Promise<void> {
  const { rejectedPath, force } = files;
  // What is stored now wins over the copy read before the lock (another import may have saved a
  // form since).
  const mappings: SavedMappings = Object.assign(
    Object.create(null),
    saved,
    await readState<SavedMappings>(program, 'mappings', {}),
  );
  for (const { table, mapping } of inputs)
    mappings[formSignature(table.headers)] = mappingToSaved(table.headers, mapping);
  if (plan.rejected.length) {
    const t = rejectedTable(plan.rejected);
    await writeOutputFile(rejectedPath, toCsv(t.headers, t.rows), program.dir, force);
  } else if (files.defaultRejected) await removeStale(rejectedPath);
  const attention = attentionAfterImport(
    await readState<AttentionItem[]>(program, 'attention', []),
    plan,
  );
  if (attention.length) {
    const t = attentionTable(attention);
    await writeOutputFile(files.attentionPath, toCsv(t.headers, t.rows), program.dir, true);
  } else await removeStale(files.attentionPath);
  await writeState(program, 'attention', attention, now);
  await writeState(program, 'mappings', mappings, now);
  // Participants last: the roster is the state that matters; a crash before this line leaves the
  // old roster intact. A re-import that changes nothing leaves the stored roster as it is
  // (rewriting a big one takes seconds).
  if (!plan.merge.storedUnchanged)
    await writeState(program, 'participants', plan.merge.participants, now);
}
