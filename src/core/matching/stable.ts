/** Mentee-proposing deferred acceptance (stub while the solver is written). */
export interface StableInstance { menteePrefs: number[][]; mentorRank: (mentor: number, mentee: number) => number; capacity: number[] }
export function stableMatching(inst: StableInstance): { menteeTo: Int32Array } {
  return { menteeTo: new Int32Array(inst.menteePrefs.length).fill(-1) };
}
/** Pairs (mentee, mentor) that both prefer each other over their current situation. */
export function blockingPairs(inst: StableInstance, menteeTo: Int32Array): Array<[number, number]> {
  void inst; void menteeTo;
  return [];
}
