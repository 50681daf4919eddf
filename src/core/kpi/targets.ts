/** How a report stands against its targets, for one-line summaries. */

import type { Kpi } from './types.js';

/** KPIs with a target, and how many of them are met (a KPI without data is not met). */
export function countTargetsMet(kpis: readonly Kpi[]): { met: number; targets: number } {
  return {
    met: kpis.filter((kpi) => kpi.met === true).length,
    targets: kpis.filter((kpi) => kpi.met !== undefined).length,
  };
}
