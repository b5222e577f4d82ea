/**
 * A bootstrap sample as distinct rows with their draw counts: drawing n rows with replacement and
 * fitting on them equals fitting on the distinct drawn rows (about 63% of n) weighted by how often each
 * was drawn, for every method that honours row weights, at about 63% of the cost.
 * @module
 */
import type { Rng } from '../math/rng.js';

/** Distinct rows drawn (ascending) and how many times each was drawn. */
export interface BootstrapSample {
  readonly rows: Int32Array;
  readonly counts: Float64Array;
}

/** Draws n of n rows with replacement. */
export function bootstrapSample(n: number, rng: Rng): BootstrapSample {
  const counts = new Uint32Array(n);
  for (let i = 0; i < n; i++) counts[rng.int(n)]++;
  let m = 0;
  for (let i = 0; i < n; i++) if (counts[i] > 0) m++;
  const rows = new Int32Array(m), c = new Float64Array(m);
  for (let i = 0, j = 0; i < n; i++) if (counts[i] > 0) (rows[j] = i), (c[j++] = counts[i]);
  return { rows, counts: c };
}
