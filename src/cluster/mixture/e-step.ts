/**
 * E-step of a Gaussian mixture in log space: log πₖ + log N(x | μₖ, Σₖ) for every row and component,
 * normalised per row with log-sum-exp so far-away rows never underflow to 0/0 (scikit-learn's
 * `_estimate_log_prob_resp`, McLachlan & Peel 2000, ch. 2).
 * @module
 */
import type { Matrix } from '../../math/matrix.js';
import type { Factors, MixtureParams } from './covariance.js';
import { fullLogProbKernel, MAX_UNROLLED_D } from './full-kernels.js';

const LOG_2PI = Math.log(2 * Math.PI);

/** Writes log πₖ + log N(xᵢ | k) into `out` (rows × k). */
export function weightedLogProb(x: Matrix, p: MixtureParams, f: Factors, out: Float64Array): void {
  const { k, d, means, weights } = p;
  const n = x.rows, xd = x.data, prec = f.prec;
  const logW = new Float64Array(k);
  for (let c = 0; c < k; c++) logW[c] = Math.log(weights[c]) + f.logDet[c] - 0.5 * d * LOG_2PI;
  if (f.shape === 'full' && d <= MAX_UNROLLED_D) {
    const kernel = fullLogProbKernel(d);
    for (let c = 0; c < k; c++) kernel(xd, n, means, c * d, prec, c * d * d, out, k, c, logW[c]);
  } else if (f.shape === 'full') {
    const diff = new Float64Array(d);
    const dd = d * d;
    for (let i = 0; i < n; i++) {
      const xo = i * d;
      for (let c = 0; c < k; c++) {
        const mo = c * d, po = c * dd;
        for (let j = 0; j < d; j++) diff[j] = xd[xo + j] - means[mo + j];
        // ‖(x−μ)ᵀP‖² with P upper triangular: yⱼ = Σ_{a≤j} diffₐ·P[a][j].
        let q = 0;
        for (let j = 0; j < d; j++) {
          let y = 0;
          for (let a = 0; a <= j; a++) y += diff[a] * prec[po + a * d + j];
          q += y * y;
        }
        out[i * k + c] = logW[c] - 0.5 * q;
      }
    }
  } else if (f.shape === 'diag') {
    for (let i = 0; i < n; i++) {
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
    for (let i = 0; i < n; i++) {
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
 * Turns the weighted log probabilities in `lp` (rows × k) into posteriors in place and returns the
 * (row-weighted) total log-likelihood Σ wᵢ log Σₖ πₖ N(xᵢ | k).
 */
export function normalizeRows(lp: Float64Array, n: number, k: number, rowWeights?: Float64Array): number {
  let total = 0;
  for (let i = 0; i < n; i++) {
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

/** One E-step: posteriors into `resp`, returns the total log-likelihood. */
export function eStep(x: Matrix, p: MixtureParams, f: Factors, resp: Float64Array, rowWeights?: Float64Array): number {
  weightedLogProb(x, p, f, resp);
  return normalizeRows(resp, x.rows, p.k, rowWeights);
}
