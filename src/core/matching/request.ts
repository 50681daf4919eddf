/** What one matching run takes and returns (pure data), shared by the model runners. */

import type { MentoringModel } from '../config.js';
import type { Match, Participant, Problem } from '../types.js';
import type { CandidateGraph, GivenScores } from './candidates.js';
import type { MatchSettings } from './score.js';
import type { UnmatchedMentee } from './unmatched.js';
import { PairScoreArrays, pairArraysToCsr } from './pair-arrays.js';

/** Outside scores (--pair-scores): typed columns from the streaming reader, or plain rows. */
export type GivenPairs = PairScoreArrays | Array<{ mentee: string; mentor: string; score: number }>;

/** Everything one run needs (pure data; the command reads files and builds this). */
export interface MatchRequest {
  participants: Participant[];
  settings: MatchSettings;
  model: MentoringModel;
  algorithm: 'optimal' | 'stable';
  defaultCapacity: number;
  mentorsPerMentee: number;
  /** Current active pairs to keep (--keep). */
  keep: Match[];
  /** Pairs fixed first (--manual), by email. */
  manual: Array<{ mentee: string; mentor: string }>;
  /**
   * Outside scores (--pair-scores) by email. A PairScoreArrays is consumed: its columns are
   * released once the CSR is built.
   */
  given?: GivenPairs;
  /** Always count blocking pairs, even on large instances. */
  audit?: boolean;
}

/** A pair in the result, by index into `mentees` / `mentors`. */
export interface ChosenPair {
  i: number;
  j: number;
  score: number;
  origin: Match['origin'];
}

/** The result of one run. */
export interface MatchOutcome {
  model: MentoringModel;
  algorithm: 'optimal' | 'stable';
  mentees: Participant[];
  mentors: Participant[];
  capacity: Int32Array;
  demand: Int32Array;
  graph: CandidateGraph;
  pairs: ChosenPair[];
  unmatched: UnmatchedMentee[];
  problems: Problem[];
  /** With --algorithm stable: how many mentees the optimal matching would match. */
  optimalMatched?: number;
  blockingPairs?: number;
}

/** Typed columns of outside scores (plain rows are converted). */
export const givenArrays = (g: GivenPairs): PairScoreArrays =>
  g instanceof PairScoreArrays ? g : PairScoreArrays.fromRows(g);

/**
 * Outside scores as CSR over the given sides (mentor indices ascending, as the kernel expects; a
 * repeated pair keeps the later row).
 */
export function givenToCsr(
  given: GivenPairs,
  mentees: Participant[],
  mentors: Participant[],
): GivenScores {
  return pairArraysToCsr(givenArrays(given), mentees, mentors).csr;
}
