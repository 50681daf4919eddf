/**
 * The shared path of `schedule` and `intro`: load, plan, reconcile with the last run, render in
 * memory.
 */

import { InputError } from '../../errors.js';
import { buildPlan } from '../../core/scheduling/plan.js';
import { reconcile, type ScheduleState } from '../../core/scheduling/reconcile.js';
import { keptSlots } from '../../core/scheduling/kept-slots.js';
import { readState, type Program } from '../../io/store/program.js';
import { readScheduleInput } from '../../io/store/schedule-input.js';
import { renderSchedule, type PreparedSchedule } from '../../io/outputs/schedule/calendars.js';
import { meetingRows } from '../../io/outputs/schedule/rows.js';
import { meetingWorkbook } from '../../io/outputs/schedule/workbook.js';

/** Plans and renders the program's schedule; throws a one-line error for unusable input. */
export async function prepareSchedule(
  program: Program,
  now: Date,
  opts: { workbook?: boolean } = {},
): Promise<PreparedSchedule> {
  const input = await readScheduleInput(program);
  const raw = await readState<ScheduleState | undefined>(program, 'schedule', undefined);
  const previous =
    raw && raw.version === 1 && raw.events && typeof raw.events === 'object' ? raw : undefined;
  const programId =
    typeof previous?.programId === 'string' && previous.programId
      ? previous.programId
      : program.config.program.name;
  const plan = buildPlan({ ...input, programId, kept: keptSlots(previous) });
  const error = plan.problems.find((p) => p.severity === 'error');
  if (error) {
    const more =
      plan.problems.length > 1
        ? ` (and ${plan.problems.length - 1} more problem${plan.problems.length > 2 ? 's' : ''})`
        : '';
    throw new InputError(`${error.message}${more}`, error.location ?? {}, error.hint);
  }
  const occurrences = new Map<string, string[]>();
  for (const s of plan.series) {
    if (s.event)
      occurrences.set(
        s.event.uid,
        s.occurrences.filter((o) => o.status !== 'skipped').map((o) => o.ruleDate),
      );
  }
  const reconciled = reconcile(plan.events, occurrences, previous, now, plan.describeFrom);
  reconciled.state.programId = programId;
  const rows = meetingRows(plan);
  const workbook = opts.workbook ? meetingWorkbook(rows) : undefined;
  // A failed workbook is reported by whoever awaits it; this only keeps it from being an unhandled
  // rejection meanwhile.
  workbook?.catch(() => undefined);
  const rendered = renderSchedule(plan, reconciled, program.config, rows);
  return { plan, reconciled, rendered, previous, templates: input.templates, workbook };
}
