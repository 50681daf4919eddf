/**
 * `mentor-cli report`: the KPI workbook (XLSX), or the same KPIs as Markdown or JSON, on stdout or
 * to a file.
 */

import { relative } from 'node:path';
import type { Ctx } from './context.js';
import { loadReportInput } from './shared/report-input.js';
import { lockProgram } from '../io/store/program.js';
import { writeReportWorkbook } from '../io/outputs/report/workbook.js';
import { writeReportHtml } from '../io/outputs/report/write-html.js';
import { parseAudience } from '../io/outputs/report/html.js';
import { planReportOutput } from '../io/outputs/report/destination.js';
import { assertMayWrite, writeOutputFile } from '../io/outputs/user-file.js';
import { computeKpis } from '../core/kpi/compute.js';
import { reportToJson } from '../core/kpi/json.js';
import { resolveBreakdownFields } from '../core/kpi/by-fields.js';
import { countTargetsMet } from '../core/kpi/targets.js';
import { renderReportMarkdown, reportWrittenLine } from '../ui/report-md.js';

/** The options of `report` (see commands/index.ts). */
export interface ReportOptions {
  out?: string;
  by: string[];
  format?: string;
  includeSensitive?: boolean;
  force?: boolean;
  dryRun?: boolean;
  audience?: string;
}

export async function runReport(ctx: Ctx, opts: ReportOptions): Promise<void> {
  const audience = parseAudience(opts.audience);
  const program = await ctx.program();
  const force = Boolean(opts.force);
  const plan = planReportOutput(
    { format: opts.format, out: opts.out, json: ctx.out.json },
    { cwd: ctx.cwd, programDir: program.dir },
  );
  if (plan.path) assertMayWrite(plan.path, program.dir, force);
  const input = await loadReportInput(program, ctx.now);
  const report = computeKpis(input, { by: resolveBreakdownFields(opts.by, input.participants) });
  // Markdown on stdout carries the warnings itself; anywhere else they go to stderr, once.
  if (plan.stdout !== 'md') for (const w of report.warnings) ctx.out.warn(w);
  const json = () => `${JSON.stringify(reportToJson(report), null, 2)}\n`;
  // Written under the program lock, which also removes the temp file of a report killed mid-write.
  const path = plan.path;
  if (path && !opts.dryRun) await lockProgram(program, 'report', () => writeReport(path));
  async function writeReport(path: string): Promise<void> {
    if (plan.format === 'xlsx')
      await writeReportWorkbook(path, report, input, {
        includeSensitive: Boolean(opts.includeSensitive),
        audience,
      });
    else if (plan.format === 'html')
      await writeReportHtml(path, report, input, {
        audience,
        programDir: program.dir,
        force,
      });
    else {
      const text = plan.format === 'md' ? `${renderReportMarkdown(report)}\n` : json();
      await writeOutputFile(path, text, program.dir, force);
    }
  }
  const wrote =
    plan.path &&
    reportWrittenLine({
      file: relative(ctx.cwd, plan.path) || plan.path,
      dryRun: Boolean(opts.dryRun),
      ...countTargetsMet(report.kpis),
      atRisk: report.atRisk.length,
    });
  if (plan.stdout === 'summary') return ctx.out.result(wrote || '');
  if (wrote) ctx.out.info(wrote);
  if (plan.stdout === 'md') return ctx.out.result(renderReportMarkdown(report));
  ctx.out.resultJson(reportToJson(report));
}
