/**
 * Runs one matching for any mentoring model: builds candidates, fixes kept/manual pairs, calls the
 * exact solvers.
 */

import type { Match, Participant, Problem } from '../types.js';
import { assignMaxWeight } from '../solvers/assign.js';
import {
  buildCandidates,
  RULE_SLOTS,
  type CandidateGraph,
  type GivenScores,
} from './candidates.js';
import { brokenRules, ruleWords } from './rules.js';
import { scorePair } from './score.js';
import { norm } from '../keys.js';
import { blockingPairs, stableMatching } from '../solvers/stable.js';
import { buildStableInstance } from './stable-prefs.js';
import { unmatchedReason, type UnmatchedMentee } from './unmatched.js';
import { bestOf, runPeer } from './peer.js';
import { pairArraysToCsr } from './pair-arrays.js';
import { givenArrays, type ChosenPair, type MatchOutcome, type MatchRequest } from './request.js';

/** Up to this many candidate pairs, blocking pairs are counted without --audit. */
const BLOCKING_AUTO_EDGES = 100_000;

const warn = (code: string, message: string, hint?: string): Problem => ({
  severity: 'warning',
  code,
  message,
  hint,
});

/** Mentees and mentors of a bipartite model: role "both" people are on both sides. */
export function sidesOf(participants: Participant[]): {
  mentees: Participant[];
  mentors: Participant[];
} {
  const active = participants.filter((p) => p.status !== 'withdrawn');
  return {
    mentees: active.filter((p) => p.role !== 'mentor'),
    mentors: active.filter((p) => p.role !== 'mentee'),
  };
}

/** The score of pair (i, j) in a CSR of outside scores, or undefined. */
function csrScore(g: GivenScores, i: number, j: number): number | undefined {
  let lo = g.offsets[i],
    hi = g.offsets[i + 1] - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (g.targets[mid] === j) return g.scores[mid];
    if (g.targets[mid] < j) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}

/** Runs the matching described by `req`. */
export function runMatching(req: MatchRequest): MatchOutcome {
  if (req.model === 'peer') return runPeer(req);
  const s = req.settings;
  const { mentees, mentors } = sidesOf(req.participants);
  const nL = mentees.length,
    nR = mentors.length;
  // One-to-one and group both honour each mentor's capacity: the model decides how they meet
  // (separate or shared slots), not how many mentees a mentor takes.
  const capacity = Int32Array.from(mentors, (p) => Math.max(0, p.capacity ?? req.defaultCapacity));
  const demand = new Int32Array(nL).fill(req.model === 'team' ? req.mentorsPerMentee : 1);
  const problems: Problem[] = [];
  const li = new Map(mentees.map((p, i) => [norm(p.email), i])),
    ri = new Map(mentors.map((p, j) => [norm(p.email), j]));
  let givenCsr: GivenScores | undefined;
  const fixedGiven = new Map<number, number | undefined>();
  if (req.given) {
    const arrays = givenArrays(req.given);
    const built = pairArraysToCsr(arrays, mentees, mentors);
    arrays.release();
    givenCsr = built.csr;
    const d = built.firstDuplicate;
    if (d)
      problems.push(
        warn(
          'pair-scores-duplicate',
          `${arrays.file || 'the pair-scores file'}: ${built.duplicates} pair(s) listed more than once (row ${d.line} repeats ${d.mentee} – ${d.mentor} from row ${d.earlierLine}); the later row wins`,
          'Delete the repeated rows to silence this',
        ),
      );
    // Scores of fixed pairs are read now: buildCandidates reuses the CSR's arrays for its output.
    for (const m of [...req.manual, ...req.keep]) {
      const i = li.get(norm(m.mentee)),
        j = ri.get(norm(m.mentor));
      if (i !== undefined && j !== undefined) fixedGiven.set(i * nR + j, csrScore(givenCsr, i, j));
    }
  }
  const graph = buildCandidates(mentees, mentors, s, givenCsr);
  givenCsr = undefined;
  const pairs: ChosenPair[] = [];
  const fixed = new Set<number>();
  const left = Int32Array.from(capacity),
    need = Int32Array.from(demand);
  const fix = (i: number, j: number, origin: Match['origin'], score: number) => {
    if (fixed.has(i * nR + j) || need[i] <= 0) return false;
    fixed.add(i * nR + j);
    left[j]--;
    need[i]--;
    pairs.push({ i, j, score, origin });
    return true;
  };
  for (const m of req.manual) {
    const i = li.get(norm(m.mentee)),
      j = ri.get(norm(m.mentor));
    if (i === undefined || j === undefined) {
      problems.push(
        warn(
          'manual-inactive',
          `manual pair ${m.mentee} – ${m.mentor} skipped: one of them is withdrawn or not on that side`,
        ),
      );
      continue;
    }
    const { score, broken } = fixedScore(i, j);
    if (broken.length)
      problems.push(
        warn(
          'manual-rule',
          `manual pair ${m.mentee} – ${m.mentor} breaks a hard rule (${broken.join('; ')}); kept because you fixed it`,
        ),
      );
    if (left[j] <= 0)
      problems.push(
        warn(
          'manual-capacity',
          `manual pair ${m.mentee} – ${m.mentor} puts ${mentors[j].name || m.mentor} over capacity`,
        ),
      );
    fix(i, j, 'manual', score);
  }
  for (const k of req.keep) {
    const i = li.get(norm(k.mentee)),
      j = ri.get(norm(k.mentor));
    // someone withdrew: the pair is dropped (the diff says so)
    if (i === undefined || j === undefined) continue;
    const { score, broken } = fixedScore(i, j);
    if (broken.length)
      problems.push(
        warn(
          'kept-rule',
          `kept pair ${k.mentee} – ${k.mentor} now breaks a hard rule (${broken.join('; ')})`,
          'End it with `mentor-cli unmatch` if it should go',
        ),
      );
    fix(i, j, 'kept', score);
  }
  // The open problem: mentees still needing mentors, mentors' remaining capacity, fixed pairs left
  // out.
  const lefts: number[] = [];
  for (let i = 0; i < nL; i++) if (need[i] > 0) lefts.push(i);
  const sub = subGraph(graph, lefts, fixed, nR);
  const off = sub.offsets;
  const rightCapacity = Int32Array.from(left, (x) => Math.max(0, x));
  const inst = {
    nLeft: lefts.length,
    nRight: nR,
    rightCapacity,
    leftDemand: Int32Array.from(lefts, (i) => need[i]),
    offsets: off,
    targets: sub.targets,
    weights: sub.weights,
  };
  const fixedCount = pairs.length;
  const opt = assignMaxWeight(inst);
  let optimalMatched: number | undefined;
  let chosen: number[] = Array.from(opt.edgeIndex);
  if (req.algorithm === 'stable') {
    const st = stableMatching(
      buildStableInstance(
        sub,
        lefts.map((i) => mentees[i]),
        mentors,
        rightCapacity,
      ),
    );
    chosen = [];
    lefts.forEach((_, a) => {
      const j = st.menteeTo[a];
      if (j >= 0)
        for (let e = off[a]; e < off[a + 1]; e++) if (inst.targets[e] === j) chosen.push(e);
    });
    optimalMatched = fixedCount + opt.edgeIndex.length;
  }
  const edgeLeft = new Int32Array(sub.targets.length);
  lefts.forEach((_, a) => edgeLeft.fill(a, off[a], off[a + 1]));
  for (const e of chosen)
    pairs.push({
      i: lefts[edgeLeft[e]],
      j: inst.targets[e],
      score: inst.weights[e],
      origin: req.algorithm,
    });
  pairs.sort((a, b) => a.i - b.i || a.j - b.j);
  const got = new Int32Array(nL);
  const used = new Int32Array(nR);
  for (const p of pairs) {
    got[p.i]++;
    used[p.j]++;
  }
  const unmatched: UnmatchedMentee[] = [];
  for (let i = 0; i < nL; i++) {
    if (got[i] >= demand[i]) continue;
    const best = bestOf(graph, i, mentors, mentees[i], s);
    unmatched.push(
      unmatchedReason(
        {
          mentee: mentees[i],
          mentorCount: nR,
          blocked: graph.blocked.subarray(i * RULE_SLOTS, (i + 1) * RULE_SLOTS),
          allowed: graph.offsets[i + 1] - graph.offsets[i],
          best,
          algorithm: req.algorithm,
          demand: demand[i],
          got: got[i],
        },
        s,
      ),
    );
  }
  let blocking: number | undefined;
  // Counting blocking pairs builds full rankings of every mentee and mentor: done when asked
  // (--audit), for stable runs, or on small programs where it costs a few milliseconds.
  if (
    req.model !== 'team' &&
    (req.audit || req.algorithm === 'stable' || graph.targets.length <= BLOCKING_AUTO_EDGES)
  ) {
    const menteeTo = new Int32Array(nL).fill(-1),
      extra = new Map<number, number>();
    for (const p of pairs) {
      menteeTo[p.i] = p.j;
      extra.set(p.i, p.j);
    }
    blocking = blockingPairs(
      buildStableInstance(graph, mentees, mentors, capacity, extra),
      menteeTo,
    ).length;
  }
  return {
    model: req.model,
    algorithm: req.algorithm,
    mentees,
    mentors,
    capacity,
    demand,
    graph,
    pairs,
    unmatched,
    problems,
    optimalMatched,
    blockingPairs: blocking,
  };

  function fixedScore(i: number, j: number): { score: number; broken: string[] } {
    const g = fixedGiven.get(i * nR + j);
    const score = g ?? (req.given ? 0 : scorePair(mentees[i], mentors[j], s).score);
    const broken = brokenRules(mentees[i], mentors[j], s, score).map((c) => ruleWords(c, s).some);
    return { score, broken };
  }
}

/**
 * The graph restricted to mentees `lefts`, without pairs already fixed (no copy when nothing is
 * left out).
 */
function subGraph(
  g: CandidateGraph,
  lefts: number[],
  fixed: Set<number>,
  nR: number,
): CandidateGraph {
  if (lefts.length === g.offsets.length - 1 && fixed.size === 0) return g;
  const offsets = new Int32Array(lefts.length + 1);
  let n = 0;
  for (const i of lefts) n += g.offsets[i + 1] - g.offsets[i];
  const targets = new Int32Array(n),
    weights = new Float64Array(n);
  let k = 0;
  lefts.forEach((i, a) => {
    offsets[a] = k;
    for (let e = g.offsets[i]; e < g.offsets[i + 1]; e++) {
      if (fixed.size && fixed.has(i * nR + g.targets[e])) continue;
      targets[k] = g.targets[e];
      weights[k++] = g.weights[e];
    }
  });
  offsets[lefts.length] = k;
  return {
    offsets,
    targets: targets.slice(0, k),
    weights: weights.slice(0, k),
    blocked: g.blocked,
  };
}
