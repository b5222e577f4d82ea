/**
 * Static k-d tree over a row-major Float64Array (n rows × d columns) for Euclidean radius and
 * k-nearest-neighbour queries. Nodes live in typed arrays (no per-point objects); leaves hold up to
 * LEAF_SIZE rows. Split on the widest dimension at the median, as in Friedman, Bentley & Finkel
 * (1977) and scikit-learn's KDTree. The points are copied in tree order (`points`), so a leaf scan
 * reads contiguous memory instead of jumping through the row index.
 * @module
 */
const LEAF_SIZE = 16;

export interface KdTree {
  readonly data: Float64Array;
  readonly n: number;
  readonly d: number;
  /** Number of nodes; node 0 is the root, children have higher ids than their parent. */
  readonly nodes: number;
  /** Row indices permuted so each node owns a contiguous range. */
  readonly order: Int32Array;
  /** The rows in `order`: points[p·d + j] = data[order[p]·d + j]. */
  readonly points: Float64Array;
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
  if (n > 0) stack.push(make(0, n));
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
  const points = new Float64Array(n * d);
  for (let p = 0; p < n; p++) points.set(data.subarray(order[p] * d, order[p] * d + d), p * d);
  return { data, n, d, nodes: count, order, points, start, end, left, right, lo, hi };
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

/** Squared distance from the query to node `id`'s bounding box (0 inside). */
function boxMinSq(tree: KdTree, id: number, query: ArrayLike<number>, qo: number): number {
  const { d, lo, hi } = tree;
  let box = 0;
  for (let j = 0; j < d; j++) {
    const q = query[qo + j], l = lo[id * d + j], h = hi[id * d + j];
    const g = q < l ? l - q : q > h ? q - h : 0;
    box += g * g;
  }
  return box;
}

/** Squared distance from the query to the farthest corner of node `id`'s bounding box. */
function boxMaxSq(tree: KdTree, id: number, query: ArrayLike<number>, qo: number): number {
  const { d, lo, hi } = tree;
  let box = 0;
  for (let j = 0; j < d; j++) {
    const q = query[qo + j];
    const g = Math.max(q - lo[id * d + j], hi[id * d + j] - q);
    box += g * g;
  }
  return box;
}

/**
 * Calls `visit(row)` for every row within Euclidean distance `radius` of the
 * query (inclusive, like scikit-learn's radius_neighbors). Returns the count.
 */
export function radiusQuery(tree: KdTree, query: ArrayLike<number>, radius: number, visit?: (row: number) => void): number {
  const { points, d, order, start, end, left, right } = tree;
  if (tree.n === 0) return 0;
  const r2 = radius * radius;
  const stack: number[] = [0];
  let found = 0;
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (boxMinSq(tree, id, query, 0) > r2) continue;
    if (left[id] >= 0) { stack.push(left[id], right[id]); continue; }
    for (let p = start[id]; p < end[id]; p++) {
      const base = p * d;
      let s = 0;
      for (let j = 0; j < d; j++) { const t = points[base + j] - query[j]; s += t * t; }
      if (s <= r2) { found++; visit?.(order[p]); }
    }
  }
  return found;
}

/**
 * Number of rows within `radius` of row `qRow` of `q` (d columns, inclusive), counting at most
 * `stopAt`: the search stops as soon as the count reaches it (DBSCAN only asks "at least minSamples?").
 * A node whose whole box lies within the radius is counted without reading its points.
 * `stack` is scratch space (reused across calls to avoid allocation).
 */
export function radiusCount(tree: KdTree, q: Float64Array, qRow: number, radius: number, stopAt = Infinity, stack: Int32Array = new Int32Array(64)): number {
  const { points, d, start, end, left, right } = tree;
  if (tree.n === 0) return 0;
  const r2 = radius * radius, qo = qRow * d;
  let top = 0, found = 0;
  stack[top++] = 0;
  while (top > 0) {
    const id = stack[--top];
    if (boxMinSq(tree, id, q, qo) > r2) continue;
    if (boxMaxSq(tree, id, q, qo) <= r2) { found += end[id] - start[id]; if (found >= stopAt) return found; continue; }
    if (left[id] >= 0) { stack[top++] = left[id]; stack[top++] = right[id]; continue; }
    for (let p = start[id]; p < end[id]; p++) {
      const base = p * d;
      let s = 0;
      for (let j = 0; j < d; j++) { const t = points[base + j] - q[qo + j]; s += t * t; }
      if (s <= r2 && ++found >= stopAt) return found;
    }
  }
  return found;
}

/** Tree depth bound for scratch stacks: the tree is balanced, so 2·log2(n) + a margin suffices. */
export function stackSize(tree: KdTree): number {
  return 2 * Math.ceil(Math.log2(tree.n + 2)) + 64;
}

/** Result buffers of a k-nearest-neighbour query. */
export interface Knn {
  /** Row indices of the k nearest rows, nearest first (-1 when the tree has fewer than k rows). */
  readonly index: Int32Array;
  /** Their Euclidean distances (Infinity when missing). */
  readonly dist: Float64Array;
}

/**
 * The k nearest rows to row `qRow` of `q` (d columns), nearest first, into `out` (allocated when
 * absent). Ties at equal distance keep the lower row index first, so results do not depend on the
 * tree's layout. `maxDist` bounds the search (rows farther are not reported). Depth-first, nearer
 * child first, pruning boxes farther than the current k-th distance (scikit-learn's KDTree query).
 */
export function knnQuery(tree: KdTree, q: ArrayLike<number>, qRow: number, k: number, out?: Knn, maxDist = Infinity): Knn {
  const { points, d, order, start, end, left, right } = tree;
  const index = out?.index ?? new Int32Array(k), dist = out?.dist ?? new Float64Array(k);
  index.fill(-1);
  dist.fill(maxDist * maxDist); // an empty slot holds the bound; a row at exactly maxDist is kept
  if (tree.n === 0 || k === 0) { dist.fill(Infinity); return { index, dist }; }
  const qo = qRow * d;
  const stack: number[] = [0];
  const boxes: number[] = [boxMinSq(tree, 0, q, qo)];
  while (stack.length > 0) {
    const id = stack.pop()!, box = boxes.pop()!;
    if (box > dist[k - 1]) continue;
    if (left[id] >= 0) {
      const a = left[id], b = right[id];
      const da = boxMinSq(tree, a, q, qo), db = boxMinSq(tree, b, q, qo);
      if (da <= db) { stack.push(b, a); boxes.push(db, da); } else { stack.push(a, b); boxes.push(da, db); }
      continue;
    }
    for (let p = start[id]; p < end[id]; p++) {
      const base = p * d;
      let s = 0;
      for (let j = 0; j < d; j++) { const t = points[base + j] - q[qo + j]; s += t * t; }
      const row = order[p];
      const kd = dist[k - 1], ki = index[k - 1];
      if (ki < 0 ? s > kd : s > kd || (s === kd && row > ki)) continue;
      // insertion into the sorted buffer (k is small: minSamples)
      let m = k - 1;
      while (m > 0 && (index[m - 1] < 0 || dist[m - 1] > s || (dist[m - 1] === s && index[m - 1] > row))) { dist[m] = dist[m - 1]; index[m] = index[m - 1]; m--; }
      dist[m] = s; index[m] = row;
    }
  }
  for (let m = 0; m < k; m++) {
    if (index[m] < 0) dist[m] = Infinity;
    else dist[m] = Math.sqrt(dist[m]);
  }
  return { index, dist };
}

const cachedTrees = new WeakMap<object, KdTree>();

/**
 * The k-d tree over `points` (n × d, row-major), built once per `owner` (a fitted state: predict is
 * called many times on the same state, the tree never changes).
 */
export function cachedKdTree(owner: object, points: ArrayLike<number>, n: number, d: number): KdTree {
  let t = cachedTrees.get(owner);
  if (!t) {
    t = buildKdTree(Float64Array.from(points), n, d);
    cachedTrees.set(owner, t);
  }
  return t;
}
