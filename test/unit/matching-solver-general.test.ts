import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { maxWeightMatching } from '../../src/core/solvers/blossom.js';

type Edge = [number, number, number];

/**
 * Best (cardinality, weight) over every matching, by exhaustive recursion on the lowest free
 * vertex.
 */
function bruteForce(
  n: number,
  edges: Edge[],
  maxCardinality: boolean,
): { size: number; weight: number } {
  const w = new Map<string, number>();
  for (const [i, j, x] of edges) w.set(`${Math.min(i, j)},${Math.max(i, j)}`, x);
  let best = { size: 0, weight: 0 };
  const used = new Array(n).fill(false);
  const go = (v: number, size: number, weight: number) => {
    while (v < n && used[v]) v++;
    if (v >= n) {
      const better = maxCardinality
        ? size > best.size || (size === best.size && weight > best.weight + 1e-9)
        : weight > best.weight + 1e-9;
      if (better) best = { size, weight };
      return;
    }
    used[v] = true;
    go(v + 1, size, weight); // v stays single
    for (let u = v + 1; u < n; u++) {
      const x = w.get(`${v},${u}`);
      if (used[u] || x === undefined) continue;
      used[u] = true;
      go(v + 1, size + 1, weight + x);
      used[u] = false;
    }
    used[v] = false;
  };
  go(0, 0, 0);
  return best;
}

function evaluate(n: number, edges: Edge[], mate: Int32Array): { size: number; weight: number } {
  const w = new Map<string, number>();
  for (const [i, j, x] of edges) w.set(`${Math.min(i, j)},${Math.max(i, j)}`, x);
  let size = 0;
  let weight = 0;
  for (let v = 0; v < n; v++) {
    const u = mate[v];
    if (u < 0) continue;
    expect(mate[u]).toBe(v); // symmetric
    if (v < u) {
      const x = w.get(`${v},${u}`);
      expect(x).toBeDefined(); // only existing edges
      size++;
      weight += x!;
    }
  }
  return { size, weight };
}

const graphArb = fc.integer({ min: 1, max: 10 }).chain((n) =>
  fc
    .record({
      n: fc.constant(n),
      fractional: fc.boolean(),
      edges: fc.uniqueArray(
        fc.tuple(
          fc.integer({ min: 0, max: n - 1 }),
          fc.integer({ min: 0, max: n - 1 }),
          fc.integer({ min: 0, max: 20 }),
          fc.double({ min: 0, max: 1, noNaN: true }),
        ),
        { maxLength: 30, selector: ([i, j]) => `${Math.min(i, j)},${Math.max(i, j)}` },
      ),
    })
    .map(({ n, edges, fractional }) => ({
      n,
      edges: edges
        .filter(([i, j]) => i !== j)
        .map(([i, j, k, f]): Edge => [i, j, fractional ? Math.round(k * f * 1000) / 100 : k]),
    })),
);

describe('maxWeightMatching against brute force', () => {
  it('plain maximum weight', () => {
    fc.assert(
      fc.property(graphArb, ({ n, edges }) => {
        const got = evaluate(n, edges, maxWeightMatching(n, edges));
        expect(got.weight).toBeCloseTo(bruteForce(n, edges, false).weight, 6);
      }),
      { numRuns: 400, seed: 7 },
    );
  });

  it('maximum cardinality, then maximum weight', () => {
    fc.assert(
      fc.property(graphArb, ({ n, edges }) => {
        const got = evaluate(n, edges, maxWeightMatching(n, edges, true));
        const best = bruteForce(n, edges, true);
        expect(got.size).toBe(best.size);
        expect(got.weight).toBeCloseTo(best.weight, 6);
      }),
      { numRuns: 400, seed: 11 },
    );
  });
});

describe('maxWeightMatching on known cases', () => {
  it('empty graph and single edge', () => {
    expect(Array.from(maxWeightMatching(3, []))).toEqual([-1, -1, -1]);
    expect(Array.from(maxWeightMatching(2, [[0, 1, 1]]))).toEqual([1, 0]);
  });

  it('triangle plus pendant: blossom on 0-1-2, pendant 3 makes the cheap edges win', () => {
    // mwmatching test 12-14 style: triangle 0-1-2 with an extra vertex 3 attached to 0.
    const edges: Edge[] = [
      [0, 1, 6],
      [0, 2, 10],
      [1, 2, 12],
      [0, 3, 5],
    ];
    expect(Array.from(maxWeightMatching(4, edges))).toEqual([3, 2, 1, 0]);
  });

  it('max weight vs max cardinality on a path', () => {
    const edges: Edge[] = [
      [0, 1, 2],
      [1, 2, 5],
      [2, 3, 2],
    ];
    expect(Array.from(maxWeightMatching(4, edges))).toEqual([-1, 2, 1, -1]);
    expect(Array.from(maxWeightMatching(4, edges, true))).toEqual([1, 0, 3, 2]);
  });

  it('pentagon with tails needs a blossom (van Rantwijk test 20: S-blossom, relabel as T)', () => {
    const edges: Edge[] = [
      [1, 2, 9],
      [1, 3, 8],
      [2, 3, 10],
      [1, 4, 5],
      [4, 5, 4],
      [1, 6, 3],
    ];
    expect(Array.from(maxWeightMatching(7, edges))).toEqual([-1, 6, 3, 2, 5, 4, 1]);
  });

  it('nested blossoms, expanded and augmented (van Rantwijk tests 22 and 24)', () => {
    const t22: Edge[] = [
      [1, 2, 9],
      [1, 3, 9],
      [2, 3, 10],
      [2, 4, 8],
      [3, 5, 8],
      [4, 5, 10],
      [5, 6, 6],
    ];
    expect(Array.from(maxWeightMatching(7, t22))).toEqual([-1, 3, 4, 1, 2, 6, 5]);
    const t24: Edge[] = [
      [1, 2, 8],
      [1, 3, 8],
      [2, 3, 10],
      [2, 4, 12],
      [3, 5, 12],
      [4, 5, 14],
      [4, 6, 12],
      [5, 7, 12],
      [6, 7, 14],
      [7, 8, 12],
    ];
    expect(Array.from(maxWeightMatching(9, t24))).toEqual([-1, 2, 1, 5, 6, 3, 4, 8, 7]);
  });

  it('blossom expansion with a T-relabel (van Rantwijk test 32)', () => {
    const edges: Edge[] = [
      [1, 2, 45],
      [1, 5, 45],
      [2, 3, 50],
      [3, 4, 45],
      [4, 5, 50],
      [1, 6, 30],
      [3, 9, 35],
      [4, 8, 35],
      [5, 7, 26],
      [9, 10, 5],
    ];
    expect(Array.from(maxWeightMatching(11, edges))).toEqual([-1, 6, 3, 2, 8, 7, 1, 5, 4, 10, 9]);
  });

  it('fractional weights', () => {
    expect(
      Array.from(
        maxWeightMatching(4, [
          [0, 1, 3.1415],
          [1, 2, 2.7183],
          [0, 2, 3.0],
          [0, 3, 1.4142],
        ]),
      ),
    ).toEqual([3, 2, 1, 0]);
  });
});
