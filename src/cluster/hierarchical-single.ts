/**
 * Single linkage by Prim's minimum spanning tree with distances computed on the fly: O(n) memory,
 * O(n²·d) time, so it needs no memory limit (Müllner 2011, arXiv:1109.2378, "MST-linkage"; scipy's
 * `linkage(X, 'single')` and fastcluster's `linkage_vector(X, 'single')` use the same algorithm).
 * Each step records (last added row, next row, key): single-linkage clusters are contiguous runs of
 * Prim's order, so these pairs give the right tree once sorted by height (Müllner, section 3.1).
 * Assumes validated input (finite numbers, n ≥ 1).
 * @module
 */
import type { Matrix } from '../math/matrix.js';
import { sqDist } from '../math/distance.js';
import type { RawMerges } from './hierarchical-tree.js';
import type { MergeHook } from './hierarchical-ward.js';

/** Single-linkage merges from Prim's algorithm. */
export function singleLinkageMst(x: Matrix, onMerges?: MergeHook): RawMerges {
  const n = x.rows, d = x.cols, m = n - 1;
  const key = new Float64Array(n).fill(Infinity); // distance of each outside row to the tree
  const inTree = new Uint8Array(n);
  const slotA = new Int32Array(m), slotB = new Int32Array(m), height = new Float64Array(m);
  let last = 0;
  for (let k = 0; k < m; k++) {
    if (onMerges && k % 1024 === 0) onMerges(k, m);
    inTree[last] = 1;
    let next = -1, nextKey = Infinity;
    const lo = last * d;
    for (let i = 0; i < n; i++) {
      if (inTree[i]) continue;
      const v = Math.sqrt(sqDist(x.data, lo, x.data, i * d, d));
      if (v < key[i]) key[i] = v;
      if (key[i] < nextKey) {
        nextKey = key[i];
        next = i;
      }
    }
    slotA[k] = last;
    slotB[k] = next;
    height[k] = nextKey;
    last = next;
  }
  return { slotA, slotB, height };
}
