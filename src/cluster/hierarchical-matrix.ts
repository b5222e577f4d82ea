/**
 * Average and complete linkage: the nearest-neighbour chain on the condensed Euclidean distance
 * matrix with Lance-Williams updates (Müllner 2011, arXiv:1109.2378, "NN-chain-linkage"; scipy's
 * `linkage` uses the same algorithm for these two). Both linkages are reducible, which the chain needs.
 * Memory: the condensed matrix, n(n−1)/2 doubles (`condensedBytes`); the caller checks it against
 * the user's limit before calling. Assumes validated input (finite numbers, n ≥ 1).
 * @module
 */
import type { Matrix } from '../math/matrix.js';
import { sqDist } from '../math/distance.js';
import type { RawMerges } from './hierarchical-tree.js';
import type { MergeHook } from './hierarchical-ward.js';

/** Bytes of the condensed distance matrix of n rows: n(n−1)/2 doubles. */
export function condensedBytes(n: number): number {
  return (n * (n - 1)) / 2 * 8;
}

/** Average or complete linkage merges by the nearest-neighbour chain on the condensed matrix. */
export function matrixChain(x: Matrix, linkage: 'average' | 'complete', onMerges?: MergeHook): RawMerges {
  const n = x.rows, d = x.cols, m = n - 1;
  // Row i's distances to rows j > i start at offset base[i] − (i + 1): D[i,j] = dist[base[i] + j - i - 1].
  const dist = new Float64Array((n * (n - 1)) / 2);
  // Int32 offsets while they fit (n ≤ 46,341, 8.6 GB of matrix): V8 indexes typed arrays much faster with small integers.
  const base = dist.length < 2 ** 31 ? new Int32Array(n) : new Float64Array(n);
  for (let i = 0, o = 0; i < n; i++) {
    base[i] = o;
    for (let j = i + 1; j < n; j++) dist[o++] = Math.sqrt(sqDist(x.data, i * d, x.data, j * d, d));
  }
  const at = (i: number, j: number) => (i < j ? base[i] + j - i - 1 : base[j] + i - j - 1);
  const size = new Float64Array(n).fill(1);
  // Active slots in ascending order, so a row's distances are read as two runs without a branch per candidate.
  const active = Int32Array.from({ length: n }, (_, i) => i);
  let nActive = n;
  const chain = new Int32Array(n);
  let len = 0;
  const slotA = new Int32Array(m), slotB = new Int32Array(m), height = new Float64Array(m);
  const average = linkage === 'average';

  for (let k = 0; k < m; k++) {
    if (onMerges && k % 1024 === 0) onMerges(k, m);
    if (len === 0) chain[len++] = active[0];
    let a: number, b: number, dab: number;
    for (;;) {
      a = chain[len - 1];
      // Start from the previous chain element (ties keep it, which guarantees the chain ends).
      let best = -1, bestD = Infinity;
      if (len >= 2) {
        best = chain[len - 2];
        bestD = dist[at(a, best)];
      }
      let t = 0;
      for (; t < nActive; t++) {
        const c = active[t];
        if (c >= a) break;
        const v = dist[base[c] + a - c - 1];
        if (v < bestD) {
          bestD = v;
          best = c;
        }
      }
      const ra = base[a] - a - 1;
      for (t++; t < nActive; t++) {
        const c = active[t];
        const v = dist[ra + c];
        if (v < bestD) {
          bestD = v;
          best = c;
        }
      }
      if (len >= 2 && best === chain[len - 2]) {
        b = best;
        dab = bestD;
        break;
      }
      chain[len++] = best;
    }
    len -= 2;
    slotA[k] = a;
    slotB[k] = b;
    height[k] = dab;
    // Lance-Williams: the merged cluster takes slot b (any slot works; scipy keeps the larger index).
    // D[c,a] and D[c,b] read as runs of the ordered active list: c below, between and above a and b.
    const sa = size[a], sb = size[b], st = sa + sb;
    const p0 = a < b ? a : b, p1 = a < b ? b : a;
    const rlo = base[p0] - p0 - 1, rhi = base[p1] - p1 - 1;
    let t = 0;
    for (; t < nActive; t++) {
      const c = active[t];
      if (c >= p0) break;
      const ia = base[c] + a - c - 1, ib = base[c] + b - c - 1;
      dist[ib] = average ? (sa * dist[ia] + sb * dist[ib]) / st : Math.max(dist[ia], dist[ib]);
    }
    for (t++; t < nActive; t++) {
      const c = active[t];
      if (c >= p1) break;
      // p0 < c < p1: D[p0,c] is in p0's row, D[c,p1] in c's.
      const ilo = rlo + c, ihi = base[c] + p1 - c - 1;
      const ia = a === p0 ? ilo : ihi, ib = a === p0 ? ihi : ilo;
      dist[ib] = average ? (sa * dist[ia] + sb * dist[ib]) / st : Math.max(dist[ia], dist[ib]);
    }
    for (t++; t < nActive; t++) {
      const c = active[t];
      const ia = (a === p0 ? rlo : rhi) + c, ib = (a === p0 ? rhi : rlo) + c;
      dist[ib] = average ? (sa * dist[ia] + sb * dist[ib]) / st : Math.max(dist[ia], dist[ib]);
    }
    size[b] = st;
    // Remove slot a, keeping the order.
    let lo = 0, hi = nActive - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (active[mid] < a) lo = mid + 1;
      else hi = mid;
    }
    active.copyWithin(lo, lo + 1, nActive);
    nActive--;
  }
  return { slotA, slotB, height };
}
