/**
 * The n × n dissimilarity matrix PAM works on, and its size limits. A full (not triangular) matrix,
 * so the row a swap candidate needs is contiguous (R's pam keeps the lower triangle, which halves
 * memory but scatters the reads).
 * @module
 */
import { rowToRows, type MetricRows } from './kmedoids-metric.js';
import { SegkitError } from '../errors.js';
import { msg } from '../messages.js';

/** Up to this many rows the matrix holds doubles (128 MiB at the limit): results as exact as R's pam. */
export const F64_MATRIX_ROWS = 4096;
/** Most rows PAM takes on the full matrix: 10,000 rows = 400 MB of Float32. Above it, CLARA samples. */
export const MAX_MATRIX_ROWS = 10_000;

/** A symmetric n × n dissimilarity matrix, row-major, with its largest entry. */
export interface DistanceMatrix {
  readonly n: number;
  readonly data: Float64Array | Float32Array;
  /** Largest entry: PAM's "farther than anything" sentinel is derived from it. */
  readonly max: number;
}

/**
 * Computes every pairwise dissimilarity of `x` (the upper triangle, mirrored). Float64 up to
 * F64_MATRIX_ROWS rows, Float32 above (half the memory; PAM's final cost is recomputed in doubles).
 * Assumes x.rows ≤ MAX_MATRIX_ROWS (the caller checks and explains).
 */
export function distanceMatrix(x: MetricRows, signal?: AbortSignal): DistanceMatrix {
  const n = x.rows;
  const data = n <= F64_MATRIX_ROWS ? new Float64Array(n * n) : new Float32Array(n * n);
  let max = 0;
  for (let i = 0; i < n; i++) {
    if ((i & 255) === 0 && signal?.aborted) throw new SegkitError('E_ABORTED', msg.aborted('k-medoids'));
    const o = i * n;
    rowToRows(x, i, x, i + 1, n, data, o + i + 1);
    for (let j = i + 1; j < n; j++) if (data[o + j] > max) max = data[o + j];
  }
  // Mirror in 64 × 64 tiles: a plain column-by-column mirror misses the cache on every write.
  const B = 64;
  for (let bi = 0; bi < n; bi += B)
    for (let bj = bi; bj < n; bj += B) {
      const iEnd = Math.min(bi + B, n), jEnd = Math.min(bj + B, n);
      for (let i = bi; i < iEnd; i++)
        for (let j = Math.max(bj, i + 1); j < jEnd; j++) data[j * n + i] = data[i * n + j];
    }
  return { n, data, max };
}
