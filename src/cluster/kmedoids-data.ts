/**
 * What k-medoids needs from a Dataset besides the algorithm: the input checks, the resolved metric
 * and Gower scale, the row weights, and subsets of rows (CLARA samples, medoid rows).
 * @module
 */
import type { Dataset, CodeMatrix } from '../data/dataset.js';
import type { Matrix } from '../math/matrix.js';
import { fitGowerScale, type GowerScale } from '../math/gower.js';
import type { MetricName } from './kmedoids-metric.js';
import { SegkitError } from '../errors.js';
import { msg } from '../messages.js';

/** Numbers and level codes of some rows, as flat arrays. */
export interface RowsData {
  readonly num: Matrix;
  readonly cat?: { readonly cols: number; readonly data: Int32Array };
}

/** The metric 'auto' resolves to: Gower when the data carries categorical codes, else Euclidean. */
export function resolveMetric(metric: MetricName | 'auto', data: Dataset): MetricName {
  if (metric !== 'auto') return metric;
  return (data.categorical?.cols ?? 0) > 0 ? 'gower' : 'euclidean';
}

/** Throws for empty or non-finite data, columns the metric cannot use, bad weights, too few (distinct) rows. */
export function checkKMedoidsFit(data: Dataset, k: number, metric: MetricName): void {
  const x = data.numeric, nCat = data.categorical?.cols ?? 0;
  if (x.rows === 0) throw new SegkitError('E_DATA_EMPTY', msg.dataEmpty('The data'));
  if (x.cols + nCat === 0) throw new SegkitError('E_DATA_EMPTY', msg.dataNoFeatures('The data'));
  if (metric === 'euclidean' && nCat > 0) throw new SegkitError('E_OPTION', msg.kmedoidsEuclideanWithCategories(data.categorical!.names), { field: 'metric' });
  checkFiniteNumbers(data);
  if (data.weights) {
    if (data.weights.length !== x.rows) throw new SegkitError('E_DATA_SHAPE', `Weights have ${data.weights.length} values for ${x.rows} rows.`, { field: 'weights' });
    for (let i = 0; i < x.rows; i++)
      if (!(data.weights[i] >= 0) || !Number.isFinite(data.weights[i]))
        throw new SegkitError('E_DATA_NONFINITE', `Weight of row ${i + 1} must be a finite number ≥ 0. Got ${data.weights[i]}.`, { row: i + 1, field: 'weights' });
  }
  if (x.rows < k) throw new SegkitError('E_TOO_FEW_ROWS', msg.tooFewRows('kmedoids', k, x.rows), { field: 'nClusters' });
  const distinct = distinctRowsAtMost(data, k);
  if (distinct < k) throw new SegkitError('E_TOO_FEW_ROWS', msg.fewerDistinctRows('kmedoids', k, distinct), { field: 'nClusters' });
}

/** Throws E_DATA_NONFINITE naming the first row and column with NaN or ±Infinity. */
export function checkFiniteNumbers(data: Dataset): void {
  const x = data.numeric, a = x.data;
  for (let i = 0; i < a.length; i++)
    if (!Number.isFinite(a[i])) {
      const r = Math.floor(i / x.cols), column = data.featureNames[i % x.cols] ?? `x${i % x.cols}`;
      throw new SegkitError('E_DATA_NONFINITE', msg.dataNonFinite(r + 1, column, a[i]), { row: r + 1, column });
    }
}

/** Distinct rows (numbers and codes), counted only up to `cap`: an early exit keeps it cheap. */
function distinctRowsAtMost(data: Dataset, cap: number): number {
  const x = data.numeric, c = data.categorical;
  const seen = new Set<string>();
  for (let i = 0; i < x.rows && seen.size < cap; i++) {
    const codes = c ? c.data.subarray(i * c.cols, (i + 1) * c.cols).join(',') : '';
    seen.add(`${x.data.subarray(i * x.cols, (i + 1) * x.cols).join(',')}|${codes}`);
  }
  return seen.size;
}

/** Gower scale learned on the training data, with per-column weights given by column name. */
export function gowerScaleFor(data: Dataset, columnWeights: Readonly<Record<string, number>>): GowerScale {
  const cat = data.categorical;
  const names = [...data.featureNames, ...(cat?.names ?? [])];
  for (const name of Object.keys(columnWeights))
    if (!names.includes(name)) throw new SegkitError('E_OPTION', msg.columnWeightUnknown(name, names), { field: 'columnWeights', column: name });
  const numeric = data.featureNames.map((f) => columnWeights[f] ?? 1);
  const categorical = (cat?.names ?? []).map((f) => columnWeights[f] ?? 1);
  if (![...numeric, ...categorical].some((v) => v > 0)) throw new SegkitError('E_OPTION', msg.columnWeightsAllZero(), { field: 'columnWeights' });
  return fitGowerScale(data.numeric, cat?.cols ?? 0, { numeric, categorical });
}

/** The rows `idx` of a dataset's numbers and codes, in that order (copies). */
export function pickRowsData(data: { num: Matrix; cat?: { cols: number; data: Int32Array } }, idx: ArrayLike<number>): RowsData {
  const p = data.num.cols, len = idx.length;
  const num = new Float64Array(len * p);
  for (let r = 0; r < len; r++) num.set(data.num.data.subarray(idx[r] * p, idx[r] * p + p), r * p);
  const c = data.cat;
  if (!c || c.cols === 0) return { num: { rows: len, cols: p, data: num } };
  const codes = new Int32Array(len * c.cols);
  for (let r = 0; r < len; r++) codes.set(c.data.subarray(idx[r] * c.cols, (idx[r] + 1) * c.cols), r * c.cols);
  return { num: { rows: len, cols: p, data: num }, cat: { cols: c.cols, data: codes } };
}

/** A dataset's numbers and codes as RowsData (no copy). */
export function rowsData(data: Dataset): RowsData {
  const c: CodeMatrix | undefined = data.categorical;
  return c && c.cols > 0 ? { num: data.numeric, cat: { cols: c.cols, data: c.data } } : { num: data.numeric };
}
