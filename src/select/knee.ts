/**
 * Knee (elbow) of a curve by Kneedle: Satopää, Albrecht, Irwin & Raghavan, "Finding a 'Kneedle' in a
 * haystack: detecting knee points in system behavior", ICDCS workshops 2011. The offline form: scale
 * both axes to [0, 1], turn the curve so the knee is a maximum of the difference curve
 * D = y' − x', and accept the first local maximum of D after which D falls below
 * T = D_max − S · mean(Δx') before the next local maximum (S = sensitivity; the paper's default 1).
 * No smoothing: cost curves over a k grid are monotone enough and have few points.
 * @module
 */

/** Shape of the curve: a cost over k is decreasing and convex. */
export interface KneeOptions {
  /** 'decreasing' (cost over k) or 'increasing'. **Default:** `'decreasing'`. */
  direction?: 'decreasing' | 'increasing';
  /** 'convex' (flattening cost) or 'concave'. **Default:** `'convex'`. */
  curve?: 'convex' | 'concave';
  /** Kneedle's S: how far D must fall after a candidate to confirm it. **Default:** `1`. */
  sensitivity?: number;
}

/** The knee found, or why none was. */
export interface Knee {
  /** x at the knee, or null when no local maximum of D was confirmed. */
  readonly x: number | null;
  /** Index of the knee in the input, or -1. */
  readonly index: number;
  /** The difference curve D (same length as the input), for plots. */
  readonly difference: number[];
}

/** Kneedle on points (x[i], y[i]) with x strictly increasing. Non-finite y values are not allowed. */
export function kneedle(x: readonly number[], y: readonly number[], o: KneeOptions = {}): Knee {
  const n = x.length;
  const direction = o.direction ?? 'decreasing', curve = o.curve ?? 'convex', s = o.sensitivity ?? 1;
  if (n < 3) return { x: null, index: -1, difference: new Array(n).fill(0) };
  const x0 = x[0], xr = x[n - 1] - x[0];
  let ymin = Infinity, ymax = -Infinity;
  for (const v of y) (ymin = Math.min(ymin, v)), (ymax = Math.max(ymax, v));
  const yr = ymax - ymin;
  if (!(xr > 0) || !(yr > 0)) return { x: null, index: -1, difference: new Array(n).fill(0) };
  // Scale to the unit square, then flip so every supported shape becomes concave increasing
  // (the paper's section III: "for curves that are convex/decreasing, transform them first").
  const xs = x.map((v) => (v - x0) / xr);
  const ys = y.map((v) => (v - ymin) / yr);
  const flipX = (curve === 'convex') !== (direction === 'decreasing');
  const flipY = curve === 'convex';
  const xt = xs.map((v) => (flipX ? 1 - v : v));
  const yt = ys.map((v) => (flipY ? 1 - v : v));
  // D on points in increasing order of the transformed x.
  const order = Array.from({ length: n }, (_, i) => i);
  if (flipX) order.reverse();
  const d = order.map((i) => yt[i] - xt[i]);
  const threshold = s / (n - 1); // S · mean(Δx'): x' spans [0, 1] in n − 1 steps
  for (let j = 1; j < n - 1; j++) {
    if (!(d[j] >= d[j - 1] && d[j] > d[j + 1])) continue;
    const t = d[j] - threshold;
    for (let m = j + 1; m < n; m++) {
      if (m < n - 1 && d[m] >= d[m - 1] && d[m] > d[m + 1]) break; // next local maximum: not confirmed
      if (d[m] < t) {
        const index = order[j];
        const difference = new Array<number>(n);
        order.forEach((i, p) => (difference[i] = d[p]));
        return { x: x[index], index, difference };
      }
    }
  }
  const difference = new Array<number>(n);
  order.forEach((i, p) => (difference[i] = d[p]));
  return { x: null, index: -1, difference };
}
