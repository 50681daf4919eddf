/**
 * `mentor-cli export matches --format csv|xlsx|json`: pairs with reasons in plain words; the XLSX
 * adds Unmatched and Audit sheets.
 */

import type { Ctx } from './context.js';
import type { OutputOptions } from './export.js';
import { emit } from './shared/emit.js';
import { readState } from '../io/store/program.js';
import { exportFormat } from '../io/outputs/exports/format.js';
import { matchesData } from '../io/outputs/exports/matches.js';
import { UsageError } from '../errors.js';
import type { Participant } from '../core/types.js';
import { emptyMatchesState, type MatchesState } from '../core/matching/state.js';
import { matchRows, auditRows } from '../core/matching/export-rows.js';

/** The options of `export matches`. */
export interface ExportMatchesOptions extends OutputOptions {
  all?: boolean;
  includeSensitive?: boolean;
}

export async function runExportMatches(ctx: Ctx, opts: ExportMatchesOptions): Promise<void> {
  const format = exportFormat(opts.format, opts.out, ctx.out.json);
  const program = await ctx.program();
  const state = {
    ...emptyMatchesState(),
    ...(await readState<MatchesState>(program, 'matches', emptyMatchesState())),
  };
  if (!state.matches.length && !state.runs.length)
    throw new UsageError('No matches saved yet', 'Run `mentor-cli match` first');
  const people = await readState<Participant[]>(program, 'participants', []);
  const lastRun = state.runs.at(-1);
  const shown = state.matches.filter((m) => opts.all || m.status === 'active');
  const rows = matchRows(shown, people, Boolean(opts.includeSensitive));
  const data = await matchesData(
    {
      rows,
      unmatched: (lastRun?.unmatched ?? []).map((u) => ({
        mentee: u.email,
        menteeName: u.name,
        reason: u.reason,
      })),
      audit: lastRun?.audit ?? null,
      auditRows: lastRun ? auditRows(lastRun.audit, people) : [],
    },
    format,
  );
  await emit(ctx, {
    data,
    format,
    out: opts.out,
    programDir: program.dir,
    force: Boolean(opts.force),
    summary: { rows: rows.length, dryRun: Boolean(opts.dryRun) },
  });
}
