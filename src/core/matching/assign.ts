/** Capacitated bipartite assignment (stub while the solver is written). */
export interface BipartiteInstance {
  nLeft: number;
  nRight: number;
  rightCapacity: Int32Array;
  leftDemand?: Int32Array;
  offsets: Int32Array;
  targets: Int32Array;
  weights: Float64Array;
}
export interface BipartiteResult { edgeIndex: Int32Array; matchedUnits: number; totalWeight: number; }
export function assignMaxWeight(inst: BipartiteInstance): BipartiteResult {
  void inst;
  return { edgeIndex: new Int32Array(0), matchedUnits: 0, totalWeight: 0 };
}
/** Builds a CSR instance from a dense score matrix (NaN or -Infinity = forbidden). */
export function fromDense(scores: Float64Array, nLeft: number, nRight: number, rightCapacity: Int32Array, leftDemand?: Int32Array): BipartiteInstance {
  void scores; void nLeft; void nRight; void rightCapacity; void leftDemand;
  return { nLeft, nRight, rightCapacity, leftDemand, offsets: new Int32Array(nLeft + 1), targets: new Int32Array(0), weights: new Float64Array(0) };
}
