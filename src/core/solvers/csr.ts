/**
 * Row layout for lazy scanning: per row, a cost-sorted head, then the rest (tail) in input order.
 */
export interface RowOrder {
  headEnd: Int32Array;
  tailBound: Float64Array;
}

/**
 * Reorders each CSR row in place (targets, costs and original edge ids together) so that its
 * cheapest ~`headSize` edges come first sorted by (cost, position), and the others follow in
 * input order with `tailBound[row]` <= every tail cost. The shortest-path search reads a row in
 * that order and stops early; it rarely reaches a tail, so a full sort of 25 M edges is not needed.
 * Linear time: a 256-bucket histogram picks the head, a stable LSD radix sort orders it.
 */
export function orderRowsByCost(
  nRows: number,
  off: Int32Array,
  tgt: Int32Array,
  cost: Int32Array,
  orig: Int32Array,
  headSize: number,
): RowOrder {
  const headEnd = new Int32Array(nRows);
  const tailBound = new Float64Array(nRows).fill(Infinity);
  let maxDeg = 0;
  let maxCost = 0;
  for (let r = 0; r < nRows; r++) maxDeg = Math.max(maxDeg, off[r + 1] - off[r]);
  for (let e = 0; e < cost.length; e++) if (cost[e] > maxCost) maxCost = cost[e];
  let shift = 0;
  while (maxCost >>> shift >= 256) shift++;
  const keyA = new Int32Array(maxDeg),
    posA = new Int32Array(maxDeg);
  const keyB = new Int32Array(maxDeg),
    posB = new Int32Array(maxDeg);
  const count = new Int32Array(256);
  const t = new Int32Array(maxDeg),
    c = new Int32Array(maxDeg),
    o = new Int32Array(maxDeg);
  for (let r = 0; r < nRows; r++) {
    const start = off[r];
    const deg = off[r + 1] - start;
    headEnd[r] = start + deg;
    if (deg < 2) continue;
    // Head: the lowest cost buckets holding at least headSize edges.
    let limit = 256;
    let headCount = deg;
    if (deg > headSize) {
      count.fill(0);
      for (let k = 0; k < deg; k++) count[cost[start + k] >>> shift]++;
      let sum = 0;
      limit = 0;
      while (sum < headSize) sum += count[limit++];
      if (limit < 256) tailBound[r] = limit << shift;
      headCount = sum;
    }
    let nHead = 0;
    let nTail = 0;
    for (let k = 0; k < deg; k++) {
      const x = cost[start + k];
      if (x >>> shift < limit) {
        keyA[nHead] = x;
        posA[nHead++] = k;
      } else {
        const at = headCount + nTail++;
        t[at] = tgt[start + k];
        c[at] = x;
        o[at] = orig[start + k];
      }
    }
    const { keys, pos } = radixSort(nHead, keyA, posA, keyB, posB, count);
    for (let k = 0; k < nHead; k++) {
      const from = start + pos[k];
      t[k] = tgt[from];
      c[k] = keys[k];
      o[k] = orig[from];
    }
    tgt.set(t.subarray(0, deg), start);
    cost.set(c.subarray(0, deg), start);
    orig.set(o.subarray(0, deg), start);
    headEnd[r] = start + nHead;
  }
  return { headEnd, tailBound };
}

/** Stable LSD radix sort of n non-negative int32 keys with their positions, 8 bits per pass. */
function radixSort(
  n: number,
  keyA: Int32Array,
  posA: Int32Array,
  keyB: Int32Array,
  posB: Int32Array,
  count: Int32Array,
): { keys: Int32Array; pos: Int32Array } {
  let keys = keyA,
    pos = posA,
    keys2 = keyB,
    pos2 = posB;
  if (n < 2) return { keys, pos };
  for (let shift = 0; shift < 32; shift += 8) {
    count.fill(0);
    for (let k = 0; k < n; k++) count[(keys[k] >>> shift) & 255]++;
    if (count[(keys[0] >>> shift) & 255] === n) continue; // every key shares this byte
    for (let d = 0, sum = 0; d < 256; d++) {
      const x = count[d];
      count[d] = sum;
      sum += x;
    }
    for (let k = 0; k < n; k++) {
      const at = count[(keys[k] >>> shift) & 255]++;
      keys2[at] = keys[k];
      pos2[at] = pos[k];
    }
    [keys, keys2] = [keys2, keys];
    [pos, pos2] = [pos2, pos];
  }
  return { keys, pos };
}
