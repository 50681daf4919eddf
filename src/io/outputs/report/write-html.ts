/** Writes `report --format html`: the digest, the charts rendered to SVG, and the page. */

import { buildDigest } from '../../../core/kpi/digest.js';
import type { KpiInput } from '../../../core/kpi/facts.js';
import type { KpiReport } from '../../../core/kpi/types.js';
import { writeOutputFile } from '../user-file.js';
import { renderCharts, reportCharts } from './charts.js';
import { renderReportHtml, type ReportAudience } from './html.js';

/** Builds the HTML report in memory (charts included) and writes it atomically. */
export async function writeReportHtml(
  path: string,
  report: KpiReport,
  input: KpiInput,
  opts: { audience: ReportAudience; programDir: string; force: boolean },
): Promise<void> {
  const digest = buildDigest(report, input);
  const charts = await renderCharts(reportCharts(report, digest));
  const html = renderReportHtml(report, input, digest, charts, opts.audience);
  await writeOutputFile(path, html, opts.programDir, opts.force);
}
