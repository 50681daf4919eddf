import { InternalError } from '../../errors.js';

// Faithful port of Joris van Rantwijk's mwmatching.py (Edmonds' blossom algorithm with dual
// variables, O(n^3); the same code networkx's max_weight_matching derives from). Weights are
// scaled to integers (1e-6 resolution for scores 0..100) so that every dual variable stays an
// exact integer and the "slack is even" invariant of the original holds without float drift.
// Kept in one file, longer than usual, so it can be compared line by line with the original.

/**
 * Maximum-weight matching in a general graph (peer mentoring). With maxCardinality, among the
 * maximum-cardinality matchings the one of maximum weight. Returns mate[v] (partner or -1).
 */
export function maxWeightMatching(
  n: number,
  edgeList: Array<[number, number, number]>,
  maxCardinality = false,
): Int32Array {
  const result = new Int32Array(n).fill(-1);
  const edges = normaliseEdges(n, edgeList);
  const nedge = edges.length;
  if (nedge === 0) return result;
  const nv = n;
  const ev = (k: number, s: 0 | 1 | 2) => edges[k][s];
  const maxweight = Math.max(0, ...edges.map((e) => e[2]));
  const endpoint: number[] = [];
  for (let p = 0; p < 2 * nedge; p++) endpoint.push(edges[p >> 1][p & 1]);
  const neighbend: number[][] = Array.from({ length: nv }, () => []);
  edges.forEach(([i, j], k) => {
    neighbend[i].push(2 * k + 1);
    neighbend[j].push(2 * k);
  });
  const mate = new Array<number>(nv).fill(-1);
  const label = new Array<number>(2 * nv).fill(0);
  const labelend = new Array<number>(2 * nv).fill(-1);
  const inblossom = Array.from({ length: nv }, (_, i) => i);
  const blossomparent = new Array<number>(2 * nv).fill(-1);
  const blossomchilds: (number[] | null)[] = new Array<number[] | null>(2 * nv).fill(null);
  const blossombase = Array.from({ length: 2 * nv }, (_, i) => (i < nv ? i : -1));
  const blossomendps: (number[] | null)[] = new Array<number[] | null>(2 * nv).fill(null);
  const bestedge = new Array<number>(2 * nv).fill(-1);
  const blossombestedges: (number[] | null)[] = new Array<number[] | null>(2 * nv).fill(null);
  const unusedblossoms = Array.from({ length: nv }, (_, i) => nv + i);
  const dualvar = Array.from({ length: 2 * nv }, (_, i) => (i < nv ? maxweight : 0));
  let allowedge = new Array<boolean>(nedge).fill(false);
  let queue: number[] = [];

  const slack = (k: number) => dualvar[ev(k, 0)] + dualvar[ev(k, 1)] - 2 * ev(k, 2);
  const at = <T>(a: T[], j: number): T => a[((j % a.length) + a.length) % a.length];
  const blossomLeaves = (b: number, out: number[] = []): number[] => {
    if (b < nv) out.push(b);
    else for (const t of blossomchilds[b]!) blossomLeaves(t, out);
    return out;
  };

  const assignLabel = (w: number, t: number, p: number): void => {
    const b = inblossom[w];
    label[w] = label[b] = t;
    labelend[w] = labelend[b] = p;
    bestedge[w] = bestedge[b] = -1;
    if (t === 1) queue.push(...blossomLeaves(b));
    else if (t === 2) {
      const base = blossombase[b];
      assignLabel(endpoint[mate[base]], 1, mate[base] ^ 1);
    }
  };

  const scanBlossom = (v0: number, w0: number): number => {
    let v = v0;
    let w = w0;
    const path: number[] = [];
    let base = -1;
    while (v !== -1 || w !== -1) {
      let b = inblossom[v];
      if (label[b] & 4) {
        base = blossombase[b];
        break;
      }
      path.push(b);
      label[b] = 5;
      if (labelend[b] === -1) v = -1;
      else {
        v = endpoint[labelend[b]];
        b = inblossom[v];
        v = endpoint[labelend[b]];
      }
      if (w !== -1) [v, w] = [w, v];
    }
    for (const b of path) label[b] = 1;
    return base;
  };

  const addBlossom = (base: number, k: number): void => {
    let v = ev(k, 0);
    let w = ev(k, 1);
    const bb = inblossom[base];
    let bv = inblossom[v];
    let bw = inblossom[w];
    const b = unusedblossoms.pop()!;
    blossombase[b] = base;
    blossomparent[b] = -1;
    blossomparent[bb] = b;
    const path: number[] = [];
    const endps: number[] = [];
    while (bv !== bb) {
      blossomparent[bv] = b;
      path.push(bv);
      endps.push(labelend[bv]);
      v = endpoint[labelend[bv]];
      bv = inblossom[v];
    }
    path.push(bb);
    path.reverse();
    endps.reverse();
    endps.push(2 * k);
    while (bw !== bb) {
      blossomparent[bw] = b;
      path.push(bw);
      endps.push(labelend[bw] ^ 1);
      w = endpoint[labelend[bw]];
      bw = inblossom[w];
    }
    blossomchilds[b] = path;
    blossomendps[b] = endps;
    label[b] = 1;
    labelend[b] = labelend[bb];
    dualvar[b] = 0;
    for (const leaf of blossomLeaves(b)) {
      if (label[inblossom[leaf]] === 2) queue.push(leaf);
      inblossom[leaf] = b;
    }
    const bestedgeto = new Array<number>(2 * nv).fill(-1);
    for (const child of path) {
      const nblists =
        blossombestedges[child] === null
          ? blossomLeaves(child).map((leaf) => neighbend[leaf].map((p) => p >> 1))
          : [blossombestedges[child]];
      for (const nblist of nblists) {
        for (const kk of nblist) {
          let i = ev(kk, 0);
          let j = ev(kk, 1);
          if (inblossom[j] === b) [i, j] = [j, i];
          const bj = inblossom[j];
          if (
            bj !== b &&
            label[bj] === 1 &&
            (bestedgeto[bj] === -1 || slack(kk) < slack(bestedgeto[bj]))
          )
            bestedgeto[bj] = kk;
        }
      }
      blossombestedges[child] = null;
      bestedge[child] = -1;
    }
    blossombestedges[b] = bestedgeto.filter((kk) => kk !== -1);
    bestedge[b] = -1;
    for (const kk of blossombestedges[b])
      if (bestedge[b] === -1 || slack(kk) < slack(bestedge[b])) bestedge[b] = kk;
  };

  const expandBlossom = (b: number, endstage: boolean): void => {
    const childs = blossomchilds[b]!;
    for (const s of childs) {
      blossomparent[s] = -1;
      if (s < nv) inblossom[s] = s;
      else if (endstage && dualvar[s] === 0) expandBlossom(s, endstage);
      else for (const leaf of blossomLeaves(s)) inblossom[leaf] = s;
    }
    if (!endstage && label[b] === 2) {
      const endps = blossomendps[b]!;
      const entrychild = inblossom[endpoint[labelend[b] ^ 1]];
      let j = childs.indexOf(entrychild);
      let jstep: number;
      let endptrick: number;
      if (j & 1) {
        j -= childs.length;
        jstep = 1;
        endptrick = 0;
      } else {
        jstep = -1;
        endptrick = 1;
      }
      let p = labelend[b];
      while (j !== 0) {
        label[endpoint[p ^ 1]] = 0;
        label[endpoint[at(endps, j - endptrick) ^ endptrick ^ 1]] = 0;
        assignLabel(endpoint[p ^ 1], 2, p);
        allowedge[at(endps, j - endptrick) >> 1] = true;
        j += jstep;
        p = at(endps, j - endptrick) ^ endptrick;
        allowedge[p >> 1] = true;
        j += jstep;
      }
      let bv = at(childs, j);
      label[endpoint[p ^ 1]] = label[bv] = 2;
      labelend[endpoint[p ^ 1]] = labelend[bv] = p;
      bestedge[bv] = -1;
      j += jstep;
      while (at(childs, j) !== entrychild) {
        bv = at(childs, j);
        if (label[bv] === 1) {
          j += jstep;
          continue;
        }
        let found = -1;
        for (const leaf of blossomLeaves(bv))
          if (label[leaf] !== 0) {
            found = leaf;
            break;
          }
        if (found >= 0) {
          label[found] = 0;
          label[endpoint[mate[blossombase[bv]]]] = 0;
          assignLabel(found, 2, labelend[found]);
        }
        j += jstep;
      }
    }
    label[b] = labelend[b] = -1;
    blossomchilds[b] = blossomendps[b] = null;
    blossombase[b] = -1;
    blossombestedges[b] = null;
    bestedge[b] = -1;
    unusedblossoms.push(b);
  };

  const augmentBlossom = (b: number, v: number): void => {
    let t = v;
    while (blossomparent[t] !== b) t = blossomparent[t];
    if (t >= nv) augmentBlossom(t, v);
    const childs = blossomchilds[b]!;
    const endps = blossomendps[b]!;
    const i = childs.indexOf(t);
    let j = i;
    let jstep: number;
    let endptrick: number;
    if (i & 1) {
      j -= childs.length;
      jstep = 1;
      endptrick = 0;
    } else {
      jstep = -1;
      endptrick = 1;
    }
    while (j !== 0) {
      j += jstep;
      t = at(childs, j);
      const p = at(endps, j - endptrick) ^ endptrick;
      if (t >= nv) augmentBlossom(t, endpoint[p]);
      j += jstep;
      t = at(childs, j);
      if (t >= nv) augmentBlossom(t, endpoint[p ^ 1]);
      mate[endpoint[p]] = p ^ 1;
      mate[endpoint[p ^ 1]] = p;
    }
    blossomchilds[b] = [...childs.slice(i), ...childs.slice(0, i)];
    blossomendps[b] = [...endps.slice(i), ...endps.slice(0, i)];
    blossombase[b] = blossombase[blossomchilds[b][0]];
  };

  const augmentMatching = (k: number): void => {
    const starts: Array<[number, number]> = [
      [ev(k, 0), 2 * k + 1],
      [ev(k, 1), 2 * k],
    ];
    for (let [s, p] of starts) {
      for (;;) {
        const bs = inblossom[s];
        if (bs >= nv) augmentBlossom(bs, s);
        mate[s] = p;
        if (labelend[bs] === -1) break;
        const t = endpoint[labelend[bs]];
        const bt = inblossom[t];
        s = endpoint[labelend[bt]];
        const j = endpoint[labelend[bt] ^ 1];
        if (bt >= nv) augmentBlossom(bt, j);
        mate[j] = labelend[bt];
        p = labelend[bt] ^ 1;
      }
    }
  };

  for (let stage = 0; stage < nv; stage++) {
    label.fill(0);
    bestedge.fill(-1);
    for (let b = nv; b < 2 * nv; b++) blossombestedges[b] = null;
    allowedge = new Array<boolean>(nedge).fill(false);
    queue = [];
    for (let v = 0; v < nv; v++)
      if (mate[v] === -1 && label[inblossom[v]] === 0) assignLabel(v, 1, -1);
    let augmented = false;
    for (;;) {
      while (queue.length > 0 && !augmented) {
        const v = queue.pop()!;
        for (const p of neighbend[v]) {
          const k = p >> 1;
          const w = endpoint[p];
          if (inblossom[v] === inblossom[w]) continue;
          let kslack = 0;
          if (!allowedge[k]) {
            kslack = slack(k);
            if (kslack <= 0) allowedge[k] = true;
          }
          if (allowedge[k]) {
            if (label[inblossom[w]] === 0) assignLabel(w, 2, p ^ 1);
            else if (label[inblossom[w]] === 1) {
              const base = scanBlossom(v, w);
              if (base >= 0) addBlossom(base, k);
              else {
                augmentMatching(k);
                augmented = true;
                break;
              }
            } else if (label[w] === 0) {
              label[w] = 2;
              labelend[w] = p ^ 1;
            }
          } else if (label[inblossom[w]] === 1) {
            const b = inblossom[v];
            if (bestedge[b] === -1 || kslack < slack(bestedge[b])) bestedge[b] = k;
          } else if (label[w] === 0) {
            if (bestedge[w] === -1 || kslack < slack(bestedge[w])) bestedge[w] = k;
          }
        }
      }
      if (augmented) break;
      let deltatype = -1;
      let delta = 0;
      let deltaedge = -1;
      let deltablossom = -1;
      if (!maxCardinality) {
        deltatype = 1;
        delta = Math.min(...dualvar.slice(0, nv));
      }
      for (let v = 0; v < nv; v++) {
        if (label[inblossom[v]] === 0 && bestedge[v] !== -1) {
          const d = slack(bestedge[v]);
          if (deltatype === -1 || d < delta) {
            delta = d;
            deltatype = 2;
            deltaedge = bestedge[v];
          }
        }
      }
      for (let b = 0; b < 2 * nv; b++) {
        if (blossomparent[b] === -1 && label[b] === 1 && bestedge[b] !== -1) {
          const d = slack(bestedge[b]) / 2; // exact: slack is even with integer weights
          if (deltatype === -1 || d < delta) {
            delta = d;
            deltatype = 3;
            deltaedge = bestedge[b];
          }
        }
      }
      for (let b = nv; b < 2 * nv; b++) {
        if (
          blossombase[b] >= 0 &&
          blossomparent[b] === -1 &&
          label[b] === 2 &&
          (deltatype === -1 || dualvar[b] < delta)
        ) {
          delta = dualvar[b];
          deltatype = 4;
          deltablossom = b;
        }
      }
      if (deltatype === -1) {
        deltatype = 1;
        delta = Math.max(0, Math.min(...dualvar.slice(0, nv)));
      }
      for (let v = 0; v < nv; v++) {
        if (label[inblossom[v]] === 1) dualvar[v] -= delta;
        else if (label[inblossom[v]] === 2) dualvar[v] += delta;
      }
      for (let b = nv; b < 2 * nv; b++) {
        if (blossombase[b] >= 0 && blossomparent[b] === -1) {
          if (label[b] === 1) dualvar[b] += delta;
          else if (label[b] === 2) dualvar[b] -= delta;
        }
      }
      if (deltatype === 1) break;
      if (deltatype === 2) {
        allowedge[deltaedge] = true;
        let i = ev(deltaedge, 0);
        if (label[inblossom[i]] === 0) i = ev(deltaedge, 1);
        queue.push(i);
      } else if (deltatype === 3) {
        allowedge[deltaedge] = true;
        queue.push(ev(deltaedge, 0));
      } else expandBlossom(deltablossom, false);
    }
    if (!augmented) break;
    for (let b = nv; b < 2 * nv; b++) {
      if (blossomparent[b] === -1 && blossombase[b] >= 0 && label[b] === 1 && dualvar[b] === 0)
        expandBlossom(b, true);
    }
  }
  for (let v = 0; v < nv; v++) if (mate[v] >= 0) result[v] = endpoint[mate[v]];
  return result;
}

/** Drops self-loops, keeps the heaviest of duplicate edges, scales weights to exact integers. */
function normaliseEdges(
  n: number,
  edgeList: Array<[number, number, number]>,
): Array<[number, number, number]> {
  const best = new Map<number, number>();
  let maxAbs = 0;
  for (const [i, j, w] of edgeList) {
    if (
      !Number.isInteger(i) ||
      !Number.isInteger(j) ||
      i < 0 ||
      j < 0 ||
      i >= n ||
      j >= n ||
      !Number.isFinite(w)
    ) {
      throw new InternalError(`maxWeightMatching: invalid edge (${i}, ${j}, ${w})`);
    }
    if (i === j) continue;
    const key = Math.min(i, j) * n + Math.max(i, j);
    const prev = best.get(key);
    if (prev === undefined || w > prev) best.set(key, w);
    maxAbs = Math.max(maxAbs, Math.abs(w));
  }
  // Dual sums reach a few times n * maxweight; keep them far below 2^53.
  let scale = 1e6;
  while (scale > 1e-300 && maxAbs * scale * 4 * (n + 1) > 2 ** 50) scale /= 10;
  return [...best.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([key, w]) => [Math.floor(key / n), key % n, Math.round(w * scale)]);
}
