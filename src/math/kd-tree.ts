/**
 * Static k-d tree over a row-major Float64Array (n rows × d columns) for
 * Euclidean radius queries. Nodes live in typed arrays (no per-point objects);
 * leaves hold up to LEAF_SIZE row indices. Split on the widest dimension at the
 * median, as in Friedman, Bentley & Finkel (1977) and scikit-learn's KDTree.
 */
const LEAF_SIZE = 16;

export interface KdTree {
  readonly data: Float64Array;
  readonly n: number;
  readonly d: number;
  /** Row indices permuted so each node owns a contiguous range. */
  readonly order: Int32Array;
  readonly start: Int32Array;
  readonly end: Int32Array;
  readonly left: Int32Array; // -1 for leaves
  readonly right: Int32Array;
  /** Bounding box per node: lo/hi, node-major, d values each. */
  readonly lo: Float64Array;
  readonly hi: Float64Array;
}

export function buildKdTree(data: Float64Array, n: number, d: number): KdTree {
  const maxNodes = 2 * Math.ceil(n / 4) + 1; // leaves hold >= LEAF_SIZE/2 rows, so this bound is loose
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const start = new Int32Array(maxNodes), end = new Int32Array(maxNodes);
  const left = new Int32Array(maxNodes).fill(-1), right = new Int32Array(maxNodes).fill(-1);
  const lo = new Float64Array(maxNodes * d), hi = new Float64Array(maxNodes * d);
  let count = 0;
  const stack: number[] = [];
  const make = (s: number, e: number): number => {
    const id = count++;
    start[id] = s; end[id] = e;
    for (let j = 0; j < d; j++) { lo[id * d + j] = Infinity; hi[id * d + j] = -Infinity; }
    for (let p = s; p < e; p++) {
      const r = order[p] * d;
      for (let j = 0; j < d; j++) {
        const v = data[r + j];
        if (v < lo[id * d + j]) lo[id * d + j] = v;
        if (v > hi[id * d + j]) hi[id * d + j] = v;
      }
    }
    return id;
  };
  stack.push(make(0, n));
  while (stack.length > 0) {
    const id = stack.pop()!;
    const s = start[id], e = end[id];
    if (e - s <= LEAF_SIZE) continue;
    let dim = 0, width = -1;
    for (let j = 0; j < d; j++) {
      const w = hi[id * d + j] - lo[id * d + j];
      if (w > width) { width = w; dim = j; }
    }
    if (width <= 0) continue; // all points identical: keep as leaf
    const mid = (s + e) >> 1;
    quickselect(data, d, order, s, e - 1, mid, dim);
    left[id] = make(s, mid);
    right[id] = make(mid, e);
    stack.push(left[id], right[id]);
  }
  return { data, n, d, order, start, end, left, right, lo, hi };
}

/** Hoare-style selection so order[k] holds the k-th smallest value in `dim`. */
function quickselect(data: Float64Array, d: number, order: Int32Array, l: number, r: number, k: number, dim: number): void {
  while (r > l) {
    const pivot = data[order[(l + r) >> 1] * d + dim];
    let i = l, j = r;
    while (i <= j) {
      while (data[order[i] * d + dim] < pivot) i++;
      while (data[order[j] * d + dim] > pivot) j--;
      if (i <= j) { const t = order[i]; order[i] = order[j]; order[j] = t; i++; j--; }
    }
    if (k <= j) r = j; else if (k >= i) l = i; else return;
  }
}

/**
 * Calls `visit(row)` for every row within Euclidean distance `radius` of the
 * query (inclusive, like scikit-learn's radius_neighbors). Returns the count.
 */
export function radiusQuery(tree: KdTree, query: ArrayLike<number>, radius: number, visit?: (row: number) => void): number {
  const { data, d, order, start, end, left, right, lo, hi } = tree;
  if (tree.n === 0) return 0;
  const r2 = radius * radius;
  const stack: number[] = [0];
  let found = 0;
  while (stack.length > 0) {
    const id = stack.pop()!;
    let box = 0;
    for (let j = 0; j < d; j++) {
      const q = query[j];
      const g = q < lo[id * d + j] ? lo[id * d + j] - q : q > hi[id * d + j] ? q - hi[id * d + j] : 0;
      box += g * g;
    }
    if (box > r2) continue;
    if (left[id] >= 0) { stack.push(left[id], right[id]); continue; }
    for (let p = start[id]; p < end[id]; p++) {
      const row = order[p], base = row * d;
      let s = 0;
      for (let j = 0; j < d; j++) { const t = data[base + j] - query[j]; s += t * t; }
      if (s <= r2) { found++; visit?.(row); }
    }
  }
  return found;
}
