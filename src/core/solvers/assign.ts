import { InternalError } from '../../errors.js';
import { orderRowsByCost } from './csr.js';
import { solveTransport } from './transport.js';

/**
 * Capacitated bipartite instance in CSR form: mentees (left) with demand, mentors (right) with
 * capacity.
 */
export interface BipartiteInstance {
  nLeft: number; // mentees
  nRight: number; // mentors
  rightCapacity: Int32Array; // per mentor, >= 0
  leftDemand?: Int32Array; // per mentee, default 1 (team model: K distinct mentors per mentee)
  offsets: Int32Array; // allowed edges of left i are targets[offsets[i]..offsets[i+1])
  targets: Int32Array; // right indexes (no duplicates per left)
  weights: Float64Array; // edge scores, finite, >= 0
}

/**
 * Chosen edges (sorted indexes into targets/weights), the number of units and their total weight.
 */
export interface BipartiteResult {
  edgeIndex: Int32Array;
  matchedUnits: number;
  totalWeight: number;
}

// Weights are solved as integers: w * scale rounded, scale the largest power of ten (at most 1e9)
// keeping every scaled weight in int32 and the "stay unassigned" cost (units + 1) * maxScaled below
// 2^43, so potentials (sums of a few such costs) stay exact in float64. For scores 0..100 and
// 10,000 units that is a 1e-6 resolution; weights closer than that count as equal.
const MAX_SCALED = 2 ** 31 - 1;
const MAX_UNASSIGNED = 2 ** 43;
// Edges per row kept sorted for the lazy scan; searches on realistic data rarely read further.
const HEAD_SIZE = 128;

/**
 * Exact capacitated assignment: first the maximum number of (mentee, mentor) units, then among
 * those the maximum total weight. Deterministic (ties go to lower indexes). Min-cost flow with
 * cost (maxWeight - w) and a per-unit "unassigned" cost above any weight difference.
 */
export function assignMaxWeight(inst: BipartiteInstance): BipartiteResult {
  const { nLeft, nRight, offsets, targets, weights, rightCapacity } = inst;
  const demand = inst.leftDemand ?? new Int32Array(nLeft).fill(1);
  const E = targets.length;
  if (
    offsets.length !== nLeft + 1 ||
    weights.length !== E ||
    rightCapacity.length !== nRight ||
    demand.length !== nLeft
  ) {
    throw new InternalError('assignMaxWeight: inconsistent instance array lengths');
  }
  let maxW = 0;
  for (let e = 0; e < E; e++) {
    const w = weights[e];
    if (!(w >= 0) || w === Infinity)
      throw new InternalError(`assignMaxWeight: edge ${e} has weight ${w}`);
    if (w > maxW) maxW = w;
  }
  // A unit cannot use more mentors than it has edges, nor a mentor more mentees than edges.
  const supply = new Int32Array(nLeft);
  let units = 0;
  for (let i = 0; i < nLeft; i++) {
    supply[i] = Math.max(0, Math.min(demand[i], offsets[i + 1] - offsets[i]));
    units += supply[i];
  }
  let scale = 1e9;
  while (
    scale > 1e-300 &&
    maxW > 0 &&
    (maxW * scale > MAX_SCALED || (units + 1) * maxW * scale > MAX_UNASSIGNED)
  )
    scale /= 10;
  const maxScaled = Math.round(maxW * scale);
  const cost = new Int32Array(E);
  for (let e = 0; e < E; e++) cost[e] = maxScaled - Math.round(weights[e] * scale);
  const unassignedCost = (units + 1) * maxScaled + 1;

  const used = transportOriented(inst, supply, cost, unassignedCost);
  let count = 0;
  for (let e = 0; e < E; e++) count += used[e];
  const edgeIndex = new Int32Array(count);
  let totalWeight = 0;
  for (let e = 0, k = 0; e < E; e++) {
    if (used[e] === 1) {
      edgeIndex[k++] = e;
      totalWeight += weights[e];
    }
  }
  return { edgeIndex, matchedUnits: count, totalWeight };
}

/**
 * Runs the flow from the side with fewer units: when mentors offer fewer places than mentees ask
 * for, augmenting from mentor places keeps every shortest path short (most augmentations end at
 * a free place instead of searching the whole graph to prove a mentee must stay unassigned).
 */
function transportOriented(
  inst: BipartiteInstance,
  supply: Int32Array,
  cost: Int32Array,
  unassignedCost: number,
): Uint8Array {
  const { nLeft, nRight, offsets, targets, rightCapacity } = inst;
  const E = targets.length;
  const degR = new Int32Array(nRight + 1);
  for (let e = 0; e < E; e++) degR[targets[e] + 1]++;
  let leftUnits = 0;
  let rightUnits = 0;
  for (let i = 0; i < nLeft; i++) leftUnits += supply[i];
  const capR = new Int32Array(nRight);
  for (let j = 0; j < nRight; j++) {
    capR[j] = Math.max(0, Math.min(rightCapacity[j], degR[j + 1]));
    rightUnits += capR[j];
  }
  if (leftUnits <= rightUnits) {
    const tgt = targets.slice();
    const orig = identity(E);
    const rows = orderRowsByCost(nLeft, offsets, tgt, cost, orig, HEAD_SIZE);
    return mapBack(
      solveTransport(nLeft, nRight, offsets, tgt, cost, supply, capR, unassignedCost, rows),
      orig,
    );
  }

  // Transposed CSR: mentors become the supplying side; edge ids mapped back afterwards.
  for (let j = 0; j < nRight; j++) degR[j + 1] += degR[j];
  const fill = degR.slice(0, nRight);
  const tTgt = new Int32Array(E);
  const tCost = new Int32Array(E);
  const tEdge = new Int32Array(E);
  for (let i = 0; i < nLeft; i++) {
    for (let e = offsets[i]; e < offsets[i + 1]; e++) {
      const k = fill[targets[e]]++;
      tTgt[k] = i;
      tCost[k] = cost[e];
      tEdge[k] = e;
    }
  }
  const rows = orderRowsByCost(nRight, degR, tTgt, tCost, tEdge, HEAD_SIZE);
  const tUnassigned = (rightUnits + 1) * maxOf(cost) + 1;
  return mapBack(
    solveTransport(
      nRight,
      nLeft,
      degR,
      tTgt,
      tCost,
      capR,
      supply,
      Math.min(unassignedCost, tUnassigned),
      rows,
    ),
    tEdge,
  );
}

function identity(n: number): Int32Array {
  const a = new Int32Array(n);
  for (let k = 0; k < n; k++) a[k] = k;
  return a;
}

/** Flags in original edge order from flags in solver edge order. */
function mapBack(usedSorted: Uint8Array, orig: Int32Array): Uint8Array {
  const used = new Uint8Array(usedSorted.length);
  for (let k = 0; k < orig.length; k++) if (usedSorted[k] === 1) used[orig[k]] = 1;
  return used;
}

function maxOf(a: Int32Array): number {
  let m = 0;
  for (let k = 0; k < a.length; k++) if (a[k] > m) m = a[k];
  return m;
}

/**
 * Builds a CSR instance from a dense score matrix (NaN or -Infinity = forbidden). Convenience for
 * tests and --pair-scores.
 */
export function fromDense(
  scores: Float64Array,
  nLeft: number,
  nRight: number,
  rightCapacity: Int32Array,
  leftDemand?: Int32Array,
): BipartiteInstance {
  if (scores.length !== nLeft * nRight)
    throw new InternalError('fromDense: scores length is not nLeft * nRight');
  let E = 0;
  for (let k = 0; k < scores.length; k++) if (allowed(scores[k])) E++;
  const offsets = new Int32Array(nLeft + 1);
  const targets = new Int32Array(E);
  const weights = new Float64Array(E);
  let e = 0;
  for (let i = 0; i < nLeft; i++) {
    for (let j = 0, k = i * nRight; j < nRight; j++, k++) {
      if (!allowed(scores[k])) continue;
      targets[e] = j;
      weights[e++] = scores[k];
    }
    offsets[i + 1] = e;
  }
  return { nLeft, nRight, rightCapacity, leftDemand, offsets, targets, weights };
}

function allowed(s: number): boolean {
  return !Number.isNaN(s) && s !== -Infinity;
}
