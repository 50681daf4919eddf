/**
 * Peer model: everyone active is paired among themselves by a maximum-weight matching in a general
 * graph.
 */

import type { Participant } from '../types.js';
import { buildCandidates, RULE_SLOTS, type CandidateGraph } from './candidates.js';
import { maxWeightMatching } from '../solvers/blossom.js';
import { topicSimilarity, type MatchSettings } from './score.js';
import { edgeScore } from './stable-prefs.js';
import { unmatchedReason, type UnmatchedMentee } from './unmatched.js';
import { symmetricPairs } from './pair-arrays.js';
import {
  givenArrays,
  givenToCsr,
  type ChosenPair,
  type MatchOutcome,
  type MatchRequest,
} from './request.js';

/**
 * The best allowed mentor of mentee i (highest score, then input order), with whether they share a
 * topic.
 */
export function bestOf(
  g: CandidateGraph,
  i: number,
  mentors: Participant[],
  mentee: Participant,
  s: MatchSettings,
): { name: string; score: number; sharesTopics: boolean } | undefined {
  let best = -1;
  for (let e = g.offsets[i]; e < g.offsets[i + 1]; e++)
    if (best < 0 || g.weights[e] > g.weights[best]) best = e;
  if (best < 0) return undefined;
  const m = mentors[g.targets[best]];
  const [w, o] = s.matching.reverse ? [m.topics, mentee.topics] : [mentee.topics, m.topics];
  return {
    name: m.name || m.email,
    score: g.weights[best],
    sharesTopics: topicSimilarity(w ?? [], o ?? []).shared.length > 0,
  };
}

/**
 * Peer matching: a pair is allowed when both directions pass the hard rules; its score is the mean
 * of both.
 */
export function runPeer(req: MatchRequest): MatchOutcome {
  const s = req.settings;
  const all = req.participants.filter((p) => p.status !== 'withdrawn');
  const index = new Map(all.map((p, k) => [p.email.toLowerCase(), k]));
  const taken = new Uint8Array(all.length);
  const pairs: ChosenPair[] = [];
  for (const [list, origin] of [
    [req.manual, 'manual'],
    [req.keep, 'kept'],
  ] as const) {
    for (const m of list) {
      const a = index.get(m.mentee.toLowerCase()),
        b = index.get(m.mentor.toLowerCase());
      if (a === undefined || b === undefined || a === b || taken[a] || taken[b]) continue;
      taken[a] = taken[b] = 1;
      pairs.push({ i: a, j: b, score: 'score' in m ? m.score : 0, origin });
    }
  }
  const pool = all.map((_, k) => k).filter((k) => !taken[k]);
  const people = pool.map((k) => all[k]);
  const given = req.given ? symmetricPairs(givenArrays(req.given)) : undefined;
  const g = buildCandidates(
    people,
    people,
    s,
    given ? givenToCsr(given, people, people) : undefined,
  );
  const edges: Array<[number, number, number]> = [];
  for (let a = 0; a < people.length; a++) {
    for (let e = g.offsets[a]; e < g.offsets[a + 1]; e++) {
      const b = g.targets[e];
      if (b <= a) continue;
      const back = edgeScore(g, b, a);
      if (back >= 0) edges.push([a, b, Math.round(((g.weights[e] + back) / 2) * 100) / 100]);
    }
  }
  const mate = maxWeightMatching(people.length, edges, true);
  const weight = new Map(edges.map(([a, b, w]) => [a * people.length + b, w]));
  for (let a = 0; a < people.length; a++) {
    const b = mate[a];
    if (b > a)
      pairs.push({
        i: pool[a],
        j: pool[b],
        score: weight.get(a * people.length + b) ?? 0,
        origin: 'peer',
      });
  }
  pairs.sort((x, y) => x.i - y.i || x.j - y.j);
  const degree = new Int32Array(people.length);
  for (const [a, b] of edges) {
    degree[a]++;
    degree[b]++;
  }
  const unmatched: UnmatchedMentee[] = [];
  people.forEach((p, a) => {
    if (mate[a] >= 0) return;
    const u = unmatchedReason(
      {
        mentee: p,
        mentorCount: people.length - 1,
        blocked: g.blocked.subarray(a * RULE_SLOTS, (a + 1) * RULE_SLOTS),
        allowed: degree[a],
        best: bestOf(g, a, people, p, s),
        algorithm: 'optimal',
        demand: 1,
        got: 0,
      },
      s,
    );
    if (u.code === 'capacity')
      u.reason = `all ${degree[a]} people they could be paired with were paired with others${people.length % 2 ? ' (odd number of people)' : ''}`;
    if (u.code === 'no-mentors') u.reason = 'nobody else is in the peer pool';
    unmatched.push(u);
  });
  const capacity = new Int32Array(all.length).fill(1);
  return {
    model: 'peer',
    algorithm: 'optimal',
    mentees: all,
    mentors: all,
    capacity,
    demand: new Int32Array(all.length).fill(1),
    graph: g,
    pairs,
    unmatched,
    problems: [],
  };
}
