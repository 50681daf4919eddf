/** `mentor-cli status`: the program at a glance, pairs that need help first. */

import type { Ctx } from './context.js';
import { loadReportInput } from './shared/report-input.js';
import { computeKpis } from '../core/kpi/compute.js';
import { reportToJson } from '../core/kpi/json.js';
import { resolveBreakdownFields } from '../core/kpi/by-fields.js';
import { renderStatus } from '../ui/status-summary.js';
import { readState } from '../io/store/program.js';
import type { AttentionItem } from '../core/roster/attention.js';
import { rosterNotes, rosterNotesLine } from '../ui/roster-notes.js';

/** The options of `status` (see commands/index.ts). */
export interface StatusOptions {
  limit: string;
}

export async function runStatus(ctx: Ctx, opts: StatusOptions): Promise<void> {
  const program = await ctx.program();
  const input = await loadReportInput(program, ctx.now);
  // The same breakdowns as `report` (department and cohort when used): one JSON document for both.
  const report = computeKpis(input, { by: resolveBreakdownFields([], input.participants) });
  const attention = await readState<AttentionItem[]>(program, 'attention', []);
  const roster = rosterNotes(input.participants, attention);
  for (const w of report.warnings) ctx.out.warn(w);
  if (ctx.out.json) return ctx.out.resultJson({ ...reportToJson(report), roster });
  const limit = ctx.out.isVerbose ? Infinity : Math.max(0, Number(opts.limit) || 20);
  ctx.out.result(renderStatus(ctx.out, report, limit, rosterNotesLine(roster)));
}
