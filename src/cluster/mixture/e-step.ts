/**
 * E-step of a Gaussian mixture in log space: log πₖ + log N(x | μₖ, Σₖ) for every row and component,
 * normalised per row with log-sum-exp so far-away rows never underflow to 0/0 (scikit-learn's
 * `_estimate_log_prob_resp`, McLachlan & Peel 2000, ch. 2).
 *
 * Rows are cut into fixed chunks (chunks.ts); each chunk's log-likelihood is a partial sum, and partial
 * sums are added in chunk order, so the main thread and the worker pool give bit-identical results.
 * @module
 */
import type { Matrix } from '../../math/matrix.js';
import type { Factors, MixtureParams } from './covariance.js';
import { fullLogProbKernel, MAX_UNROLLED_D } from './full-kernels.js';
import { CHUNK_ROWS, chunkCount } from './chunks.js';

const LOG_2PI = Math.log(2 * Math.PI);

/** Everything one chunk of the E-step needs; plain typed arrays (shared memory on the pool). */
export interface EStepArgs {
  readonly x: Float64Array;
  readonly n: number;
  readonly d: number;
  readonly k: number;
  readonly shape: 'full' | 'diag' | 'spherical';
  readonly means: Float64Array;
  readonly prec: Float64Array;
  /** log πₖ + log det Pₖ − (d/2) log 2π per component. */
  readonly logW: Float64Array;
  /** Output: posteriors, rows × k. */
  readonly resp: Float64Array;
  readonly w: Float64Array | null;
  /** Output: one log-likelihood partial sum per chunk. */
  readonly partial: Float64Array;
}

/** The per-component constant of the log density. */
export function logWeights(p: MixtureParams, f: Factors): Float64Array {
  const logW = new Float64Array(p.k);
  for (let c = 0; c < p.k; c++) logW[c] = Math.log(p.weights[c]) + f.logDet[c] - 0.5 * p.d * LOG_2PI;
  return logW;
}

/** Arguments for an E-step writing into `resp` (rows × k) and `partial` (one per chunk). */
export function eStepArgs(x: Matrix, p: MixtureParams, f: Factors, resp: Float64Array, partial: Float64Array, rowWeights?: Float64Array): EStepArgs {
  return { x: x.data, n: x.rows, d: p.d, k: p.k, shape: f.shape, means: p.means, prec: f.prec, logW: logWeights(p, f), resp, w: rowWeights ?? null, partial };
}

/** One chunk: weighted log densities, then posteriors; writes the chunk's log-likelihood to partial[chunk]. */
export function eStepChunk(a: EStepArgs, chunk: number): void {
  const start = chunk * CHUNK_ROWS, end = Math.min(a.n, start + CHUNK_ROWS);
  weightedLogProbRange(a, start, end);
  a.partial[chunk] = normalizeRows(a.resp, start, end, a.k, a.w ?? undefined);
}

/** Writes log πₖ + log N(xᵢ | k) into a.resp for rows [start, end). */
function weightedLogProbRange(a: EStepArgs, start: number, end: number): void {
  const { x: xd, d, k, means, prec, logW, resp: out } = a;
  if (a.shape === 'full' && d <= MAX_UNROLLED_D) {
    const kernel = fullLogProbKernel(d);
    for (let c = 0; c < k; c++) kernel(xd, start, end, means, c * d, prec, c * d * d, out, k, c, logW[c]);
  } else if (a.shape === 'full') {
    const diff = new Float64Array(d);
    const dd = d * d;
    for (let i = start; i < end; i++) {
      const xo = i * d;
      for (let c = 0; c < k; c++) {
        const mo = c * d, po = c * dd;
        for (let j = 0; j < d; j++) diff[j] = xd[xo + j] - means[mo + j];
        // ‖(x−μ)ᵀP‖² with P upper triangular: yⱼ = Σ_{a≤j} diffₐ·P[a][j].
        let q = 0;
        for (let j = 0; j < d; j++) {
          let y = 0;
          for (let t = 0; t <= j; t++) y += diff[t] * prec[po + t * d + j];
          q += y * y;
        }
        out[i * k + c] = logW[c] - 0.5 * q;
      }
    }
  } else if (a.shape === 'diag') {
    for (let i = start; i < end; i++) {
      const xo = i * d;
      for (let c = 0; c < k; c++) {
        const mo = c * d;
        let q = 0;
        for (let j = 0; j < d; j++) {
          const y = (xd[xo + j] - means[mo + j]) * prec[mo + j];
          q += y * y;
        }
        out[i * k + c] = logW[c] - 0.5 * q;
      }
    }
  } else {
    for (let i = start; i < end; i++) {
      const xo = i * d;
      for (let c = 0; c < k; c++) {
        const mo = c * d, s = prec[c];
        let q = 0;
        for (let j = 0; j < d; j++) {
          const y = xd[xo + j] - means[mo + j];
          q += y * y;
        }
        out[i * k + c] = logW[c] - 0.5 * q * s * s;
      }
    }
  }
}

/**
 * Turns the weighted log probabilities in rows [start, end) of `lp` (rows × k) into posteriors in
 * place and returns their (row-weighted) log-likelihood Σ wᵢ log Σₖ πₖ N(xᵢ | k).
 */
export function normalizeRows(lp: Float64Array, start: number, end: number, k: number, rowWeights?: Float64Array): number {
  let total = 0;
  for (let i = start; i < end; i++) {
    const o = i * k;
    let top = 0;
    for (let c = 1; c < k; c++) if (lp[o + c] > lp[o + top]) top = c;
    const max = lp[o + top];
    if (max === -Infinity) {
      // Every density underflowed past −∞ (squared distances overflow, |x| ≳ 1e154): no information, uniform.
      for (let c = 0; c < k; c++) lp[o + c] = 1 / k;
      total += (rowWeights ? rowWeights[i] : 1) * max;
      continue;
    }
    let s = 0;
    for (let c = 0; c < k; c++) {
      const e = c === top ? 1 : Math.exp(lp[o + c] - max); // exp(0) = 1 exactly; exp is most of this loop's time
      lp[o + c] = e;
      s += e;
    }
    const inv = 1 / s;
    for (let c = 0; c < k; c++) lp[o + c] *= inv;
    total += (rowWeights ? rowWeights[i] : 1) * (max + Math.log(s));
  }
  return total;
}

/** Sum of the chunk partials, in chunk order. */
export function sumPartials(partial: Float64Array): number {
  let t = 0;
  for (let c = 0; c < partial.length; c++) t += partial[c];
  return t;
}

/** One E-step in the main thread: posteriors into `resp`, returns the total log-likelihood. */
export function eStep(x: Matrix, p: MixtureParams, f: Factors, resp: Float64Array, rowWeights?: Float64Array): number {
  const m = chunkCount(x.rows);
  const a = eStepArgs(x, p, f, resp, new Float64Array(m), rowWeights);
  for (let c = 0; c < m; c++) eStepChunk(a, c);
  return sumPartials(a.partial);
}
