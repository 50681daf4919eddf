/**
 * The matching stage as a library: scoring, rules, candidates, models, explanations, audit, diff
 * and stored state.
 */

export * from './score.js';
export * from './rules.js';
export * from './candidates.js';
export * from './explain.js';
export * from './unmatched.js';
export * from './models.js';
export { bestOf } from './peer.js';
export * from './suggest.js';
export * from './audit.js';
export * from './diff.js';
export * from './state.js';
export * from './pair-scores.js';
export {
  toUtcWeekIntervals,
  overlapMinutes,
  commonMinutes,
  workingHoursWindows,
} from '../availability/overlap.js';
export {
  assignMaxWeight,
  type BipartiteInstance,
  type BipartiteResult,
} from '../solvers/assign.js';
export { stableMatching, blockingPairs, type StableInstance } from '../solvers/stable.js';
export { maxWeightMatching } from '../solvers/blossom.js';
