/**
 * γ, the weight of one categorical mismatch against squared numeric distance in K-Prototypes.
 *
 * - 'huang': 0.5 × the mean standard deviation of the numeric columns (Huang 1997; the kmodes
 *   package's default). On standardised columns this is 0.5 whatever the data, so with many numeric
 *   columns the categories barely move the result (the complaint that kmodes "is k-means on the
 *   numbers").
 * - 'balanced' (our default): γ = Σ_j Var(x_j) / Σ_a (1 − share of a's most frequent level), i.e. the
 *   value at which both parts cost the same when every customer is in one segment (k = 1: the
 *   numeric part is the total variance, the categorical part γ × the mismatches against the global
 *   modes). Neither part swamps the other from the start; the fit reports each part's share of
 *   the final cost (diagnostics numericCost, categoricalCost, categoricalShare).
 * @module
 */
import type { MixedData } from './kmodes-core.js';

/** How γ is chosen when not given as a number. */
export type GammaRule = 'balanced' | 'huang';

/** γ by the rule, with weights. Falls back to 'huang' (then to 1) when a part has no spread. */
export function chooseGamma(x: MixedData, rule: GammaRule): { gamma: number; rule: GammaRule } {
  const variances = numericVariances(x);
  if (rule === 'balanced') {
    const mismatch = categoricalMismatchAtModes(x);
    const sumVar = variances.reduce((a, b) => a + b, 0);
    if (mismatch > 0 && sumVar > 0) return { gamma: sumVar / mismatch, rule };
  }
  const meanStd = variances.length > 0 ? variances.reduce((a, v) => a + Math.sqrt(v), 0) / variances.length : 0;
  return { gamma: meanStd > 0 ? 0.5 * meanStd : 1, rule: 'huang' };
}

/** Weighted population variance of each numeric column. */
function numericVariances(x: MixedData): number[] {
  const n = x.rows, d = x.nNum;
  const mean = new Float64Array(d), sq = new Float64Array(d);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const w = x.weights ? x.weights[i] : 1;
    total += w;
    for (let j = 0; j < d; j++) mean[j] += w * x.num[i * d + j];
  }
  for (let j = 0; j < d; j++) mean[j] /= total;
  for (let i = 0; i < n; i++) {
    const w = x.weights ? x.weights[i] : 1;
    for (let j = 0; j < d; j++) {
      const t = x.num[i * d + j] - mean[j];
      sq[j] += w * t * t;
    }
  }
  return Array.from(sq, (s) => s / total);
}

/** Σ over categorical columns of the weighted share of rows not at the column's most frequent level. */
function categoricalMismatchAtModes(x: MixedData): number {
  const n = x.rows, m = x.nCat;
  let sum = 0;
  for (let j = 0; j < m; j++) {
    const counts = new Float64Array(x.nLevels[j]);
    let total = 0;
    for (let i = 0; i < n; i++) {
      const w = x.weights ? x.weights[i] : 1;
      const code = x.cat[i * m + j];
      if (code >= 0) counts[code] += w;
      total += w;
    }
    let max = 0;
    for (const c of counts) if (c > max) max = c;
    sum += total > 0 ? 1 - max / total : 0;
  }
  return sum;
}
