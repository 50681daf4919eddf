/** `mentor-cli report`: the KPI workbook (XLSX), or the same KPIs as Markdown or JSON. */

import { relative, resolve, join } from 'node:path';
import type { Command } from 'commander';
import { contextOf } from './context.js';
import { UsageError } from '../errors.js';
import { loadReportInput } from '../io/report-load.js';
import { writeReportWorkbook } from '../io/report-xlsx.js';
import { assertMayWrite } from '../io/output-file.js';
import { computeKpis } from '../core/kpi/compute.js';
import { reportToJson } from '../core/kpi/json.js';
import { fieldValue } from '../core/kpi/groups.js';
import type { Participant } from '../core/types.js';
import { renderReportMarkdown } from '../ui/report-md.js';

interface ReportOptions { out?: string; by: string[]; format?: string; includeSensitive?: boolean; force?: boolean }

/** --by fields: given ones (checked to exist), else department and cohort when anyone has them. */
export function resolveByFields(by: readonly string[], participants: readonly Participant[]): string[] {
  const has = (f: string) => participants.some((p) => fieldValue(p, f) !== '(blank)');
  for (const f of by) {
    if (participants.length && !has(f) && !['department', 'cohort', 'role', 'status', 'title', 'level', 'timezone'].includes(f.toLowerCase())) {
      const attrs = [...new Set(participants.flatMap((p) => Object.keys(p.attributes ?? {})))].sort();
      throw new UsageError(`--by "${f}" is not a participant field or attribute`, `Use department, cohort, role${attrs.length ? ` or one of: ${attrs.slice(0, 12).join(', ')}` : ''}`);
    }
  }
  return by.length ? [...by] : ['department', 'cohort'].filter(has);
}

export function registerReport(program: Command): void {
  program
    .command('report')
    .description('write the KPI workbook (Summary, Participants, Matches, Meetings, Surveys, At-risk pairs, breakdowns, Cohorts)')
    .option('--out <file>', 'workbook to write (default: report.xlsx in the program folder)')
    .option('--by <field>', 'add a breakdown by a field or attribute, e.g. --by department (repeatable)', (v: string, acc: string[]) => [...acc, v], [] as string[])
    .option('--format <format>', 'xlsx (default), md or json (printed on stdout)')
    .option('--include-sensitive', 'include sensitive attributes in the Participants sheet')
    .option('--force', 'overwrite an existing file outside the program folder')
    .action(async (opts: ReportOptions, cmd: Command) => {
      const ctx = contextOf(cmd);
      const format = (opts.format ?? (ctx.out.json ? 'json' : 'xlsx')).toLowerCase();
      if (!['xlsx', 'md', 'json'].includes(format)) throw new UsageError(`--format "${opts.format}" is not xlsx, md or json`, 'Use --format xlsx, --format md or --format json');
      const program = await ctx.program();
      const input = await loadReportInput(program, ctx.now);
      const by = resolveByFields(opts.by, input.participants);
      const report = computeKpis(input, { by });
      for (const w of report.warnings) ctx.out.warn(w);
      if (format === 'json') return ctx.out.resultJson(reportToJson(report));
      if (format === 'md') return ctx.out.result(renderReportMarkdown(report));
      const path = opts.out ? resolve(ctx.cwd, opts.out) : join(program.dir, 'report.xlsx');
      if (!/\.xlsx$/i.test(path)) throw new UsageError(`--out "${opts.out}" must end in .xlsx`, 'Use e.g. --out report.xlsx, or --format md|json for text');
      assertMayWrite(path, program.dir, Boolean(opts.force));
      await writeReportWorkbook(path, report, input, { includeSensitive: Boolean(opts.includeSensitive) });
      const met = report.kpis.filter((k) => k.met === true).length;
      const targets = report.kpis.filter((k) => k.met !== undefined).length;
      ctx.out.result(`Wrote ${relative(ctx.cwd, path) || path}: ${met} of ${targets} KPI targets met, ${report.atRisk.length} pair(s) at risk.`);
    });
}
