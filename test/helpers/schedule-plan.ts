/** Building a plan and its rendered files in memory for unit tests. */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ProgramConfig } from '../../src/core/config.js';
import type { Match, Participant } from '../../src/core/types.js';
import { buildPlan, type Plan } from '../../src/core/scheduling/plan.js';
import {
  reconcile,
  type Reconciled,
  type ScheduleState,
} from '../../src/core/scheduling/reconcile.js';
import { renderSchedule, type RenderedSchedule } from '../../src/io/outputs/schedule/calendars.js';
import { contentBytes } from '../../src/io/store/staged-write.js';
import type { Agenda } from '../../src/core/scheduling/describe.js';
import { keptSlots } from '../../src/core/scheduling/kept-slots.js';

const TEMPLATES = join(import.meta.dirname, '..', '..', 'templates');
export const AGENDA: Agenda = JSON.parse(readFileSync(join(TEMPLATES, 'agenda.json'), 'utf8'));
export const DESCRIPTION = readFileSync(join(TEMPLATES, 'meeting-description.txt'), 'utf8');

/** Plans, reconciles with `previous` and renders, like `mentor-cli schedule` without the disk. */
export function runSchedule(
  config: ProgramConfig,
  participants: Participant[],
  matches: Match[],
  opts: { previous?: ScheduleState; now?: Date; blackout?: string[] } = {},
): { plan: Plan; rec: Reconciled; out: RenderedSchedule & { files: Map<string, string> } } {
  const plan = buildPlan({
    config,
    participants,
    matches,
    blackout: new Set(opts.blackout ?? config.schedule.blackoutDates),
    descriptionTemplate: DESCRIPTION,
    agenda: AGENDA,
    kept: keptSlots(opts.previous),
  });
  const errors = plan.problems.filter((p) => p.severity === 'error');
  if (errors.length) throw new Error(errors.map((e) => e.message).join('; '));
  const occ = new Map<string, string[]>();
  for (const s of plan.series)
    if (s.event)
      occ.set(
        s.event.uid,
        s.occurrences.filter((o) => o.status !== 'skipped').map((o) => o.ruleDate),
      );
  const rec = reconcile(
    plan.events,
    occ,
    opts.previous,
    opts.now ?? new Date('2027-02-01T12:00:00Z'),
    plan.describeFrom,
  );
  const out = renderSchedule(plan, rec, config);
  // Calendars are rendered as UTF-8 bytes; the tests read them as text.
  const files = new Map(
    [...out.files].map(([k, v]) => [
      k,
      typeof v === 'string' ? v : contentBytes(v).toString('utf8'),
    ]),
  );
  return { plan, rec, out: { ...out, files } };
}
