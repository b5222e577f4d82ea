/**
 * Dataset: what clusterers receive, the numeric matrix after preprocessing plus optional
 * categorical codes and row weights.
 * @module
 */
import type { Matrix } from '../math/matrix.js';

/**
 * Integer-coded categorical columns, row-major: rows × cols. Missing values are a level of their own
 * ('(missing)') or filled by the pipeline, so `-1` means a value never seen in training: it matches
 * no level (K-Modes counts it as a mismatch against every mode). `levels[j]` names the codes of column j.
 */
export interface CodeMatrix {
  readonly rows: number;
  readonly cols: number;
  readonly data: Int32Array;
  /** Names of the categorical columns, in matrix order. */
  readonly names: readonly string[];
  readonly levels: readonly (readonly string[])[];
}

/** The input of every clusterer. */
export interface Dataset {
  /** Scaled numeric features, rows = customers. */
  readonly numeric: Matrix;
  /** Categorical codes for methods that use them directly (K-Modes, K-Prototypes). */
  readonly categorical?: CodeMatrix;
  /** Per-row weights; absent means every row weighs 1. */
  readonly weights?: Float64Array;
  /** Names of the numeric columns, in matrix order. */
  readonly featureNames: readonly string[];
  /** Each row rendered as a sentence, for text-embedding methods (prep option `text`). */
  readonly text?: readonly string[];
}

/** Wraps a bare matrix as a dataset with generated feature names `x0, x1, …`. */
export function datasetFromMatrix(m: Matrix, featureNames?: readonly string[], weights?: Float64Array): Dataset {
  return {
    numeric: m,
    featureNames: featureNames ?? Array.from({ length: m.cols }, (_, j) => `x${j}`),
    ...(weights ? { weights } : {}),
  };
}

/** Number of rows in a dataset. */
export function datasetRows(d: Dataset): number {
  return d.numeric.rows;
}

/** The rows `idx` of a dataset, in that order (numbers, codes, text and weights alike). */
export function takeDatasetRows(d: Dataset, idx: ArrayLike<number>): Dataset {
  const p = d.numeric.cols, n = idx.length;
  const numeric = new Float64Array(new SharedArrayBuffer(n * p * 8));
  for (let i = 0; i < n; i++) numeric.set(d.numeric.data.subarray(idx[i] * p, idx[i] * p + p), i * p);
  const c = d.categorical;
  let categorical: CodeMatrix | undefined;
  if (c) {
    const data = new Int32Array(new SharedArrayBuffer(Math.max(1, n * c.cols) * 4)).subarray(0, n * c.cols);
    for (let i = 0; i < n; i++) data.set(c.data.subarray(idx[i] * c.cols, idx[i] * c.cols + c.cols), i * c.cols);
    categorical = { ...c, rows: n, data };
  }
  return {
    numeric: { rows: n, cols: p, data: numeric },
    featureNames: d.featureNames,
    ...(categorical ? { categorical } : {}),
    ...(d.weights ? { weights: Float64Array.from({ length: n }, (_, i) => d.weights![idx[i]]) } : {}),
    ...(d.text ? { text: Array.from({ length: n }, (_, i) => d.text![idx[i]]) } : {}),
  };
}
