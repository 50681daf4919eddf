/**
 * `mentor-cli schedule`: a recurring meeting series per pair, milestones and check-ins, as .ics
 * files plus a meeting list.
 */

import { join, relative, resolve } from 'node:path';
import type { Ctx } from './context.js';
import { prepareSchedule } from './shared/prepare-schedule.js';
import { ProblemsError } from '../errors.js';
import { lockProgram } from '../io/store/program.js';
import { assertMayUseOutDir } from '../io/outputs/schedule/folder.js';
import { publishSchedule } from '../io/outputs/schedule/publish.js';
import { summariseSchedule } from '../core/scheduling/summary.js';
import { renderScheduleSummary } from '../ui/schedule-summary.js';

/** The options of `schedule` (see commands/index.ts). */
export interface ScheduleOptions {
  out?: string;
  dryRun?: boolean;
  force?: boolean;
  strict?: boolean;
}

export async function runSchedule(ctx: Ctx, opts: ScheduleOptions): Promise<void> {
  const program = await ctx.program();
  const outDir = resolve(ctx.cwd, opts.out ?? join(program.dir, 'schedule'));
  const dryRun = Boolean(opts.dryRun);
  const summary = await lockProgram(program, 'schedule', async () => {
    const prepared = await prepareSchedule(program, ctx.now, { workbook: true });
    const { plan, reconciled, previous } = prepared;
    assertMayUseOutDir(outDir, program.dir, previous, Boolean(opts.force));
    const files = new Map(prepared.rendered.files);
    files.set('schedule.xlsx', await (prepared.workbook as Promise<Uint8Array>));
    if (!dryRun) await publishSchedule(program, outDir, files, reconciled.state, previous, ctx.now);
    return summariseSchedule(plan, reconciled, { outDir, dryRun, files: [...files.keys()].sort() });
  });
  if (ctx.out.json) ctx.out.resultJson(summary);
  else {
    ctx.out.result(renderScheduleSummary(summary, relative(ctx.cwd, summary.outDir) || '.'));
    ctx.out.info(
      'Next: `mentor-cli intro` writes the introduction emails with the invitations attached.',
    );
  }
  if (opts.strict && summary.unscheduled.length)
    throw new ProblemsError(
      `${summary.unscheduled.length} pair(s) could not be scheduled`,
      'Add availability or set schedule.noCommonTime to "fallback"',
    );
}
