import type { BipartiteInstance, BipartiteResult } from '../../src/core/solvers/assign.js';

/**
 * Exact exhaustive oracle for small instances, for tests only: tries every set of allowed mentors
 * (up to the demand) for each mentee in turn, memoised on the vector of remaining capacities.
 * Compares (matchedUnits, totalWeight) lexicographically. Independent of the flow solver.
 */
export function bruteForceAssign(inst: BipartiteInstance): BipartiteResult {
  const { nLeft, offsets, targets, weights, rightCapacity } = inst;
  const demand = inst.leftDemand ?? new Int32Array(nLeft).fill(1);
  const memo = new Map<string, { units: number; weight: number; edges: number[] }>();

  const solve = (i: number, cap: number[]): { units: number; weight: number; edges: number[] } => {
    if (i === nLeft) return { units: 0, weight: 0, edges: [] };
    const key = `${i}:${cap.join(',')}`;
    const hit = memo.get(key);
    if (hit) return hit;
    let best = { units: -1, weight: -1, edges: [] as number[] };
    const edges: number[] = [];
    for (let e = offsets[i]; e < offsets[i + 1]; e++) edges.push(e);
    // Every subset of this mentee's edges of size <= demand (distinct mentors by construction).
    const subsets = 1 << edges.length;
    for (let mask = 0; mask < subsets; mask++) {
      const chosen = edges.filter((_, k) => (mask >> k) & 1);
      if (chosen.length > demand[i]) continue;
      if (chosen.some((e) => cap[targets[e]] <= 0)) continue;
      const next = cap.slice();
      for (const e of chosen) next[targets[e]]--;
      const rest = solve(i + 1, next);
      const units = rest.units + chosen.length;
      const weight = rest.weight + chosen.reduce((s, e) => s + weights[e], 0);
      if (units > best.units || (units === best.units && weight > best.weight + 1e-12)) {
        best = { units, weight, edges: [...chosen, ...rest.edges] };
      }
    }
    memo.set(key, best);
    return best;
  };

  const r = solve(
    0,
    Array.from(rightCapacity, (c) => Math.max(0, c)),
  );
  const edgeIndex = Int32Array.from(r.edges.sort((a, b) => a - b));
  return { edgeIndex, matchedUnits: r.units, totalWeight: r.weight };
}

/**
 * Second independent oracle for medium instances (tests only): textbook successive shortest paths
 * from a super-source with Bellman-Ford on the residual graph, cost (maxWeight - w) per edge, until
 * no augmenting path is left (min-cost maximum flow). No potentials, no heap, no lazy scans.
 */
export function referenceAssign(inst: BipartiteInstance): BipartiteResult {
  const { nLeft, nRight, offsets, targets, weights, rightCapacity } = inst;
  const demand = inst.leftDemand ?? new Int32Array(nLeft).fill(1);
  const E = targets.length;
  const maxW = Math.max(0, ...weights);
  const S = nLeft + nRight;
  const T = S + 1;
  const V = T + 1;
  // Arc list: from, to, cap, cost; arc k ^ 1 is its reverse.
  const from: number[] = [],
    to: number[] = [],
    cap: number[] = [],
    cost: number[] = [];
  const add = (u: number, v: number, c: number, w: number) => {
    from.push(u, v);
    to.push(v, u);
    cap.push(c, 0);
    cost.push(w, -w);
  };
  for (let i = 0; i < nLeft; i++) add(S, i, Math.max(0, demand[i]), 0);
  const edgeArc: number[] = [];
  for (let i = 0; i < nLeft; i++) {
    for (let e = offsets[i]; e < offsets[i + 1]; e++) {
      edgeArc[e] = from.length;
      add(i, nLeft + targets[e], 1, maxW - weights[e]);
    }
  }
  for (let j = 0; j < nRight; j++) add(nLeft + j, T, Math.max(0, rightCapacity[j]), 0);
  for (;;) {
    const dist = new Array<number>(V).fill(Infinity);
    const via = new Array<number>(V).fill(-1);
    dist[S] = 0;
    for (let round = 0; round < V; round++) {
      let changed = false;
      for (let k = 0; k < from.length; k++) {
        if (cap[k] > 0 && dist[from[k]] + cost[k] < dist[to[k]] - 1e-9) {
          dist[to[k]] = dist[from[k]] + cost[k];
          via[to[k]] = k;
          changed = true;
        }
      }
      if (!changed) break;
    }
    if (dist[T] === Infinity) break;
    for (let v = T; v !== S; v = from[via[v]]) {
      cap[via[v]]--;
      cap[via[v] ^ 1]++;
    }
  }
  const chosen: number[] = [];
  for (let e = 0; e < E; e++) if (cap[edgeArc[e]] === 0) chosen.push(e);
  return {
    edgeIndex: Int32Array.from(chosen),
    matchedUnits: chosen.length,
    totalWeight: chosen.reduce((s, e) => s + weights[e], 0),
  };
}
