/**
 * PAM's SWAP phase on a dissimilarity matrix, in two flavours sharing one O(n) evaluation of a
 * candidate against all k medoids at once (Schubert & Rousseeuw 2021, "Fast and eager k-medoids
 * clustering: O(k) runtime improvement of the PAM, CLARA, and CLARANS algorithms", Information
 * Systems 101; removal loss + shared accumulator, their Algorithm 2):
 * - 'eager' = FasterPAM: scan candidates cyclically from the last swap and take the first swap that
 *   lowers the cost; stop after a full pass without one. Same scan order and update rules as R's
 *   cluster::pam(variant = "faster") (src/pam.c) and kno10/rust-kmedoids' fasterpam.
 * - 'steepest' = PAM (Kaufman & Rousseeuw 1990): take the best swap over all candidates each
 *   iteration, as R's cluster::pam(variant = "original"), candidates and medoids in row order.
 * A swap must lower the cost by more than 16·ε·cost (R's guard against swapping equal rows forever).
 * @module
 */
import type { DistanceMatrix } from './kmedoids-matrix.js';
import { farSentinel } from './kmedoids-build.js';
import { SegkitError } from '../errors.js';
import { msg } from '../messages.js';

/** How swaps are chosen. */
export type SwapMode = 'eager' | 'steepest';

export interface SwapOptions {
  readonly mode: SwapMode;
  /** Eager: passes over all candidates; steepest: swap iterations. */
  readonly maxIter: number;
  readonly signal?: AbortSignal;
  /** Called after every swap with the current medoids (tests check the cost falls). */
  readonly onSwap?: (medoids: Int32Array, cost: number) => void;
}

export interface SwapResult {
  /** Medoid row of each cluster slot (the slots keep their initial order). */
  readonly medoids: Int32Array;
  /** Σ w·dissimilarity to the nearest medoid, on the matrix. */
  readonly cost: number;
  readonly swaps: number;
  readonly nIter: number;
  readonly converged: boolean;
}

const GUARD = 16 * Number.EPSILON;

/**
 * Improves `init` (k distinct rows) by swaps until no swap lowers the cost or maxIter is reached.
 * `w` weighs rows (all ones for unweighted data). Assumes validated input.
 */
export function pamSwap(d: DistanceMatrix, init: Int32Array, w: Float64Array, o: SwapOptions): SwapResult {
  const n = d.n, D = d.data, k = init.length, far = farSentinel(d);
  const medoids = init.slice();
  const isMedoid = new Uint8Array(n);
  for (const m of medoids) isMedoid[m] = 1;
  const near = new Int32Array(n), second = new Int32Array(n);
  const dn = new Float64Array(n), ds = new Float64Array(n);
  const removal = new Float64Array(k), delta = new Float64Array(k);

  /** Nearest and second-nearest medoid of row j, ties to the earlier slot (R's strict `>`). */
  const nearestTwo = (j: number) => {
    let a = far, b = far, na = -1, nb = -1;
    const o = j * n; // the matrix is symmetric: read row j instead of column j
    for (let t = 0; t < k; t++) {
      const v = D[o + medoids[t]];
      if (a > v) (nb = na), (b = a), (na = t), (a = v);
      else if (b > v) (nb = t), (b = v);
    }
    near[j] = na, second[j] = nb, dn[j] = a, ds[j] = b;
  };
  /** Loss of removing each medoid with no replacement; returns the current cost. */
  const refresh = () => {
    removal.fill(0);
    let cost = 0;
    for (let j = 0; j < n; j++) {
      removal[near[j]] += w[j] * (ds[j] - dn[j]);
      cost += w[j] * dn[j];
    }
    return cost;
  };
  /** Cost change of making row h a medoid, per slot it would replace, into `delta`; returns the shared part. */
  const evaluate = (h: number) => {
    delta.fill(0);
    let acc = -w[h] * dn[h];
    delta[near[h]] += w[h] * (dn[h] - ds[h]);
    const o = h * n;
    for (let j = 0; j < n; j++) {
      if (j === h) continue;
      const dj = D[o + j];
      if (dj < dn[j]) {
        acc += w[j] * (dj - dn[j]);
        delta[near[j]] += w[j] * (dn[j] - ds[j]);
      } else if (dj < ds[j]) {
        delta[near[j]] += w[j] * (dj - ds[j]);
      }
    }
    return acc;
  };
  /** Swaps medoid slot m for row h and updates nearest/second-nearest only where needed (R's rules). */
  const apply = (m: number, h: number) => {
    isMedoid[medoids[m]] = 0;
    isMedoid[h] = 1;
    medoids[m] = h;
    const o = h * n;
    for (let j = 0; j < n; j++) {
      const v = D[o + j];
      if (near[j] === m) {
        if (v < ds[j]) dn[j] = v;
        else nearestTwo(j);
      } else if (v < dn[j]) {
        (second[j] = near[j]), (ds[j] = dn[j]), (near[j] = m), (dn[j] = v);
      } else if (second[j] === m) nearestTwo(j);
      else if (v < ds[j]) (second[j] = m), (ds[j] = v);
    }
  };
  const aborted = () => {
    if (o.signal?.aborted) throw new SegkitError('E_ABORTED', msg.aborted('k-medoids'));
  };

  for (let j = 0; j < n; j++) nearestTwo(j);
  let cost = refresh();
  let swaps = 0, nIter = 0, converged = false;
  if (o.mode === 'eager') {
    // Candidates in cyclic order from the last swap; `visited` counts positions since that swap.
    let h = 0, visited = 0, total = 0;
    const limit = o.maxIter * n;
    while (total < limit) {
      if ((total & 1023) === 0) aborted();
      total++;
      if (!isMedoid[h]) {
        const acc = evaluate(h);
        let best = -1, bestLoss = Infinity;
        for (let t = 0; t < k; t++) {
          const loss = delta[t] + acc + removal[t];
          if (loss < bestLoss) (bestLoss = loss), (best = t);
        }
        if (bestLoss < -GUARD * Math.abs(cost)) {
          apply(best, h);
          cost = refresh();
          swaps++;
          visited = 0;
          o.onSwap?.(medoids, cost);
        }
      }
      if (++visited >= n) {
        converged = true;
        break;
      }
      if (++h === n) h = 0;
    }
    nIter = Math.ceil(total / n);
  } else {
    const order = new Int32Array(k);
    while (nIter < o.maxIter) {
      aborted();
      nIter++;
      // Slots in the row order of their medoids: R compares medoids by row index.
      for (let t = 0; t < k; t++) order[t] = t;
      order.sort((a, b) => medoids[a] - medoids[b]);
      let bestH = -1, bestM = -1, bestLoss = Infinity;
      for (let h = 0; h < n; h++) {
        if (isMedoid[h]) continue;
        const acc = evaluate(h);
        for (let r = 0; r < k; r++) {
          const t = order[r], loss = delta[t] + acc + removal[t];
          if (loss < bestLoss) (bestLoss = loss), (bestH = h), (bestM = t);
        }
      }
      if (!(bestLoss < -GUARD * Math.abs(cost))) {
        converged = true;
        break;
      }
      apply(bestM, bestH);
      cost = refresh();
      swaps++;
      o.onSwap?.(medoids, cost);
    }
  }
  return { medoids, cost, swaps, nIter, converged };
}
