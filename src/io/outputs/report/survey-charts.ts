/**
 * The charts of the program's own questions and of the HR comparison: growth from kickoff to close
 * (before and after per baseline question, and who improved), custom rating items from wave to
 * wave (favourable share, comparable across scales), the latest wave's answers as stacked Likert
 * bars, and participants against non-participants. Aggregates only: no chart names a person.
 */

import type { KpiReport } from '../../../core/kpi/types.js';
import type { SurveyItemStats } from '../../../core/kpi/survey-items.js';
import { base, MET, NEUTRAL, NOT_MET, type ChartSpec } from './chart-base.js';

const SIDES = { mentee: 'Mentees', mentor: 'Mentors' } as const;
/** Items drawn at most in one Likert chart (the rest stay in the tables). */
const MAX_LIKERT_ITEMS = 12;

/** A question's short label: the grid row, or the question without its scale in brackets. */
function itemLabel(i: { question: string; row?: string }, side: 'mentee' | 'mentor'): string {
  const text = i.row ?? i.question.replace(/\s*\([^)]*\)\s*$/u, '').trim();
  const short = text.length > 50 ? `${text.slice(0, 49)}…` : text;
  return `${SIDES[side]}: ${short}`;
}

/** Item labels are long: let the axis show them whole. */
const WIDE = { labelLimit: 520 };
const one = (v: number | null) => (v === null ? '' : v.toFixed(2));
const pct = (v: number | null) => (v === null ? '' : `${Math.round(v * 100)}%`);

/** Each baseline question's mean at kickoff and at close, for the people who answered both. */
function growthChart(report: KpiReport): ChartSpec | undefined {
  const g = report.growth;
  if (!g?.items.length) return undefined;
  const rows = g.items.flatMap((i) => [
    { item: itemLabel(i, i.side), wave: g.fromWave, mean: i.before ?? 0 },
    { item: itemLabel(i, i.side), wave: g.toWave, mean: i.after ?? 0 },
  ]);
  const title = `Self-ratings at ${g.fromWave} and ${g.toWave} (people who answered both)`;
  return {
    id: 'growth',
    title,
    spec: {
      ...base(title, 320, Math.max(120, g.items.length * 34)),
      data: { values: rows },
      mark: { type: 'bar', height: { band: 0.8 } },
      encoding: {
        y: { field: 'item', type: 'nominal', sort: null, title: null, axis: WIDE },
        yOffset: { field: 'wave', sort: [g.fromWave, g.toWave] },
        x: { field: 'mean', type: 'quantitative', title: 'mean self-rating' },
        color: {
          field: 'wave',
          type: 'nominal',
          sort: [g.fromWave, g.toWave],
          scale: { range: ['#9fb7d6', NEUTRAL] },
          title: null,
        },
      },
    },
    table: {
      headers: ['Question', 'People', g.fromWave, g.toWave, 'Change', 'Improved', 'Same', 'Fell'],
      rows: g.items.map((i) => [
        itemLabel(i, i.side),
        i.people,
        one(i.before),
        one(i.after),
        one(i.change),
        i.improved,
        i.same,
        i.declined,
      ]),
    },
  };
}

/** How many people rose, stayed or fell on each baseline question. */
function growthSplitChart(report: KpiReport): ChartSpec | undefined {
  const g = report.growth;
  if (!g?.items.length) return undefined;
  const order = ['fell', 'same', 'rose'];
  const rows = g.items.flatMap((i) => [
    { item: itemLabel(i, i.side), change: 'fell', people: i.declined, rank: 0 },
    { item: itemLabel(i, i.side), change: 'same', people: i.same, rank: 1 },
    { item: itemLabel(i, i.side), change: 'rose', people: i.improved, rank: 2 },
  ]);
  const title = `Change per person, ${g.fromWave} to ${g.toWave}`;
  return {
    id: 'growth-split',
    title,
    spec: {
      ...base(title, 320, Math.max(100, g.items.length * 24)),
      data: { values: rows },
      mark: { type: 'bar', height: { band: 0.7 } },
      encoding: {
        y: { field: 'item', type: 'nominal', sort: null, title: null, axis: WIDE },
        x: { field: 'people', type: 'quantitative', stack: 'normalize', title: 'share of people' },
        color: {
          field: 'change',
          type: 'nominal',
          sort: order,
          scale: { domain: order, range: [NOT_MET, '#bdbdbd', MET] },
          title: null,
        },
        order: { field: 'rank' },
      },
    },
    table: {
      headers: ['Question', 'Rose', 'Same', 'Fell'],
      rows: g.items.map((i) => [itemLabel(i, i.side), i.improved, i.same, i.declined]),
    },
  };
}

const isRating = (i: SurveyItemStats) =>
  (i.kind === 'rating' || i.kind === 'matrix') && i.favourable !== null;
const seriesKey = (i: SurveyItemStats) => JSON.stringify([i.side, i.question, i.row, i.scale]);

/** Custom rating items asked in two or more waves: favourable share (top two boxes) by wave. */
function itemTrendChart(report: KpiReport): ChartSpec | undefined {
  const ratings = report.surveyItems.filter(isRating);
  const waves = new Map<string, Set<string>>();
  for (const i of ratings)
    waves.set(seriesKey(i), (waves.get(seriesKey(i)) ?? new Set()).add(i.wave));
  const repeated = ratings.filter((i) => (waves.get(seriesKey(i))?.size ?? 0) >= 2);
  if (!repeated.length) return undefined;
  const order = [...new Set(report.waves.filter((w) => w.opened).map((w) => w.wave))];
  const rows = repeated.map((i) => ({
    wave: i.wave,
    item: itemLabel(i, i.side),
    favourable: i.favourable as number,
    answers: i.answers,
  }));
  const title = 'Own rating questions by wave (favourable answers, top two boxes)';
  return {
    id: 'item-trends',
    title,
    spec: {
      ...base(title, 320, 200),
      data: { values: rows },
      mark: { type: 'line', point: { size: 50, filled: true }, strokeWidth: 2 },
      encoding: {
        x: { field: 'wave', type: 'ordinal', sort: order, title: null, axis: { labelAngle: 0 } },
        y: {
          field: 'favourable',
          type: 'quantitative',
          title: 'favourable answers',
          scale: { domain: [0, 1] },
          axis: { format: '.0%' },
        },
        color: {
          field: 'item',
          type: 'nominal',
          title: null,
          legend: { columns: 1, labelLimit: 520 },
        },
      },
    },
    table: {
      headers: ['Wave', 'Question', 'Answers', 'Favourable (top 2)'],
      rows: rows.map((r) => [r.wave, r.item, r.answers, pct(r.favourable)]),
    },
  };
}

/** The latest wave's rating items as stacked bars: the share of answers on each scale point. */
function likertChart(report: KpiReport): ChartSpec | undefined {
  const ratings = report.surveyItems.filter((i) => isRating(i) && i.distribution && i.answers);
  const latest = ratings.at(-1)?.wave;
  const items = ratings.filter((i) => i.wave === latest).slice(0, MAX_LIKERT_ITEMS);
  if (!items.length) return undefined;
  const rows = items.flatMap((i) =>
    (i.distribution ?? []).map((d) => ({
      item: itemLabel(i, i.side),
      answer: d.label ? `${d.value} ${d.label}` : String(d.value),
      value: d.value,
      count: d.count,
    })),
  );
  const title = `Answers to the program's own questions, ${latest}`;
  return {
    id: 'likert',
    title,
    spec: {
      ...base(title, 360, Math.max(100, items.length * 24)),
      data: { values: rows },
      mark: { type: 'bar', height: { band: 0.7 } },
      encoding: {
        y: { field: 'item', type: 'nominal', sort: null, title: null, axis: WIDE },
        x: { field: 'count', type: 'quantitative', stack: 'normalize', title: 'share of answers' },
        color: {
          field: 'value',
          type: 'ordinal',
          scale: { scheme: 'redyellowgreen' },
          title: 'answer (low to high)',
        },
        order: { field: 'value' },
        tooltip: [{ field: 'item' }, { field: 'answer' }, { field: 'count' }],
      },
    },
    table: {
      headers: ['Question', 'Answers', 'Mean', 'Distribution'],
      rows: items.map((i) => [
        itemLabel(i, i.side),
        i.answers,
        one(i.mean),
        (i.distribution ?? []).map((d) => `${d.value}: ${d.count}`).join(', '),
      ]),
    },
  };
}

/** Retention and promotion of mentees, mentors and non-participants (groups of 5 or more). */
function outcomesChart(report: KpiReport): ChartSpec | undefined {
  const groups = report.outcomes?.groups.filter((g) => !g.small) ?? [];
  const rows = groups.flatMap((g) => [
    { group: `${g.group} (n=${g.people})`, measure: 'retention', rate: g.retentionRate },
    { group: `${g.group} (n=${g.people})`, measure: 'promotion', rate: g.promotionRate },
  ]);
  const drawn = rows.filter((r) => r.rate !== null);
  if (!drawn.length) return undefined;
  const title = 'Participants and non-participants over the program (a comparison, not a cause)';
  return {
    id: 'outcomes',
    title,
    spec: {
      ...base(title, 320, Math.max(100, groups.length * 44)),
      data: { values: drawn },
      mark: { type: 'bar', height: { band: 0.8 } },
      encoding: {
        y: { field: 'group', type: 'nominal', sort: null, title: null },
        yOffset: { field: 'measure', sort: ['retention', 'promotion'] },
        x: {
          field: 'rate',
          type: 'quantitative',
          title: null,
          scale: { domain: [0, 1] },
          axis: { format: '.0%' },
        },
        color: {
          field: 'measure',
          type: 'nominal',
          sort: ['retention', 'promotion'],
          scale: { range: [NEUTRAL, '#f58518'] },
          title: null,
        },
      },
    },
    table: {
      headers: ['Group', 'Retention', 'Promotion or role change'],
      rows: groups.map((g) => [
        `${g.group} (n=${g.people})`,
        pct(g.retentionRate),
        pct(g.promotionRate),
      ]),
    },
  };
}

/** The survey-item and outcome charts, in reading order; charts without data are left out. */
export function surveyCharts(report: KpiReport): ChartSpec[] {
  return [
    growthChart(report),
    growthSplitChart(report),
    itemTrendChart(report),
    likertChart(report),
    outcomesChart(report),
  ].filter((c): c is ChartSpec => c !== undefined);
}
