/** `status` for people: the headline, pairs that need help, then each KPI against its target. */

import type { Kpi, KpiReport } from '../core/kpi/types.js';
import type { Output } from './output.js';
import { renderTable } from './table.js';
import { formatKpiValue, riskBreakdown } from './report-md.js';
import { surveyItemsStatus } from './survey-items.js';

/**
 * The status screen; at most `limit` at-risk pairs are listed. `notes` (people who need attention,
 * paused mentors) goes under the headline when there is one.
 */
export function renderStatus(
  out: Output,
  report: KpiReport,
  limit: number,
  notes = '',
  label: (email: string) => string = (email) => email,
): string {
  const { color, width } = out;
  const risk = report.atRisk.length ? ` (${riskBreakdown(report)})` : '';
  const wave = report.currentWave ? `; current survey wave: ${report.currentWave}` : '';
  const lines = [
    `${color.bold(report.program)}: ${report.pairs.length} active pair(s), ` +
      `${report.atRisk.length} at risk${risk}${wave}`,
    ...(notes ? [notes] : []),
    '',
  ];
  if (report.atRisk.length) {
    lines.push(color.bold('Pairs that need help (most severe first)'));
    const rows = report.atRisk
      .slice(0, limit)
      .map((health) => [
        label(health.match.mentee),
        label(health.match.mentor),
        health.reasons.map((r) => r.text).join('; '),
      ]);
    // Pair ids stay in the files (report, exports); people read names.
    lines.push(renderTable(['Mentee', 'Mentor', 'Reasons'], rows, { maxWidth: 60, width }));
    if (report.atRisk.length > limit)
      lines.push(
        `... and ${report.atRisk.length - limit} more (--verbose lists all, ` +
          '`mentor-cli report` writes them to a sheet)',
      );
    lines.push('');
  }
  const kpiRows = report.kpis.map((kpi) => [
    kpi.label,
    formatKpiValue(kpi.value, kpi.format),
    kpi.target === undefined ? '' : formatKpiValue(kpi.target, kpi.format),
    targetStatus(out, kpi),
  ]);
  lines.push(renderTable(['KPI', 'Value', 'Target', 'Status'], kpiRows, { maxWidth: 50, width }));
  lines.push(
    ...surveyItemsStatus(report.surveyItems, report.currentWave, limit === Infinity, (h, r) =>
      renderTable(h, r, { maxWidth: 50, width }),
    ),
  );
  return lines.join('\n');
}

/** met / not met / no data, or nothing for a KPI without a target. */
function targetStatus(out: Output, kpi: Kpi): string {
  if (kpi.met === undefined) return '';
  if (kpi.met === null) return 'no data';
  return kpi.met ? out.color.green('met') : out.color.red('not met');
}
