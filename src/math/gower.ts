/**
 * Gower's dissimilarity for mixed numeric and categorical rows (Gower 1971, "A general coefficient
 * of similarity and some of its properties", Biometrics 27), as R's cluster::daisy(metric = "gower"):
 *
 *   d(a, b) = Σ_j w_j δ_j t_j / Σ_j w_j δ_j
 *
 * with t_j = |a_j − b_j| / range_j for a numeric column and t_j = [a_j ≠ b_j] for a categorical one;
 * δ_j = 0 when a numeric value is NaN on either side (daisy skips missing values pair by pair).
 *
 * Choices beyond daisy, so that new rows are scored on the training scale:
 * - The minimum and range of each numeric column are learned once (`fitGowerScale`) and kept.
 * - A new value outside the training range is clamped to it before differencing. Every term then
 *   stays in [0, 1], and for a comparison with a training row (a medoid) the order of distances is
 *   unchanged: beyond the maximum, |x − m| and |max − m| both fall as m rises.
 * - A constant column (range 0) contributes 0 to the numerator but keeps its weight in the
 *   denominator (daisy sets the range to 1, which gives the same 0 terms).
 * - Level code −1 (never seen in training) mismatches every code, itself included.
 * - A pair with no comparable column gives NaN (daisy gives NA).
 * @module
 */
import type { Matrix } from './matrix.js';

/** What Gower learns from training data: plain JSON, stored with a model. */
export interface GowerScale {
  /** Minimum of each numeric column over the training rows (NaN skipped; 0 for an all-NaN column). */
  readonly min: number[];
  /** max − min of each numeric column (0 for a constant or all-NaN column). */
  readonly range: number[];
  /** Weight of each numeric column (default 1). */
  readonly numericWeights: number[];
  /** Weight of each categorical column (default 1). */
  readonly categoricalWeights: number[];
}

/** Rows prepared for the Gower kernel: numbers pre-scaled to w_j·(clamped x − min)/range. */
export interface GowerRows {
  readonly rows: number;
  readonly nNum: number;
  readonly nCat: number;
  /** rows × nNum scaled numbers (NaN kept as NaN). */
  readonly num: Float64Array;
  /** rows × nCat level codes. */
  readonly cat: Int32Array;
  /** 1 where the row has a NaN number; null when no row has one (the fast path). */
  readonly hasNaN: Uint8Array | null;
  /** Weight of each numeric column, for the denominator when a NaN is skipped. */
  readonly numWeights: Float64Array;
  /** Weight of each categorical column. */
  readonly catWeights: Float64Array;
  /** Σ of all weights: the denominator when nothing is skipped. */
  readonly totalWeight: number;
}

/**
 * Learns column minima and ranges from training numbers. `weights` are per column (numeric then
 * categorical order as given); absent = all 1. Assumes validated input (weights finite, ≥ 0).
 */
export function fitGowerScale(
  num: Matrix,
  nCat: number,
  weights: { numeric?: ArrayLike<number>; categorical?: ArrayLike<number> } = {},
): GowerScale {
  const { rows, cols, data } = num;
  const min: number[] = [], range: number[] = [];
  for (let j = 0; j < cols; j++) {
    let lo = Infinity, hi = -Infinity;
    for (let i = 0; i < rows; i++) {
      const v = data[i * cols + j];
      if (v < lo) lo = v; // NaN fails both comparisons: skipped
      if (v > hi) hi = v;
    }
    if (lo > hi) (lo = 0), (hi = 0); // all NaN
    min.push(lo);
    range.push(hi - lo);
  }
  return {
    min,
    range,
    numericWeights: Array.from({ length: cols }, (_, j) => (weights.numeric ? weights.numeric[j] : 1)),
    categoricalWeights: Array.from({ length: nCat }, (_, j) => (weights.categorical ? weights.categorical[j] : 1)),
  };
}

/**
 * Prepares rows for the kernel: each number becomes w_j · (clamp(x, min, max) − min) / range_j
 * (0 for a constant column), so a numeric term is a plain |difference|.
 */
export function gowerRows(scale: GowerScale, num: Matrix, cat?: { readonly cols: number; readonly data: Int32Array }): GowerRows {
  const rows = num.rows, nNum = num.cols, nCat = cat?.cols ?? 0;
  const out = new Float64Array(rows * nNum);
  let hasNaN: Uint8Array | null = null;
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < nNum; j++) {
      const t = i * nNum + j, v = num.data[t];
      if (v !== v) {
        (hasNaN ??= new Uint8Array(rows))[i] = 1;
        out[t] = NaN;
        continue;
      }
      const lo = scale.min[j], r = scale.range[j], hi = lo + r;
      // (x − min)/range first, as daisy scales; w/range could overflow for a subnormal range.
      out[t] = r > 0 ? (((v < lo ? lo : v > hi ? hi : v) - lo) / r) * scale.numericWeights[j] : 0;
    }
  }
  const numWeights = Float64Array.from(scale.numericWeights);
  const catWeights = Float64Array.from(scale.categoricalWeights);
  let totalWeight = 0;
  for (const w of numWeights) totalWeight += w;
  for (const w of catWeights) totalWeight += w;
  return { rows, nNum, nCat, num: out, cat: cat?.data ?? new Int32Array(0), hasNaN, numWeights, catWeights, totalWeight };
}

/** Gower dissimilarity between row `i` of `a` and row `j` of `b` (same columns). */
export function gowerDistance(a: GowerRows, i: number, b: GowerRows, j: number): number {
  const p = a.nNum, m = a.nCat;
  let s = 0, wSum = a.totalWeight;
  const ai = i * p, bj = j * p;
  if ((a.hasNaN && a.hasNaN[i]) || (b.hasNaN && b.hasNaN[j])) {
    for (let t = 0; t < p; t++) {
      const d = a.num[ai + t] - b.num[bj + t];
      if (d !== d) wSum -= a.numWeights[t];
      else s += Math.abs(d);
    }
  } else {
    for (let t = 0; t < p; t++) s += Math.abs(a.num[ai + t] - b.num[bj + t]);
  }
  const ci = i * m, cj = j * m;
  for (let t = 0; t < m; t++) {
    const x = a.cat[ci + t], z = (x ^ b.cat[cj + t]) | (x >> 31);
    s += a.catWeights[t] * ((z | -z) >>> 31);
  }
  return wSum > 0 ? s / wSum : NaN;
}

/**
 * Dissimilarities from row `i` of `a` to rows [from, to) of `b`, written to `out[offset …]`.
 * The row-versus-rows kernel behind distance matrices, medoid assignment and predict.
 */
export function gowerRowToRows(
  a: GowerRows, i: number, b: GowerRows, from: number, to: number,
  out: Float64Array | Float32Array, offset: number,
): void {
  if (a.hasNaN || b.hasNaN || a.nNum + a.nCat === 0) {
    for (let j = from; j < to; j++) out[offset + j - from] = gowerDistance(a, i, b, j);
    return;
  }
  // Fast path, no missing values: the denominator is the total weight for every pair.
  const p = a.nNum, m = a.nCat, an = a.num, bn = b.num, ac = a.cat, bc = b.cat, cw = a.catWeights;
  const w = a.totalWeight, ai = i * p, ci = i * m;
  for (let j = from; j < to; j++) {
    let s = 0;
    const bj = j * p;
    for (let t = 0; t < p; t++) s += Math.abs(an[ai + t] - bn[bj + t]);
    const cj = j * m;
    for (let t = 0; t < m; t++) {
      // Branch-free mismatch (random levels mispredict a branch half the time): z ≠ 0 exactly when
      // the codes differ or x is −1; (z | −z) >>> 31 turns that into 1 or 0.
      const x = ac[ci + t], z = (x ^ bc[cj + t]) | (x >> 31);
      s += cw[t] * ((z | -z) >>> 31);
    }
    out[offset + j - from] = s / w; // the same division as gowerDistance: bit-identical values
  }
}

/** The full rows × rows Gower matrix of one table, on a scale learned from it (as daisy does). */
export function gowerMatrix(
  num: Matrix,
  cat?: { readonly cols: number; readonly data: Int32Array },
  weights?: { numeric?: ArrayLike<number>; categorical?: ArrayLike<number> },
): Matrix {
  const g = gowerRows(fitGowerScale(num, cat?.cols ?? 0, weights), num, cat);
  const n = g.rows, out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) gowerRowToRows(g, i, g, 0, n, out, i * n);
  return { rows: n, cols: n, data: out };
}
