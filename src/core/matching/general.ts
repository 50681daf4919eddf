/** Maximum-weight matching in a general graph (stub while the solver is written). */
export function maxWeightMatching(n: number, edges: Array<[number, number, number]>, maxCardinality = false): Int32Array {
  void edges; void maxCardinality;
  return new Int32Array(n).fill(-1);
}
