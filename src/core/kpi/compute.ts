/** All Summary KPIs of a program, each next to its target from config with met / not met. */

import { emailKey } from '../keys.js';
import type { SurveyResponse } from '../surveys/state.js';
import { breakdownBy, compareCohorts } from './groups.js';
import {
  buildFacts,
  isMenteeRole,
  isMentorRole,
  type KpiInput,
  type ProgramFacts,
} from './facts.js';
import { mean, netPromoterScore, ratio } from './stats.js';
import { countedResponses } from './survey-counting.js';
import { surveyItemStats } from './survey-items.js';
import { computeGrowth, type Growth } from './growth.js';
import { reasonCounts, sortBySeverity } from '../surveys/risk.js';
import type { Kpi, KpiFormat, KpiReport, WaveStats } from './types.js';
import { addRetention } from './retention.js';
import { compareOutcomes } from '../outcomes/compare.js';

export type { KpiInput } from './facts.js';

/** Options: breakdown fields (--by) and which of them are sensitive. */
export interface KpiOptions {
  by?: readonly string[];
}

function waveStats(facts: ProgramFacts): WaveStats[] {
  const day = facts.input.now.toISOString().slice(0, 10);
  const invited = facts.active.length;
  return facts.waves.map((w) => {
    const opened = w.opens <= day;
    // Who counts (README "Who counts"): active participants' latest response in a wave opened by
    // now; withdrawn people's answers go to the leavers line only.
    const { counted: rs, leavers, unpaired } = countedResponses(facts, opened ? w.name : undefined);
    const activeRs = rs;
    const nums = (pick: (r: SurveyResponse) => number | undefined, from = rs) =>
      from.flatMap((r) => {
        const v = pick(r);
        return v === undefined ? [] : [v];
      });
    // perf: bench/survey-report.mjs (each response's side looked up once, not once per measure)
    const sides = { mentee: [] as SurveyResponse[], mentor: [] as SurveyResponse[] };
    for (const r of rs) sides[facts.sideOf(emailKey(r.email))].push(r);
    const bySide = (side?: 'mentor' | 'mentee') => (side ? sides[side] : rs);
    const sat = (side?: 'mentor' | 'mentee') =>
      mean(nums((r) => r.measures.satisfaction, bySide(side)));
    const goal = (side?: 'mentor' | 'mentee') =>
      mean(nums((r) => r.measures.goalProgress, bySide(side)));
    const rec = nums((r) => r.measures.recommend);
    const cont = rs.flatMap((r) =>
      r.measures.wouldContinue === undefined ? [] : [r.measures.wouldContinue],
    );
    return {
      wave: w.name,
      opens: w.opens,
      opened,
      invited,
      responded: activeRs.length,
      responseRate: opened || activeRs.length ? ratio(activeRs.length, invited) : null,
      satisfaction: sat(),
      satisfactionMentee: sat('mentee'),
      satisfactionMentor: sat('mentor'),
      nps: netPromoterScore(rec),
      recommendAnswers: rec.length,
      goalProgress: goal(),
      goalProgressMentee: goal('mentee'),
      goalProgressMentor: goal('mentor'),
      skillsImproved: mean(nums((r) => r.measures.skillsImproved)),
      wouldContinue: ratio(cont.filter(Boolean).length, cont.length),
      unknownResponses: facts.linked.unknown.filter((r) => r.wave === w.name).length,
      unpairedResponses: unpaired,
      leavers,
    };
  });
}

/** Collects the KPIs of one report in order, each with its target and met / not met. */
class KpiList {
  readonly items: Kpi[] = [];
  add(
    section: string,
    id: string,
    label: string,
    value: number | null,
    format: KpiFormat,
    target?: number,
    lowerIsBetter = false,
  ): void {
    const k: Kpi = { id, section, label, value, format };
    if (target !== undefined) {
      k.target = target;
      k.met = value === null ? null : lowerIsBetter ? value <= target : value >= target;
    }
    this.items.push(k);
  }
}

/** Enrolment: active participants in all and per role. */
function enrolmentKpis(facts: ProgramFacts, out: KpiList): void {
  const { active } = facts;
  out.add(
    'Enrolment',
    'enrolment.total',
    'Participants enrolled (active)',
    active.length,
    'integer',
  );
  for (const role of ['mentor', 'mentee', 'both'] as const)
    out.add(
      'Enrolment',
      `enrolment.${role}`,
      `Enrolled as ${role}`,
      active.filter((p) => p.role === role).length,
      'integer',
    );
}

/** Matching: match rate, score, mentor utilisation, training and relationships. */
function matchingKpis(facts: ProgramFacts, out: KpiList, warnings: string[]): void {
  const { config } = facts.input;
  const t = config.kpiTargets;
  const { active, activeMatches } = facts;
  if (activeMatches.length === 0)
    warnings.push('no matches yet: match KPIs are empty; run `mentor-cli match` first');
  const mentees = active.filter(isMenteeRole);
  const mentors = active.filter(isMentorRole);
  const menteeSide = new Set(activeMatches.map((m) => emailKey(m.mentee)));
  const anyMatch = activeMatches.length > 0;
  out.add(
    'Matching',
    'matchRate',
    'Match rate (mentees matched)',
    anyMatch
      ? ratio(
          // A "both" counts as a matched mentee only when mentored: mentoring someone is not it.
          mentees.filter((p) => menteeSide.has(emailKey(p.email))).length,
          mentees.length,
        )
      : null,
    'percent',
    t.matchRate,
  );
  out.add(
    'Matching',
    'averageMatchScore',
    'Average match score (0-100)',
    mean(activeMatches.map((m) => m.score)),
    'number',
  );
  const load = new Map<string, number>();
  for (const m of activeMatches)
    load.set(emailKey(m.mentor), (load.get(emailKey(m.mentor)) ?? 0) + 1);
  const capacityOf = (p: (typeof mentors)[number]) =>
    p.capacity ?? config.participants.defaultCapacity;
  const capacity = mentors.reduce((s, p) => s + capacityOf(p), 0);
  out.add(
    'Matching',
    'mentorUtilisation',
    'Mentor utilisation (places filled)',
    anyMatch
      ? ratio(
          mentors.reduce(
            (s, p) => s + Math.min(load.get(emailKey(p.email)) ?? 0, capacityOf(p)),
            0,
          ),
          capacity,
        )
      : null,
    'percent',
    t.mentorUtilisation,
  );
  // Unknown is not "no": mentors whose file had no training answer are left out of the rate and
  // counted on their own line.
  const trainingKnown = mentors.filter((p) => p.trainingCompleted !== undefined);
  out.add(
    'Matching',
    'trainingCompletion',
    'Mentor training completed (mentors with a training record)',
    ratio(trainingKnown.filter((p) => p.trainingCompleted === true).length, trainingKnown.length),
    'percent',
    t.trainingCompletion,
  );
  out.add(
    'Matching',
    'trainingUnknown',
    'Mentors with no training record (unknown)',
    mentors.length - trainingKnown.length,
    'integer',
  );
  out.add(
    'Matching',
    'relationships',
    'Relationships established (active pairs)',
    activeMatches.length,
    'integer',
    t.relationships,
  );
}

/** Meetings: scheduled to date, held as reported, and the held rate like for like. */
function meetingKpis(facts: ProgramFacts, out: KpiList, warnings: string[]): void {
  const t = facts.input.config.kpiTargets;
  const anyMatch = facts.activeMatches.length > 0;
  const scheduled = facts.pairs.reduce((s, h) => s + h.scheduledToDate, 0);
  const reported = facts.pairs.filter((h) => h.meetingsHeld !== undefined);
  const held = reported.reduce((s, h) => s + (h.meetingsHeld ?? 0), 0);
  const scheduledReported = reported.reduce((s, h) => s + (h.scheduledAtReport ?? 0), 0);
  out.add(
    'Meetings',
    'meetingsScheduled',
    `Meetings scheduled to date${facts.scheduleFromState ? ' (from the schedule)' : ' (estimated from frequency: no schedule yet)'}`,
    anyMatch ? scheduled : null,
    'integer',
  );
  // Held is compared like for like: with what was scheduled up to each pair's report date, and
  // the label names the waves those reports come from.
  const heldWaves = [...new Set(reported.map((h) => h.heldWave).filter(Boolean))];
  out.add(
    'Meetings',
    'meetingsHeld',
    `Meetings held (reported${heldWaves.length ? `, ${heldWaves.join(' and ')} survey` : ''})`,
    reported.length ? held : null,
    'integer',
  );
  out.add(
    'Meetings',
    'meetingsScheduledWhenReported',
    'Meetings scheduled up to each report date (pairs reporting)',
    reported.length ? scheduledReported : null,
    'integer',
  );
  // Mentoring hours: meetings held (as reported) x the configured meeting length; per side, the
  // mean over the people of that side in a reporting pair (a pair's hours count for both people).
  const hours = (n: number) =>
    Math.round(((n * facts.input.config.schedule.meetingMinutes) / 60) * 10) / 10;
  out.add(
    'Meetings',
    'mentoringHours',
    'Mentoring hours (held x meeting length)',
    reported.length ? hours(held) : null,
    'number',
  );
  for (const side of ['mentee', 'mentor'] as const) {
    const per = new Map<string, number>();
    for (const h of reported) {
      const who = emailKey(side === 'mentee' ? h.match.mentee : h.match.mentor);
      per.set(who, (per.get(who) ?? 0) + (h.meetingsHeld ?? 0));
    }
    out.add(
      'Meetings',
      `mentoringHours.${side}`,
      `Mentoring hours per ${side} (pairs reporting)`,
      per.size ? hours([...per.values()].reduce((a, b) => a + b, 0) / per.size) : null,
      'number',
    );
  }
  // Rate over the pairs that reported, each against what was scheduled when they reported, so a
  // pair that did not answer does not count as zero meetings and an early report is not held
  // against the whole program.
  out.add(
    'Meetings',
    'meetingsHeldRate',
    'Meetings held / scheduled when reported (pairs reporting)',
    ratio(held, scheduledReported),
    'percent',
    t.meetingsHeldRate,
  );
  if (facts.scheduleFromState && facts.unscheduled.length) {
    warnings.push(
      `${facts.unscheduled.length} active pair(s) have no meetings in the schedule (no common time, or matched after the last \`mentor-cli schedule\`): ${facts.unscheduled
        .slice(0, 5)
        .map((m) => m.id)
        .join(', ')}${facts.unscheduled.length > 5 ? ', ...' : ''}`,
    );
  }
}

/** Surveys: response rate and satisfaction per side, per wave. */
function surveyKpis(facts: ProgramFacts, waves: WaveStats[], out: KpiList): void {
  const t = facts.input.config.kpiTargets;
  for (const w of waves) {
    out.add(
      'Surveys',
      `responseRate.${w.wave}`,
      `Response rate: ${w.wave}`,
      w.responseRate,
      'percent',
      t.responseRate,
    );
    for (const side of ['mentee', 'mentor'] as const)
      out.add(
        'Surveys',
        `satisfaction.${w.wave}.${side}`,
        `Satisfaction (1-5): ${w.wave}, ${side}s`,
        side === 'mentee' ? w.satisfactionMentee : w.satisfactionMentor,
        'number',
        t.satisfaction,
      );
  }
}

/** Outcomes: the headline satisfaction, NPS and goal progress, retention and pairs at risk. */
function outcomeKpis(
  facts: ProgramFacts,
  waves: WaveStats[],
  atRisk: readonly unknown[],
  out: KpiList,
  warnings: string[],
): void {
  const t = facts.input.config.kpiTargets;
  const headline = (pick: (r: SurveyResponse) => number | undefined) => {
    const wave = facts.headlineWave(pick);
    return wave ? waves.find((w) => w.wave === wave) : undefined;
  };
  const measure = (
    id: 'satisfaction' | 'nps',
    label: string,
    pick: (r: SurveyResponse) => number | undefined,
  ) => {
    const w = headline(pick);
    out.add('Outcomes', id, `${label}${w ? `, ${w.wave}` : ''}`, w?.[id] ?? null, 'number', t[id]);
  };
  measure('satisfaction', 'Satisfaction (1-5)', (r) => r.measures.satisfaction);
  measure('nps', 'Net Promoter Score (-100..100)', (r) => r.measures.recommend);
  // Goal progress per side: mentees' goals and mentors' view of them are not one figure.
  const goalW = headline((r) => r.measures.goalProgress);
  for (const side of ['mentee', 'mentor'] as const)
    out.add(
      'Outcomes',
      `goalProgress.${side}`,
      `Goal progress (1-5)${goalW ? `, ${goalW.wave}` : ''}, ${side}s`,
      (side === 'mentee' ? goalW?.goalProgressMentee : goalW?.goalProgressMentor) ?? null,
      'number',
      t.goalProgress,
    );
  addRetention(facts, (...kpi) => out.add(...kpi));
  const anyMatch = facts.activeMatches.length > 0;
  out.add('Outcomes', 'atRiskPairs', 'Pairs at risk', anyMatch ? atRisk.length : null, 'integer');
  if (facts.linked.unknown.length)
    warnings.push(
      `${facts.linked.unknown.length} survey response(s) from emails not in the program (listed in the Survey sheets)`,
    );
}

/** Growth: people who answered the baseline questions twice, their change and who improved. */
function growthKpis(g: Growth, out: KpiList): void {
  const span = `${g.fromWave} to ${g.toWave}`;
  out.add(
    'Growth',
    'growth.people',
    `People who answered the baseline questions at ${g.fromWave} and ${g.toWave}`,
    g.all.people,
    'integer',
  );
  out.add('Growth', 'growth.improved', `Self-ratings improved, ${span}`, g.all.improved, 'percent');
  out.add(
    'Growth',
    'growth.change',
    `Average change in self-rating (points on 1-5), ${span}`,
    g.all.change,
    'number',
  );
  for (const side of ['mentee', 'mentor'] as const)
    if (g[side].people)
      out.add(
        'Growth',
        `growth.improved.${side}`,
        `Self-ratings improved, ${span}, ${side}s (of ${g[side].people})`,
        g[side].improved,
        'percent',
      );
}

/**
 * Computes every KPI, the per-wave survey stats, pair health, breakdowns and the cohort comparison.
 * Each Summary section has its own function above; this only puts them together in order.
 */
export function computeKpis(input: KpiInput, options: KpiOptions = {}): KpiReport {
  const facts = buildFacts(input);
  const { config } = input;
  const out = new KpiList();
  const warnings: string[] = [];
  enrolmentKpis(facts, out);
  matchingKpis(facts, out, warnings);
  meetingKpis(facts, out, warnings);
  const waves = waveStats(facts);
  surveyKpis(facts, waves, out);
  const atRisk = sortBySeverity(facts.pairs);
  outcomeKpis(facts, waves, atRisk, out, warnings);
  const growth = computeGrowth(facts, input.surveyColumns ?? [], input.vocab);
  if (growth) growthKpis(growth, out);

  const sensitive = new Set(config.participants.sensitiveAttributes.map((a) => a.toLowerCase()));
  const breakdowns = (options.by ?? []).map((f) =>
    breakdownBy(facts, f, sensitive.has(f.toLowerCase())),
  );
  const report: KpiReport = {
    program: config.program.name,
    generatedAt: input.now.toISOString(),
    kpis: out.items,
    waves,
    pairs: facts.pairs,
    atRisk,
    atRiskByReason: reasonCounts(atRisk, config.surveys.riskItems.length > 0),
    unknownResponses: facts.linked.unknown,
    linked: facts.linked,
    breakdowns,
    surveyItems: surveyItemStats(facts, input.surveyColumns ?? [], input.vocab),
    warnings,
  };
  if (growth) report.growth = growth;
  if (facts.current) report.currentWave = facts.current.name;
  const cohorts = compareCohorts(
    facts,
    breakdowns.find((b) => b.field.toLowerCase() === 'cohort'),
  );
  if (cohorts) report.cohorts = cohorts;
  if (input.outcomes?.length)
    report.outcomes = compareOutcomes(
      input.outcomes,
      input.participants,
      input.matches,
      config,
      input.now,
    );
  return report;
}
