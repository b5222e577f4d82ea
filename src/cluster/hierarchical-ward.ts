/**
 * Ward linkage without a distance matrix: the nearest-neighbour chain over cluster centroids and
 * sizes (Müllner 2011, arXiv:1109.2378, "NN-chain-linkage" with the "stored data approach" of section
 * 3.3; fastcluster's `linkage_vector(X, 'ward')` works the same way). Memory O(n·d): one centroid and
 * one size per cluster, no n×n matrix, so 100k rows fit where scipy's `linkage` needs n(n−1)/2 doubles.
 *
 * Distance between clusters u, v (scipy's convention, the Lance-Williams Ward update on Euclidean
 * distances): d(u,v) = sqrt(2·|u||v|/(|u|+|v|)) · ‖c_u − c_v‖, so two single rows merge at their
 * Euclidean distance. The chain compares w(u,v) = |u||v|/(|u|+|v|)·‖c_u − c_v‖² (same order, no sqrt).
 *
 * We write our own because no maintained JavaScript library has a matrix-free Ward: the npm packages
 * for hierarchical clustering (ml-hclust, hclust and similar) build the full distance matrix.
 * Assumes validated input (finite numbers, n ≥ 1).
 * @module
 */
import type { Matrix } from '../math/matrix.js';
import type { RawMerges } from './hierarchical-tree.js';

/** Called every `PROGRESS_EVERY` merges; may throw to abort. */
export type MergeHook = (done: number, total: number) => void;
const PROGRESS_EVERY = 1024;

/** Ward merges by the nearest-neighbour chain on centroids. */
export function wardChain(x: Matrix, onMerges?: MergeHook): RawMerges {
  const n = x.rows, d = x.cols, m = n - 1;
  const cen = Float64Array.from(x.data); // centroid of the cluster held in each slot
  const size = new Float64Array(n).fill(1);
  const active = Int32Array.from({ length: n }, (_, i) => i); // active slots, packed in [0, nActive)
  const pos = Int32Array.from({ length: n }, (_, i) => i); // slot → index in `active`
  let nActive = n;
  const chain = new Int32Array(n);
  let len = 0;
  const slotA = new Int32Array(m), slotB = new Int32Array(m), height = new Float64Array(m);

  for (let k = 0; k < m; k++) {
    if (onMerges && k % PROGRESS_EVERY === 0) onMerges(k, m);
    if (len === 0) chain[len++] = active[0];
    let a: number, b: number, wab: number;
    for (;;) {
      a = chain[len - 1];
      // Start from the previous chain element (ties keep it, which guarantees the chain ends).
      let best = -1, bestW = Infinity;
      if (len >= 2) {
        best = chain[len - 2];
        bestW = ward(cen, size, a, best, d);
      }
      const sa = size[a], ao = a * d;
      for (let t = 0; t < nActive; t++) {
        const c = active[t];
        if (c === a || c === best) continue;
        const sc = size[c];
        const f = (sa * sc) / (sa + sc);
        // Early exit: stop summing once this candidate cannot beat the best.
        const limit = bestW / f;
        const co = c * d;
        let s = 0;
        let j = 0;
        for (; j < d; j++) {
          const diff = cen[ao + j] - cen[co + j];
          s += diff * diff;
          if (s >= limit) break;
        }
        if (j === d) {
          const w = f * s;
          if (w < bestW) {
            bestW = w;
            best = c;
          }
        }
      }
      if (len >= 2 && best === chain[len - 2]) {
        b = best;
        wab = bestW;
        break;
      }
      chain[len++] = best;
    }
    len -= 2;
    slotA[k] = a;
    slotB[k] = b;
    height[k] = Math.sqrt(2 * wab);
    // The merged cluster keeps slot a; slot b leaves the active list.
    const sa = size[a], sb = size[b], st = sa + sb, ao = a * d, bo = b * d;
    for (let j = 0; j < d; j++) cen[ao + j] = (sa * cen[ao + j] + sb * cen[bo + j]) / st;
    size[a] = st;
    const pb = pos[b], last = active[--nActive];
    active[pb] = last;
    pos[last] = pb;
  }
  return { slotA, slotB, height };
}

/** w(u,v) = |u||v|/(|u|+|v|)·‖c_u − c_v‖², half the squared Ward distance. */
function ward(cen: Float64Array, size: Float64Array, u: number, v: number, d: number): number {
  let s = 0;
  const uo = u * d, vo = v * d;
  for (let j = 0; j < d; j++) {
    const diff = cen[uo + j] - cen[vo + j];
    s += diff * diff;
  }
  return ((size[u] * size[v]) / (size[u] + size[v])) * s;
}
