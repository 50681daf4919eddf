// perf: an indexed heap with decrease-key over typed arrays for the Dijkstra steps of the
//   transport solver
//   (bench: match-solver.mjs)
/**
 * Indexed binary min-heap on typed arrays: keys are numbers, ties broken by the smaller node index.
 */
export class IndexedMinHeap {
  readonly keys: Float64Array;
  private readonly heap: Int32Array;
  private readonly pos: Int32Array;
  size = 0;

  constructor(capacity: number) {
    this.keys = new Float64Array(capacity);
    this.heap = new Int32Array(capacity);
    this.pos = new Int32Array(capacity).fill(-1);
  }

  /** Empties the heap in O(size). */
  clear(): void {
    for (let k = 0; k < this.size; k++) this.pos[this.heap[k]] = -1;
    this.size = 0;
  }

  /** The smallest key (Infinity when empty). */
  minKey(): number {
    return this.size === 0 ? Infinity : this.keys[this.heap[0]];
  }

  /** Inserts `node` with `key`, or lowers its key when it is already queued. */
  push(node: number, key: number): void {
    let k = this.pos[node];
    if (k < 0) {
      k = this.size++;
      this.heap[k] = node;
      this.pos[node] = k;
    }
    this.keys[node] = key;
    this.siftUp(k);
  }

  /** Removes and returns the node with the smallest (key, index). */
  pop(): number {
    const heap = this.heap;
    const top = heap[0];
    this.pos[top] = -1;
    const last = heap[--this.size];
    if (this.size > 0) {
      heap[0] = last;
      this.pos[last] = 0;
      this.siftDown(0);
    }
    return top;
  }

  private less(a: number, b: number): boolean {
    const ka = this.keys[a];
    const kb = this.keys[b];
    return ka < kb || (ka === kb && a < b);
  }

  private siftUp(k: number): void {
    const heap = this.heap;
    const node = heap[k];
    while (k > 0) {
      const parent = (k - 1) >> 1;
      const p = heap[parent];
      if (!this.less(node, p)) break;
      heap[k] = p;
      this.pos[p] = k;
      k = parent;
    }
    heap[k] = node;
    this.pos[node] = k;
  }

  private siftDown(k: number): void {
    const heap = this.heap;
    const n = this.size;
    const node = heap[k];
    for (;;) {
      let child = 2 * k + 1;
      if (child >= n) break;
      if (child + 1 < n && this.less(heap[child + 1], heap[child])) child++;
      const c = heap[child];
      if (!this.less(c, node)) break;
      heap[k] = c;
      this.pos[c] = k;
      k = child;
    }
    heap[k] = node;
    this.pos[node] = k;
  }
}
