/**
 * Fast candidate generation: every allowed (mentee, mentor) pair with its score, as CSR typed
 * arrays.
 */

import type { Participant } from '../types.js';
import { Rule } from './rules.js';
import {
  OVERLAP_SATURATION_MINUTES,
  enabledBase,
  ruleApplies,
  type MatchSettings,
} from './score.js';
import { norm } from '../keys.js';
import { Side, Interner, internAttr } from './profiles.js';

// perf: candidate pairs as CSR typed arrays, not per-pair objects (bench: match-solver.mjs,
//   match-cli.mjs)
/** Allowed pairs per mentee (CSR): targets are mentor indices ascending, weights the scores. */
export interface CandidateGraph {
  offsets: Int32Array;
  targets: Int32Array;
  weights: Float64Array;
  /**
   * Per mentee, how many mentors each rule (by Rule code, first broken rule) excluded: row i at [i
   * * RULE_SLOTS, ...).
   */
  blocked: Int32Array;
}

/** Width of one row of `blocked`. */
export const RULE_SLOTS = 16;

/** Scores given from outside (--pair-scores), CSR per mentee with mentor indices ascending. */
export interface GivenScores {
  offsets: Int32Array;
  targets: Int32Array;
  scores: Float64Array;
}

class Grow {
  n = 0;
  constructor(
    public t: Int32Array = new Int32Array(1 << 16),
    public w: Float64Array = new Float64Array(1 << 16),
  ) {}
  grow(): void {
    const t2 = new Int32Array(this.n * 2);
    t2.set(this.t);
    this.t = t2;
    const w2 = new Float64Array(this.n * 2);
    w2.set(this.w);
    this.w = w2;
  }
}

/**
 * Builds the candidate graph; reasons are not kept here (explain/unmatched recompute them for the
 * few that need them). With `given`, its targets/scores arrays are reused for the output (allowed
 * edges are a subset, written in order, never ahead of the edge being read): a 25 M-pair file needs
 * no second copy. Do not reuse `given` afterwards.
 */
export function buildCandidates(
  mentees: Participant[],
  mentors: Participant[],
  s: MatchSettings,
  given?: GivenScores,
): CandidateGraph {
  const m = s.matching,
    r = m.rules;
  const topicsI = new Interner(),
    wordsI = new Interner(),
    langI = new Interner(),
    deptI = new Interner(),
    cohortI = new Interner();
  const A = new Side(mentees, topicsI, wordsI, langI, deptI, cohortI, s);
  const B = new Side(mentors, topicsI, wordsI, langI, deptI, cohortI, s);
  const nL = mentees.length,
    nR = mentors.length;
  const base = enabledBase(m);
  const W: Record<string, number> = Object.create(null) as Record<string, number>;
  for (const c of base) W[c.id] = c.weight;
  const baseDen = base.reduce((x, c) => x + c.weight, 0);
  const wTop = W.topics ?? 0,
    wInt = W.interests ?? 0,
    wLang = W.language ?? 0,
    wAv = W.availability ?? 0,
    wSen = W.seniority ?? 0,
    wDep = W.department ?? 0,
    wCoh = W.cohort ?? 0,
    wPref = W.preferences ?? 0;
  const attr = m.attributeRules.map((rule) => ({ rule, ...internAttr(rule, mentees, mentors) }));
  const needOverlap = W.availability !== undefined || r.minOverlapHours > 0;
  const trained = Uint8Array.from(mentors, (p) => (p.trainingCompleted === true ? 1 : 0));
  const ban = new Uint8Array(nR),
    pref = new Int32Array(nR);
  const tw = new Int32Array(topicsI.size + 1),
    imark = new Uint8Array(wordsI.size + 1),
    lmark = new Uint8Array(langI.size + 1);
  const out = given ? new Grow(given.targets, given.scores) : new Grow();
  const offsets = new Int32Array(nL + 1);
  const blocked = new Int32Array(nL * RULE_SLOTS);
  const byEmail = indexBy(mentors, (p) => [norm(p.email)]);
  const byNameOrEmail = indexBy(mentors, (p) => [norm(p.email), norm(p.name)]);
  const avoidedBy = reverseAvoid(mentors, mentees);
  const byManager = indexBy(mentors, (p) => [norm(p.managerEmail)]);
  const partners = new Map<string, string[]>();
  if (!s.allowRepeat)
    for (const k of s.history) {
      const [x, y] = k.split('\n');
      (partners.get(x) ?? partners.set(x, []).get(x)!).push(y);
      (partners.get(y) ?? partners.set(y, []).get(y)!).push(x);
    }

  for (let i = 0; i < nL; i++) {
    offsets[i] = out.n;
    const p = mentees[i],
      me = norm(p.email);
    const touched: number[] = [];
    const mark = (j: number, code: number) => {
      if (!ban[j]) {
        ban[j] = code;
        touched.push(j);
      }
    };
    for (const j of byEmail.get(me) ?? []) mark(j, Rule.self);
    for (const x of p.avoid ?? [])
      for (const j of byNameOrEmail.get(norm(x)) ?? []) mark(j, Rule.avoid);
    for (const j of avoidedBy[i]) mark(j, Rule.avoid);
    if (r.excludeManagerLine) {
      for (const j of byEmail.get(norm(p.managerEmail)) ?? []) mark(j, Rule.manager);
      for (const j of byManager.get(me) ?? []) mark(j, Rule.manager);
    }
    if (r.excludeSameManagerTeam && norm(p.managerEmail))
      for (const j of byManager.get(norm(p.managerEmail)) ?? []) mark(j, Rule.sameManager);
    for (const y of partners.get(me) ?? [])
      for (const j of byEmail.get(y) ?? []) mark(j, Rule.repeat);
    // Mentee-side scratch: topic weights (or marks when reversed), interests, languages,
    // preferences.
    const [t0, t1] = [A.topicOff[i], A.topicOff[i + 1]],
      k = t1 - t0;
    for (let q = t0; q < t1; q++) tw[A.topicIds[q]] = m.reverse ? 1 : k - (q - t0);
    for (let q = A.intOff[i]; q < A.intOff[i + 1]; q++) imark[A.intIds[q]] = 1;
    for (let q = A.langOff[i]; q < A.langOff[i + 1]; q++) lmark[A.langIds[q]] = 1;
    const prefs = A.prefs[i],
      prefTouched: number[] = [];
    prefs.forEach((x, pos) => {
      for (const j of byNameOrEmail.get(x) ?? [])
        if (!pref[j]) {
          pref[j] = pos + 1;
          prefTouched.push(j);
        }
    });
    const na = A.intOff[i + 1] - A.intOff[i],
      nla = A.langOff[i + 1] - A.langOff[i];
    const applies = attr.map((a) => ruleApplies(a.rule, p));
    let den = baseDen;
    attr.forEach((a, x) => {
      if (a.rule.mode === 'prefer' && a.rule.weight > 0 && applies[x]) den += a.rule.weight;
    });
    const ia0 = A.avOff[i],
      ia1 = A.avOff[i + 1];
    const lvA = A.level[i],
      deptA = A.dept[i],
      cohA = A.cohort[i];

    const gFrom = given ? given.offsets[i] : 0,
      gTo = given ? given.offsets[i + 1] : nR;
    const row = i * RULE_SLOTS;
    if (given) blocked[row + Rule.notScored] = nR - (gTo - gFrom);
    for (let g = gFrom; g < gTo; g++) {
      const j = given ? given.targets[g] : g;
      if (ban[j]) {
        blocked[row + ban[j]]++;
        continue;
      }
      if (r.requireTraining && !trained[j]) {
        blocked[row + Rule.training]++;
        continue;
      }
      let sharedLang = 0;
      for (let q = B.langOff[j]; q < B.langOff[j + 1]; q++) sharedLang |= lmark[B.langIds[q]];
      if (r.requireSharedLanguage && nla > 0 && B.langOff[j + 1] > B.langOff[j] && !sharedLang) {
        blocked[row + Rule.language]++;
        continue;
      }
      const ov = needOverlap ? A.overlapWith(ia0, ia1, B, j) : 0;
      if (r.minOverlapHours > 0 && ov < r.minOverlapHours * 60) {
        blocked[row + Rule.overlap]++;
        continue;
      }
      const lvB = B.level[j],
        known = lvA === lvA && lvB === lvB,
        gap = lvB - lvA;
      const gapOk = known && gap >= r.seniorityGap.min && gap <= r.seniorityGap.max;
      if (r.seniorityGap.mode === 'require' && known && !gapOk) {
        blocked[row + Rule.seniority]++;
        continue;
      }
      const diffDept = deptA >= 0 && B.dept[j] >= 0 && deptA !== B.dept[j];
      if (r.differentDepartment === 'require' && deptA >= 0 && deptA === B.dept[j]) {
        blocked[row + Rule.department]++;
        continue;
      }
      if (r.sameCohort === 'require' && cohA >= 0 && B.cohort[j] >= 0 && cohA !== B.cohort[j]) {
        blocked[row + Rule.cohort]++;
        continue;
      }
      let attrFail = false;
      for (let x = 0; x < attr.length && !attrFail; x++)
        if (attr[x].rule.mode === 'require' && applies[x] && !attr[x].holds(i, j)) attrFail = true;
      if (attrFail) {
        blocked[row + Rule.attribute]++;
        continue;
      }
      let score: number;
      if (given) score = given.scores[g];
      else {
        // Same order of additions as scorePair, so both paths give bit-identical scores (a disabled
        // criterion adds 0).
        let num = 0;
        if (wTop) {
          let got = 0,
            sim = 0;
          if (!m.reverse) {
            for (let q = B.topicOff[j]; q < B.topicOff[j + 1]; q++) got += tw[B.topicIds[q]];
            sim = k ? got / ((k * (k + 1)) / 2) : 0;
          } else {
            const b0 = B.topicOff[j],
              kb = B.topicOff[j + 1] - b0;
            for (let q = 0; q < kb; q++) if (tw[B.topicIds[b0 + q]]) got += kb - q;
            sim = kb ? got / ((kb * (kb + 1)) / 2) : 0;
          }
          num += wTop * sim;
        }
        if (wInt) {
          let inter = 0;
          for (let q = B.intOff[j]; q < B.intOff[j + 1]; q++) inter += imark[B.intIds[q]];
          const union = na + (B.intOff[j + 1] - B.intOff[j]) - inter;
          num += wInt * (union ? inter / union : 0);
        }
        if (wLang) num += wLang * sharedLang;
        if (wAv) num += wAv * Math.min(1, ov / OVERLAP_SATURATION_MINUTES);
        if (wSen) num += wSen * (gapOk ? 1 : 0);
        if (wDep) num += wDep * (diffDept ? 1 : 0);
        if (wCoh) num += wCoh * (cohA >= 0 && cohA === B.cohort[j] ? 1 : 0);
        if (wPref) num += wPref * (pref[j] > 0 ? (prefs.length - pref[j] + 1) / prefs.length : 0);
        for (let x = 0; x < attr.length; x++) {
          const a = attr[x];
          if (a.rule.mode === 'prefer' && a.rule.weight > 0 && applies[x])
            num += a.rule.weight * (a.holds(i, j) ? 1 : 0);
        }
        score = den > 0 ? Math.round(((100 * num) / den) * 100) / 100 : 0;
      }
      if (score < s.minScore) {
        blocked[row + Rule.minScore]++;
        continue;
      }
      if (out.n === out.t.length) out.grow();
      out.t[out.n] = j;
      out.w[out.n++] = score;
    }
    for (const j of touched) ban[j] = 0;
    for (const j of prefTouched) pref[j] = 0;
    for (let q = t0; q < t1; q++) tw[A.topicIds[q]] = 0;
    for (let q = A.intOff[i]; q < A.intOff[i + 1]; q++) imark[A.intIds[q]] = 0;
    for (let q = A.langOff[i]; q < A.langOff[i + 1]; q++) lmark[A.langIds[q]] = 0;
  }
  offsets[nL] = out.n;
  const keep = out.n === out.t.length || (given && out.n > out.t.length / 2);
  return {
    offsets,
    targets: keep ? out.t.subarray(0, out.n) : out.t.slice(0, out.n),
    weights: keep ? out.w.subarray(0, out.n) : out.w.slice(0, out.n),
    blocked,
  };
}

function indexBy(people: Participant[], keys: (p: Participant) => string[]): Map<string, number[]> {
  const map = new Map<string, number[]>();
  people.forEach((p, j) => {
    for (const k of new Set(keys(p))) if (k) (map.get(k) ?? map.set(k, []).get(k)!).push(j);
  });
  return map;
}

/** For each mentee, the mentors whose own avoid list names them. */
function reverseAvoid(mentors: Participant[], mentees: Participant[]): number[][] {
  const idx = indexBy(mentees, (p) => [norm(p.email), norm(p.name)]);
  const out: number[][] = mentees.map(() => []);
  mentors.forEach((p, j) => {
    for (const x of p.avoid ?? []) for (const i of new Set(idx.get(norm(x)) ?? [])) out[i].push(j);
  });
  return out;
}
