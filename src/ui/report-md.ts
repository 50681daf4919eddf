/** The KPIs as Markdown (report --format md) and as the terminal summary of `status`. */

import type { Kpi, KpiReport, GroupStats } from '../core/kpi/types.js';
import type { OutcomeComparison } from '../core/outcomes/compare.js';
import { surveyItemsMarkdown } from './survey-items.js';
import { growthMarkdown } from './growth-md.js';
import { breakdownNote } from '../core/kpi/groups.js';

/** A KPI value as text: percent, 2 decimals or a count; "-" for no data. */
export function formatKpiValue(value: number | null | undefined, format: Kpi['format']): string {
  if (value === null || value === undefined) return '-';
  if (format === 'percent') return `${(value * 100).toFixed(1)}%`;
  if (format === 'number') return Number.isInteger(value) ? String(value) : value.toFixed(2);
  return String(value);
}

const REASON_WORDS: Record<KpiReport['atRiskByReason'][number]['code'], string> = {
  'low-satisfaction': 'low satisfaction',
  concern: 'concerns',
  'low-rating': 'low ratings',
  'few-meetings': 'few meetings',
  'no-answer': 'no answer',
};

/**
 * "low satisfaction: 3, concerns: 4, few meetings: 0, no answer: 30": at-risk pairs per reason (a
 * pair may count under two).
 */
export function riskBreakdown(report: Pick<KpiReport, 'atRiskByReason'>): string {
  return report.atRiskByReason.map((r) => `${REASON_WORDS[r.code]}: ${r.pairs}`).join(', ');
}

const status = (k: Kpi) =>
  k.met === undefined ? '' : k.met === null ? 'no data' : k.met ? 'met' : 'NOT MET';
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ');

function table(headers: string[], rows: string[][]): string[] {
  return [
    `| ${headers.join(' | ')} |`,
    `|${headers.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
  ];
}

/** "4.20 (n=3, under 5)": a group figure with the answers it rests on, small samples marked. */
const withAnswers = (shown: string, n: number | null) =>
  n === null || shown === '-' ? shown : `${shown} (n=${n}${n < 5 ? ', under 5' : ''})`;

function groupTable(first: string, groups: GroupStats[]): string[] {
  const pct = (v: number | null) => formatKpiValue(v, 'percent');
  const num = (v: number | null) => formatKpiValue(v, 'number');
  return table(
    [
      first,
      'Participants',
      'Match rate',
      'Satisfaction (answers)',
      'NPS (answers)',
      'Response rate',
      'Retention',
      'At risk (by mentee)',
    ],
    groups.map((g) => [
      g.value,
      String(g.participants),
      pct(g.matchRate),
      withAnswers(num(g.satisfaction), g.satisfactionAnswers),
      withAnswers(
        formatKpiValue(g.nps === null ? null : Math.round(g.nps), 'integer'),
        g.npsAnswers,
      ),
      pct(g.responseRate),
      pct(g.retention),
      g.atRiskPairs === null ? '-' : String(g.atRiskPairs),
    ]),
  );
}

/** Participants against non-participants: sizes, rates (withheld under 5), the caveat. */
function outcomesMarkdown(o: OutcomeComparison): string[] {
  const pct = (v: number | null) => formatKpiValue(v, 'percent');
  return [
    `## Outcomes: participants and non-participants (${o.periodStart} to ${o.periodEnd})`,
    '',
    ...o.findings,
    ...(o.findings.length ? [''] : []),
    ...table(
      ['Group', 'People', 'Retention', 'Promotion or role change', 'Average score'],
      o.groups.map((g) => [
        g.group,
        String(g.people),
        g.small ? 'under 5: not shown' : pct(g.retentionRate),
        g.small ? 'under 5: not shown' : pct(g.promotionRate),
        formatKpiValue(g.averageScore, 'number'),
      ]),
    ),
    '',
    `> ${o.caveat}`,
    '',
  ];
}

/** The whole report as Markdown. */
export function renderReportMarkdown(report: KpiReport): string {
  const out = [
    `# ${report.program}: KPI report`,
    '',
    `Generated ${report.generatedAt.slice(0, 10)}` +
      `${report.currentWave ? `; current survey wave: ${report.currentWave}` : ''}.`,
    '',
  ];
  for (const w of report.warnings) out.push(`> Warning: ${w}`, '');
  out.push(
    '## Summary',
    '',
    ...table(
      ['Section', 'KPI', 'Value', 'Target', 'Status'],
      report.kpis.map((k) => [
        k.section,
        k.label,
        formatKpiValue(k.value, k.format),
        k.target === undefined ? '' : formatKpiValue(k.target, k.format),
        status(k),
      ]),
    ),
    '',
  );
  out.push(`## At-risk pairs (${report.atRisk.length})`, '');
  if (report.atRisk.length)
    out.push(`Most severe first; pairs per reason: ${riskBreakdown(report)}.`, '');
  if (report.atRisk.length)
    out.push(
      ...table(
        ['Pair', 'Mentee', 'Mentor', 'Reasons'],
        report.atRisk.map((h) => [
          h.match.id,
          h.match.mentee,
          h.match.mentor,
          h.reasons.map((r) => r.text).join('; '),
        ]),
      ),
      '',
    );
  else out.push('None.', '');
  for (const b of report.breakdowns)
    out.push(
      `## By ${b.field}${b.sensitive ? ' (groups under 5 shown as "<5")' : ''}`,
      '',
      breakdownNote(b),
      '',
      ...groupTable(b.field, b.groups),
      '',
    );
  if (report.cohorts && !report.breakdowns.some((b) => b.field.toLowerCase() === 'cohort'))
    out.push('## Cohorts', '', ...groupTable('Cohort', report.cohorts), '');
  if (report.outcomes) out.push(...outcomesMarkdown(report.outcomes));
  out.push(...growthMarkdown(report.growth));
  out.push(...surveyItemsMarkdown(report.surveyItems));
  return out.join('\n');
}

/** The one line after writing (or, with --dry-run, instead of writing) a report file. */
export function reportWrittenLine(written: {
  file: string;
  dryRun: boolean;
  met: number;
  targets: number;
  atRisk: number;
}): string {
  return (
    `${written.dryRun ? 'Would write' : 'Wrote'} ${written.file}: ` +
    `${written.met} of ${written.targets} KPI targets met, ${written.atRisk} pair(s) at risk.`
  );
}
