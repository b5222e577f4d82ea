/**
 * K-means seeding: greedy k-means++ and uniform random rows.
 * Arthur & Vassilvitskii, "k-means++: the advantages of careful seeding", SODA 2007; the greedy
 * variant (2 + ⌊ln k⌋ candidates per step, keep the one that lowers the potential most) matches
 * scikit-learn's `_kmeans_plusplus`, with sample weights in the first draw and the D² sampling.
 * Assumes validated input: 1 ≤ k ≤ rows.
 * @module
 */
import { sqDist } from '../math/distance.js';
import type { Matrix } from '../math/matrix.js';
import { sampleIndices, type Rng } from '../math/rng.js';
import { sharedF64, sharedI32 } from '../math/pool.js';
import { createRunner } from './kernel-runner.js';
import { chunkCount } from './kmeans-kernels.js';

/** Greedy k-means++ centers (k × d). `weights` absent = all 1. Large data scores candidates on the worker pool. */
export async function kmeansPlusPlus(x: Matrix, k: number, rng: Rng, weights?: Float64Array): Promise<Matrix> {
  const n = x.rows;
  const d = x.cols;
  const xd = x.data;
  const centers = new Float64Array(k * d);
  const nTrials = 2 + Math.floor(Math.log(k));
  const w = weights ? (weights.buffer instanceof SharedArrayBuffer ? weights : sharedF64(n, weights)) : null;
  const wt = (i: number) => (w ? w[i] : 1);
  const runner = createRunner(xd, n, d, nTrials);

  // First center: drawn with probability proportional to weight.
  const first = w ? drawWeighted(cumulative(n, wt), rng.float()) : rng.int(n);
  centers.set(xd.subarray(first * d, first * d + d), 0);

  // nearest[i]: index of the chosen center nearest to row i. With it, a candidate q can be skipped for
  // row i whenever d(x_i, c_nearest)² ≤ d(q, c_nearest)² / 4 (triangle inequality: q cannot be closer),
  // which prunes most distance computations once a few centers are spread out (Elkan 2003, lemma 1).
  const closest = sharedF64(n);
  const nearest = sharedI32(n);
  for (let i = 0; i < n; i++) closest[i] = sqDist(xd, i * d, xd, first * d, d);
  // All candidates of a step are scored in one pass over the rows: the pass is memory-bound, so
  // reading each row once for every candidate is what makes seeding fast on large data.
  const cand = sharedF64(nTrials * n);
  const cum = new Float64Array(n);
  const gap = sharedF64(nTrials * k);
  const ids = sharedI32(nTrials);
  const chunks = chunkCount(n);
  const pots = sharedF64(chunks * nTrials);

  for (let c = 1; c < k; c++) {
    let acc = 0;
    for (let i = 0; i < n; i++) cum[i] = acc += wt(i) * closest[i];
    for (let t = 0; t < nTrials; t++) {
      ids[t] = drawWeighted(cum, rng.float());
      for (let m = 0; m < c; m++) gap[t * k + m] = 0.25 * sqDist(xd, ids[t] * d, centers, m * d, d);
    }
    await runner.run('kppScore', { x: xd, d, k, n, closest, nearest, ids, gap, nTrials, w, cand, pots }, n);
    // The candidate with the lowest potential wins (chunk sums reduced in order); ties go to the earlier draw.
    let best = 0, bestPot = Infinity;
    for (let t = 0; t < nTrials; t++) {
      let p = 0;
      for (let ch = 0; ch < chunks; ch++) p += pots[ch * nTrials + t];
      if (p < bestPot) (bestPot = p), (best = t);
    }
    const off = best * n;
    for (let i = 0; i < n; i++) {
      const v = cand[off + i];
      if (v < closest[i]) {
        closest[i] = v;
        nearest[i] = c;
      }
    }
    centers.set(xd.subarray(ids[best] * d, ids[best] * d + d), c * d);
  }
  return { rows: k, cols: d, data: centers };
}

/** k distinct rows drawn uniformly (weighted by `weights` when given), as centers. */
export function randomRows(x: Matrix, k: number, rng: Rng, weights?: Float64Array): Matrix {
  const d = x.cols;
  const out = new Float64Array(k * d);
  const chosen = weights ? weightedWithoutReplacement(weights, k, rng) : sampleIndices(x.rows, k, rng);
  for (let c = 0; c < k; c++) out.set(x.data.subarray(chosen[c] * d, chosen[c] * d + d), c * d);
  return { rows: k, cols: d, data: out };
}

function cumulative(n: number, w: (i: number) => number): Float64Array {
  const cum = new Float64Array(n);
  let acc = 0;
  for (let i = 0; i < n; i++) cum[i] = acc += w(i);
  return cum;
}

/** Index of the first cumulative value > u·total (numpy searchsorted on u·total, clipped to the last row). */
function drawWeighted(cum: Float64Array, u: number): number {
  const n = cum.length;
  const target = u * cum[n - 1];
  let lo = 0, hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cum[mid] < target) lo = mid + 1;
    else hi = mid;
  }
  // Skip zero-weight rows that a target of exactly 0 would land on.
  while (lo < n - 1 && cum[lo] === 0) lo++;
  return lo;
}

function weightedWithoutReplacement(weights: Float64Array, k: number, rng: Rng): Int32Array {
  // Efraimidis & Spirakis (2006): keys u^(1/w), take the k largest.
  const n = weights.length;
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = weights[i] > 0 ? Math.log(rng.float() || Number.MIN_VALUE) / weights[i] : -Infinity;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => keys[b] - keys[a] || a - b);
  return Int32Array.from(order.slice(0, k));
}
