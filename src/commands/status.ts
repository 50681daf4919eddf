/** `mentor-cli status`: the program at a glance, pairs that need help first. */

import type { Command } from 'commander';
import { contextOf } from './context.js';
import { loadReportInput } from './shared/report-input.js';
import { computeKpis } from '../core/kpi/compute.js';
import { reportToJson } from '../core/kpi/json.js';
import { renderTable } from '../ui/table.js';
import { formatKpiValue, riskBreakdown } from '../ui/report-md.js';
import { readState } from '../io/store/program.js';
import type { AttentionItem } from '../core/roster/attention.js';
import { rosterNotes, rosterNotesLine } from '../ui/roster-notes.js';

export function registerStatus(program: Command): void {
  program
    .command('status')
    .description(
      'show the program at a glance: at-risk pairs first, then the KPIs against their targets',
    )
    .option('--limit <n>', 'at-risk pairs to list (default 20; all with --verbose)', '20')
    .action(async (opts: { limit: string }, cmd: Command) => {
      const ctx = contextOf(cmd);
      const program = await ctx.program();
      const input = await loadReportInput(program, ctx.now);
      const report = computeKpis(input);
      const roster = rosterNotes(
        input.participants,
        await readState<AttentionItem[]>(program, 'attention', []),
      );
      for (const w of report.warnings) ctx.out.warn(w);
      if (ctx.out.json) return ctx.out.resultJson({ ...reportToJson(report), roster });
      const { c } = ctx.out;
      const limit =
        ctx.out.verbosity === 'verbose' || ctx.out.verbosity === 'debug'
          ? Infinity
          : Math.max(0, Number(opts.limit) || 20);
      const lines = [
        `${c.bold(report.program)}: ${report.pairs.length} active pair(s), ${report.atRisk.length} at risk${report.atRisk.length ? ` (${riskBreakdown(report)})` : ''}${report.currentWave ? `; current survey wave: ${report.currentWave}` : ''}`,
        '',
      ];
      const notes = rosterNotesLine(roster);
      if (notes) lines.splice(1, 0, notes);
      if (report.atRisk.length) {
        lines.push(c.bold('Pairs that need help (most severe first)'));
        lines.push(
          renderTable(
            ['Pair', 'Mentee', 'Mentor', 'Reasons'],
            report.atRisk
              .slice(0, limit)
              .map((h) => [
                h.match.id,
                h.match.mentee,
                h.match.mentor,
                h.reasons.map((r) => r.text).join('; '),
              ]),
            { maxWidth: 60 },
          ),
        );
        if (report.atRisk.length > limit)
          lines.push(
            `... and ${report.atRisk.length - limit} more (--verbose lists all, \`mentor-cli report\` writes them to a sheet)`,
          );
        lines.push('');
      }
      lines.push(
        renderTable(
          ['KPI', 'Value', 'Target', 'Status'],
          report.kpis.map((k) => [
            k.label,
            formatKpiValue(k.value, k.format),
            k.target === undefined ? '' : formatKpiValue(k.target, k.format),
            k.met === undefined
              ? ''
              : k.met === null
                ? 'no data'
                : k.met
                  ? c.green('met')
                  : c.red('not met'),
          ]),
          { maxWidth: 50 },
        ),
      );
      ctx.out.result(lines.join('\n'));
    });
}
