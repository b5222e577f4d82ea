/**
 * A 2-D picture of the customers: the first two principal components of the model's feature space
 * (the preprocessed numbers; for K-Prototypes/K-Modes/k-medoids the method's embedding, i.e. PCA on
 * the encoded matrix), for at most `maxPoints` customers drawn uniformly. The covariance is computed
 * over every row up to 100,000 (a systematic sample above); the eigenvectors by the Jacobi solver the
 * gap statistic uses.
 * @module
 */
import type { Matrix } from '../math/matrix.js';
import type { Rng } from '../math/rng.js';
import { symmetricEigen } from '../select/symmetric-eigen.js';

/** Projected points and the share of variance each axis explains. */
export interface Projection { points: { x: number; y: number; segment: number }[]; explained: [number, number]; /** Customers projected (points is a sample when fewer). */ total: number }

/** Rows the covariance is estimated from at most (a systematic sample above it). */
export const COVARIANCE_ROWS = 100_000;

export function principalProjection(m: Matrix, labels: Int32Array, rng: Rng, maxPoints = 3000): Projection {
  const n = m.rows, d = m.cols;
  const step = Math.max(1, Math.floor(n / COVARIANCE_ROWS));
  let used = 0;
  const mean = new Float64Array(d);
  for (let i = 0; i < n; i += step, used++) for (let j = 0; j < d; j++) mean[j] += m.data[i * d + j];
  for (let j = 0; j < d; j++) mean[j] /= Math.max(1, used);
  const cov = new Float64Array(d * d);
  for (let i = 0; i < n; i += step)
    for (let a = 0; a < d; a++) {
      const xa = m.data[i * d + a] - mean[a];
      for (let b = a; b < d; b++) cov[a * d + b] += xa * (m.data[i * d + b] - mean[b]);
    }
  for (let a = 0; a < d; a++) for (let b = a; b < d; b++) cov[b * d + a] = cov[a * d + b] /= Math.max(1, used - 1);
  const e = symmetricEigen(cov, d);
  const order = [...e.values.keys()].sort((a, b) => e.values[b] - e.values[a]);
  const total = e.values.reduce((s, v) => s + Math.max(0, v), 0) || 1;
  // Eigenvector j is column j of `vectors` (row-major d × d).
  const axis = (t: number) => Float64Array.from({ length: d }, (_, r) => (order[t] !== undefined ? e.vectors[r * d + order[t]] : 0));
  const [u, v] = [axis(0), axis(1)];
  const pick = n > maxPoints ? stratifiedSample(labels, maxPoints, rng) : Int32Array.from({ length: n }, (_, i) => i);
  const points = Array.from(pick, (i) => {
    let x = 0, y = 0;
    for (let j = 0; j < d; j++) {
      const c = m.data[i * d + j] - mean[j];
      x += c * u[j];
      y += c * v[j];
    }
    return { x, y, segment: labels[i] };
  });
  return { points, explained: [Math.max(0, e.values[order[0]] ?? 0) / total, Math.max(0, e.values[order[1]] ?? 0) / total], total: n };
}

/** Customers shown at least per segment (all of a smaller one), so a small segment is not lost in the sample. */
const MIN_PER_SEGMENT = 50;

/**
 * About `m` row indices, sorted, drawn per segment in proportion to its size but at least
 * MIN_PER_SEGMENT from each (label -1 counts as one more segment).
 */
function stratifiedSample(labels: Int32Array, m: number, rng: Rng): Int32Array {
  const n = labels.length;
  const groups = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const g = groups.get(labels[i]);
    if (g) g.push(i);
    else groups.set(labels[i], [i]);
  }
  const out: number[] = [];
  for (const key of [...groups.keys()].sort((a, b) => a - b)) {
    const rows = Int32Array.from(groups.get(key)!);
    const take = Math.min(rows.length, Math.max(MIN_PER_SEGMENT, Math.round((m * rows.length) / n)));
    const drawn = take < rows.length ? rng.shuffle(rows).subarray(0, take) : rows;
    for (let j = 0; j < drawn.length; j++) out.push(drawn[j]);
  }
  return Int32Array.from(out).sort();
}
