/** What a schedule run did, in counts and per-pair notes: the JSON of `schedule`, its summary. */

import type { Plan } from './plan.js';
import type { Reconciled } from './reconcile.js';
import type { Conflict } from './conflicts.js';

/** A pair with a note: why it fell back, stayed unscheduled or moved at a clock change. */
interface PairNote {
  pairId: string;
  pair: string;
  reason: string;
}

/** The result of `schedule` (stable JSON: documented in README). */
export interface ScheduleSummary {
  outDir: string;
  dryRun: boolean;
  pairs: number;
  scheduled: number;
  fallback: PairNote[];
  unscheduled: PairNote[];
  shifted: PairNote[];
  meetings: number;
  events: Reconciled['counts'];
  /**
   * Meetings that clashed (a person booked twice, a milestone, a time a clock change skips or
   * repeats): moved (`movedTo`) or left and warned about.
   */
  conflicts: Conflict[];
  /** Warnings of the plan, e.g. a pair ended because a person was withdrawn by re-import. */
  notes: string[];
  cancellations: number;
  files: string[];
}

/** Counts the plan and the reconciliation against the last run. */
export function summariseSchedule(
  plan: Plan,
  reconciled: Reconciled,
  written: { outDir: string; dryRun: boolean; files: string[] },
): ScheduleSummary {
  type Series = Plan['series'][number];
  const note = (series: Series, reason: string | undefined): PairNote => ({
    pairId: series.unit.id,
    pair: series.title,
    reason: reason ?? '',
  });
  const unscheduled = plan.series.filter((s) => !s.event).map((s) => note(s, s.outcome.reason));
  return {
    outDir: written.outDir,
    dryRun: written.dryRun,
    pairs: plan.series.length,
    scheduled: plan.series.length - unscheduled.length,
    fallback: plan.series
      .filter((s) => s.outcome.slot?.fallback)
      .map((s) => note(s, s.outcome.reason)),
    unscheduled,
    shifted: plan.series
      .filter((s) => s.event && s.outcome.shift)
      .map((s) => note(s, s.outcome.shift)),
    meetings: plan.series.reduce(
      (n, s) => n + s.occurrences.filter((o) => o.status !== 'skipped').length,
      0,
    ),
    events: reconciled.counts,
    conflicts: plan.conflicts,
    notes: plan.problems.filter((p) => p.severity === 'warning').map((p) => p.message),
    cancellations: reconciled.cancellations.length,
    files: written.files,
  };
}
