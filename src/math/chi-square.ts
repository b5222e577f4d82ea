/**
 * Upper tail of the chi-square distribution, P(X ≥ x) for X ~ χ²(df), as the regularised upper
 * incomplete gamma function Q(df/2, x/2): a series below a + 1, Lentz's continued fraction above
 * (Press et al., Numerical Recipes §6.2; the same split as Cephes' igamc, which scipy.stats.chi2.sf
 * uses). Our own code: the p-values of Kruskal-Wallis and chi-square tests need it and no small,
 * maintained npm package gives it with this accuracy.
 * @module
 */
import { lgamma } from '../evaluate/lgamma.js';

const EPS = 1e-15, TINY = 1e-300, MAX_ITER = 10_000;

/** Q(a, x) = Γ(a, x) / Γ(a), a > 0, x ≥ 0. */
export function gammaQ(a: number, x: number): number {
  if (!(a > 0) || !(x >= 0)) return NaN;
  if (x === 0) return 1;
  if (x === Infinity) return 0;
  const logPrefix = a * Math.log(x) - x - lgamma(a);
  if (x < a + 1) {
    // P(a, x) by its series, then Q = 1 − P.
    let sum = 1 / a, term = sum;
    for (let n = 1; n < MAX_ITER; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * EPS) break;
    }
    return Math.max(0, 1 - sum * Math.exp(logPrefix));
  }
  // Q(a, x) by the continued fraction (modified Lentz).
  let b = x + 1 - a, c = 1 / TINY, d = 1 / b, h = d;
  for (let i = 1; i < MAX_ITER; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPS) break;
  }
  return Math.exp(logPrefix) * h;
}

/** P(X ≥ x) for X ~ χ²(df). */
export function chiSquareSf(x: number, df: number): number {
  return gammaQ(df / 2, x / 2);
}
