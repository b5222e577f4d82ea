/**
 * The k-distance curve that guides DBSCAN's eps (Ester et al. 1996, section 4.2; R dbscan's
 * `kNNdistplot`): for every row, the distance to its k-th nearest row counting the row itself, with
 * k = minSamples. A row is a core point exactly when this distance is ≤ eps, so the sorted curve
 * shows the share of core points each eps gives. The suggested eps is the curve's knee (Kneedle,
 * select/knee.ts) on the curve thinned to evenly spaced ranks: raw curves are too noisy for Kneedle's
 * first-local-maximum rule.
 * @module
 */
import type { Matrix } from '../math/matrix.js';
import { buildKdTree, knnQuery, type KdTree } from '../math/kd-tree.js';
import { sampleIndices, type Rng } from '../math/rng.js';
import { kneedle } from '../select/knee.js';

/** Rows queried at most for the curve (a seeded sample above this; queries still search all rows). */
export const K_DISTANCE_MAX_QUERIES = 20_000;
/** Points of the thinned curve given to Kneedle. */
const KNEE_POINTS = 100;

/** The curve and the eps at its knee. */
export interface KDistance {
  /** k used: minSamples (2 when minSamples is 1), or the row count when smaller. */
  readonly k: number;
  /** k-distances of the queried rows, ascending. */
  readonly distances: Float64Array;
  /** Rows queried: all, or a seeded sample of K_DISTANCE_MAX_QUERIES. */
  readonly sampled: boolean;
  /** eps at the knee of the curve. */
  readonly suggestedEps: number;
}

/**
 * k-distance curve of the rows of `x` and the eps at its knee. `rng` draws the query sample when
 * there are more than `maxQueries` rows (required then). `tree` reuses a tree already built on `x`.
 */
export function kDistance(x: Matrix, minSamples: number, o: { rng?: Rng; maxQueries?: number; tree?: KdTree } = {}): KDistance {
  const n = x.rows, max = o.maxQueries ?? K_DISTANCE_MAX_QUERIES;
  // minSamples 1 would give the row itself (distance 0) everywhere: use the nearest other row then.
  const k = Math.max(1, Math.min(Math.max(minSamples, 2), n));
  const tree = o.tree ?? buildKdTree(x.data, n, x.cols);
  const sampled = n > max;
  if (sampled && !o.rng) throw new Error('kDistance: an rng is needed to sample the query rows');
  const rows = sampled ? sampleIndices(n, max, o.rng!) : null;
  const m = rows ? rows.length : n;
  const distances = new Float64Array(m);
  const buf = { index: new Int32Array(k), dist: new Float64Array(k) };
  for (let t = 0; t < m; t++) distances[t] = knnQuery(tree, x.data, rows ? rows[t] : t, k, buf).dist[k - 1];
  distances.sort();
  return { k, distances, sampled, suggestedEps: kneeOf(distances) };
}

/** eps at the knee of an ascending k-distance curve. */
export function kneeOf(sorted: Float64Array): number {
  const m = sorted.length;
  if (m === 0) return 0;
  const points = Math.min(KNEE_POINTS, m);
  const xs: number[] = [], ys: number[] = [];
  for (let p = 0; p < points; p++) {
    const r = points === 1 ? 0 : Math.round((p * (m - 1)) / (points - 1));
    xs.push(r);
    ys.push(sorted[r]);
  }
  const knee = kneedle(xs, ys, { direction: 'increasing', curve: 'convex' });
  if (knee.index >= 0) return ys[knee.index];
  // No confirmed knee: the point farthest below the chord (the maximum of Kneedle's difference curve).
  let best = -1, at = ys.length - 1;
  knee.difference.forEach((v, i) => { if (v > best) { best = v; at = i; } });
  return ys[at];
}
