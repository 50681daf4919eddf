/**
 * `report --format html`: one self-contained, offline HTML file. Page 1 is the executive summary
 * (headline KPIs against targets, findings in plain words, four charts); the detail sections
 * follow, each chart with the table it was drawn from. A print stylesheet makes the browser's
 * Print to PDF an A4 landscape pack with the executive page on page 1. A Content-Security-Policy
 * forbids every network request, so the file can be mailed and opened anywhere.
 */

import { UsageError } from '../../../errors.js';
import { RISK_REASON_WORDS, type ReportDigest } from '../../../core/kpi/digest.js';
import { breakdownNote } from '../../../core/kpi/groups.js';
import type { KpiInput } from '../../../core/kpi/facts.js';
import type { Kpi, KpiReport } from '../../../core/kpi/types.js';
import { execCharts, formatKpi, showKpi } from './charts.js';
import type { RenderedChart } from './chart-base.js';

/** Who the report is for: leadership sees aggregates only; the manager also sees named pairs. */
export type ReportAudience = 'leadership' | 'manager';

/** Reads --audience: leadership by default. */
export function parseAudience(text: string | undefined): ReportAudience {
  if (text === undefined || text === 'leadership') return 'leadership';
  if (text === 'manager') return 'manager';
  throw new UsageError(
    `--audience "${text}" is not leadership or manager`,
    'Use --audience leadership (aggregates only) or --audience manager (names the pairs at risk)',
  );
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
/** HTML text and attribute escaping: participant text can never become markup. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}
const e = (v: unknown) => escapeHtml(String(v ?? ''));

const STYLE = `
:root { color-scheme: light; --ink: #1f2933; --muted: #52606d; --met: #2e7d32; --not: #c62828; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", "Segoe UI", Arial, sans-serif; color: var(--ink);
  margin: 0 auto; max-width: 1180px; padding: 24px; line-height: 1.4; }
h1 { font-size: 26px; margin: 0 0 2px; } h2 { font-size: 19px; margin: 28px 0 8px; }
.sub { color: var(--muted); margin: 0 0 16px; }
.tiles { display: grid; grid-template-columns: repeat(4, 1fr); gap: 10px; margin: 0 0 14px; }
.tile { border: 1px solid #d9e2ec; border-radius: 8px; padding: 10px 12px; }
.tile .label { font-size: 12px; color: var(--muted); }
.tile .value { font-size: 24px; font-weight: bold; }
.tile .target { font-size: 12px; }
.met { color: var(--met); } .not-met { color: var(--not); } .none { color: var(--muted); }
.findings { margin: 0 0 12px; padding-left: 20px; } .findings li { margin: 2px 0; }
.charts { display: grid; grid-template-columns: repeat(2, 1fr); gap: 10px; }
figure { margin: 0; } figure svg { max-width: 100%; height: auto; }
figcaption { font-size: 12px; color: var(--muted); }
table { border-collapse: collapse; margin: 6px 0 12px; font-size: 13px; }
th, td { border-bottom: 1px solid #e4e7eb; padding: 3px 10px 3px 0; text-align: left; }
th { font-weight: bold; } td.num { text-align: right; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0);
  white-space: nowrap; }
.note { font-size: 12px; color: var(--muted); }
@page { size: A4 landscape; margin: 10mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 11px; }
  .exec { break-after: page; page-break-after: always; }
  .exec .charts { grid-template-columns: 2fr 1fr 1fr 1fr; gap: 6px; }
  .exec .charts figure svg { width: 100%; height: auto; max-height: 75mm; }
  .tiles { gap: 6px; margin-bottom: 8px; } .tile { padding: 5px 8px; }
  h2 { margin: 10px 0 4px; font-size: 15px; }
  section.detail { break-inside: auto; } figure, table { break-inside: avoid; }
  .tile .value { font-size: 18px; } h1 { font-size: 20px; }
}`;

function statusOf(k: Kpi): { text: string; cls: string } {
  if (k.target === undefined) return { text: '', cls: 'none' };
  if (k.met === null || k.met === undefined) return { text: 'no data yet', cls: 'none' };
  return k.met ? { text: 'met', cls: 'met' } : { text: 'not met', cls: 'not-met' };
}

function tile(k: Kpi): string {
  const s = statusOf(k);
  const target =
    k.target === undefined
      ? ''
      : `<div class="target">target ${e(showKpi(k, k.target))} · <span class="${s.cls}">${e(s.text)}</span></div>`;
  return (
    `<div class="tile"><div class="label">${e(k.label)}</div>` +
    `<div class="value ${s.cls}">${e(showKpi(k, k.value))}</div>${target}</div>`
  );
}

function table(headers: readonly string[], rows: ReadonlyArray<ReadonlyArray<unknown>>, cls = '') {
  const head = headers.map((h) => `<th scope="col">${e(h)}</th>`).join('');
  const body = rows
    .map(
      (r) =>
        `<tr>${r.map((c) => `<td${typeof c === 'number' ? ' class="num"' : ''}>${e(c)}</td>`).join('')}</tr>`,
    )
    .join('\n');
  return `<table${cls ? ` class="${cls}"` : ''}><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

/** A chart as a figure: the SVG for the eye, the table for screen readers (or shown, in detail). */
function figure(chart: RenderedChart, showTable: boolean): string {
  // The SVG comes from vega, fed only with numbers and escaped labels; its text is vega-escaped.
  const svg = chart.svg.replace('<svg ', `<svg role="img" aria-label="${e(chart.title)}" `);
  const data = table(chart.table.headers, chart.table.rows, showTable ? '' : 'sr-only');
  return `<figure data-chart="${e(chart.id)}">${svg}<figcaption>${e(chart.title)}</figcaption>${data}</figure>`;
}

function nameOf(input: KpiInput): (email: string) => string {
  const names = new Map(input.participants.map((p) => [p.email.toLowerCase(), p.name]));
  return (email) => names.get(email.toLowerCase()) || email;
}

function atRiskSection(report: KpiReport, input: KpiInput, audience: ReportAudience): string {
  const capital = (t: string) => t.charAt(0).toUpperCase() + t.slice(1);
  const counts = table(
    ['Reason', 'Pairs'],
    report.atRiskByReason.map((r) => [capital(RISK_REASON_WORDS[r.code]), r.pairs]),
  );
  const intro =
    `<p>${report.atRisk.length} of ${report.pairs.length} active pairs need attention. ` +
    'A pair may count under several reasons.</p>';
  if (audience !== 'manager')
    return (
      `${intro}${counts}<p class="note">Names of pairs and their answers are in the manager's ` +
      'report only (<code>mentor-cli report --format html --audience manager</code>).</p>'
    );
  const name = nameOf(input);
  const rows = report.atRisk.map((p) => [
    name(p.match.mentee),
    name(p.match.mentor),
    p.reasons.map((r) => r.text).join('; '),
  ]);
  return `${intro}${counts}${table(['Mentee', 'Mentor', 'Why'], rows)}`;
}

/** "4.20 (n=3, under 5)": a figure with the answers it rests on, small samples marked. */
const answered = (shown: string, n: number | null) =>
  n === null ? shown : `${shown} (n=${n}${n < 5 ? ', under 5' : ''})`;

function breakdownSection(report: KpiReport): string {
  const parts = report.breakdowns.map((b) => {
    const rows = b.groups.map((g) => [
      g.value,
      g.participants,
      g.matchRate === null ? '' : formatKpi(g.matchRate, 'percent'),
      g.satisfaction === null ? '' : answered(g.satisfaction.toFixed(2), g.satisfactionAnswers),
      g.nps === null ? '' : answered(String(Math.round(g.nps)), g.npsAnswers),
      g.responseRate === null ? '' : formatKpi(g.responseRate, 'percent'),
      g.retention === null ? '' : formatKpi(g.retention, 'percent'),
    ]);
    const headers = [b.field, 'People', 'Matched', 'Satisfaction', 'NPS', 'Responded', 'Retained'];
    const note =
      (b.sensitive
        ? '<p class="note">A sensitive attribute: groups under 5 people are shown as &lt;5 with no figures.</p>'
        : '') + `<p class="note">${e(breakdownNote(b))}</p>`;
    return `<h3>By ${e(b.field)}</h3>${note}${table(headers, rows)}`;
  });
  return parts.join('\n');
}

/** Participants against non-participants, with group sizes and the caveat in plain words. */
function outcomesSection(report: KpiReport): string {
  const o = report.outcomes;
  if (!o) return '';
  const rate = (small: boolean, v: number | null) =>
    small ? 'under 5 people: not shown' : v === null ? '' : formatKpi(v, 'percent');
  const rows = o.groups.map((g) => [
    g.group,
    g.people,
    rate(g.small, g.retentionRate),
    rate(g.small, g.promotionRate),
    g.averageScore === null ? '' : g.averageScore.toFixed(1),
  ]);
  const headers = ['Group', 'People', 'Retention', 'Promotion or role change', 'Average score'];
  return `<section class="detail" aria-labelledby="outcomes">
<h2 id="outcomes">Outcomes: participants and non-participants</h2>
<p class="note">${e(`From the HR outcomes file, ${o.periodStart} to ${o.periodEnd}.`)}</p>
<ul class="findings">${o.findings.map((f) => `<li>${e(f)}</li>`).join('')}</ul>
${table(headers, rows)}
<p class="caveat">${e(o.caveat)}</p>
</section>`;
}

/** The whole HTML document. */
export function renderReportHtml(
  report: KpiReport,
  input: KpiInput,
  digest: ReportDigest,
  charts: readonly RenderedChart[],
  audience: ReportAudience,
): string {
  const exec = execCharts(charts);
  const wave = report.currentWave ? `; current survey wave: ${report.currentWave}` : '';
  const kpiRows = report.kpis.map((k) => {
    const s = statusOf(k);
    return [
      k.section,
      k.label,
      showKpi(k, k.value),
      k.target === undefined ? '' : showKpi(k, k.target),
      s.text,
    ];
  });
  const detailCharts = charts.filter((c) => !exec.includes(c));
  const csp = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(report.program)}: program report</title>
<style>${STYLE}</style>
</head>
<body>
<section class="exec" aria-labelledby="exec-title">
<h1 id="exec-title">${e(report.program)}</h1>
<p class="sub">Program report, ${e(report.generatedAt.slice(0, 10))}${e(wave)} · ${digest.targets.met} of ${digest.targets.total} KPI targets met</p>
<div class="tiles">${digest.headline.map(tile).join('')}</div>
<h2>Findings</h2>
<ul class="findings">${digest.findings.map((f) => `<li>${e(f)}</li>`).join('')}</ul>
<div class="charts">${exec.map((c) => figure(c, false)).join('\n')}</div>
</section>
<section class="detail" aria-labelledby="kpis">
<h2 id="kpis">Every KPI</h2>
${table(['Section', 'KPI', 'Value', 'Target', 'Status'], kpiRows)}
</section>
<section class="detail" aria-labelledby="charts-detail">
<h2 id="charts-detail">The figures behind the charts</h2>
${exec.map((c) => `<h3>${e(c.title)}</h3>${table(c.table.headers, c.table.rows)}`).join('\n')}
${detailCharts.map((c) => figure(c, true)).join('\n')}
</section>
<section class="detail" aria-labelledby="risk">
<h2 id="risk">Pairs that need attention</h2>
${atRiskSection(report, input, audience)}
</section>
${outcomesSection(report)}
<section class="detail" aria-labelledby="groups">
<h2 id="groups">Breakdowns</h2>
${breakdownSection(report) || '<p>No breakdowns.</p>'}
</section>
${report.warnings.length ? `<section class="detail"><h2>Notes</h2><ul>${report.warnings.map((w) => `<li>${e(w)}</li>`).join('')}</ul></section>` : ''}
<p class="note">Made by mentor-cli from the program's own files. Figures are aggregates; a comparison is not proof of cause.</p>
</body>
</html>
`;
}
