/**
 * The executive digest of a KPI report: the headline KPIs, the wave-by-wave trends and a few
 * findings in plain words. Pure: everything comes from the report and the program's records.
 */

import type { KpiInput } from './facts.js';
import { emailKey } from '../keys.js';
import type { RiskReason } from '../surveys/risk.js';
import type { Kpi, KpiReport, WaveStats } from './types.js';

/** One point of a trend: a wave's value of one measure, with its target when there is one. */
interface TrendPoint {
  wave: string;
  opens: string;
  measure: TrendMeasure;
  value: number;
  target?: number;
}

/** The measures followed from wave to wave. */
export type TrendMeasure =
  'Response rate' | 'Satisfaction, mentees' | 'Satisfaction, mentors' | 'Net Promoter Score';

/** How many pairs reported each number of meetings held (the distribution behind a chart). */
interface MeetingsBucket {
  meetings: string;
  pairs: number;
}

/** What the first page of the report shows. */
export interface ReportDigest {
  headline: Kpi[];
  targets: { met: number; total: number; notMet: string[] };
  findings: string[];
  trends: TrendPoint[];
  meetingsPerPair: MeetingsBucket[];
  mentorsWithoutMentee: { count: number; of: number };
}

/** KPI ids shown on the executive page, in this order, when the report has them. */
const HEADLINE_IDS = [
  'enrolment.total',
  'matchRate',
  'relationships',
  'meetingsHeldRate',
  'satisfaction',
  'nps',
  'retention',
  'mentorUtilisation',
];

/** The headline KPIs (at most eight), in the order above. */
function headlineKpis(kpis: readonly Kpi[]): Kpi[] {
  const byId = new Map(kpis.map((k) => [k.id, k]));
  return HEADLINE_IDS.map((id) => byId.get(id)).filter((k): k is Kpi => k !== undefined);
}

/** Every opened wave's response rate, satisfaction per side and NPS, with the targets. */
export function waveTrends(waves: readonly WaveStats[], input: KpiInput): TrendPoint[] {
  const t = input.config.kpiTargets;
  const points: TrendPoint[] = [];
  for (const w of waves) {
    if (!w.opened) continue;
    const add = (measure: TrendMeasure, value: number | null, target?: number) => {
      if (value === null) return;
      points.push({ wave: w.wave, opens: w.opens, measure, value, ...(target ? { target } : {}) });
    };
    add('Response rate', w.responseRate, t.responseRate);
    add('Satisfaction, mentees', w.satisfactionMentee, t.satisfaction);
    add('Satisfaction, mentors', w.satisfactionMentor, t.satisfaction);
    add('Net Promoter Score', w.nps, t.nps);
  }
  return points;
}

/** Pairs by reported meetings held ("0", "1", ... "8+"; "no report" for pairs that never said). */
function meetingsDistribution(report: KpiReport): MeetingsBucket[] {
  const counts = new Map<string, number>();
  const order: string[] = ['no report', ...Array.from({ length: 8 }, (_, i) => String(i)), '8+'];
  for (const p of report.pairs) {
    const key =
      p.meetingsHeld === undefined
        ? 'no report'
        : p.meetingsHeld >= 8
          ? '8+'
          : String(p.meetingsHeld);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return order
    .filter((k) => counts.has(k))
    .map((k) => ({ meetings: k, pairs: counts.get(k) ?? 0 }));
}

/** Active mentors (role mentor or both with mentor capacity) who have no active pair. */
function idleMentors(input: KpiInput): { count: number; of: number } {
  const mentoring = new Set(
    input.matches.filter((m) => m.status === 'active').map((m) => emailKey(m.mentor)),
  );
  const mentors = input.participants.filter((p) => p.status !== 'withdrawn' && p.role === 'mentor');
  return {
    count: mentors.filter((p) => !mentoring.has(emailKey(p.email))).length,
    of: mentors.length,
  };
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "rose from 17 at kickoff to 32 at final", or undefined with fewer than two waves of data. */
function change(points: readonly TrendPoint[], measure: TrendMeasure, show: (v: number) => string) {
  const series = points.filter((p) => p.measure === measure);
  if (series.length < 2) return undefined;
  const [first, last] = [series[0], series[series.length - 1]];
  const verb = last.value > first.value ? 'rose' : last.value < first.value ? 'fell' : 'stayed';
  const span =
    verb === 'stayed'
      ? `at ${show(last.value)} from ${first.wave} to ${last.wave}`
      : `from ${show(first.value)} at ${first.wave} to ${show(last.value)} at ${last.wave}`;
  return `${verb} ${span}`;
}

const percent = (v: number) => `${Math.round(v * 100)}%`;

/** Three to five findings in plain words, most telling first. */
function findingsOf(
  report: KpiReport,
  trends: readonly TrendPoint[],
  targets: ReportDigest['targets'],
  idle: ReportDigest['mentorsWithoutMentee'],
): string[] {
  const out: string[] = [];
  const nps = change(trends, 'Net Promoter Score', (v) => String(Math.round(v)));
  if (nps) out.push(`NPS ${nps}.`);
  if (targets.total)
    out.push(
      `${targets.met} of ${plural(targets.total, 'KPI target')} met` +
        (targets.notMet.length ? `; not yet: ${targets.notMet.slice(0, 3).join(', ')}.` : '.'),
    );
  if (idle.of && idle.count)
    out.push(`${idle.count} of ${plural(idle.of, 'mentor')} had no mentee.`);
  const g = report.growth;
  if (g?.all.people && g.all.improved !== null && g.all.change !== null) {
    const improved = Math.round(g.all.improved * g.all.people);
    const points = `${g.all.change >= 0 ? '+' : ''}${g.all.change.toFixed(1)}`;
    out.push(
      `Self-ratings rose for ${improved} of the ${plural(g.all.people, 'person', 'people')} who ` +
        `answered the baseline questions at ${g.fromWave} and ${g.toWave} ` +
        `(average ${points} points on 1-5).`,
    );
  }
  const rate = change(trends, 'Response rate', percent);
  if (rate) out.push(`The survey response rate ${rate}.`);
  const pairs = report.pairs.length;
  if (pairs) {
    const top = [...report.atRiskByReason].sort((a, b) => b.pairs - a.pairs)[0];
    out.push(
      report.atRisk.length
        ? `${report.atRisk.length} of ${plural(pairs, 'pair')} ` +
            `${report.atRisk.length === 1 ? 'needs' : 'need'} attention` +
            (top?.pairs ? ` (most often: ${RISK_REASON_WORDS[top.code]}, ${top.pairs}).` : '.')
        : `None of the ${plural(pairs, 'pair')} is at risk.`,
    );
  }
  return out.slice(0, 6);
}

/** Plain words for the at-risk reasons (see surveys/risk.ts), shared by every report format. */
export const RISK_REASON_WORDS: Record<RiskReason['code'], string> = {
  'low-satisfaction': 'low satisfaction',
  concern: 'concern raised',
  'low-rating': 'low rating on a chosen question',
  'few-meetings': 'few meetings held',
  'no-answer': 'no survey answer',
};

/** How a KPI is shown: NPS as a whole number (as people read it), the others by their format. */
export function kpiDisplayFormat(k: Kpi): Kpi['format'] {
  return k.id === 'nps' || k.id.startsWith('nps.') ? 'integer' : k.format;
}

/** Builds the digest shown on the executive page of the HTML report and the workbook's Summary. */
export function buildDigest(report: KpiReport, input: KpiInput): ReportDigest {
  const withTarget = report.kpis.filter((k) => k.target !== undefined && k.met !== null);
  const targets = {
    met: withTarget.filter((k) => k.met === true).length,
    total: withTarget.length,
    notMet: withTarget.filter((k) => k.met === false).map((k) => k.label),
  };
  const trends = waveTrends(report.waves, input);
  const idle = idleMentors(input);
  return {
    headline: headlineKpis(report.kpis),
    targets,
    findings: [...findingsOf(report, trends, targets, idle), ...(report.outcomes?.findings ?? [])],
    trends,
    meetingsPerPair: meetingsDistribution(report),
    mentorsWithoutMentee: idle,
  };
}
