/**
 * `mentor-cli report`: the KPI workbook (XLSX), or the same KPIs as Markdown or JSON, on stdout or
 * to a file.
 */

import { relative } from 'node:path';
import type { Command } from 'commander';
import { contextOf } from './context.js';
import { loadReportInput } from './shared/report-input.js';
import { writeReportWorkbook } from '../io/outputs/report/workbook.js';
import { writeReportHtml } from '../io/outputs/report/write-html.js';
import { parseAudience } from '../io/outputs/report/html.js';
import { planReportOutput } from '../io/outputs/report/destination.js';
import { assertMayWrite, writeOutputFile } from '../io/outputs/user-file.js';
import { computeKpis } from '../core/kpi/compute.js';
import { reportToJson } from '../core/kpi/json.js';
import { resolveBreakdownFields } from '../core/kpi/by-fields.js';
import { renderReportMarkdown } from '../ui/report-md.js';

interface ReportOptions {
  out?: string;
  by: string[];
  format?: string;
  includeSensitive?: boolean;
  force?: boolean;
  dryRun?: boolean;
  audience?: string;
}

export function registerReport(program: Command): void {
  program
    .command('report')
    .description(
      'write the KPI workbook (Summary, Participants, Matches, Meetings, Surveys, At-risk pairs, breakdowns, Cohorts)',
    )
    .option(
      '--out <file>',
      'file to write (default: report.xlsx in the program folder; md and json print on stdout)',
    )
    .option(
      '--by <field>',
      'add a breakdown by a field or attribute, e.g. --by department (repeatable)',
      (v: string, acc: string[]) => [...acc, v],
      [] as string[],
    )
    .option(
      '--format <format>',
      'xlsx (default, or from the --out extension), html (one offline page with charts), md or json',
    )
    .option(
      '--audience <who>',
      'leadership (default: aggregates only) or manager (also names the pairs that need help)',
    )
    .option('--include-sensitive', 'include sensitive attributes in the Participants sheet')
    .option('--force', 'overwrite an existing file outside the program folder')
    .option('--dry-run', 'compute and print the KPIs, write nothing')
    .action(async (opts: ReportOptions, cmd: Command) => {
      const ctx = contextOf(cmd);
      const audience = parseAudience(opts.audience);
      const program = await ctx.program();
      const plan = planReportOutput(
        { format: opts.format, out: opts.out, json: ctx.out.json },
        { cwd: ctx.cwd, programDir: program.dir },
      );
      if (plan.path) assertMayWrite(plan.path, program.dir, Boolean(opts.force));
      const input = await loadReportInput(program, ctx.now);
      const report = computeKpis(input, {
        by: resolveBreakdownFields(opts.by, input.participants),
      });
      // Markdown on stdout carries the warnings itself; anywhere else they go to stderr, once.
      if (plan.stdout !== 'md') for (const w of report.warnings) ctx.out.warn(w);
      const json = () => `${JSON.stringify(reportToJson(report), null, 2)}\n`;
      if (plan.path && !opts.dryRun) {
        if (plan.format === 'xlsx')
          await writeReportWorkbook(plan.path, report, input, {
            includeSensitive: Boolean(opts.includeSensitive),
          });
        else if (plan.format === 'html')
          await writeReportHtml(plan.path, report, input, {
            audience,
            programDir: program.dir,
            force: Boolean(opts.force),
          });
        else
          await writeOutputFile(
            plan.path,
            plan.format === 'md' ? `${renderReportMarkdown(report)}\n` : json(),
            program.dir,
            Boolean(opts.force),
          );
      }
      const met = report.kpis.filter((k) => k.met === true).length;
      const targets = report.kpis.filter((k) => k.met !== undefined).length;
      const wrote =
        plan.path &&
        `${opts.dryRun ? 'Would write' : 'Wrote'} ${relative(ctx.cwd, plan.path) || plan.path}: ${met} of ${targets} KPI targets met, ${report.atRisk.length} pair(s) at risk.`;
      if (plan.stdout === 'summary') return ctx.out.result(wrote || '');
      if (wrote) ctx.out.info(wrote);
      if (plan.stdout === 'md') return ctx.out.result(renderReportMarkdown(report));
      ctx.out.resultJson(reportToJson(report));
    });
}
