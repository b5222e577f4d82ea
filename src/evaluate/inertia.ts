/**
 * Inertia: the (weighted) sum of squared distances of rows to their assigned centers.
 * @module
 */
import type { Matrix } from '../math/matrix.js';
import { sqDist } from '../math/distance.js';

/** Sum of weighted squared distances to the assigned centers; rows labelled -1 are left out. */
export function inertia(x: Matrix, labels: ArrayLike<number>, centers: Matrix, weights?: Float64Array): number {
  let s = 0;
  for (let i = 0; i < x.rows; i++) {
    const l = labels[i];
    if (l < 0) continue;
    s += (weights ? weights[i] : 1) * sqDist(x.data, i * x.cols, centers.data, l * centers.cols, x.cols);
  }
  return s;
}
