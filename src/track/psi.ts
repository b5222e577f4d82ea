/**
 * Population stability index: PSI = Σᵢ (aᵢ − eᵢ) · ln(aᵢ / eᵢ) over bins, with eᵢ the expected
 * (training) share and aᵢ the actual (new) share of bin i. Siddiqi, "Credit Risk Scorecards" (Wiley
 * 2006), ch. 8, gives the usual reading: < 0.1 no significant shift, 0.1–0.25 some shift (watch),
 * > 0.25 a major shift (rebuild the model); Yurdakul, "Statistical properties of population stability
 * index" (2018), studies it as a divergence. A bin empty on one side would make the index infinite,
 * so shares are floored at {@link PSI_EPSILON} (a common convention; documented, and tested).
 *
 * Numeric bins: deciles of the training values (quantile binning on the training data, so each bin
 * holds ~10% of training customers; repeated quantiles merge, so a column with few values gets fewer
 * bins), plus one bin for missing values. Categorical bins: the levels of both sides, plus missing.
 * @module
 */

/** Share floor for empty bins. */
export const PSI_EPSILON = 1e-4;
/** Quantile bins per numeric feature (deciles). */
export const PSI_BINS = 10;

/** PSI of two count vectors over the same bins. */
export function psi(expected: ArrayLike<number>, actual: ArrayLike<number>): number {
  let ne = 0, na = 0;
  for (let i = 0; i < expected.length; i++) (ne += expected[i]), (na += actual[i]);
  if (ne === 0 || na === 0) return 0;
  let s = 0;
  for (let i = 0; i < expected.length; i++) {
    const e = Math.max(expected[i] / ne, PSI_EPSILON), a = Math.max(actual[i] / na, PSI_EPSILON);
    s += (a - e) * Math.log(a / e);
  }
  return s;
}

/**
 * Inner bin edges: the distinct training deciles q(1/B) … q((B−1)/B) (type-7 quantiles, as numpy's
 * default). Bin i holds values in (edge[i−1], edge[i]]; NaN values are counted apart.
 */
export function quantileEdges(training: Float64Array, bins = PSI_BINS): number[] {
  const v = Float64Array.from(training.filter((x) => !Number.isNaN(x))).sort();
  if (v.length === 0) return [];
  const edges: number[] = [];
  for (let b = 1; b < bins; b++) {
    const h = (v.length - 1) * (b / bins), lo = Math.floor(h);
    const q = v[lo] + (h - lo) * ((v[Math.min(lo + 1, v.length - 1)] ?? v[lo]) - v[lo]);
    if (edges.length === 0 || q > edges[edges.length - 1]) edges.push(q);
  }
  return edges;
}

/** Counts per bin of `values` for `edges` (edges.length + 1 bins), then one count of NaNs. */
export function binCounts(values: Float64Array, edges: readonly number[]): Float64Array {
  const out = new Float64Array(edges.length + 2);
  for (const x of values) {
    if (Number.isNaN(x)) {
      out[edges.length + 1]++;
      continue;
    }
    // Binary search for the first edge ≥ x.
    let lo = 0, hi = edges.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (edges[mid] >= x) hi = mid;
      else lo = mid + 1;
    }
    out[lo]++;
  }
  return out;
}
