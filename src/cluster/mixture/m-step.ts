/**
 * M-step of a Gaussian mixture: weights, means and covariances from the responsibilities, for every
 * covariance model in covariance.ts. Two passes over the rows (weighted sums, then centred scatter
 * Σ r·(x−μ)(x−μ)ᵀ) for accuracy. Each pass writes one partial sum per fixed chunk of rows, and the
 * partials are added in chunk order, so the main thread and the worker pool give identical results.
 * Like scikit-learn, each component count gets 10·ε so an empty component gives finite numbers.
 * @module
 */
import type { Matrix } from '../../math/matrix.js';
import { blockSize, covarianceShape, isShared, type MixtureParams } from './covariance.js';
import { fullScatterKernel, weightedSumsKernel, MAX_UNROLLED_D } from './full-kernels.js';
import { CHUNK_ROWS, chunkCount, type ChunkRunner } from './chunks.js';

/** What one chunk of either pass needs. */
export interface MStepArgs {
  readonly x: Float64Array;
  readonly n: number;
  readonly d: number;
  readonly k: number;
  readonly shape: 'full' | 'diag' | 'spherical';
  readonly shared: boolean;
  readonly resp: Float64Array;
  readonly w: Float64Array | null;
  /** Means (scatter pass only). */
  readonly means: Float64Array;
  /** Output: per chunk, k·(1 + d) sums (count, then the weighted row sum) or the covariance blocks. */
  readonly out: Float64Array;
  /** Values per chunk in `out`. */
  readonly stride: number;
}

/** Pass 1 on one chunk: each component's Σ r and Σ r·x. */
export function sumsChunk(a: MStepArgs, chunk: number): void {
  const { x, d, k, resp, w, out } = a;
  const start = chunk * CHUNK_ROWS, end = Math.min(a.n, start + CHUNK_ROWS), base = chunk * a.stride;
  out.fill(0, base, base + a.stride);
  const kernel = d <= MAX_UNROLLED_D ? weightedSumsKernel(d) : null;
  for (let c = 0; c < k; c++) {
    const o = base + c * (d + 1);
    if (kernel) {
      out[o] = kernel(x, start, end, resp, k, c, w, out, o + 1);
      continue;
    }
    let nk = 0;
    for (let i = start; i < end; i++) {
      const r = resp[i * k + c] * (w === null ? 1 : w[i]);
      if (r === 0) continue;
      nk += r;
      const xo = i * d;
      for (let j = 0; j < d; j++) out[o + 1 + j] += r * x[xo + j];
    }
    out[o] = nk;
  }
}

/** Pass 2 on one chunk: centred scatter in the model's shape (upper triangle only for full blocks). */
export function scatterChunk(a: MStepArgs, chunk: number): void {
  const { x, d, k, resp, w, means, out, shape, shared } = a;
  const start = chunk * CHUNK_ROWS, end = Math.min(a.n, start + CHUNK_ROWS), base = chunk * a.stride;
  out.fill(0, base, base + a.stride);
  const size = shape === 'full' ? d * d : shape === 'diag' ? d : 1;
  const unrolled = shape === 'full' && d <= MAX_UNROLLED_D ? fullScatterKernel(d) : null;
  const diff = new Float64Array(d);
  for (let c = 0; c < k; c++) {
    const mo = c * d, o = base + (shared ? 0 : c * size);
    if (unrolled) {
      unrolled(x, start, end, resp, k, c, w, means, mo, out, o);
      continue;
    }
    for (let i = start; i < end; i++) {
      const r = resp[i * k + c] * (w === null ? 1 : w[i]);
      if (r === 0) continue;
      const xo = i * d;
      if (shape === 'full') {
        for (let j = 0; j < d; j++) diff[j] = x[xo + j] - means[mo + j];
        for (let t = 0; t < d; t++) {
          const rt = r * diff[t], row = o + t * d;
          for (let b = t; b < d; b++) out[row + b] += rt * diff[b];
        }
      } else if (shape === 'diag') {
        for (let j = 0; j < d; j++) {
          const t = x[xo + j] - means[mo + j];
          out[o + j] += r * t * t;
        }
      } else {
        let s = 0;
        for (let j = 0; j < d; j++) {
          const t = x[xo + j] - means[mo + j];
          s += t * t;
        }
        out[o] += (r * s) / d;
      }
    }
  }
}

/** M-step into `p` from the responsibilities `resp` (rows × k), with optional row weights; `runner` from runner.ts. */
export async function mStep(x: Matrix, resp: Float64Array, p: MixtureParams, regCovar: number, rowWeights: Float64Array | undefined, runner: ChunkRunner): Promise<void> {
  const { k, d, model } = p;
  const n = x.rows, m = chunkCount(n);
  const shape = covarianceShape(model), shared = isShared(model), size = blockSize(model, d), cov = p.cov;
  const r = runner.share(resp); // no copy per message when it already lives in shared memory
  const args = (out: Float64Array, stride: number, means: Float64Array): MStepArgs =>
    ({ x: x.data, n, d, k, shape, shared, resp: r, w: rowWeights ?? null, means, out, stride });

  // Pass 1: counts and means, partials added in chunk order.
  const sumStride = k * (d + 1);
  const sums = runner.alloc(m * sumStride);
  await runner.run('mSums', args(sums, sumStride, p.means), m);
  const nk = new Float64Array(k);
  const means = p.means;
  means.fill(0);
  for (let ch = 0; ch < m; ch++)
    for (let c = 0; c < k; c++) {
      const o = ch * sumStride + c * (d + 1);
      nk[c] += sums[o];
      for (let j = 0; j < d; j++) means[c * d + j] += sums[o + 1 + j];
    }
  let total = 0;
  for (let c = 0; c < k; c++) {
    nk[c] += 10 * Number.EPSILON;
    total += nk[c];
    for (let j = 0; j < d; j++) means[c * d + j] /= nk[c];
  }
  for (let c = 0; c < k; c++) p.weights[c] = nk[c] / total;

  // Pass 2: centred scatter.
  const covStride = cov.length;
  const parts = runner.alloc(m * covStride);
  await runner.run('mScatter', args(parts, covStride, runner.share(means)), m);
  cov.fill(0);
  for (let ch = 0; ch < m; ch++) for (let t = 0; t < covStride; t++) cov[t] += parts[ch * covStride + t];

  // Divide by the counts: per component for varying models, by the total for shared ones.
  if (shared) {
    for (let t = 0; t < size; t++) cov[t] /= total;
  } else {
    for (let c = 0; c < k; c++) for (let t = 0; t < size; t++) cov[c * size + t] /= nk[c];
  }
  if (shape === 'full') {
    const blocks = cov.length / size;
    for (let b = 0; b < blocks; b++) {
      const o = b * size;
      for (let i = 0; i < d; i++) for (let j = 0; j < i; j++) cov[o + i * d + j] = cov[o + j * d + i]; // mirror upper → lower
      for (let j = 0; j < d; j++) cov[o + j * d + j] += regCovar;
    }
  } else {
    for (let t = 0; t < cov.length; t++) cov[t] += regCovar;
  }
}
