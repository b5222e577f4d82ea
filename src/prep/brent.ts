/**
 * Brent's method for a 1-D minimum (Brent, "Algorithms for Minimization without Derivatives",
 * 1973, ch. 5), after bracketing from two starting points by golden-ratio expansion, the way
 * scipy.optimize.brent(f, brack=(a, b)) proceeds. Used for the Yeo-Johnson λ.
 * @module
 */

const GOLD = 1.618033988749895;
const CGOLD = 0.3819660112501051;

/** Minimises `f` starting from the bracket guess (a, b); `tol` is relative on x. */
export function brentMinimize(f: (x: number) => number, a: number, b: number, tol = 1e-12, maxIter = 500): number {
  // 1. Bracket: find a < b < c (or reversed) with f(b) below both ends.
  let fa = f(a), fb = f(b);
  if (fb > fa) [a, b, fa, fb] = [b, a, fb, fa];
  let c = b + GOLD * (b - a), fc = f(c);
  for (let i = 0; fb > fc && i < 100; i++) {
    [a, fa, b, fb] = [b, fb, c, fc];
    c = b + GOLD * (b - a);
    fc = f(c);
  }
  // 2. Brent's parabolic interpolation with golden-section fallback.
  let lo = Math.min(a, c), hi = Math.max(a, c);
  let x = b, w = b, v = b, fx = fb, fw = fb, fv = fb;
  let d = 0, e = 0;
  for (let iter = 0; iter < maxIter; iter++) {
    const xm = 0.5 * (lo + hi);
    const tol1 = tol * Math.abs(x) + 1e-14, tol2 = 2 * tol1;
    if (Math.abs(x - xm) <= tol2 - 0.5 * (hi - lo)) break;
    let useGolden = true;
    if (Math.abs(e) > tol1) {
      let r = (x - w) * (fx - fv), q = (x - v) * (fx - fw), p = (x - v) * q - (x - w) * r;
      q = 2 * (q - r);
      if (q > 0) p = -p;
      q = Math.abs(q);
      const eTemp = e;
      e = d;
      if (!(Math.abs(p) >= Math.abs(0.5 * q * eTemp) || p <= q * (lo - x) || p >= q * (hi - x))) {
        d = p / q;
        const u = x + d;
        if (u - lo < tol2 || hi - u < tol2) d = xm >= x ? tol1 : -tol1;
        useGolden = false;
      }
    }
    if (useGolden) {
      e = x >= xm ? lo - x : hi - x;
      d = CGOLD * e;
    }
    const u = Math.abs(d) >= tol1 ? x + d : x + (d >= 0 ? tol1 : -tol1);
    const fu = f(u);
    if (fu <= fx) {
      if (u >= x) lo = x;
      else hi = x;
      [v, fv, w, fw, x, fx] = [w, fw, x, fx, u, fu];
    } else {
      if (u < x) lo = u;
      else hi = u;
      if (fu <= fw || w === x) [v, fv, w, fw] = [w, fw, u, fu];
      else if (fu <= fv || v === x || v === w) [v, fv] = [u, fu];
    }
  }
  return x;
}
