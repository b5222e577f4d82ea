/**
 * The k-means kernels over a row range, shared by the main thread and the worker pool. Work is cut
 * into fixed chunks of CHUNK_ROWS rows whatever the worker count, and every per-chunk partial sum is
 * reduced in chunk order, so results are bit-identical with 1 or N workers. Assumes validated input.
 * @module
 */
import { sqDist } from '../math/distance.js';
import { nativeKernels } from '../math/native-kernels.js';

/** Rows per chunk: small enough to balance 2 workers, large enough that messages cost nothing. */
export const CHUNK_ROWS = 16384;

/** Hamerly assignment of rows [start, end): updates labels and the bounds (Hamerly 2010). */
export function assignRange(
  x: Float64Array, d: number, k: number, centers: Float64Array, half: Float64Array,
  labels: Int32Array, upper: Float64Array, lower: Float64Array, plain: boolean, start: number, end: number,
): void {
  for (let i = start; i < end; i++) {
    const xo = i * d;
    const a = labels[i];
    if (!plain && a >= 0) {
      const m = half[a] > lower[i] ? half[a] : lower[i];
      if (upper[i] <= m) continue;
      upper[i] = Math.sqrt(sqDist(x, xo, centers, a * d, d));
      if (upper[i] <= m) continue;
    }
    let b1 = Infinity, b2 = Infinity, best = 0;
    for (let c = 0; c < k; c++) {
      const s = sqDist(x, xo, centers, c * d, d);
      if (s < b1) {
        b2 = b1; b1 = s; best = c;
      } else if (s < b2) b2 = s;
    }
    labels[i] = best;
    upper[i] = Math.sqrt(b1);
    lower[i] = Math.sqrt(b2);
  }
}

/** Per-chunk weighted sums of rows per cluster: writes k·d sums and k weights at `out[chunk · (k·d + k)]`. */
export function accumulateChunk(
  x: Float64Array, d: number, k: number, labels: Int32Array, w: Float64Array | null, chunk: number, n: number, out: Float64Array,
): void {
  const stride = k * d + k;
  const base = chunk * stride;
  out.fill(0, base, base + stride);
  const end = Math.min(n, (chunk + 1) * CHUNK_ROWS);
  for (let i = chunk * CHUNK_ROWS; i < end; i++) {
    const c = labels[i];
    const wi = w ? w[i] : 1;
    out[base + k * d + c] += wi;
    const xo = i * d, co = base + c * d;
    for (let j = 0; j < d; j++) out[co + j] += wi * x[xo + j];
  }
}

/**
 * k-means++ candidate scoring for one chunk: for each of `nTrials` candidate rows, the new closest
 * squared distance of every row (into cand[t·n + i]) and the chunk's potential (into pots[chunk·nTrials + t]).
 * Rows whose nearest chosen center is far from the candidate are skipped (Elkan 2003, lemma 1).
 */
export function kppScoreChunk(
  x: Float64Array, d: number, k: number, n: number, closest: Float64Array, nearest: Int32Array, ids: Int32Array, gap: Float64Array,
  nTrials: number, w: Float64Array | null, cand: Float64Array, pots: Float64Array, chunk: number,
): void {
  const end = Math.min(n, (chunk + 1) * CHUNK_ROWS);
  for (let t = 0; t < nTrials; t++) pots[chunk * nTrials + t] = 0;
  for (let i = chunk * CHUNK_ROWS; i < end; i++) {
    const ci = closest[i], a = nearest[i], xo = i * d, wi = w ? w[i] : 1;
    for (let t = 0; t < nTrials; t++) {
      let m = ci;
      if (m > gap[t * k + a]) {
        const v = sqDist(x, xo, x, ids[t] * d, d);
        if (v < m) m = v;
      }
      cand[t * n + i] = m;
      pots[chunk * nTrials + t] += wi * m;
    }
  }
}

/** Number of chunks for n rows. */
export function chunkCount(n: number): number {
  return Math.ceil(n / CHUNK_ROWS);
}

/** The TypeScript kernels by name, as the worker pool and the main-thread runner call them on one chunk. */
export const TS_KERNEL_OPS: Record<string, (a: any, chunk: number) => void> = {
  assign: (a, c) => assignRange(a.x, a.d, a.k, a.centers, a.half, a.labels, a.upper, a.lower, a.plain, c * CHUNK_ROWS, Math.min(a.n, (c + 1) * CHUNK_ROWS)),
  accumulate: (a, c) => accumulateChunk(a.x, a.d, a.k, a.labels, a.w, c, a.n, a.out),
  // One Lloyd iteration's two passes over a chunk in one message: the chunk's sums need only its own labels.
  assignAccumulate: (a, c) => {
    assignRange(a.x, a.d, a.k, a.centers, a.half, a.labels, a.upper, a.lower, a.plain, c * CHUNK_ROWS, Math.min(a.n, (c + 1) * CHUNK_ROWS));
    accumulateChunk(a.x, a.d, a.k, a.labels, a.w, c, a.n, a.out);
  },
  kppScore: (a, c) => kppScoreChunk(a.x, a.d, a.k, a.n, a.closest, a.nearest, a.ids, a.gap, a.nTrials, a.w, a.cand, a.pots, c),
};

/** The same ops on the native kernels (bit-identical results), used when they are built. */
function nativeOps(): Record<string, (a: any, chunk: number) => void> | null {
  const n = nativeKernels();
  if (!n) return null;
  return {
    assign: (a, c) => n.assign(a.x, a.d, a.k, a.centers, a.half, a.labels, a.upper, a.lower, a.plain, c * CHUNK_ROWS, Math.min(a.n, (c + 1) * CHUNK_ROWS)),
    accumulate: (a, c) => n.accumulate(a.x, a.d, a.k, a.labels, a.w ?? null, c, a.n, a.out, CHUNK_ROWS),
    assignAccumulate: (a, c) => {
      n.assign(a.x, a.d, a.k, a.centers, a.half, a.labels, a.upper, a.lower, a.plain, c * CHUNK_ROWS, Math.min(a.n, (c + 1) * CHUNK_ROWS));
      n.accumulate(a.x, a.d, a.k, a.labels, a.w ?? null, c, a.n, a.out, CHUNK_ROWS);
    },
    kppScore: (a, c) => n.kppScore(a.x, a.d, a.k, a.n, a.closest, a.nearest, a.ids, a.gap, a.nTrials, a.w ?? null, a.cand, a.pots, c, CHUNK_ROWS),
  };
}

/** The kernels by name: native when built (and not disabled by SEGKIT_KERNELS=ts), else TypeScript. */
export const KERNEL_OPS: Record<string, (a: any, chunk: number) => void> = nativeOps() ?? TS_KERNEL_OPS;
