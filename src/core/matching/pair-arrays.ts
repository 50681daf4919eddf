/**
 * Pair scores as parallel typed arrays (people interned by normalised email), and their CSR over
 * the matching's sides.
 */

import type { Participant } from '../types.js';
import type { GivenScores } from './candidates.js';
import { norm } from '../keys.js';

// perf: outside scores kept as typed columns, 25 M pairs without 25 M objects (bench:
//   match-cli.mjs)
/**
 * Growable columns of (mentee, mentor, score): 16 bytes a row instead of a JS object; file lines
 * kept as jumps.
 */
export class PairScoreArrays {
  /** Normalised emails by index: [mentee side, mentor side]. */
  readonly keys: [string[], string[]] = [[], []];
  private readonly lookup = [new Map<string, number>(), new Map<string, number>()];
  mentee: Int32Array;
  mentor: Int32Array;
  score: Float64Array;
  count = 0;
  // Row k is on line lines[x] + (k - jumps[x]) for the last jump x <= k (blank or multi-line rows
  // add jumps).
  private readonly jumps: number[] = [];
  private readonly lines: number[] = [];
  constructor(
    readonly file: string,
    capacity = 1024,
  ) {
    this.mentee = new Int32Array(capacity);
    this.mentor = new Int32Array(capacity);
    this.score = new Float64Array(capacity);
  }
  /** Index of a normalised email on one side, added when new. */
  key(side: 0 | 1, email: string): number {
    const m = this.lookup[side];
    let k = m.get(email);
    if (k === undefined) {
      k = this.keys[side].length;
      this.keys[side].push(email);
      m.set(email, k);
    }
    return k;
  }
  /** Appends a row; the arrays double when full. */
  push(i: number, j: number, score: number, line: number): void {
    if (this.count === this.mentee.length) this.resize(this.count * 2);
    const k = this.count++;
    this.mentee[k] = i;
    this.mentor[k] = j;
    this.score[k] = score;
    if (k === 0 || this.lineOf(k) !== line) {
      this.jumps.push(k);
      this.lines.push(line);
    }
  }
  /** The file line of row k. */
  lineOf(k: number): number {
    let lo = 0,
      hi = this.jumps.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.jumps[mid] <= k) lo = mid;
      else hi = mid - 1;
    }
    return this.jumps.length ? this.lines[lo] + (k - this.jumps[lo]) : 0;
  }
  /** Drops the columns (after the CSR is built) so a large file's memory can be reclaimed. */
  release(): void {
    this.resize(0);
    this.count = 0;
  }
  /**
   * Makes room for `n` rows in one step (a reader that can estimate the row count avoids doubling
   * 400 MB).
   */
  reserve(n: number): void {
    if (n > this.mentee.length) this.resize(n);
  }
  /**
   * Trims a large spare capacity (copying costs time and peak memory, so a small spare is kept).
   */
  finish(): this {
    if (this.mentee.length - this.count > 1024 && this.mentee.length > this.count * 1.25)
      this.resize(this.count);
    return this;
  }
  private resize(n: number): void {
    const grow = <T extends Int32Array | Float64Array>(a: T, b: T): T => {
      b.set(a.subarray(0, Math.min(a.length, n)));
      return b;
    };
    this.mentee = grow(this.mentee, new Int32Array(n));
    this.mentor = grow(this.mentor, new Int32Array(n));
    this.score = grow(this.score, new Float64Array(n));
  }
  /** From rows of emails (tests, XLSX files, the library API). */
  static fromRows(
    rows: Array<{ mentee: string; mentor: string; score: number; row?: number }>,
    file = '',
  ): PairScoreArrays {
    const a = new PairScoreArrays(file, Math.max(16, rows.length));
    rows.forEach((r, k) =>
      a.push(a.key(0, norm(r.mentee)), a.key(1, norm(r.mentor)), r.score, r.row ?? k + 2),
    );
    return a;
  }
}

/** A pair listed more than once: the later row wins. */
export interface DuplicatePair {
  mentee: string;
  mentor: string;
  line: number;
  earlierLine: number;
}

// perf: CSR (offsets/targets/scores arrays) is the layout the solvers scan fastest (bench:
//   match-solver.mjs)
/**
 * CSR of the scores over the given sides, mentor indexes ascending per row (a stable counting
 * sort by mentee, then each row sorted by mentor). Rows naming someone not on that side are
 * skipped (withdrawn, or a mentor in the mentee column). Duplicates keep the later row.
 */
export function pairArraysToCsr(
  a: PairScoreArrays,
  mentees: Participant[],
  mentors: Participant[],
): { csr: GivenScores; duplicates: number; firstDuplicate?: DuplicatePair } {
  const sideIndex = (keys: string[], people: Participant[]) => {
    const at = new Map(people.map((p, x) => [norm(p.email), x]));
    return Int32Array.from(keys, (k) => at.get(k) ?? -1);
  };
  const li = sideIndex(a.keys[0], mentees),
    ri = sideIndex(a.keys[1], mentors);
  const nL = mentees.length,
    nR = mentors.length;
  const offsets = new Int32Array(nL + 1);
  for (let k = 0; k < a.count; k++) {
    const i = li[a.mentee[k]];
    if (i >= 0 && ri[a.mentor[k]] >= 0) offsets[i + 1]++;
  }
  for (let i = 0; i < nL; i++) offsets[i + 1] += offsets[i];
  const E = offsets[nL];
  const targets = new Int32Array(E),
    scores = new Float64Array(E);
  const fill = offsets.slice(0, nL);
  for (let k = 0; k < a.count; k++) {
    const i = li[a.mentee[k]],
      j = ri[a.mentor[k]];
    if (i < 0 || j < 0) continue;
    const e = fill[i]++;
    targets[e] = j;
    scores[e] = a.score[k];
  }
  // Per row: sort by mentor when needed (files are usually already in order), drop duplicates.
  const seen = new Int32Array(nR).fill(-1);
  let w = 0,
    duplicates = 0;
  let dup = -1;
  for (let i = 0; i < nL; i++) {
    const s = offsets[i],
      t = offsets[i + 1];
    offsets[i] = w;
    let sorted = true;
    for (let e = s + 1; e < t && sorted; e++) if (targets[e] <= targets[e - 1]) sorted = false;
    if (sorted) {
      for (let e = s; e < t; e++) {
        targets[w] = targets[e];
        scores[w++] = scores[e];
      }
      continue;
    }
    for (let e = s; e < t; e++) {
      const j = targets[e],
        before = seen[j];
      if (before >= 0) {
        duplicates++;
        if (dup < 0) dup = i * nR + j;
      }
      seen[j] = e; // rows come in file order, so the last one wins
    }
    const order: number[] = [];
    for (let e = s; e < t; e++) if (seen[targets[e]] === e) order.push(e);
    order.sort((x, y) => targets[x] - targets[y]);
    const tj = order.map((e) => targets[e]),
      ts = order.map((e) => scores[e]);
    for (let e = s; e < t; e++) seen[targets[e]] = -1;
    for (let x = 0; x < order.length; x++) {
      targets[w] = tj[x];
      scores[w++] = ts[x];
    }
  }
  offsets[nL] = w;
  const csr =
    w === E
      ? { offsets, targets, scores }
      : { offsets, targets: targets.slice(0, w), scores: scores.slice(0, w) };
  return {
    csr,
    duplicates,
    firstDuplicate:
      dup < 0
        ? undefined
        : duplicateLines(a, li, ri, Math.floor(dup / nR), dup % nR, mentees, mentors),
  };
}

/** The file lines of the first repeated pair (only run when there is one). */
function duplicateLines(
  a: PairScoreArrays,
  li: Int32Array,
  ri: Int32Array,
  i: number,
  j: number,
  mentees: Participant[],
  mentors: Participant[],
): DuplicatePair {
  const lines: number[] = [];
  for (let k = 0; k < a.count && lines.length < 2; k++)
    if (li[a.mentee[k]] === i && ri[a.mentor[k]] === j) lines.push(a.lineOf(k));
  return {
    mentee: mentees[i].email,
    mentor: mentors[j].email,
    earlierLine: lines[0],
    line: lines[1],
  };
}

/** Both directions of every pair, one key space (the peer model scores a pair from either side). */
export function symmetricPairs(a: PairScoreArrays): PairScoreArrays {
  const out = new PairScoreArrays(a.file, Math.max(16, a.count * 2));
  for (let k = 0; k < a.count; k++) {
    const x = a.keys[0][a.mentee[k]],
      y = a.keys[1][a.mentor[k]],
      line = a.lineOf(k);
    out.push(out.key(0, x), out.key(1, y), a.score[k], line);
    out.push(out.key(0, y), out.key(1, x), a.score[k], line);
  }
  return out;
}
