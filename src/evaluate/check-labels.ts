/**
 * Shared checks for internal metrics: labels match the rows, and the number of clusters is in
 * [2, n-1] as scikit-learn's `check_number_of_labels` requires. Noise (-1) rows are left out.
 * @module
 */
import type { Matrix } from '../math/matrix.js';
import { SegkitError } from '../errors.js';
import { msg } from '../messages.js';

/** Compact labels: rows kept (label ≥ 0), their cluster index 0..k-1, and k. */
export interface CompactLabels {
  readonly rows: Int32Array;
  readonly labels: Int32Array;
  readonly k: number;
}

/** Validates and compacts labels for a metric named `metric`. */
export function checkLabels(x: Matrix, labels: ArrayLike<number>, metric: string): CompactLabels {
  if (labels.length !== x.rows) throw new SegkitError('E_DATA_SHAPE', msg.labelsLength(metric, labels.length, x.rows));
  const map = new Map<number, number>();
  const rows: number[] = [];
  const out: number[] = [];
  for (let i = 0; i < labels.length; i++) {
    const l = labels[i];
    if (l < 0) continue;
    let c = map.get(l);
    if (c === undefined) map.set(l, (c = map.size));
    rows.push(i);
    out.push(c);
  }
  const k = map.size;
  if (k < 2 || k > rows.length - 1) throw new SegkitError('E_DATA_SHAPE', msg.clusterCountForMetric(metric, k, rows.length));
  return { rows: Int32Array.from(rows), labels: Int32Array.from(out), k };
}
