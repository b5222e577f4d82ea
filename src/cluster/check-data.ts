/**
 * Data checks every clusterer runs at the start of fit and predict (scikit-learn's
 * `_check_params_vs_input` and `n_features_in_` checks): empty data, non-finite values,
 * too few rows, wrong feature count.
 * @module
 */
import type { Dataset } from '../data/dataset.js';
import { SegkitError } from '../errors.js';
import { msg } from '../messages.js';

/** Throws E_DATA_EMPTY, E_DATA_NONFINITE or E_TOO_FEW_ROWS. */
export function checkFitData(data: Dataset, nClusters: number, method: string): void {
  const x = data.numeric;
  if (x.rows === 0) throw new SegkitError('E_DATA_EMPTY', msg.dataEmpty('The data'));
  if (x.cols === 0) throw new SegkitError('E_DATA_EMPTY', msg.dataNoFeatures('The data'));
  checkFinite(data);
  if (x.rows < nClusters) throw new SegkitError('E_TOO_FEW_ROWS', msg.tooFewRows(method, nClusters, x.rows), { field: 'nClusters' });
  if (data.weights) {
    if (data.weights.length !== x.rows) throw new SegkitError('E_DATA_SHAPE', `Weights have ${data.weights.length} values for ${x.rows} rows.`, { field: 'weights' });
    for (let i = 0; i < data.weights.length; i++)
      if (!(data.weights[i] >= 0) || !Number.isFinite(data.weights[i]))
        throw new SegkitError('E_DATA_NONFINITE', `Weight of row ${i + 1} must be a finite number ≥ 0. Got ${data.weights[i]}.`, { row: i + 1, field: 'weights' });
  }
}

/** Throws E_FEATURE_MISMATCH or E_DATA_NONFINITE. */
export function checkPredictData(data: Dataset, nFeatures: number, method: string): void {
  if (data.numeric.cols !== nFeatures) throw new SegkitError('E_FEATURE_MISMATCH', msg.featureMismatch(data.numeric.cols, method, nFeatures));
  checkFinite(data);
}

function checkFinite(data: Dataset): void {
  const x = data.numeric;
  const a = x.data;
  for (let i = 0; i < a.length; i++) {
    if (!Number.isFinite(a[i])) {
      const r = Math.floor(i / x.cols), c = i % x.cols;
      const column = data.featureNames[c] ?? `x${c}`;
      throw new SegkitError('E_DATA_NONFINITE', msg.dataNonFinite(r + 1, column, a[i]), { row: r + 1, column });
    }
  }
}
