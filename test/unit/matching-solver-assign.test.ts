import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  assignMaxWeight,
  fromDense,
  type BipartiteInstance,
  type BipartiteResult,
} from '../../src/core/solvers/assign.js';
import { bruteForceAssign, referenceAssign } from '../helpers/brute-assign.js';

const F = Number.NaN; // forbidden pair

function dense(rows: number[][], caps: number[], demand?: number[]): BipartiteInstance {
  const nLeft = rows.length;
  const nRight = caps.length;
  return fromDense(
    Float64Array.from(rows.flat()),
    nLeft,
    nRight,
    Int32Array.from(caps),
    demand ? Int32Array.from(demand) : undefined,
  );
}

/** Mentor chosen for each mentee (sorted list per mentee), to state expectations plainly. */
function pairsOf(inst: BipartiteInstance, r: BipartiteResult): number[][] {
  const out: number[][] = Array.from({ length: inst.nLeft }, () => []);
  for (const e of r.edgeIndex) {
    let i = 0;
    while (inst.offsets[i + 1] <= e) i++;
    out[i].push(inst.targets[e]);
  }
  return out.map((l) => l.sort((a, b) => a - b));
}

function expectFeasible(inst: BipartiteInstance, r: BipartiteResult): void {
  const load = new Array(inst.nRight).fill(0);
  let total = 0;
  const edges = Array.from(r.edgeIndex);
  expect(edges).toEqual([...new Set(edges)].sort((a, b) => a - b));
  const pairs = pairsOf(inst, r);
  pairs.forEach((mentors, i) => {
    expect(mentors.length).toBeLessThanOrEqual(inst.leftDemand ? inst.leftDemand[i] : 1);
    expect(new Set(mentors).size).toBe(mentors.length);
    for (const j of mentors) load[j]++;
  });
  for (const e of edges) {
    expect(e).toBeGreaterThanOrEqual(0);
    expect(e).toBeLessThan(inst.targets.length);
    total += inst.weights[e];
  }
  load.forEach((l, j) => expect(l).toBeLessThanOrEqual(inst.rightCapacity[j]));
  expect(r.matchedUnits).toBe(edges.length);
  expect(r.totalWeight).toBeCloseTo(total, 9);
}

const instanceArb = fc
  .record({
    nLeft: fc.integer({ min: 0, max: 7 }),
    nRight: fc.integer({ min: 0, max: 4 }),
    density: fc.double({ min: 0, max: 1, noNaN: true }),
    fractional: fc.boolean(),
    teams: fc.boolean(),
    seed: fc.integer(),
  })
  .chain(({ nLeft, nRight, density, fractional, teams }) =>
    fc
      .record({
        scores: fc.array(
          fc.tuple(
            fc.double({ min: 0, max: 1, noNaN: true }),
            fractional
              ? fc.double({ min: 0, max: 100, noNaN: true })
              : fc.integer({ min: 0, max: 10 }),
          ),
          { minLength: nLeft * nRight, maxLength: nLeft * nRight },
        ),
        caps: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: nRight, maxLength: nRight }),
        demand: fc.array(fc.integer({ min: 1, max: teams ? 2 : 1 }), {
          minLength: nLeft,
          maxLength: nLeft,
        }),
      })
      .map(({ scores, caps, demand }) => {
        const s = Float64Array.from(scores, ([p, w]) => (p < density ? w : Number.NaN));
        return fromDense(s, nLeft, nRight, Int32Array.from(caps), Int32Array.from(demand));
      }),
  );

describe('assignMaxWeight against the exhaustive oracle', () => {
  it('matches the oracle on (matchedUnits, totalWeight), is feasible and deterministic', () => {
    fc.assert(
      fc.property(instanceArb, (inst) => {
        const r = assignMaxWeight(inst);
        const oracle = bruteForceAssign(inst);
        expectFeasible(inst, r);
        expect(r.matchedUnits).toBe(oracle.matchedUnits);
        expect(Math.abs(r.totalWeight - oracle.totalWeight)).toBeLessThan(1e-6);
        expect(Array.from(assignMaxWeight(inst).edgeIndex)).toEqual(Array.from(r.edgeIndex));
      }),
      { numRuns: 600, seed: 20240603 },
    );
  });
});

describe('assignMaxWeight on explicit non-square cases', () => {
  it('more mentors than mentees: each mentee gets its best distinct mentor', () => {
    const inst = dense(
      [
        [10, 50, 20, 5],
        [60, 55, 1, 2],
      ],
      [1, 1, 1, 1],
    );
    const r = assignMaxWeight(inst);
    expect(pairsOf(inst, r)).toEqual([[1], [0]]);
    expect(r.totalWeight).toBe(110);
  });

  it('more mentees than capacity: keeps the pairs with the largest total', () => {
    const inst = dense(
      [
        [10, 1],
        [90, 2],
        [80, 70],
      ],
      [1, 1],
    );
    const r = assignMaxWeight(inst);
    expect(r.matchedUnits).toBe(2);
    expect(pairsOf(inst, r)).toEqual([[], [0], [1]]);
    expect(r.totalWeight).toBe(160);
  });

  it('cardinality first: a weak extra pair beats a strong single pair', () => {
    const inst = dense(
      [
        [100, F],
        [1, 1],
      ],
      [1, 1],
    );
    const r = assignMaxWeight(inst);
    expect(pairsOf(inst, r)).toEqual([[0], [1]]);
    expect(r.totalWeight).toBe(101);
    const swap = dense(
      [
        [100, 1],
        [99, F],
      ],
      [1, 1],
    );
    expect(pairsOf(swap, assignMaxWeight(swap))).toEqual([[1], [0]]);
  });

  it('a mentor with capacity 0 is never used', () => {
    const inst = dense(
      [
        [100, 1],
        [100, 2],
      ],
      [0, 2],
    );
    const r = assignMaxWeight(inst);
    expect(pairsOf(inst, r)).toEqual([[1], [1]]);
    expect(r.totalWeight).toBe(3);
  });

  it('a mentee with no allowed edge stays unmatched', () => {
    const inst = dense(
      [
        [F, F],
        [5, 7],
      ],
      [2, 2],
    );
    const r = assignMaxWeight(inst);
    expect(pairsOf(inst, r)).toEqual([[], [1]]);
    expect(r.matchedUnits).toBe(1);
  });

  it('all weights equal: maximum cardinality with lowest-index tie-breaks, stable across runs', () => {
    const inst = dense(
      [
        [3, 3, 3],
        [3, 3, 3],
        [3, 3, 3],
        [3, 3, 3],
      ],
      [1, 2, 0],
    );
    const r = assignMaxWeight(inst);
    expect(r.matchedUnits).toBe(3);
    expect(r.totalWeight).toBe(9);
    expect(pairsOf(inst, r)).toEqual([[0], [1], [1], []]);
    expect(Array.from(assignMaxWeight(inst).edgeIndex)).toEqual(Array.from(r.edgeIndex));
  });

  it('team model: each mentee gets K distinct mentors', () => {
    const inst = dense(
      [
        [9, 8, 1],
        [9, 8, 7],
      ],
      [2, 1, 2],
      [2, 2],
    );
    const r = assignMaxWeight(inst);
    expect(r.matchedUnits).toBe(4);
    expect(pairsOf(inst, r)).toEqual([
      [0, 1],
      [0, 2],
    ]);
    expect(r.totalWeight).toBe(33);
  });

  it('empty instances', () => {
    const r = assignMaxWeight(dense([], []));
    expect(r.matchedUnits).toBe(0);
    expect(assignMaxWeight(dense([[], []], [])).matchedUnits).toBe(0);
  });

  it('rejects a negative weight', () => {
    expect(() => assignMaxWeight(dense([[-1]], [1]))).toThrow(/weight/);
  });
});

describe('assignMaxWeight against textbook min-cost flow on medium instances', () => {
  // Rows longer than the solver's sorted head (128 edges), and full mentors (capacity 0) scoring
  // highest, so the best usable edges sit in the unsorted tail that the solver reads lazily.
  // Both orientations (places short and places plentiful), team demand, forbidden pairs.
  const mediumArb = fc
    .record({
      nLeft: fc.integer({ min: 1, max: 24 }),
      nRight: fc.integer({ min: 130, max: 180 }),
      density: fc.constantFrom(1, 0.9, 0.3),
      maxCap: fc.integer({ min: 0, max: 2 }),
      teams: fc.boolean(),
      seed: fc.integer({ min: 1, max: 2 ** 30 }),
    })
    .map(({ nLeft, nRight, density, maxCap, teams, seed }) => {
      let s = seed;
      const rand = () => {
        s = (Math.imul(s, 1103515245) + 12345) >>> 0;
        return s / 2 ** 32;
      };
      const caps = Int32Array.from({ length: nRight }, () =>
        rand() < 0.85 ? 0 : 1 + Math.floor(rand() * maxCap),
      );
      const scores = Float64Array.from({ length: nLeft * nRight }, (_, k) => {
        if (rand() >= density) return Number.NaN;
        return caps[k % nRight] === 0
          ? 60 + Math.floor(rand() * 800) / 20
          : Math.floor(rand() * 1400) / 20;
      });
      const demand = Int32Array.from({ length: nLeft }, () =>
        teams ? 1 + Math.floor(rand() * 3) : 1,
      );
      return fromDense(scores, nLeft, nRight, caps, demand);
    });

  it('same (matchedUnits, totalWeight) and a feasible answer', () => {
    fc.assert(
      fc.property(mediumArb, (inst) => {
        const r = assignMaxWeight(inst);
        const ref = referenceAssign(inst);
        expectFeasible(inst, r);
        expect(r.matchedUnits).toBe(ref.matchedUnits);
        expect(Math.abs(r.totalWeight - ref.totalWeight)).toBeLessThan(1e-6);
      }),
      { numRuns: 40, seed: 99 },
    );
  });
});
