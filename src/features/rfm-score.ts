/**
 * RFM scores 1…q from recency, frequency and monetary value, the way pandas users compute them:
 * `pd.qcut(x.rank(method='first'), q, labels=False) + 1` (default: every score level holds the same
 * number of customers, ties broken by customer order), or `pd.qcut(x, q, duplicates='drop')` with
 * `ties: 'together'` (equal values always share a score; fewer levels when many values tie).
 * Recency is reversed: the most recent customers score q. Algorithm read from pandas
 * (pandas/core/reshape/tile.py: quantile edges by linear interpolation, right-closed bins, lowest
 * edge included).
 * @module
 */

/** How ties are scored. */
export type RfmTies = 'first' | 'together';

/**
 * Bin codes 0…levels−1 of `x` (no NaN) by its quantiles, as pandas.qcut with labels=False.
 * Assumes validated input (q ≥ 1, no NaN).
 */
export function qcutCodes(x: Float64Array, q: number, ties: RfmTies): { codes: Int32Array; levels: number } {
  const v = ties === 'first' ? rankFirst(x) : x;
  const sorted = Float64Array.from(v).sort();
  const n = sorted.length;
  const edges: number[] = [];
  for (let i = 0; i <= q; i++) {
    // numpy.quantile, method 'linear': h = (n − 1) p.
    const h = ((n - 1) * i) / q;
    const lo = Math.floor(h);
    const e = lo + 1 < n ? sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]) : sorted[lo];
    if (edges.length === 0 || e !== edges[edges.length - 1]) edges.push(e); // duplicates='drop'
  }
  const levels = Math.max(1, edges.length - 1);
  const codes = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    // Right-closed bins (e_k, e_{k+1}], the first also holding e_0: the first k with v ≤ e_{k+1}.
    let a = 1, b = edges.length - 1;
    while (a < b) {
      const m = (a + b) >> 1;
      if (v[i] <= edges[m]) b = m;
      else a = m + 1;
    }
    codes[i] = Math.max(0, Math.min(levels - 1, a - 1));
  }
  return { codes, levels };
}

/** Ranks 1…n, equal values ranked in order of appearance (pandas `rank(method='first')`). */
export function rankFirst(x: Float64Array): Float64Array {
  const order = Array.from(x.keys()).sort((i, j) => x[i] - x[j] || i - j);
  const r = new Float64Array(x.length);
  order.forEach((i, k) => (r[i] = k + 1));
  return r;
}

/** R, F and M scores (1…levels; recency reversed). Monetary values are compared at 1e-6 so that sums in another order tie the same way. */
export function rfmScores(recency: Float64Array, frequency: Float64Array, monetary: Float64Array, q: number, ties: RfmTies): { r: Int32Array; f: Int32Array; m: Int32Array; levels: [number, number, number] } {
  const rc = qcutCodes(recency, q, ties), fc = qcutCodes(frequency, q, ties);
  const mc = qcutCodes(monetary.map((v) => Math.round(v * 1e6) / 1e6), q, ties);
  return {
    r: rc.codes.map((c) => rc.levels - c),
    f: fc.codes.map((c) => c + 1),
    m: mc.codes.map((c) => c + 1),
    levels: [rc.levels, fc.levels, mc.levels],
  };
}
