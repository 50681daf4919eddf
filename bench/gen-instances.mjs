/**
 * Seeded, realistic bipartite instances for bench/match-solver.mjs: skill-vector cosine scores
 * 0..100, popular mentors.
 */

/** Small seeded PRNG (mulberry32). */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DIM = 16;

/** A sparse-ish non-negative skill vector, normalised: a few strong topics plus noise. */
function skills(r) {
  const v = new Float64Array(DIM);
  const strong = 1 + Math.floor(r() * 4);
  for (let k = 0; k < strong; k++) v[Math.floor(r() * DIM)] += 1 + r();
  for (let d = 0; d < DIM; d++) v[d] += 0.15 * r();
  let n = 0;
  for (let d = 0; d < DIM; d++) n += v[d] * v[d];
  n = Math.sqrt(n);
  for (let d = 0; d < DIM; d++) v[d] /= n;
  return v;
}

/**
 * CSR instance nLeft x nRight: score = 100 * (0.8 * cosine + 0.2 * popularity) rounded to 0.01,
 * where 10 % of mentors are "popular" (popularity 1, others 0..0.3); each pair allowed with
 * probability `density`. Built directly as CSR so the dense 25 M-edge case fits in memory.
 */
export function generateInstance({ nLeft, nRight, capacity = 4, density = 1, seed = 1 }) {
  const r = rng(seed);
  const mentees = Array.from({ length: nLeft }, () => skills(r));
  const mentors = Array.from({ length: nRight }, () => skills(r));
  const popularity = Float64Array.from({ length: nRight }, () => (r() < 0.1 ? 1 : 0.3 * r()));
  const expected = Math.ceil(nLeft * nRight * density * 1.01) + 16;
  let targets = new Int32Array(expected);
  let weights = new Float64Array(expected);
  const offsets = new Int32Array(nLeft + 1);
  let e = 0;
  for (let i = 0; i < nLeft; i++) {
    const a = mentees[i];
    for (let j = 0; j < nRight; j++) {
      if (density < 1 && r() >= density) continue;
      const b = mentors[j];
      let dot = 0;
      for (let d = 0; d < DIM; d++) dot += a[d] * b[d];
      if (e === targets.length) {
        const t2 = new Int32Array(targets.length * 2);
        t2.set(targets);
        targets = t2;
        const w2 = new Float64Array(weights.length * 2);
        w2.set(weights);
        weights = w2;
      }
      targets[e] = j;
      weights[e++] = Math.round(100 * (0.8 * dot + 0.2 * popularity[j]) * 100) / 100;
    }
    offsets[i + 1] = e;
  }
  return {
    nLeft,
    nRight,
    offsets,
    targets: targets.subarray(0, e),
    weights: weights.subarray(0, e),
    rightCapacity: new Int32Array(nRight).fill(capacity),
  };
}
