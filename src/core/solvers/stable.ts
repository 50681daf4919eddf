/**
 * Input of the stable (deferred acceptance) model: mentee preference lists, mentor rankings,
 * capacities.
 */
export interface StableInstance {
  menteePrefs: number[][]; // each mentee's acceptable mentors, best first
  mentorRank: (mentor: number, mentee: number) => number; // lower = better; Infinity = unacceptable
  capacity: number[];
}

/**
 * Mentor `j` ranks mentee `a` above `b`; equal ranks go to the lower mentee index (deterministic).
 */
function prefers(inst: StableInstance, j: number, a: number, b: number): boolean {
  const ra = inst.mentorRank(j, a);
  const rb = inst.mentorRank(j, b);
  return ra < rb || (ra === rb && a < b);
}

/**
 * Mentee-proposing deferred acceptance with mentor capacities (hospitals/residents, Gale-Shapley
 * 1962 / Roth 1984): the mentee-optimal stable matching. Mentees propose in index order; a mentor
 * over capacity rejects the mentee it ranks worst.
 */
export function stableMatching(inst: StableInstance): { menteeTo: Int32Array } {
  const nMentees = inst.menteePrefs.length;
  const menteeTo = new Int32Array(nMentees).fill(-1);
  const next = new Int32Array(nMentees); // position of the next proposal in each list
  const held: number[][] = inst.capacity.map(() => []);
  const free: number[] = [];
  for (let m = nMentees - 1; m >= 0; m--) free.push(m); // pop() yields mentee 0 first
  while (free.length > 0) {
    const m = free.pop()!;
    const prefs = inst.menteePrefs[m];
    while (next[m] < prefs.length) {
      const j = prefs[next[m]++];
      if (!(inst.capacity[j] > 0) || !Number.isFinite(inst.mentorRank(j, m))) continue;
      const list = held[j];
      if (list.length < inst.capacity[j]) {
        list.push(m);
        menteeTo[m] = j;
        break;
      }
      let worst = 0;
      for (let k = 1; k < list.length; k++) if (prefers(inst, j, list[worst], list[k])) worst = k;
      if (!prefers(inst, j, m, list[worst])) continue;
      const out = list[worst];
      list[worst] = m;
      menteeTo[m] = j;
      menteeTo[out] = -1;
      free.push(out);
      break;
    }
  }
  return { menteeTo };
}

/**
 * Pairs (mentee, mentor) that both prefer each other over their current situation (mentor has
 * free capacity or strictly prefers the mentee over its worst assigned one). Sorted by mentee.
 */
export function blockingPairs(inst: StableInstance, menteeTo: Int32Array): Array<[number, number]> {
  const held: number[][] = inst.capacity.map(() => []);
  menteeTo.forEach((j, m) => {
    if (j >= 0) held[j].push(m);
  });
  const worstRank = held.map((list, j) =>
    Math.max(-Infinity, ...list.map((m) => inst.mentorRank(j, m))),
  );
  const out: Array<[number, number]> = [];
  inst.menteePrefs.forEach((prefs, m) => {
    for (const j of prefs) {
      if (j === menteeTo[m]) break; // the rest are worse than the current mentor
      const rank = inst.mentorRank(j, m);
      if (!Number.isFinite(rank) || !(inst.capacity[j] > 0)) continue;
      if (held[j].length < inst.capacity[j] || rank < worstRank[j]) out.push([m, j]);
    }
  });
  return out;
}
