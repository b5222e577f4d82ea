/**
 * Fit indices of a mixture solution, shared by gmm, lpa, the LPA grid and model selection.
 * Sign conventions: `aic`, `bic`, `sabic` are "lower is better" (−2 log L + penalty, scikit-learn's
 * `bic()`/`aic()`); `bicMclust` and `icl` are "higher is better" (2 log L − p log n, mclust's
 * `bic` and `icl()`, which tidyLPA reports as ICL). Entropy is tidyLPA's relative entropy
 * 1 − Σᵢₖ −pᵢₖ log pᵢₖ / (n log k) (Celeux & Soromenho 1996), 1 = perfectly separated.
 * Sclove 1987 for SABIC (n* = (n+2)/24); Biernacki, Celeux & Govaert 2000 for ICL.
 * @module
 */

/** Every fit index of one solution. */
export interface FitIndices {
  /** Total log-likelihood Σ log Σₖ πₖ N(xᵢ | k). */
  logLikelihood: number;
  /** Free parameters. */
  nParameters: number;
  /** −2 log L + 2p (lower is better). */
  aic: number;
  /** −2 log L + p log n (scikit-learn's sign: lower is better). */
  bic: number;
  /** 2 log L − p log n (mclust's sign: higher is better). */
  bicMclust: number;
  /** −2 log L + p log((n + 2)/24) (lower is better). */
  sabic: number;
  /** bicMclust + 2 Σᵢ log pᵢ,ₘₐₚ₍ᵢ₎ (mclust's sign: higher is better). */
  icl: number;
  /** Relative entropy in [0, 1] (1 = every row certain). */
  entropy: number;
  /** Rows in the smallest segment (by highest posterior). */
  minClassSize: number;
  /** minClassSize / n. */
  minClassShare: number;
  /** Smallest, over non-empty segments, of the mean posterior of the rows assigned to it. */
  minAvgPosterior: number;
  /** Largest such mean posterior. */
  maxAvgPosterior: number;
  /** Share of rows with at least two segments at posterior ≥ 0.30. */
  multiMembershipShare: number;
}

/** Posterior threshold for "belongs to more than one segment" (issue 5). */
export const MULTI_MEMBERSHIP_THRESHOLD = 0.3;

/** Fit indices from the posteriors (rows × k) and the log-likelihood at the same parameters. */
export function fitIndices(resp: Float64Array, rows: number, k: number, logLik: number, nParams: number, rowWeights?: Float64Array): FitIndices {
  let n = 0, ent = 0, mapLog = 0, multi = 0;
  const size = new Float64Array(k), postSum = new Float64Array(k);
  for (let i = 0; i < rows; i++) {
    const w = rowWeights ? rowWeights[i] : 1, o = i * k;
    n += w;
    let best = 0, strong = 0;
    for (let c = 0; c < k; c++) {
      const p = resp[o + c];
      if (p > 0) ent -= w * p * Math.log(p);
      if (p > resp[o + best]) best = c;
      if (p >= MULTI_MEMBERSHIP_THRESHOLD) strong++;
    }
    if (resp[o + best] > 0) mapLog += w * Math.log(resp[o + best]);
    size[best] += w;
    postSum[best] += w * resp[o + best];
    if (strong >= 2) multi += w;
  }
  let minSize = Infinity, minAvg = Infinity, maxAvg = -Infinity;
  for (let c = 0; c < k; c++) {
    minSize = Math.min(minSize, size[c]);
    if (size[c] > 0) {
      minAvg = Math.min(minAvg, postSum[c] / size[c]);
      maxAvg = Math.max(maxAvg, postSum[c] / size[c]);
    }
  }
  const bicMclust = 2 * logLik - nParams * Math.log(n);
  return {
    logLikelihood: logLik,
    nParameters: nParams,
    aic: -2 * logLik + 2 * nParams,
    bic: -bicMclust,
    bicMclust,
    sabic: -2 * logLik + nParams * Math.log((n + 2) / 24),
    icl: bicMclust + 2 * mapLog,
    entropy: k > 1 ? 1 - ent / (n * Math.log(k)) : 1,
    minClassSize: minSize,
    minClassShare: minSize / n,
    minAvgPosterior: minAvg,
    maxAvgPosterior: maxAvg,
    multiMembershipShare: multi / n,
  };
}

/**
 * Per-row Shannon entropy of the posteriors, −Σₖ pᵢₖ log pᵢₖ in nats (0 = certain; log k = evenly
 * split), for `assign` to write beside each row's probabilities.
 */
export function rowEntropies(resp: Float64Array, rows: number, k: number): Float64Array {
  const out = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    let e = 0;
    for (let c = 0; c < k; c++) {
      const p = resp[i * k + c];
      if (p > 0) e -= p * Math.log(p);
    }
    out[i] = e;
  }
  return out;
}
