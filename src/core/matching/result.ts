/**
 * Turns a run's outcome into stored Match records, the run record, the diff and the JSON/summary
 * document.
 */

import type { Match, Participant } from '../types.js';
import { auditMatching, type MatchAudit } from './audit.js';
import { diffMatchings, type PairChange } from './diff.js';
import { explainPair } from './explain.js';
import type { MatchOutcome } from './request.js';
import { brokenRules, ruleWords } from './rules.js';
import { preferenceRank, type MatchSettings } from './score.js';
import { norm } from '../keys.js';
import { matchId, type MatchRun } from './state.js';

/** The result document (stdout with --json, and what the summary renders). */
export interface MatchReport {
  model: string;
  algorithm: string;
  scores: string;
  dryRun: boolean;
  mentees: number;
  matched: number;
  averageScore: number | null;
  lowestScore: number | null;
  mentorUtilisation: { used: number; capacity: number; rate: number | null };
  pairs: Array<{
    mentee: string;
    menteeName: string;
    mentor: string;
    mentorName: string;
    score: number;
    origin: string;
    reasons: string[];
    sensitiveReasons?: string[];
  }>;
  weakest: Array<{ mentee: string; mentor: string; score: number }>;
  unmatched: MatchRun['unmatched'];
  /**
   * With --algorithm stable: how many more mentees stay unmatched than under the optimal matching.
   */
  stable?: { optimalMatched: number; moreUnmatched: number };
  blockingPairs: number | null;
  changes: PairChange[];
  audit?: MatchAudit;
  warnings: string[];
}

/** Everything needed to finish a run. */
export interface FinishInput {
  outcome: MatchOutcome;
  settings: MatchSettings;
  participants: Participant[];
  previous: Match[];
  previousRun?: MatchRun;
  now: Date;
  cohort?: string;
  scores: string;
  givenFile?: string;
  by: string[];
  includeSensitive: boolean;
  dryRun: boolean;
}

/** Builds stored matches, the run record and the report. */
export function finishRun(f: FinishInput): {
  matches: Match[];
  run: MatchRun;
  report: MatchReport;
} {
  const o = f.outcome,
    s = f.settings;
  const prevByKey = new Map(f.previous.map((m) => [`${norm(m.mentee)}|${norm(m.mentor)}`, m]));
  const matches: Match[] = o.pairs.map((p) => {
    const mentee = o.mentees[p.i],
      mentor = o.mentors[p.j];
    const x = explainPair(
      mentee,
      mentor,
      s,
      f.givenFile ? { score: p.score, file: f.givenFile } : undefined,
    );
    const prev = prevByKey.get(`${norm(mentee.email)}|${norm(mentor.email)}`);
    const m: Match = {
      id: matchId(mentee.email, mentor.email),
      mentee: mentee.email,
      mentor: mentor.email,
      score: p.score,
      reasons: x.reasons,
      status: 'active',
      origin: p.origin,
      createdAt: prev?.createdAt ?? f.now.toISOString(),
    };
    if (x.sensitiveReasons.length) m.sensitiveReasons = x.sensitiveReasons;
    if (f.cohort) m.cohort = f.cohort;
    return m;
  });
  const audit = auditMatching(o, f.by, s);
  const byEmail = new Map(f.participants.map((p) => [norm(p.email), p]));
  const prevPeople = new Set((f.previousRun?.people ?? []).map(norm));
  const unmatchedBy = new Map(o.unmatched.map((u) => [norm(u.email), u.reason]));
  const changes =
    f.previousRun || f.previous.length
      ? diffMatchings(f.previous, matches, {
          status: (e) => {
            const p = byEmail.get(norm(e));
            return !p ? 'absent' : p.status === 'withdrawn' ? 'withdrawn' : 'active';
          },
          isNew: (e) => f.previousRun !== undefined && !prevPeople.has(norm(e)),
          blockedWhy: (a, b) => {
            const x = byEmail.get(norm(a)),
              y = byEmail.get(norm(b));
            if (!x || !y) return undefined;
            const r = brokenRules(x, y, s);
            return r.length ? r.map((c) => ruleWords(c, s).some).join('; ') : undefined;
          },
          unmatchedWhy: (e) => unmatchedBy.get(norm(e)),
          nameOf: (e) => byEmail.get(norm(e))?.name ?? '',
          algorithm: o.algorithm,
          preferenceRank: (a, b) => {
            const x = byEmail.get(norm(a)),
              y = byEmail.get(norm(b));
            return x && y ? preferenceRank(x, y) : 0;
          },
        })
      : [];
  const capacity = o.model === 'peer' ? 0 : o.capacity.reduce((x, y) => x + y, 0);
  const used = o.model === 'peer' ? 0 : o.pairs.length;
  const sorted = [...matches].sort((a, b) => a.score - b.score || a.mentee.localeCompare(b.mentee));
  const nameOf = (e: string) => byEmail.get(norm(e))?.name ?? '';
  const report: MatchReport = {
    model: o.model,
    algorithm: o.algorithm,
    scores: f.scores,
    dryRun: f.dryRun,
    mentees: audit.mentees,
    matched: audit.matched,
    averageScore: audit.averageScore,
    lowestScore: audit.minScore,
    mentorUtilisation: {
      used,
      capacity,
      rate: capacity ? Math.round((used / capacity) * 1000) / 1000 : null,
    },
    pairs: matches.map((m) => ({
      mentee: m.mentee,
      menteeName: nameOf(m.mentee),
      mentor: m.mentor,
      mentorName: nameOf(m.mentor),
      score: m.score,
      origin: m.origin,
      reasons: m.reasons,
      ...(f.includeSensitive && m.sensitiveReasons ? { sensitiveReasons: m.sensitiveReasons } : {}),
    })),
    weakest: sorted
      .slice(0, 5)
      .map((m) => ({ mentee: m.mentee, mentor: m.mentor, score: m.score })),
    unmatched: o.unmatched,
    blockingPairs: o.blockingPairs ?? null,
    changes,
    warnings: o.problems.map((p) => p.message),
  };
  if (o.optimalMatched !== undefined)
    report.stable = {
      optimalMatched: o.optimalMatched,
      moreUnmatched: Math.max(0, o.optimalMatched - o.pairs.length),
    };
  const run: MatchRun = {
    id: `run-${f.now.toISOString()}`,
    at: f.now.toISOString(),
    model: o.model,
    algorithm: o.algorithm,
    scores: f.scores,
    mentees: audit.mentees,
    matched: audit.matched,
    totalScore: audit.totalScore,
    averageScore: audit.averageScore,
    minScore: audit.minScore,
    people: f.participants.filter((p) => p.status !== 'withdrawn').map((p) => p.email),
    unmatched: o.unmatched,
    audit,
  };
  return { matches, run, report };
}
