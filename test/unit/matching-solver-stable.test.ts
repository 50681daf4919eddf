import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  blockingPairs,
  stableMatching,
  type StableInstance,
} from '../../src/core/solvers/stable.js';

/** Builds an instance from explicit mentor preference lists (unlisted mentees are unacceptable). */
function fromLists(
  menteePrefs: number[][],
  mentorPrefs: number[][],
  capacity: number[],
): StableInstance {
  return {
    menteePrefs,
    capacity,
    mentorRank: (j, m) => {
      const r = mentorPrefs[j].indexOf(m);
      return r < 0 ? Infinity : r;
    },
  };
}

describe('stableMatching', () => {
  it('textbook instance: the mentee-optimal stable matching (Gale-Shapley 1962, 3 x 3)', () => {
    // Mentees A,B,C = 0,1,2; mentors X,Y,Z = 0,1,2. Two stable matchings exist:
    // mentee-optimal A-X, B-Y, C-Z and mentor-optimal A-Y, B-Z, C-X.
    const inst = fromLists(
      [
        [0, 1, 2],
        [1, 2, 0],
        [2, 0, 1],
      ],
      [
        [1, 2, 0],
        [2, 0, 1],
        [0, 1, 2],
      ],
      [1, 1, 1],
    );
    expect(Array.from(stableMatching(inst).menteeTo)).toEqual([0, 1, 2]);
    expect(blockingPairs(inst, Int32Array.from([0, 1, 2]))).toEqual([]);
    expect(blockingPairs(inst, Int32Array.from([1, 2, 0]))).toEqual([]);
    // C prefers X, X prefers C over A
    expect(blockingPairs(inst, Int32Array.from([0, 2, 1]))).toEqual([[2, 0]]);
  });

  it('hospitals/residents with capacities and an unacceptable pair', () => {
    // Mentor 0 (capacity 2) ranks 2 > 0 > 1 and refuses 3; mentor 1 (capacity 1) ranks 3 > 1 > 0.
    const inst = fromLists(
      [[0, 1], [0, 1], [0], [0, 1]],
      [
        [2, 0, 1],
        [3, 1, 0],
      ],
      [2, 1],
    );
    expect(Array.from(stableMatching(inst).menteeTo)).toEqual([0, -1, 0, 1]);
    expect(blockingPairs(inst, stableMatching(inst).menteeTo)).toEqual([]);
  });

  it('reports blocking pairs for free capacity and for a preferred mentee', () => {
    const inst = fromLists([[0], [0]], [[1, 0]], [1]);
    expect(blockingPairs(inst, Int32Array.from([-1, -1]))).toEqual([
      [0, 0],
      [1, 0],
    ]);
    expect(blockingPairs(inst, Int32Array.from([0, -1]))).toEqual([[1, 0]]);
    expect(blockingPairs(inst, Int32Array.from([-1, 0]))).toEqual([]);
  });

  const instArb = fc
    .record({ nMentees: fc.integer({ min: 0, max: 9 }), nMentors: fc.integer({ min: 1, max: 5 }) })
    .chain(({ nMentees, nMentors }) =>
      fc
        .record({
          prefs: fc.array(fc.shuffledSubarray([...Array(nMentors).keys()]), {
            minLength: nMentees,
            maxLength: nMentees,
          }),
          ranks: fc.array(
            fc.array(fc.oneof(fc.integer({ min: 0, max: 5 }), fc.constant(Infinity)), {
              minLength: nMentees,
              maxLength: nMentees,
            }),
            { minLength: nMentors, maxLength: nMentors },
          ),
          capacity: fc.array(fc.integer({ min: 0, max: 3 }), {
            minLength: nMentors,
            maxLength: nMentors,
          }),
        })
        .map(({ prefs, ranks, capacity }): StableInstance => ({
          menteePrefs: prefs,
          capacity,
          mentorRank: (j, m) => ranks[j][m],
        })),
    );

  it('random instances (ties and unacceptable pairs): feasible and no blocking pair', () => {
    fc.assert(
      fc.property(instArb, (inst) => {
        const { menteeTo } = stableMatching(inst);
        const load = inst.capacity.map(() => 0);
        menteeTo.forEach((j, m) => {
          if (j < 0) return;
          expect(inst.menteePrefs[m]).toContain(j);
          expect(Number.isFinite(inst.mentorRank(j, m))).toBe(true);
          load[j]++;
        });
        load.forEach((l, j) => expect(l).toBeLessThanOrEqual(inst.capacity[j]));
        expect(blockingPairs(inst, menteeTo)).toEqual([]);
      }),
      { numRuns: 500, seed: 3 },
    );
  });
});
