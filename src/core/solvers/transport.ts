import type { RowOrder } from './csr.js';
import { IndexedMinHeap } from './heap.js';

/**
 * Min-cost flow core of assignMaxWeight. Side A nodes supply `supply[a]` units, side B nodes
 * accept `capB[b]` units, each edge carries at most one unit at integer cost `cost[e]` >= 0, and
 * every A unit may instead stay unassigned at cost `unassignedCost` (a "dummy" arc to the sink, so
 * every unit always has a path and the flow is min cost over all flows saturating the supply).
 * Successive shortest paths from one A unit at a time, Dijkstra with Johnson potentials on a
 * binary heap, stopped as soon as the sink is reached; only settled nodes get potential updates
 * (the LAPJV / scipy trick). Rows come ordered by orderRowsByCost: B potentials never rise above
 * 0, so cost + piA is a lower bound of an arc's reduced cost and a row is scanned lazily, only as
 * far as the search radius reaches (a "continuation" entry in the heap resumes it). On dense
 * instances that skips most of each row. Returns, per edge, 1 when it is used.
 */
export function solveTransport(
  nA: number,
  nB: number,
  off: Int32Array,
  tgt: Int32Array,
  cost: Int32Array,
  supply: Int32Array,
  capB: Int32Array,
  unassignedCost: number,
  rows: RowOrder,
): Uint8Array {
  const { headEnd, tailBound } = rows;
  const E = tgt.length;
  const used = new Uint8Array(E);
  const slotStart = new Int32Array(nB + 1);
  for (let b = 0; b < nB; b++) slotStart[b + 1] = slotStart[b] + Math.max(0, capB[b]);
  const slotEdge = new Int32Array(slotStart[nB]);
  const slotRow = new Int32Array(slotStart[nB]);
  const load = new Int32Array(nB);
  const remaining = Int32Array.from(supply);
  // Potentials: reduced cost of a->b is cost + piA[a] - piB[b]; the sink's potential stays 0.
  const piA = new Float64Array(nA);
  const piB = new Float64Array(nB);

  // Warm start: row reduction, then give each A node its cheapest B nodes while capacity lasts.
  // Only tight arcs (reduced cost 0) are used, so the potentials stay dual feasible.
  for (let a = 0; a < nA; a++) {
    let min = Infinity;
    for (let e = off[a]; e < off[a + 1]; e++) if (cost[e] < min) min = cost[e];
    if (min === Infinity) continue;
    piA[a] = -min;
    for (let e = off[a]; e < off[a + 1] && remaining[a] > 0; e++) {
      const b = tgt[e];
      if (cost[e] !== min || load[b] >= capB[b]) continue;
      const s = slotStart[b] + load[b]++;
      slotEdge[s] = e;
      slotRow[s] = a;
      used[e] = 1;
      remaining[a]--;
    }
  }

  const N = nA + nB;
  // Heap entries: A nodes, B nodes, then one row-continuation entry per A node.
  const heap = new IndexedMinHeap(N + nA);
  const scanPos = new Int32Array(nA); // next unscanned edge of each settled A node
  const dist = heap.keys;
  dist.fill(Infinity);
  const settled = new Uint8Array(N);
  const pred = new Int32Array(N); // B node: edge that reached it; A node: slot that reached it
  const touched = new Int32Array(N);
  const order = new Int32Array(N);

  /** Relaxes the arcs of A node a (at distance da) whose lower bound is within the radius. */
  const scanRow = (a: number, da: number): void => {
    const base = da + piA[a];
    let radius = Math.min(heap.minKey(), best);
    const end = off[a + 1];
    const head = headEnd[a];
    let e = scanPos[a];
    for (; e < end; e++) {
      const c = cost[e];
      if (e < head) {
        if (base + c > radius) break;
      } else if (e === head && base + tailBound[a] > radius) {
        break; // the unsorted tail is read in one go once the radius reaches its lower bound
      }
      if (used[e] === 1) continue;
      const b = tgt[e];
      const w = nA + b;
      const nd = base + c - piB[b];
      if (nd < dist[w]) {
        if (settled[w] === 1) continue;
        if (dist[w] === Infinity) touched[nTouched++] = w;
        pred[w] = e;
        heap.push(w, nd);
        if (nd < radius) radius = nd;
      }
    }
    scanPos[a] = e;
    if (e < end) {
      const key = base + (e < head ? cost[e] : tailBound[a]);
      if (key < best) heap.push(N + a, key);
    }
  };
  let nTouched = 0;
  let best = Infinity; // distance of the sink in the current search

  for (let a0 = 0; a0 < nA; a0++) {
    while (remaining[a0] > 0) {
      remaining[a0]--;
      nTouched = 0;
      let nSettled = 0;
      best = Infinity;
      let bestFrom = -1; // node whose arc reaches the sink
      dist[a0] = 0;
      touched[nTouched++] = a0;
      heap.push(a0, 0);
      while (heap.size > 0 && heap.minKey() < best) {
        const v = heap.pop();
        const dv = heap.keys[v];
        if (v >= N) {
          scanRow(v - N, dist[v - N]);
        } else if (v < nA) {
          settled[v] = 1;
          order[nSettled++] = v;
          const viaDummy = dv + unassignedCost + piA[v];
          if (viaDummy < best) {
            best = viaDummy;
            bestFrom = v;
          }
          scanPos[v] = off[v];
          scanRow(v, dv);
        } else {
          settled[v] = 1;
          order[nSettled++] = v;
          const b = v - nA;
          const pb = piB[b];
          if (load[b] < capB[b] && dv + pb < best) {
            best = dv + pb;
            bestFrom = v;
          }
          for (let s = slotStart[b], end = slotStart[b] + load[b]; s < end; s++) {
            const a = slotRow[s];
            const nd = dv - cost[slotEdge[s]] + pb - piA[a];
            if (nd < dist[a]) {
              if (settled[a] === 1) continue;
              if (dist[a] === Infinity) touched[nTouched++] = a;
              pred[a] = s;
              heap.push(a, nd);
            }
          }
        }
      }
      heap.clear();

      // Augment backwards from the sink: each B node on the path takes its predecessor edge into
      // the slot freed by the A node after it (or a new slot when the path ends there).
      let cur = bestFrom;
      let pendingSlot = -1;
      if (cur >= nA) {
        const b = cur - nA;
        pendingSlot = slotStart[b] + load[b]++;
      }
      for (;;) {
        if (cur >= nA) {
          const e = pred[cur];
          used[e] = 1;
          slotEdge[pendingSlot] = e;
          // the A end of e: binary search in the offsets (once per path step, cheaper than an
          // E-sized array)
          cur = rowOfEdge(off, e, nA);
          slotRow[pendingSlot] = cur;
        } else {
          if (cur === a0) break;
          const s = pred[cur];
          used[slotEdge[s]] = 0;
          pendingSlot = s;
          cur = nA + tgt[slotEdge[s]];
        }
      }

      for (let k = 0; k < nSettled; k++) {
        const v = order[k];
        if (v < nA) piA[v] += dist[v] - best;
        else piB[v - nA] += dist[v] - best;
      }
      for (let k = 0; k < nTouched; k++) {
        const v = touched[k];
        dist[v] = Infinity;
        settled[v] = 0;
      }
    }
  }
  return used;
}

/** The A node owning edge e (binary search in the CSR offsets). */
function rowOfEdge(off: Int32Array, e: number, nA: number): number {
  let lo = 0;
  let hi = nA - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (off[mid] <= e) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
