/**
 * Matrix: a row-major dense Float64Array with rows = customers and cols = features.
 * @module
 */

/** Row-major dense matrix. Invariant: `data.length === rows * cols`. */
export interface Matrix {
  readonly rows: number;
  readonly cols: number;
  readonly data: Float64Array;
}

/** Creates a matrix, zero-filled unless `data` is given (not copied). */
export function matrix(rows: number, cols: number, data: Float64Array = new Float64Array(rows * cols)): Matrix {
  if (data.length !== rows * cols) throw new RangeError(`matrix: data length ${data.length} != ${rows}x${cols}`);
  return { rows, cols, data };
}

/** A subarray view of row `i`; no copy. */
export function row(m: Matrix, i: number): Float64Array {
  return m.data.subarray(i * m.cols, (i + 1) * m.cols);
}

/** Builds a matrix from nested arrays (tests and small inputs). */
export function fromRows(rows: readonly (readonly number[])[]): Matrix {
  const nRows = rows.length;
  const nCols = nRows === 0 ? 0 : rows[0].length;
  const data = new Float64Array(nRows * nCols);
  for (let i = 0; i < nRows; i++) {
    if (rows[i].length !== nCols) throw new RangeError(`fromRows: row ${i} has ${rows[i].length} values, expected ${nCols}`);
    data.set(rows[i], i * nCols);
  }
  return { rows: nRows, cols: nCols, data };
}

/** Nested arrays from a matrix (JSON output, tests). */
export function toRows(m: Matrix): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < m.rows; i++) out.push(Array.from(row(m, i)));
  return out;
}

/** Copy of the rows at `indices`, in that order. */
export function takeRows(m: Matrix, indices: ArrayLike<number>): Matrix {
  const out = new Float64Array(indices.length * m.cols);
  for (let r = 0; r < indices.length; r++) {
    const s = indices[r] * m.cols;
    out.set(m.data.subarray(s, s + m.cols), r * m.cols);
  }
  return { rows: indices.length, cols: m.cols, data: out };
}

/** Deep copy. */
export function cloneMatrix(m: Matrix): Matrix {
  return { rows: m.rows, cols: m.cols, data: m.data.slice() };
}

/** Mean of the per-feature population variances (scikit-learn's k-means `_tolerance` scale). */
export function meanVariance(x: Matrix): number {
  const n = x.rows, d = x.cols;
  if (n === 0 || d === 0) return 0;
  const mean = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) mean[j] += x.data[i * d + j];
  for (let j = 0; j < d; j++) mean[j] /= n;
  let total = 0;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < d; j++) {
      const t = x.data[i * d + j] - mean[j];
      total += t * t;
    }
  return total / n / d;
}
