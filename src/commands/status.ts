/** `mentor-cli status`: the program at a glance, pairs that need help first. */

import type { Ctx } from './context.js';
import { loadReportInput } from './shared/report-input.js';
import { computeKpis } from '../core/kpi/compute.js';
import { reportToJson } from '../core/kpi/json.js';
import { resolveBreakdownFields } from '../core/kpi/by-fields.js';
import { renderStatus } from '../ui/status-summary.js';
import { personLabels } from '../ui/people.js';
import { noWaveOpenYet, surveyWaves } from '../core/surveys/waves.js';
import { readState } from '../io/store/program.js';
import type { AttentionItem } from '../core/roster/attention.js';
import { rosterNotes, rosterNotesLine } from '../ui/roster-notes.js';
import { pairStages } from '../core/matching/review.js';
import { introducedPairs } from '../core/outbox/plan.js';
import { readOutbox } from '../io/mail/deliver.js';
import { stagesLine } from '../ui/review-summary.js';

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
  const stages = pairStages(input.matches, introducedPairs(await readOutbox(program)));
  for (const w of report.warnings) ctx.out.warn(w);
  if (ctx.out.json) return ctx.out.resultJson({ ...reportToJson(report), roster, stages });
  const limit = ctx.out.isVerbose ? Infinity : Math.max(0, Number(opts.limit) || 20);
  const label = personLabels(input.participants, ctx.out.isVerbose);
  const waves = noWaveOpenYet(surveyWaves(program.config), ctx.now);
  const notes = [stagesLine(stages), rosterNotesLine(roster), waves].filter(Boolean).join('\n');
  ctx.out.result(renderStatus(ctx.out, report, limit, notes, label));
}
