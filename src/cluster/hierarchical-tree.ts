/**
 * The merge tree of agglomerative clustering in scipy's linkage-matrix form, and its flat cuts.
 * The merge algorithms (nearest-neighbour chain, Prim's MST) emit merges in the order they find them,
 * between "slots" (any row of each cluster); `toTree` sorts them by height (stable, as scipy's
 * `linkage` does with `argsort(kind='mergesort')`) and renames the children with a union-find, as
 * scipy's `_hierarchy.label`: rows are ids 0…n−1 and merge i creates id n+i; each merge lists its
 * smaller child id first. Müllner, "Modern hierarchical, agglomerative clustering algorithms",
 * arXiv:1109.2378 (2011), section 2.
 * @module
 */

/** n−1 merges in height order; merge i creates cluster id n+i. Typed arrays, one entry per merge. */
export interface MergeTree {
  /** Number of rows (leaves). */
  readonly n: number;
  /** Child ids (a < b): rows are 0…n−1, merge i is n+i. */
  readonly a: Int32Array;
  readonly b: Int32Array;
  /** Merge height (the linkage distance), ascending. */
  readonly height: Float64Array;
  /** Rows under the merged cluster. */
  readonly size: Int32Array;
}

/** Merges as found: slot pairs (any row of each cluster) and heights, in discovery order. */
export interface RawMerges {
  readonly slotA: Int32Array;
  readonly slotB: Int32Array;
  readonly height: Float64Array;
}

/** Sorts raw merges by height (stable) and labels them as scipy does. Assumes n ≥ 1. */
export function toTree(raw: RawMerges, n: number): MergeTree {
  const m = n - 1;
  const order = Array.from({ length: m }, (_, i) => i).sort((i, j) => raw.height[i] - raw.height[j]);
  // Union-find over rows; the root row of each set knows the cluster id and size of its set.
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const id = Int32Array.from({ length: n }, (_, i) => i);
  const setSize = new Int32Array(n).fill(1);
  const find = (x: number): number => {
    let r = x;
    while (parent[r] !== r) r = parent[r];
    while (parent[x] !== r) {
      const next = parent[x];
      parent[x] = r;
      x = next;
    }
    return r;
  };
  const a = new Int32Array(m), b = new Int32Array(m), height = new Float64Array(m), size = new Int32Array(m);
  for (let i = 0; i < m; i++) {
    const k = order[i];
    const rx = find(raw.slotA[k]), ry = find(raw.slotB[k]);
    const ix = id[rx], iy = id[ry];
    a[i] = Math.min(ix, iy);
    b[i] = Math.max(ix, iy);
    height[i] = raw.height[k];
    size[i] = setSize[rx] + setSize[ry];
    parent[ry] = rx;
    setSize[rx] = size[i];
    id[rx] = n + i;
  }
  return { n, a, b, height, size };
}

/** A flat cut: per-row cluster (0…k−1, numbered by first row) and the tree node of each cluster. */
export interface Cut {
  readonly labels: Int32Array;
  /** Tree id of each cluster: a row id (a singleton) or n+i (merge i). */
  readonly nodes: Int32Array;
}

/** Cuts the tree into exactly k clusters by undoing the last k−1 merges (fcluster 'maxclust' without ties). */
export function cutAtCount(tree: MergeTree, k: number): Cut {
  const n = tree.n;
  const applied = n - k;
  // top[node] = the id of the cut cluster holding node. Parents have larger ids than children, so
  // visiting merges from the last applied one down fills parents before their children.
  const top = new Int32Array(2 * n - 1);
  for (let i = 0; i < top.length; i++) top[i] = i;
  for (let i = applied - 1; i >= 0; i--) {
    const t = top[n + i];
    top[tree.a[i]] = t;
    top[tree.b[i]] = t;
  }
  const labelOf = new Map<number, number>();
  const labels = new Int32Array(n);
  const nodes = new Int32Array(k);
  for (let r = 0; r < n; r++) {
    let l = labelOf.get(top[r]);
    if (l === undefined) {
      l = labelOf.size;
      labelOf.set(top[r], l);
      nodes[l] = top[r];
    }
    labels[r] = l;
  }
  return { labels, nodes };
}

/**
 * Number of clusters left when every merge at or below `height` is applied (fcluster's 'distance'
 * criterion: no cluster has a cophenetic distance above the height). Heights ascend for the four
 * linkages here (all are monotone), so this counts the merges ≤ height.
 */
export function countAtHeight(tree: MergeTree, height: number): number {
  let lo = 0, hi = tree.height.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tree.height[mid] <= height) lo = mid + 1;
    else hi = mid;
  }
  return tree.n - lo;
}
