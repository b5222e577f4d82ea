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
  // Active clusters are packed in positions [0, nActive): centroid, size, 1/size and slot of each, so the
  // nearest-neighbour scan reads memory in order. A merge moves the last position into the freed one.
  const cen = Float64Array.from(x.data);
  const size = new Float64Array(n).fill(1); // |cluster|, exact
  const inv = new Float64Array(n).fill(1); // 1/|cluster|
  const slotAt = Int32Array.from({ length: n }, (_, i) => i); // position → slot (a row of the cluster)
  const posOf = Int32Array.from({ length: n }, (_, i) => i); // slot → position
  let nActive = n;
  const chain = new Int32Array(n); // slots
  let len = 0;
  const slotA = new Int32Array(m), slotB = new Int32Array(m), height = new Float64Array(m);

  for (let k = 0; k < m; k++) {
    if (onMerges && k % PROGRESS_EVERY === 0) onMerges(k, m);
    if (len === 0) chain[len++] = slotAt[0];
    let pa: number, pb: number, wab: number;
    for (;;) {
      pa = posOf[chain[len - 1]];
      // Start from the previous chain element (ties keep it, which guarantees the chain ends).
      let best = -1, bestW = Infinity;
      if (len >= 2) {
        best = posOf[chain[len - 2]];
        bestW = ward(cen, inv, pa, best, d);
      }
      const ia = inv[pa], ao = pa * d;
      for (let c = 0; c < nActive; c++) {
        if (c === pa || c === best) continue;
        // w = s / (1/|a| + 1/|c|) < bestW  ⇔  s < bestW·(1/|a| + 1/|c|): stop summing once it cannot win.
        const limit = bestW * (ia + inv[c]);
        const co = c * d;
        let s = 0;
        let j = 0;
        for (; j < d; j++) {
          const diff = cen[ao + j] - cen[co + j];
          s += diff * diff;
          if (s >= limit) break;
        }
        if (j === d) {
          const w = s / (ia + inv[c]);
          if (w < bestW) {
            bestW = w;
            best = c;
          }
        }
      }
      if (len >= 2 && best === posOf[chain[len - 2]]) {
        pb = best;
        wab = bestW;
        break;
      }
      chain[len++] = slotAt[best];
    }
    len -= 2;
    slotA[k] = slotAt[pa];
    slotB[k] = slotAt[pb];
    height[k] = Math.sqrt(2 * wab);
    // The merged cluster takes the lower position; the last position moves into the higher one.
    const keep = pa < pb ? pa : pb, drop = pa < pb ? pb : pa;
    const sa = size[pa], sb = size[pb], st = sa + sb, ao = pa * d, bo = pb * d, ko = keep * d;
    for (let j = 0; j < d; j++) cen[ko + j] = (sa * cen[ao + j] + sb * cen[bo + j]) / st;
    size[keep] = st;
    inv[keep] = 1 / st;
    slotAt[keep] = slotA[k];
    posOf[slotA[k]] = keep;
    const last = --nActive;
    if (drop !== last) {
      cen.copyWithin(drop * d, last * d, last * d + d);
      size[drop] = size[last];
      inv[drop] = inv[last];
      slotAt[drop] = slotAt[last];
      posOf[slotAt[drop]] = drop;
    }
  }
  return { slotA, slotB, height };
}

/** w(u,v) = ‖c_u − c_v‖² / (1/|u| + 1/|v|) = |u||v|/(|u|+|v|)·‖c_u − c_v‖², half the squared Ward distance. */
function ward(cen: Float64Array, inv: Float64Array, u: number, v: number, d: number): number {
  let s = 0;
  const uo = u * d, vo = v * d;
  for (let j = 0; j < d; j++) {
    const diff = cen[uo + j] - cen[vo + j];
    s += diff * diff;
  }
  return s / (inv[u] + inv[v]);
}
