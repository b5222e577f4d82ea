/**
 * Ward linkage without a distance matrix: the nearest-neighbour chain over cluster centroids and
 * sizes (Müllner 2011, arXiv:1109.2378, "NN-chain-linkage" with the "stored data approach" of section
 * 3.3). fastcluster's `linkage_vector(X, 'ward')` also works on centroids, with Müllner's generic
 * algorithm instead (each cluster's nearest later cluster in a priority queue). Memory O(n·d): one
 * centroid and one size per cluster, plus a small neighbour cache, no n×n matrix, so 100k rows fit
 * where scipy's `linkage` needs n(n−1)/2 doubles.
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

/** Neighbours remembered per cluster (see `wardChain`). */
const K = 10;

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
  // Neighbour cache, per slot: K near clusters (slots) and a bound `far` that every other cluster's w
  // reaches. Ward is reducible (d(x, u∪v) ≥ min(d(x,u), d(x,v))), so clusters formed later that hold
  // none of the K still reach `far`: when the current cluster holding one of the K is within `far`,
  // it is the nearest neighbour, found in O(K·d) instead of a scan of every cluster.
  const near = new Int32Array(n * K).fill(-1), far = new Float64Array(n), cached = new Uint8Array(n);
  const into = Int32Array.from({ length: n }, (_, i) => i); // dead slot → slot it merged into
  const live = (s: number): number => {
    let r = s;
    while (into[r] !== r) r = into[r];
    while (into[s] !== r) {
      const t = into[s];
      into[s] = r;
      s = t;
    }
    return r;
  };
  // Sorted K best of a scan or of the merge candidates (positions and w), one more slot for insertion.
  const topP = new Int32Array(K + 1), topV = new Float64Array(K + 1);
  let nTop = 0;
  const insert = (p: number, v: number) => {
    if (nTop === K + 1 && v >= topV[K]) return; // slot K keeps the least of the dropped
    let i = nTop < K + 1 ? nTop++ : K;
    while (i > 0 && topV[i - 1] > v) {
      topP[i] = topP[i - 1];
      topV[i] = topV[i - 1];
      i--;
    }
    topP[i] = p;
    topV[i] = v;
  };
  /** Stores the first K of the top list as the cache of slot s, with every other cluster ≥ bound. */
  const remember = (s: number, bound: number) => {
    for (let i = 0; i < K; i++) near[s * K + i] = i < nTop ? slotAt[topP[i]] : -1;
    far[s] = nTop > K ? Math.min(bound, topV[K]) : bound;
    cached[s] = 1;
  };
  const cand = new Int32Array(2 * K);
  const chain = new Int32Array(n); // slots
  let len = 0;
  const slotA = new Int32Array(m), slotB = new Int32Array(m), height = new Float64Array(m);

  for (let k = 0; k < m; k++) {
    if (onMerges && k % PROGRESS_EVERY === 0) onMerges(k, m);
    if (len === 0) chain[len++] = slotAt[0];
    let pa: number, pb: number, wab: number;
    for (;;) {
      const sa = chain[len - 1];
      pa = posOf[sa];
      let best = -1, bestW = Infinity;
      if (cached[sa]) {
        for (let i = 0; i < K; i++) {
          const c = near[sa * K + i];
          if (c < 0) break;
          const pc = posOf[live(c)];
          if (pc === best) continue;
          const v = ward(cen, inv, pa, pc, d);
          if (v < bestW) {
            best = pc;
            bestW = v;
          }
        }
        if (!(bestW <= far[sa])) best = -1; // another cluster may be nearer: scan
      }
      if (best < 0) {
        const ia = inv[pa], ao = pa * d;
        nTop = 0;
        let cut = Infinity; // the K-th best so far
        if (d >= 4) {
          // The same sums as partialSqDist, with a's first four coordinates held in registers.
          const a0 = cen[ao], a1 = cen[ao + 1], a2 = cen[ao + 2], a3 = cen[ao + 3];
          for (let c = 0; c < nActive; c++) {
            if (c === pa) continue;
            // w = s / (1/|a| + 1/|c|) < cut  ⇔  s < cut·(1/|a| + 1/|c|): stop summing once it cannot place.
            const limit = cut * (ia + inv[c]);
            const co = c * d;
            const e0 = a0 - cen[co], e1 = a1 - cen[co + 1], e2 = a2 - cen[co + 2], e3 = a3 - cen[co + 3];
            let s = e0 * e0 + e1 * e1 + (e2 * e2 + e3 * e3);
            if (s >= limit) continue;
            if (d > 4) s = partialSqDistFrom(cen, ao, co, d, limit, s);
            if (s < limit) {
              insert(c, s / (ia + inv[c]));
              if (nTop >= K) cut = topV[K - 1];
            }
          }
        } else {
          for (let c = 0; c < nActive; c++) {
            if (c === pa) continue;
            const limit = cut * (ia + inv[c]);
            const s = partialSqDist(cen, ao, c * d, d, limit);
            if (s < limit) {
              insert(c, s / (ia + inv[c]));
              if (nTop >= K) cut = topV[K - 1];
            }
          }
        }
        // Clusters dropped from the list are ≥ the K-th kept; the scan saw every cluster.
        remember(sa, nTop >= K ? topV[K - 1] : Infinity);
        best = topP[0];
        bestW = topV[0];
      }
      // Ties go to the previous chain element, which guarantees the chain ends.
      if (len >= 2) {
        const pp = posOf[chain[len - 2]];
        const wp = pp === best ? bestW : ward(cen, inv, pa, pp, d);
        if (wp <= bestW) {
          pb = pp;
          wab = wp;
          break;
        }
      }
      chain[len++] = slotAt[best];
    }
    len -= 2;
    const sa = slotAt[pa], sb = slotAt[pb];
    slotA[k] = sa;
    slotB[k] = sb;
    height[k] = Math.sqrt(2 * wab);
    // Bound for the new cluster ab from the caches of a and b (both were looked up on the chain): a
    // cluster x holding none of their cached neighbours has w(a,x) ≥ A and w(b,x) ≥ B, so by the
    // Lance-Williams form of Ward, w(ab,x) = ((na+nx)·w(a,x) + (nb+nx)·w(b,x) − nx·w(a,b)) / (na+nb+nx)
    // ≥ the same with A, B, whose minimum over nx ≥ 1 is at nx = 1 or in the limit A + B − w(a,b).
    const A = far[sa], B = far[sb], na = size[pa], nb = size[pb];
    const bound = Math.min(((na + 1) * A + (nb + 1) * B - wab) / (na + nb + 1), A + B - wab) * (1 - 1e-12);
    cand.set(near.subarray(sa * K, sa * K + K), 0);
    cand.set(near.subarray(sb * K, sb * K + K), K);
    cached[sb] = 0;
    into[sb] = sa;
    // The merged cluster keeps slot sa and takes the lower position; the last position moves into the higher one.
    const keep = pa < pb ? pa : pb, drop = pa < pb ? pb : pa;
    const nt = na + nb, ao = pa * d, bo = pb * d, ko = keep * d;
    for (let j = 0; j < d; j++) cen[ko + j] = (na * cen[ao + j] + nb * cen[bo + j]) / nt;
    size[keep] = nt;
    inv[keep] = 1 / nt;
    slotAt[keep] = sa;
    posOf[sa] = keep;
    const last = --nActive;
    if (drop !== last) {
      cen.copyWithin(drop * d, last * d, last * d + d);
      size[drop] = size[last];
      inv[drop] = inv[last];
      slotAt[drop] = slotAt[last];
      posOf[slotAt[drop]] = drop;
    }
    // Cache of ab: its distances to the cached neighbours of a and b, every other cluster ≥ bound.
    nTop = 0;
    for (let i = 0; i < 2 * K; i++) {
      if (cand[i] < 0) continue;
      const c = live(cand[i]);
      if (c === sa) continue;
      const pc = posOf[c];
      let seen = false;
      for (let t = 0; t < nTop; t++) if (topP[t] === pc) seen = true;
      if (!seen) insert(pc, ward(cen, inv, keep, pc, d));
    }
    if (nTop > 0) remember(sa, bound);
    else cached[sa] = 0;
  }
  return { slotA, slotB, height };
}

/** w(u,v) = ‖c_u − c_v‖² / (1/|u| + 1/|v|) = |u||v|/(|u|+|v|)·‖c_u − c_v‖², half the squared Ward distance. */
function ward(cen: Float64Array, inv: Float64Array, u: number, v: number, d: number): number {
  return partialSqDist(cen, u * d, v * d, d, Infinity) / (inv[u] + inv[v]);
}

/**
 * Squared distance of two centroids, summed four coordinates at a time; stops early (returning a
 * partial sum ≥ limit) once the sum reaches `limit`. Checking every four coordinates instead of
 * every one costs a few multiplications but saves most mispredicted branches. The same summation
 * order in every call keeps w(u,v) = w(v,u) bit for bit, which the chain needs to end.
 */
function partialSqDist(cen: Float64Array, uo: number, vo: number, d: number, limit: number): number {
  if (d < 4) {
    let s = 0;
    for (let j = 0; j < d; j++) {
      const e = cen[uo + j] - cen[vo + j];
      s += e * e;
    }
    return s;
  }
  const e0 = cen[uo] - cen[vo], e1 = cen[uo + 1] - cen[vo + 1], e2 = cen[uo + 2] - cen[vo + 2], e3 = cen[uo + 3] - cen[vo + 3];
  const s = e0 * e0 + e1 * e1 + (e2 * e2 + e3 * e3);
  return s >= limit || d === 4 ? s : partialSqDistFrom(cen, uo, vo, d, limit, s);
}

/** partialSqDist from coordinate 4 on, given the sum `s` of the first four. */
function partialSqDistFrom(cen: Float64Array, uo: number, vo: number, d: number, limit: number, s: number): number {
  let j = 4;
  for (; j + 4 <= d; j += 4) {
    const e0 = cen[uo + j] - cen[vo + j], e1 = cen[uo + j + 1] - cen[vo + j + 1];
    const e2 = cen[uo + j + 2] - cen[vo + j + 2], e3 = cen[uo + j + 3] - cen[vo + j + 3];
    s += e0 * e0 + e1 * e1 + (e2 * e2 + e3 * e3);
    if (s >= limit) return s;
  }
  for (; j < d; j++) {
    const e = cen[uo + j] - cen[vo + j];
    s += e * e;
  }
  return s;
}
