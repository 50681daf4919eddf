/**
 * The report's charts: Vega-Lite specifications compiled and rendered to SVG by vega in Node (no
 * browser, no canvas), and to PNG by resvg for the workbook, which can embed images but not
 * native charts. Every chart comes with the rows it was drawn from, so a page can show them as a
 * table for screen readers.
 */

import { existsSync } from 'node:fs';
import {
  kpiDisplayFormat,
  RISK_REASON_WORDS,
  type ReportDigest,
  type TrendMeasure,
} from '../../../core/kpi/digest.js';
import type { Kpi, KpiReport } from '../../../core/kpi/types.js';
import { base, MET, NEUTRAL, NOT_MET, type ChartSpec, type RenderedChart } from './chart-base.js';
import { surveyCharts } from './survey-charts.js';

/** Shows a KPI value the way the Summary does: percent, integer or one decimal. */
export function formatKpi(value: number | null | undefined, format: Kpi['format']): string {
  if (value === null || value === undefined) return 'no data';
  if (format === 'percent') return `${Math.round(value * 1000) / 10}%`;
  if (format === 'integer') return String(Math.round(value));
  return (Math.round(value * 10) / 10).toFixed(1);
}

/** A KPI's value (or target) as the report shows it. */
export const showKpi = (k: Kpi, v: number | null | undefined) => formatKpi(v, kpiDisplayFormat(k));

/** Each KPI with a target as a share of its target: a bar, a rule at 100 %, green when met. */
function targetsChart(kpis: readonly Kpi[]): ChartSpec | undefined {
  // Program-level KPIs only: the per-wave ones (responseRate.kickoff, ...) have their own trends,
  // except the latest wave's response rate, which has no program-level twin.
  const latestResponse = kpis.filter((k) => k.id.startsWith('responseRate.') && k.value !== null);
  const rows = [...kpis.filter((k) => !k.id.includes('.')), ...latestResponse.slice(-1)]
    .filter((k) => k.target !== undefined && k.value !== null && k.target !== 0)
    .map((k) => ({
      kpi: k.label.replace(/\s*\([^)]*\)/g, ''),
      share: Math.max(0, Math.min(1.5, (k.value as number) / (k.target as number))),
      value: showKpi(k, k.value),
      target: showKpi(k, k.target),
      status: k.met ? 'met' : 'not met',
    }));
  if (!rows.length) return undefined;
  const spec = {
    ...base('KPIs against their targets', 420, Math.max(120, rows.length * 22)),
    data: { values: rows },
    layer: [
      {
        mark: { type: 'bar', height: 14 },
        encoding: {
          y: { field: 'kpi', type: 'nominal', sort: null, title: null },
          x: {
            field: 'share',
            type: 'quantitative',
            title: 'share of target reached',
            scale: { domain: [0, 1.5] },
            axis: { format: '.0%' },
          },
          color: {
            field: 'status',
            type: 'nominal',
            scale: { domain: ['met', 'not met'], range: [MET, NOT_MET] },
            title: null,
          },
          tooltip: [{ field: 'kpi' }, { field: 'value' }, { field: 'target' }],
        },
      },
      { mark: { type: 'rule', color: '#333', strokeDash: [4, 3] }, encoding: { x: { datum: 1 } } },
    ],
  };
  return {
    id: 'targets',
    title: 'KPIs against their targets',
    spec,
    table: {
      headers: ['KPI', 'Value', 'Target', 'Status'],
      rows: rows.map((r) => [r.kpi, r.value, r.target, r.status]),
    },
  };
}

const TREND_UNITS: Record<string, { measures: TrendMeasure[]; axis: string; format?: string }> = {
  response: { measures: ['Response rate'], axis: 'response rate', format: '.0%' },
  satisfaction: {
    measures: ['Satisfaction, mentees', 'Satisfaction, mentors'],
    axis: 'satisfaction (1-5)',
  },
  nps: { measures: ['Net Promoter Score'], axis: 'NPS (-100..100)' },
};

/** One trend from wave to wave, with the target as a dashed line. */
function trendChart(digest: ReportDigest, unit: keyof typeof TREND_UNITS): ChartSpec | undefined {
  const { measures, axis, format } = TREND_UNITS[unit];
  const points = digest.trends.filter((p) => measures.includes(p.measure));
  if (!points.length) return undefined;
  const waves = [...new Set(points.map((p) => p.wave))];
  const target = points.find((p) => p.target !== undefined)?.target;
  const title =
    unit === 'response'
      ? 'Survey response rate by wave'
      : unit === 'nps'
        ? 'Net Promoter Score by wave'
        : 'Satisfaction by wave';
  const line = {
    mark: { type: 'line', point: { size: 60, filled: true }, strokeWidth: 2.5 },
    encoding: {
      x: { field: 'wave', type: 'ordinal', sort: waves, title: null, axis: { labelAngle: 0 } },
      y: {
        field: 'value',
        type: 'quantitative',
        title: axis,
        ...(format ? { axis: { format } } : {}),
        ...(unit === 'satisfaction' ? { scale: { domain: [1, 5] } } : {}),
      },
      color: { field: 'measure', type: 'nominal', title: null },
    },
  };
  const layers: unknown[] = [line];
  if (target !== undefined)
    layers.push({
      mark: { type: 'rule', color: '#555', strokeDash: [5, 4] },
      encoding: { y: { datum: target } },
    });
  const show = (v: number) =>
    unit === 'response'
      ? `${Math.round(v * 1000) / 10}%`
      : unit === 'nps'
        ? String(Math.round(v))
        : v.toFixed(2);
  return {
    id: `trend-${unit}`,
    title,
    spec: { ...base(title, 300, 180), data: { values: points }, layer: layers },
    table: {
      headers: ['Wave', 'Measure', 'Value', 'Target'],
      rows: points.map((p) => [
        p.wave,
        p.measure,
        show(p.value),
        p.target === undefined ? '' : show(p.target),
      ]),
    },
  };
}

/** How many pairs reported each number of meetings held. */
function meetingsChart(digest: ReportDigest): ChartSpec | undefined {
  const rows = digest.meetingsPerPair;
  if (!rows.length) return undefined;
  const title = 'Meetings held per pair (as reported)';
  return {
    id: 'meetings',
    title,
    spec: {
      ...base(title, 300, 180),
      data: { values: rows },
      mark: { type: 'bar', color: NEUTRAL },
      encoding: {
        x: {
          field: 'meetings',
          type: 'ordinal',
          sort: rows.map((r) => r.meetings),
          title: 'meetings held',
          axis: { labelAngle: 0 },
        },
        y: { field: 'pairs', type: 'quantitative', title: 'pairs', axis: { tickMinStep: 1 } },
      },
    },
    table: { headers: ['Meetings held', 'Pairs'], rows: rows.map((r) => [r.meetings, r.pairs]) },
  };
}

/** Pairs at risk by reason (a pair may have several reasons). */
function riskChart(report: KpiReport): ChartSpec | undefined {
  const rows = report.atRiskByReason.map((r) => ({
    reason: RISK_REASON_WORDS[r.code],
    pairs: r.pairs,
  }));
  if (!rows.some((r) => r.pairs > 0)) return undefined;
  const title = 'Pairs that need attention, by reason';
  return {
    id: 'risk',
    title,
    spec: {
      ...base(title, 300, Math.max(90, rows.length * 26)),
      data: { values: rows },
      mark: { type: 'bar', color: '#ef6c00', height: 16 },
      encoding: {
        y: { field: 'reason', type: 'nominal', sort: null, title: null },
        x: { field: 'pairs', type: 'quantitative', title: 'pairs', axis: { tickMinStep: 1 } },
      },
    },
    table: { headers: ['Reason', 'Pairs'], rows: rows.map((r) => [r.reason, r.pairs]) },
  };
}

/** Satisfaction and NPS of each group of one breakdown, with the group sizes in the labels. */
function breakdownChart(report: KpiReport, field: string): ChartSpec | undefined {
  const breakdown = report.breakdowns.find((b) => b.field === field);
  if (!breakdown) return undefined;
  const rows = breakdown.groups
    .filter((g) => !g.suppressed && g.satisfaction !== null)
    .map((g) => ({
      group: `${g.value} (n=${String(g.participants)})`,
      satisfaction: g.satisfaction as number,
      nps: g.nps,
    }));
  if (!rows.length) return undefined;
  const title = `Satisfaction by ${field}`;
  return {
    id: `by-${field}`,
    title,
    spec: {
      ...base(title, 300, Math.max(90, rows.length * 22)),
      data: { values: rows },
      mark: { type: 'bar', color: NEUTRAL, height: 14 },
      encoding: {
        y: { field: 'group', type: 'nominal', sort: null, title: null },
        x: {
          field: 'satisfaction',
          type: 'quantitative',
          title: 'satisfaction (1-5)',
          scale: { domain: [0, 5] },
        },
        tooltip: [{ field: 'group' }, { field: 'satisfaction' }, { field: 'nps' }],
      },
    },
    table: {
      headers: [field, 'Satisfaction (1-5)', 'NPS'],
      rows: rows.map((r) => [
        r.group,
        r.satisfaction.toFixed(2),
        r.nps === null ? '' : Math.round(r.nps),
      ]),
    },
  };
}

/** The charts of the report, in reading order; charts without data are left out. */
export function reportCharts(report: KpiReport, digest: ReportDigest): ChartSpec[] {
  const fields = report.breakdowns.filter((b) => !b.sensitive).map((b) => b.field);
  return [
    targetsChart(report.kpis),
    trendChart(digest, 'nps'),
    trendChart(digest, 'satisfaction'),
    trendChart(digest, 'response'),
    meetingsChart(digest),
    riskChart(report),
    ...surveyCharts(report),
    ...fields.map((f) => breakdownChart(report, f)),
  ].filter((c): c is ChartSpec => c !== undefined);
}

/** The executive page's charts: targets, NPS, satisfaction, then growth (else meetings per pair). */
const EXEC_CHARTS: readonly string[] = [
  'targets',
  'trend-nps',
  'trend-satisfaction',
  'growth',
  'meetings',
  'trend-response',
];

/** The first four executive charts the report has. */
export function execCharts<T extends ChartSpec>(charts: readonly T[]): T[] {
  const byId = new Map(charts.map((c) => [c.id, c]));
  return EXEC_CHARTS.map((id) => byId.get(id))
    .filter((c): c is T => c !== undefined)
    .slice(0, 4);
}

/** Renders charts to SVG with vega (loaded only when a report draws charts). */
export async function renderCharts(charts: readonly ChartSpec[]): Promise<RenderedChart[]> {
  const [vega, { compile }] = await Promise.all([import('vega'), import('vega-lite')]);
  const out: RenderedChart[] = [];
  for (const chart of charts) {
    const compiled = compile(chart.spec as never).spec;
    const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
    const svg = await view.toSVG();
    const width = Number(/width="([\d.]+)"/.exec(svg)?.[1] ?? 0);
    const height = Number(/height="([\d.]+)"/.exec(svg)?.[1] ?? 0);
    view.finalize();
    out.push({ ...chart, svg, width, height });
  }
  return out;
}

/** The fonts the charts are drawn in, when installed (Debian's fonts-dejavu-core). */
const DEJAVU = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map(
  (f) => `/usr/share/fonts/truetype/dejavu/${f}`,
);

/**
 * A chart's SVG as PNG at 1.5 times its size (sharp when printed, ~144 dpi), for the workbook.
 * Rendered on libuv's thread pool, so several charts are drawn at once.
 */
export async function chartPng(chart: RenderedChart): Promise<Uint8Array> {
  const { renderAsync } = await import('@resvg/resvg-js');
  // perf: bench/survey-report.mjs (scanning every system font cost ~25% of each render)
  const files = DEJAVU.every((f) => existsSync(f));
  const png = await renderAsync(chart.svg, {
    fitTo: { mode: 'zoom', value: 1.5 },
    font: {
      loadSystemFonts: !files,
      ...(files ? { fontFiles: DEJAVU } : {}),
      defaultFontFamily: 'DejaVu Sans',
    },
  });
  return png.asPng();
}
