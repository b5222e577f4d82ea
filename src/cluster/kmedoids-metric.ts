/**
 * The two dissimilarities k-medoids offers, behind one row-versus-rows call: Gower (math/gower.ts)
 * for numbers and categories, plain (not squared) Euclidean distance for numbers only, as
 * R's cluster::pam(metric = "euclidean") uses.
 * @module
 */
import type { Matrix } from '../math/matrix.js';
import { sqDist } from '../math/distance.js';
import { gowerRows, gowerRowToRows, gowerDistance, type GowerRows, type GowerScale } from '../math/gower.js';

/** Name of a k-medoids dissimilarity. */
export type MetricName = 'gower' | 'euclidean';

/** Rows prepared once for repeated dissimilarity calls. */
export type MetricRows =
  | { readonly metric: 'gower'; readonly rows: number; readonly g: GowerRows }
  | { readonly metric: 'euclidean'; readonly rows: number; readonly num: Float64Array; readonly d: number };

/** Prepares rows: Gower needs the scale learned on the training data; Euclidean uses the numbers as they are. */
export function metricRows(
  metric: MetricName,
  scale: GowerScale | null,
  num: Matrix,
  cat?: { readonly cols: number; readonly data: Int32Array },
): MetricRows {
  if (metric === 'gower') return { metric, rows: num.rows, g: gowerRows(scale!, num, cat) };
  return { metric, rows: num.rows, num: num.data, d: num.cols };
}

/** Dissimilarities from row `i` of `a` to rows [from, to) of `b`, into `out[offset …]`. */
export function rowToRows(a: MetricRows, i: number, b: MetricRows, from: number, to: number, out: Float64Array | Float32Array, offset: number): void {
  if (a.metric === 'gower') {
    gowerRowToRows(a.g, i, (b as typeof a).g, from, to, out, offset);
    return;
  }
  const bn = (b as typeof a).num, d = a.d;
  for (let j = from; j < to; j++) out[offset + j - from] = Math.sqrt(sqDist(a.num, i * d, bn, j * d, d));
}

/** Dissimilarity between row `i` of `a` and row `j` of `b`; bit-identical to `rowToRows`. */
export function dissimilarity(a: MetricRows, i: number, b: MetricRows, j: number): number {
  if (a.metric === 'gower') return gowerDistance(a.g, i, (b as typeof a).g, j);
  return Math.sqrt(sqDist(a.num, i * a.d, (b as typeof a).num, j * a.d, a.d));
}
