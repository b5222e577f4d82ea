/**
 * Reference distributions of the gap statistic (Tibshirani, Walther & Hastie 2001, section 3):
 * uniform over the bounding box of the features ('original'), or uniform over the box aligned with
 * the principal components of the centred data and rotated back ('scaledPCA', the paper's option b
 * and R cluster::clusGap's default). Same construction as clusGap: centre, rotate by the right
 * singular vectors V (here: eigenvectors of XᵀX, same V up to column signs, which are fixed by
 * the convention in symmetric-eigen.ts), take each column's range, draw uniforms in it, rotate back
 * by Vᵀ and add the mean. Categorical codes (mixed data) are permuted column by column instead.
 * @module
 */
import type { Matrix } from '../math/matrix.js';
import type { Rng } from '../math/rng.js';
import type { CodeMatrix } from '../data/dataset.js';
import { symmetricEigen } from './symmetric-eigen.js';

/** Which box the uniform reference fills. */
export type ReferenceSpace = 'scaledPCA' | 'original';

/** A fitted reference box that draws reference data sets of the data's shape. */
export interface ReferenceBox {
  readonly space: ReferenceSpace;
  readonly rows: number;
  readonly cols: number;
  /** Column means of the data. */
  readonly mean: Float64Array;
  /** Rotation (d × d row-major, columns = principal axes); identity for 'original'. */
  readonly rotation: Float64Array;
  /** Per-axis [min, max] of the (centred, rotated) data, as 2·d numbers. */
  readonly ranges: Float64Array;
}

/** Builds the reference box of `x`. */
export function referenceBox(x: Matrix, space: ReferenceSpace): ReferenceBox {
  const n = x.rows, d = x.cols, xd = x.data;
  const mean = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) mean[j] += xd[i * d + j];
  for (let j = 0; j < d; j++) mean[j] /= n;
  let rotation: Float64Array = new Float64Array(d * d);
  for (let j = 0; j < d; j++) rotation[j * d + j] = 1;
  if (space === 'scaledPCA') {
    const cross = new Float64Array(d * d);
    const t = new Float64Array(d);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < d; j++) t[j] = xd[i * d + j] - mean[j];
      for (let a = 0; a < d; a++) for (let b = a; b < d; b++) cross[a * d + b] += t[a] * t[b];
    }
    for (let a = 0; a < d; a++) for (let b = 0; b < a; b++) cross[a * d + b] = cross[b * d + a];
    rotation = symmetricEigen(cross, d).vectors;
  }
  const ranges = new Float64Array(2 * d);
  for (let j = 0; j < d; j++) (ranges[2 * j] = Infinity), (ranges[2 * j + 1] = -Infinity);
  const t = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) t[j] = xd[i * d + j] - mean[j];
    for (let a = 0; a < d; a++) {
      let p = 0;
      for (let j = 0; j < d; j++) p += t[j] * rotation[j * d + a];
      if (p < ranges[2 * a]) ranges[2 * a] = p;
      if (p > ranges[2 * a + 1]) ranges[2 * a + 1] = p;
    }
  }
  return { space, rows: n, cols: d, mean, rotation, ranges };
}

/**
 * Turns uniforms u in [0, 1) (rows × cols, row-major, overwritten) into a reference data set:
 * z = (min + u·(max − min)) Vᵀ + mean. Split from the drawing so tests can feed R's uniforms.
 * The result is in shared memory so the k-means kernels may split passes over workers.
 */
export function referenceFromUniforms(box: ReferenceBox, u: Float64Array): Matrix {
  const n = box.rows, d = box.cols, r = box.rotation, lo = box.ranges;
  const out = new Float64Array(new SharedArrayBuffer(n * d * 8));
  const z = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    for (let a = 0; a < d; a++) z[a] = lo[2 * a] + u[i * d + a] * (lo[2 * a + 1] - lo[2 * a]);
    for (let j = 0; j < d; j++) {
      let s = box.mean[j];
      for (let a = 0; a < d; a++) s += z[a] * r[j * d + a];
      out[i * d + j] = s;
    }
  }
  return { rows: n, cols: d, data: out };
}

/** One reference data set drawn with `rng`. */
export function drawReference(box: ReferenceBox, rng: Rng): Matrix {
  const u = new Float64Array(box.rows * box.cols);
  for (let i = 0; i < u.length; i++) u[i] = rng.float();
  return referenceFromUniforms(box, u);
}

/**
 * The categorical part of a reference for mixed data: each column's codes permuted independently,
 * which keeps every level's frequency and removes any association with the other columns (a null of
 * no structure; the uniform box has no meaning for categories). Used for methods that take codes.
 */
export function permuteCodes(c: CodeMatrix, rng: Rng): CodeMatrix {
  const n = c.rows, m = c.cols;
  const out = new Int32Array(n * m);
  const col = new Int32Array(n);
  for (let j = 0; j < m; j++) {
    for (let i = 0; i < n; i++) col[i] = c.data[i * m + j];
    rng.fork(j).shuffle(col);
    for (let i = 0; i < n; i++) out[i * m + j] = col[i];
  }
  return { ...c, rows: n, cols: m, data: out };
}
