/**
 * Builds the stable-matching instance (rankings) from the candidate graph: explicit rankings first,
 * then scores.
 */

import type { Participant } from '../types.js';
import type { CandidateGraph } from './candidates.js';
import { norm } from '../keys.js';
import type { StableInstance } from '../solvers/stable.js';

/**
 * Score of edge (i, j) in the graph, or -1 when the pair is not allowed (targets are ascending per
 * mentee).
 */
export function edgeScore(g: CandidateGraph, i: number, j: number): number {
  let lo = g.offsets[i],
    hi = g.offsets[i + 1] - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1,
      t = g.targets[mid];
    if (t === j) return g.weights[mid];
    if (t < j) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

function rankMap(person: Participant, others: Participant[]): Map<number, number> {
  const want = [...new Set((person.preferences ?? []).map(norm).filter(Boolean))];
  const out = new Map<number, number>();
  others.forEach((o, k) => {
    const pos = want.findIndex((w) => w === norm(o.email) || w === norm(o.name));
    if (pos >= 0) out.set(k, pos + 1);
  });
  return out;
}

/**
 * Mentee preference lists over allowed mentors and a mentor ranking; `active` restricts to some
 * mentees.
 */
export function buildStableInstance(
  g: CandidateGraph,
  mentees: Participant[],
  mentors: Participant[],
  capacity: Int32Array,
  extra: Map<number, number> = new Map(),
): StableInstance {
  const menteePrefs: number[][] = [];
  for (let i = 0; i < mentees.length; i++) {
    const explicit =
      (mentees[i].preferences?.length ?? 0) > 0 ? rankMap(mentees[i], mentors) : undefined;
    const from = g.offsets[i];
    const edges = new Int32Array(g.offsets[i + 1] - from);
    for (let k = 0; k < edges.length; k++) edges[k] = from + k;
    // Explicit ranking first, then higher score, then input order: deterministic.
    const ex = (e: number) => explicit?.get(g.targets[e]) ?? Infinity;
    edges.sort(
      explicit
        ? (a, b) => ex(a) - ex(b) || g.weights[b] - g.weights[a] || a - b
        : (a, b) => g.weights[b] - g.weights[a] || a - b,
    );
    const prefs = Array.from(edges, (e) => g.targets[e]);
    const x = extra.get(i);
    if (x !== undefined && !prefs.includes(x)) prefs.push(x);
    menteePrefs.push(prefs);
  }
  const mentorExplicit = mentors.map((m) =>
    (m.preferences?.length ?? 0) > 0 ? rankMap(m, mentees) : undefined,
  );
  const n = Math.max(1, mentees.length);
  const mentorRank = (j: number, i: number): number => {
    const pos = mentorExplicit[j]?.get(i);
    if (pos !== undefined) return pos;
    const sc = edgeScore(g, i, j);
    return 1e6 + (1e6 - Math.max(sc, -1)) * 16384 + i / n;
  };
  return { menteePrefs, mentorRank, capacity: Array.from(capacity) };
}
