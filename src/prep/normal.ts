/**
 * The standard normal quantile function and distribution function for the quantile transform's
 * normal output. The quantile function is Wichura's Algorithm AS 241 (PPND16, Applied Statistics
 * 37(3), 1988), accurate to about 1e-16 relative, in place of scipy's Cephes `ndtri` (also ~1e-16);
 * the distribution function is Marsaglia's Taylor series (J. Stat. Software 11(4), 2004),
 * accurate to ~1e-15 absolute, which the inverse transform needs only to ~1e-12.
 * @module
 */

// AS 241 coefficients (numerator a…, denominator b… for |p − ½| ≤ 0.425; c/d for the middle
// tails; e/f for the far tails), lowest degree first. Hash sums in the paper: 55.883…, 49.332…, 47.525….
const A = [3.387132872796366608, 133.14166789178437745, 1971.5909503065514427, 13731.693765509461125, 45921.953931549871457, 67265.770927008700853, 33430.575583588128105, 2509.0809287301226727];
const B = [1, 42.313330701600911252, 687.1870074920579083, 5394.1960214247511077, 21213.794301586595867, 39307.89580009271061, 28729.085735721942674, 5226.495278852854561];
const C = [1.42343711074968357734, 4.6303378461565452959, 5.7694972214606914055, 3.64784832476320460504, 1.27045825245236838258, 0.24178072517745061177, 0.0227238449892691845833, 7.7454501427834140764e-4];
const D = [1, 2.05319162663775882187, 1.6763848301838038494, 0.68976733498510000455, 0.14810397642748007459, 0.0151986665636164571966, 5.475938084995344946e-4, 1.05075007164441684324e-9];
const E = [6.6579046435011037772, 5.4637849111641143699, 1.7848265399172913358, 0.29656057182850489123, 0.026532189526576123093, 0.0012426609473880784386, 2.71155556874348757815e-5, 2.01033439929228813265e-7];
const F = [1, 0.59983220655588793769, 0.13692988092273580531, 0.0148753612908506148525, 7.868691311456132591e-4, 1.8463183175100546818e-5, 1.4215117583164458887e-7, 2.04426310338993978564e-15];

function poly(c: readonly number[], r: number): number {
  let s = 0;
  for (let i = c.length - 1; i >= 0; i--) s = s * r + c[i];
  return s;
}

/** Φ⁻¹(p): the standard normal quantile (scipy.stats.norm.ppf). ±Infinity at 0 and 1, NaN outside. */
export function normalPpf(p: number): number {
  if (!(p >= 0 && p <= 1)) return NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (q * poly(A, r)) / poly(B, r);
  }
  let r = Math.sqrt(-Math.log(q < 0 ? p : 1 - p));
  let z: number;
  if (r <= 5) {
    r -= 1.6;
    z = poly(C, r) / poly(D, r);
  } else {
    r -= 5;
    z = poly(E, r) / poly(F, r);
  }
  return q < 0 ? -z : z;
}

/** Φ(x): the standard normal distribution function (scipy.stats.norm.cdf). */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x < -38) return 0;
  if (x > 38) return 1;
  // Marsaglia: Φ(x) = ½ + φ(x)(x + x³/3 + x⁵/(3·5) + …); the series converges for every x, and
  // beyond |x| ≈ 8.3 the result is within rounding of 0 or 1 anyway.
  if (Math.abs(x) > 8.3) return x < 0 ? 0 : 1;
  let s = x, t = x;
  const x2 = x * x;
  for (let i = 3; i < 400; i += 2) {
    t *= x2 / i;
    const next = s + t;
    if (next === s) break;
    s = next;
  }
  return 0.5 + s * Math.exp(-0.5 * x2 - 0.91893853320467274178);
}
