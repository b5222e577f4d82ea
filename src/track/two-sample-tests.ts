/**
 * Distribution tests between training and new data: the two-sample Kolmogorov-Smirnov test for
 * numbers (D = sup |F₁ − F₂|, asymptotic p-value from the Kolmogorov distribution with Stephens'
 * small-sample correction λ = (√nₑ + 0.12 + 0.11/√nₑ)·D, nₑ = n₁n₂/(n₁+n₂); Stephens, JRSS B 32 (1970),
 * as in Press et al., Numerical Recipes §14.3) and Pearson's chi-square test of homogeneity for
 * categories (src/math/chi-square.ts for the tail). Reference values: scipy (test/fixtures/track/).
 * @module
 */
import { chiSquareSf } from '../math/chi-square.js';

/** A test's result. */
export interface TestResult {
  readonly test: 'ks' | 'chi-square';
  readonly statistic: number;
  readonly pValue: number;
  /** Degrees of freedom (chi-square only). */
  readonly df?: number;
}

/** Two-sample KS test; NaNs are left out. */
export function ksTwoSample(a: Float64Array, b: Float64Array): TestResult {
  const x = Float64Array.from(a.filter((v) => !Number.isNaN(v))).sort();
  const y = Float64Array.from(b.filter((v) => !Number.isNaN(v))).sort();
  const n1 = x.length, n2 = y.length;
  if (n1 === 0 || n2 === 0) return { test: 'ks', statistic: 0, pValue: 1 };
  let i = 0, j = 0, d = 0;
  // Walk both sorted samples; ties advance together so the ECDFs are compared after each distinct value.
  while (i < n1 && j < n2) {
    const v = Math.min(x[i], y[j]);
    while (i < n1 && x[i] === v) i++;
    while (j < n2 && y[j] === v) j++;
    d = Math.max(d, Math.abs(i / n1 - j / n2));
  }
  const ne = (n1 * n2) / (n1 + n2);
  const sq = Math.sqrt(ne);
  return { test: 'ks', statistic: d, pValue: kolmogorovQ((sq + 0.12 + 0.11 / sq) * d) };
}

/** Q_KS(λ) = 2 Σ_{j≥1} (−1)^{j−1} e^{−2j²λ²}, the Kolmogorov distribution's upper tail. */
export function kolmogorovQ(lambda: number): number {
  if (lambda < 1e-3) return 1;
  let sum = 0;
  for (let j = 1; j <= 100; j++) {
    const term = (j % 2 === 1 ? 2 : -2) * Math.exp(-2 * j * j * lambda * lambda);
    sum += term;
    if (Math.abs(term) <= 1e-12 * Math.abs(sum) || Math.abs(term) <= 1e-300) return Math.min(1, Math.max(0, sum));
  }
  return 1; // no convergence: λ is tiny, the tail is 1
}

/** Pearson chi-square test of homogeneity of two count vectors over the same levels (levels empty on both sides are dropped). */
export function chiSquareHomogeneity(a: ArrayLike<number>, b: ArrayLike<number>): TestResult {
  let na = 0, nb = 0;
  for (let i = 0; i < a.length; i++) (na += a[i]), (nb += b[i]);
  const n = na + nb;
  let stat = 0, levels = 0;
  for (let i = 0; i < a.length; i++) {
    const t = a[i] + b[i];
    if (t === 0) continue;
    levels++;
    const ea = (t * na) / n, eb = (t * nb) / n;
    stat += (a[i] - ea) ** 2 / ea + (b[i] - eb) ** 2 / eb;
  }
  const df = levels - 1;
  if (df <= 0 || na === 0 || nb === 0) return { test: 'chi-square', statistic: 0, pValue: 1, df: Math.max(0, df) };
  return { test: 'chi-square', statistic: stat, pValue: chiSquareSf(stat, df), df };
}
