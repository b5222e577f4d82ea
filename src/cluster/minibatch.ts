/**
 * Mini-batch k-means (Sculley, "Web-scale k-means clustering", WWW 2010) with scikit-learn's
 * refinements: per-center learning rate 1/count, k-means++ on a subsample for seeding, random
 * reassignment of starved centers, early stop when the smoothed batch inertia stops improving.
 * Ends with one full assignment pass so labels equal predict. Assumes validated input.
 * @module
 */
import { sqDist } from '../math/distance.js';
import type { Matrix } from '../math/matrix.js';
import { takeRows } from '../math/matrix.js';
import type { Rng } from '../math/rng.js';
import { SegkitError } from '../errors.js';
import { msg } from '../messages.js';
import { kmeansPlusPlus, randomRows } from './kmeans-init.js';
import { nearestCenter } from './nearest-center.js';
import { inertiaOf } from './lloyd.js';

export interface MiniBatchOptions {
  rng: Rng;
  batchSize: number;
  /** Epochs over the data. */
  maxIter: number;
  /** Absolute tolerance on the summed squared center shift per step (0 disables). */
  tol: number;
  weights?: Float64Array;
  init: 'kmeans++' | 'random' | Matrix;
  signal?: AbortSignal;
  onStep?: (epochTimesMaxIter: number) => void;
  /** Steps without improvement of the smoothed inertia before stopping. Default 10 (scikit-learn). */
  maxNoImprovement?: number;
  /** Centers with fewer than this share of the largest count are reassigned. Default 0.01. */
  reassignmentRatio?: number;
}

export async function miniBatchKMeans(x: Matrix, k: number, o: MiniBatchOptions) {
  const n = x.rows, d = x.cols;
  const rng = o.rng;
  const batch = Math.min(o.batchSize, n);
  const w = o.weights;

  // 1. Seed on a subsample of 3 batches (scikit-learn's init_size), at least 3k rows.
  let centersM: Matrix;
  if (typeof o.init === 'object') centersM = { rows: k, cols: d, data: o.init.data.slice() };
  else {
    const initSize = Math.min(n, Math.max(3 * batch, 3 * k));
    const idx = sampleIndices(n, initSize, rng);
    const sub = takeRows(x, idx);
    const subW = w ? Float64Array.from(idx, (i) => w[i]) : undefined;
    // Three seedings, the one with the lowest inertia on the subsample wins (scikit-learn's
    // MiniBatchKMeans does the same with n_init=3): one unlucky seeding costs more than a few percent.
    let bestInertia = Infinity;
    centersM = { rows: k, cols: d, data: new Float64Array(k * d) };
    for (let t = 0; t < 3; t++) {
      const c = o.init === 'random' ? randomRows(sub, k, rng, subW) : await kmeansPlusPlus(sub, k, rng, subW);
      const inertia = inertiaOf(sub, c.data, nearestCenter(sub, c), subW);
      if (inertia < bestInertia) (bestInertia = inertia), (centersM = c);
    }
  }
  const centers = Float64Array.from(centersM.data);
  centersM = { rows: k, cols: d, data: centers };
  const counts = new Float64Array(k);
  const sums = new Float64Array(k * d);
  const batchWeight = new Float64Array(k);
  const idx = new Int32Array(batch);
  const lab = new Int32Array(batch);

  // 2. Steps.
  const nSteps = Math.ceil((o.maxIter * n) / batch);
  const maxNoImprovement = o.maxNoImprovement ?? 10;
  const ratio = o.reassignmentRatio ?? 0.01;
  const alpha = Math.min(1, (2 * batch) / (n + 1));
  let ewa = NaN, bestEwa = Infinity, noImprovement = 0;
  let converged = false;
  let step = 0;
  for (step = 0; step < nSteps; step++) {
    if (o.signal?.aborted) throw new SegkitError('E_ABORTED', msg.aborted('mini-batch k-means'));
    for (let b = 0; b < batch; b++) idx[b] = rng.int(n);
    // Assign the batch and accumulate per-center sums.
    sums.fill(0);
    batchWeight.fill(0);
    let batchInertia = 0, batchTotal = 0;
    for (let b = 0; b < batch; b++) {
      const i = idx[b];
      let best = 0, bd = Infinity;
      for (let c = 0; c < k; c++) {
        const s = sqDist(x.data, i * d, centers, c * d, d);
        if (s < bd) (bd = s), (best = c);
      }
      lab[b] = best;
      const wi = w ? w[i] : 1;
      batchInertia += wi * bd;
      batchTotal += wi;
      batchWeight[best] += wi;
      for (let j = 0; j < d; j++) sums[best * d + j] += wi * x.data[i * d + j];
    }
    // Per-center learning rate: the center is the running weighted mean of all points it has seen.
    let shift = 0;
    for (let c = 0; c < k; c++) {
      const bw = batchWeight[c];
      if (bw === 0) continue;
      const total = counts[c] + bw;
      for (let j = 0; j < d; j++) {
        const old = centers[c * d + j];
        const v = (old * counts[c] + sums[c * d + j]) / total;
        shift += (v - old) * (v - old);
        centers[c * d + j] = v;
      }
      counts[c] = total;
    }
    // Reassign starved centers to random batch points, every 10 + min count steps as scikit-learn.
    if ((step + 1) % (10 + Math.floor(minOf(counts))) === 0) reassign(x, centers, counts, idx, k, d, ratio, rng);
    o.onStep?.(Math.floor((step * o.maxIter) / nSteps));

    const mean = batchTotal > 0 ? batchInertia / batchTotal : 0;
    ewa = Number.isNaN(ewa) ? mean : ewa * (1 - alpha) + mean * alpha;
    if (o.tol > 0 && shift <= o.tol) {
      converged = true;
      break;
    }
    if (ewa < bestEwa) (bestEwa = ewa), (noImprovement = 0);
    // Early stop only after a full epoch: before that the smoothed inertia is mostly noise.
    else if (++noImprovement >= maxNoImprovement && (step + 1) * batch >= n) {
      converged = true;
      break;
    }
  }
  // 3. Final full assignment.
  const labels = nearestCenter(x, centersM);
  return {
    centers: centersM, labels, inertia: inertiaOf(x, centers, labels, w),
    nIter: Math.ceil(((step + 1) * batch) / n), converged, relocated: 0,
  };
}

function reassign(x: Matrix, centers: Float64Array, counts: Float64Array, batchIdx: Int32Array, k: number, d: number, ratio: number, rng: Rng): void {
  let max = 0;
  for (let c = 0; c < k; c++) if (counts[c] > max) max = counts[c];
  const starved: number[] = [];
  for (let c = 0; c < k; c++) if (counts[c] < ratio * max) starved.push(c);
  if (starved.length === 0 || starved.length === k) return;
  let keptMin = Infinity;
  for (let c = 0; c < k; c++) if (counts[c] >= ratio * max && counts[c] < keptMin) keptMin = counts[c];
  for (const c of starved) {
    const i = batchIdx[rng.int(batchIdx.length)];
    centers.set(x.data.subarray(i * d, i * d + d), c * d);
    counts[c] = keptMin;
  }
}

function minOf(a: Float64Array): number {
  let m = Infinity;
  for (let i = 0; i < a.length; i++) if (a[i] < m) m = a[i];
  return m;
}

function sampleIndices(n: number, m: number, rng: Rng): Int32Array {
  if (m >= n) return Int32Array.from({ length: n }, (_, i) => i);
  const chosen = new Set<number>();
  while (chosen.size < m) chosen.add(rng.int(n));
  return Int32Array.from([...chosen].sort((a, b) => a - b));
}
