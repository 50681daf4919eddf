/**
 * Pairs that need help: low satisfaction, a concern, too few meetings, or a missing answer to the
 * latest wave.
 */

import type { RiskItem, SurveyWave } from '../config.js';
import type { ColumnInfo } from './classify.js';
import { readOnScale } from './scale-detect.js';
import type { Match } from '../types.js';
import { type LinkedSurveys } from './link.js';
import { emailKey } from '../keys.js';
import { isRealConcern } from './scales.js';
import { DEFAULT_VOCABULARY, type Vocabulary } from './vocabulary.js';
import type { SurveyResponse } from './state.js';
import { orderedWaves } from './waves.js';
import type { MeetingsBy } from './meetings.js';

/** Why a pair is at risk (stable codes, plain-words text). */
export interface RiskReason {
  code: 'low-satisfaction' | 'concern' | 'low-rating' | 'few-meetings' | 'no-answer';
  text: string;
}

/** Severity order of the reasons: what the pair says first, then meetings, then silence. */
const RISK_ORDER: readonly RiskReason['code'][] = [
  'low-satisfaction',
  'concern',
  'low-rating',
  'few-meetings',
  'no-answer',
];

/**
 * One active pair with its survey facts and risk reasons (empty when fine), most severe reason
 * first.
 */
export interface PairHealth {
  match: Match;
  /** Meetings scheduled up to `now`. */
  scheduledToDate: number;
  /**
   * The meetings-held count used: of the two sides' most recent reports, the one closest to its
   * schedule.
   */
  meetingsHeld?: number;
  /** When that count was reported (submission time, else the wave's opening date), ISO. */
  heldReportedAt?: string;
  /** The survey wave that count comes from. */
  heldWave?: string;
  /** Meetings scheduled up to `heldReportedAt`: what `meetingsHeld` is compared with. */
  scheduledAtReport?: number;
  menteeSatisfaction?: number;
  mentorSatisfaction?: number;
  reasons: RiskReason[];
}

/** The satisfaction-at-risk threshold and the meetings ratio, as documented. */
const RISK_RULES = { maxSatisfaction: 2, minHeldRatio: 0.5 } as const;

/** A person's most recent response (latest wave they answered) that passes `has`. */
function mostRecent(
  linked: LinkedSurveys,
  order: readonly SurveyWave[],
  email: string,
  has: (r: SurveyResponse) => boolean,
): SurveyResponse | undefined {
  for (let i = order.length - 1; i >= 0; i--) {
    const r = linked.latest.get(order[i].name)?.get(email);
    if (r && has(r)) return r;
  }
  return undefined;
}

/** Custom rating questions that flag a pair (config surveys.riskItems), with the stored columns. */
export interface CustomRiskRules {
  items: readonly RiskItem[];
  /** SurveyState.columnSets: how each stored header set was classified. */
  columnSets: readonly ColumnInfo[][];
}
const NO_CUSTOM_RULES: CustomRiskRules = { items: [], columnSets: [] };

/**
 * One side's answers to the configured risk questions that are at or below the threshold: for each
 * question, the latest wave in which the person answered it on a readable scale speaks for them.
 */
function lowRatings(
  custom: CustomRiskRules,
  linked: LinkedSurveys,
  order: readonly SurveyWave[],
  email: string,
  side: 'mentee' | 'mentor',
  vocab: Vocabulary,
): RiskReason[] {
  const out: RiskReason[] = [];
  for (const item of custom.items) {
    const words = item.question.trim().toLowerCase();
    const valueIn = (r: SurveyResponse) => {
      const cols = custom.columnSets[r.headerSet] ?? [];
      for (let i = 0; i < cols.length; i++) {
        const c = cols[i];
        if ((c.kind !== 'rating' && c.kind !== 'matrix') || !c.scale) continue;
        if (!c.header.toLowerCase().includes(words)) continue;
        const v = readOnScale((r.answers[i] ?? '').trim(), c.scale, vocab);
        if (v?.kind === 'value') return { value: v.value, question: c.header };
      }
      return undefined;
    };
    const r = mostRecent(linked, order, email, (x) => valueIn(x) !== undefined);
    const got = r && valueIn(r);
    if (got && got.value <= item.atMost)
      out.push({
        code: 'low-rating',
        text: `${side} answered ${got.value} to "${got.question}" (${r.wave}; ${item.atMost} or lower flags a pair)`,
      });
  }
  return out;
}

/** The moment a response speaks for: its submission, else the end of its wave's opening day. */
function reportedAt(r: SurveyResponse, waves: readonly SurveyWave[]): Date | undefined {
  const ms = r.submittedAt ? Date.parse(r.submittedAt) : Number.NaN;
  if (!Number.isNaN(ms)) return new Date(ms);
  const w = waves.find((x) => x.name === r.wave);
  return w ? new Date(`${w.opens}T23:59:59Z`) : undefined;
}

/**
 * Assesses every active pair at `now` from the waves opened by then. `scheduled(match, asOf)` gives
 * the meetings scheduled up to a moment;
 * `current` is the latest wave opened. Each meetings-held report is compared with the meetings
 * scheduled when it was given, and only pairs that existed when `current` opened are expected to
 * have answered it.
 */
export function assessPairs(
  matches: readonly Match[],
  linked: LinkedSurveys,
  waves: readonly SurveyWave[],
  current: SurveyWave | undefined,
  scheduled: MeetingsBy,
  now: Date,
  vocab: Vocabulary = DEFAULT_VOCABULARY,
  custom: CustomRiskRules = NO_CUSTOM_RULES,
): PairHealth[] {
  const out: PairHealth[] = [];
  // Answers to a wave not open yet at `now` do not count, so that `--now` shows the program as it
  // was then.
  const day = now.toISOString().slice(0, 10);
  const order = orderedWaves(waves).filter((w) => w.opens <= day);
  for (const match of matches) {
    if (match.status !== 'active') continue;
    const sides = [
      ['mentee', emailKey(match.mentee)],
      ['mentor', emailKey(match.mentor)],
    ] as const;
    const reasons: RiskReason[] = [];
    const sat: Partial<Record<'mentee' | 'mentor', number>> = {};
    let best: { held: number; due: number; at: Date; ratio: number; wave: string } | undefined;
    for (const [side, email] of sides) {
      const s = mostRecent(linked, order, email, (r) => r.measures.satisfaction !== undefined)
        ?.measures.satisfaction;
      if (s !== undefined) sat[side] = s;
      if (s !== undefined && s <= RISK_RULES.maxSatisfaction)
        reasons.push({
          code: 'low-satisfaction',
          text: `${side} satisfaction ${Math.round(s * 100) / 100}/5`,
        });
      const last = mostRecent(linked, order, email, () => true);
      if (last && isRealConcern(last.measures.concerns, vocab))
        reasons.push({ code: 'concern', text: `${side} concern: ${last.measures.concerns}` });
      // A concern replaced by a later submission in the same wave is still shown, with its date.
      for (const old of (last && linked.superseded.get(last.wave)?.get(email)) ?? []) {
        const text = old.measures.concerns;
        if (!isRealConcern(text, vocab) || text === last?.measures.concerns) continue;
        const when = old.submittedAt?.slice(0, 10) ?? 'an earlier submission';
        reasons.push({ code: 'concern', text: `${side} concern (${when}, superseded): ${text}` });
      }
      for (const reason of lowRatings(custom, linked, order, email, side, vocab))
        reasons.push(reason);
      const report = mostRecent(linked, order, email, (r) => r.measures.meetingsHeld !== undefined);
      const at = report && reportedAt(report, waves);
      if (!report || !at) continue;
      const held = report.measures.meetingsHeld!;
      const due = scheduled(match, at);
      // Keep the report that looks best against its own date, so one side's low count does not
      // outvote the other's.
      const ratio = held / Math.max(due, 1);
      if (!best || ratio > best.ratio || (ratio === best.ratio && at > best.at))
        best = { held, due, at, ratio, wave: report.wave };
    }
    if (best && best.due > 0 && best.held < best.due * RISK_RULES.minHeldRatio) {
      reasons.push({
        code: 'few-meetings',
        text: `${best.held} of ${best.due} scheduled meetings held by ${best.at.toISOString().slice(0, 10)}`,
      });
    }
    if (current && !(match.createdAt && match.createdAt.slice(0, 10) > current.opens)) {
      const answered = linked.latest.get(current.name);
      for (const [side, email] of sides) {
        if (!answered?.has(email))
          reasons.push({
            code: 'no-answer',
            text: `${side} did not answer the ${current.name} survey`,
          });
      }
    }
    reasons.sort((a, b) => RISK_ORDER.indexOf(a.code) - RISK_ORDER.indexOf(b.code));
    const ph: PairHealth = { match, scheduledToDate: scheduled(match, now), reasons };
    if (best)
      Object.assign(ph, {
        meetingsHeld: best.held,
        heldReportedAt: best.at.toISOString(),
        heldWave: best.wave,
        scheduledAtReport: best.due,
      });
    if (sat.mentee !== undefined) ph.menteeSatisfaction = sat.mentee;
    if (sat.mentor !== undefined) ph.mentorSatisfaction = sat.mentor;
    out.push(ph);
  }
  return out;
}

/**
 * Orders at-risk pairs most severe first: by their worst reason, then by how many reasons, then by
 * pair id.
 */
export function bySeverity(a: PairHealth, b: PairHealth): number {
  const worst = (h: PairHealth) =>
    Math.min(...h.reasons.map((r) => RISK_ORDER.indexOf(r.code)), RISK_ORDER.length);
  return (
    worst(a) - worst(b) ||
    b.reasons.length - a.reasons.length ||
    (a.match.id < b.match.id ? -1 : a.match.id > b.match.id ? 1 : 0)
  );
}

/**
 * The pairs with at least one reason, sorted as bySeverity does (each pair's worst reason computed
 * once, not per comparison).
 */
export function sortBySeverity(pairs: readonly PairHealth[]): PairHealth[] {
  const worst = new Map(
    pairs.map((h) => [
      h,
      Math.min(...h.reasons.map((r) => RISK_ORDER.indexOf(r.code)), RISK_ORDER.length),
    ]),
  );
  return pairs
    .filter((h) => h.reasons.length > 0)
    .sort(
      (a, b) =>
        worst.get(a)! - worst.get(b)! ||
        b.reasons.length - a.reasons.length ||
        (a.match.id < b.match.id ? -1 : a.match.id > b.match.id ? 1 : 0),
    );
}

/**
 * How many pairs have each reason (a pair with two reasons counts under both), in severity order.
 */
export function reasonCounts(
  pairs: readonly PairHealth[],
  customRules = false,
): Array<{ code: RiskReason['code']; pairs: number }> {
  // 'low-rating' exists only where config sets surveys.riskItems, so it is listed only then.
  const codes = customRules ? RISK_ORDER : RISK_ORDER.filter((c) => c !== 'low-rating');
  return codes.map((code) => ({
    code,
    pairs: pairs.filter((h) => h.reasons.some((r) => r.code === code)).length,
  }));
}
