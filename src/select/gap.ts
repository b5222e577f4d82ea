/**
 * The gap statistic (Tibshirani, Walther & Hastie, "Estimating the number of clusters in a data set
 * via the gap statistic", JRSS B 63(2), 2001): Gap(k) = E*[log W*_k] − log W_k, the expectation
 * estimated by the mean over B reference data sets, with s_k = sd_k · sqrt(1 + 1/B) (sd with the
 * n − 1 divisor, as R's var), exactly as R cluster::clusGap's `Tab`.
 * @module
 */

/** Gap per k (arrays aligned with the k grid). */
export interface GapResult {
  readonly logW: number[];
  /** Mean of the reference log W*_k. */
  readonly expectedLogW: number[];
  readonly gap: number[];
  /** Simulation standard error s_k. */
  readonly se: number[];
}

/** Gap and SE from the data's log W_k and the references' log W*_k (`refLogW[b][kIndex]`). */
export function gapStatistic(logW: readonly number[], refLogW: readonly (readonly number[])[]): GapResult {
  const kCount = logW.length, b = refLogW.length;
  const expectedLogW: number[] = [], gap: number[] = [], se: number[] = [];
  for (let i = 0; i < kCount; i++) {
    let mean = 0;
    for (let r = 0; r < b; r++) mean += refLogW[r][i];
    mean /= b;
    let ss = 0;
    for (let r = 0; r < b; r++) ss += (refLogW[r][i] - mean) ** 2;
    const sd = b > 1 ? Math.sqrt(ss / (b - 1)) : NaN;
    expectedLogW.push(mean);
    gap.push(mean - logW[i]);
    se.push(sd * Math.sqrt(1 + 1 / b));
  }
  return { logW: [...logW], expectedLogW, gap, se };
}

/**
 * The paper's rule: the smallest k with Gap(k) ≥ Gap(k+1) − s(k+1), which is clusGap's
 * `maxSE(method = "Tibs2001SEmax", SE.factor = 1)`. Returns the index into the k grid, or -1 when no k
 * satisfies it (clusGap then returns the largest k; we say so instead, since a still-rising gap means
 * the range is too short).
 */
export function gapRuleIndex(gap: readonly number[], se: readonly number[]): number {
  for (let i = 0; i + 1 < gap.length; i++) if (gap[i] >= gap[i + 1] - se[i + 1]) return i;
  return -1;
}
