/**
 * CLARA (Kaufman & Rousseeuw 1990, "Finding Groups in Data", ch. 3) for data too large for an
 * n × n matrix: PAM on random samples, each sample's medoids scored on every row, the cheapest kept.
 * As R's cluster::clara, every sample after the first contains the best medoids so far. Samples are
 * larger by default than clara's 40 + 2k (Schubert & Rousseeuw 2021 show FasterPAM makes larger
 * samples cheap, and they give better medoids): see `claraSampleSize`.
 * @module
 */
import type { Rng } from '../math/rng.js';
import { metricRows, type MetricName } from './kmedoids-metric.js';
import type { GowerScale } from '../math/gower.js';
import { distanceMatrix } from './kmedoids-matrix.js';
import { buildMedoids, randomMedoids } from './kmedoids-build.js';
import { pamSwap, type SwapMode } from './kmedoids-swap.js';
import { assignNearest } from './kmedoids-assign.js';
import { pickRowsData, type RowsData } from './kmedoids-data.js';
import { SegkitError } from '../errors.js';
import { msg } from '../messages.js';

export interface ClaraOptions {
  readonly k: number;
  readonly samples: number;
  readonly sampleSize: number;
  readonly init: 'build' | 'random';
  readonly swap: SwapMode;
  readonly maxIter: number;
  readonly rng: Rng;
  readonly signal?: AbortSignal;
  readonly onSample?: (done: number, total: number) => void;
}

export interface ClaraResult {
  /** Medoid rows of the whole data. */
  readonly medoids: Int32Array;
  /** Cost of those medoids over all rows. */
  readonly cost: number;
  readonly swaps: number;
  readonly nIter: number;
  readonly converged: boolean;
}

/** Sample size when the user leaves it to us: 40 + 2k (clara's) or 1,000 rows, whichever is larger, at most n. */
export function claraSampleSize(n: number, k: number): number {
  return Math.min(n, Math.max(40 + 2 * k, 1000));
}

/** Runs CLARA. Assumes validated input (k ≤ sampleSize ≤ rows, sampleSize ≤ MAX_MATRIX_ROWS). */
export function clara(x: RowsData, w: Float64Array | undefined, metric: MetricName, scale: GowerScale | null, o: ClaraOptions): ClaraResult {
  const n = x.num.rows, k = o.k, m = o.sampleSize;
  const all = metricRows(metric, scale, x.num, x.cat);
  let bestMedoids: Int32Array | null = null, bestCost = Infinity;
  let swaps = 0, nIter = 0, converged = true;
  for (let s = 0; s < o.samples; s++) {
    if (o.signal?.aborted) throw new SegkitError('E_ABORTED', msg.aborted('k-medoids'));
    const rng = o.rng.fork(s);
    const idx = drawSample(n, m, bestMedoids, rng);
    const sub = pickRowsData(x, idx);
    const sw = w ? Float64Array.from(idx, (i) => w[i]) : new Float64Array(m).fill(1);
    const d = distanceMatrix(metricRows(metric, scale, sub.num, sub.cat), o.signal);
    const init = o.init === 'build' ? buildMedoids(d, k, w ? sw : null) : randomMedoids(m, k, rng);
    const run = pamSwap(d, init, sw, { mode: o.swap, maxIter: o.maxIter, ...(o.signal ? { signal: o.signal } : {}) });
    const medoids = Int32Array.from(run.medoids, (r) => idx[r]);
    const med = pickRowsData(x, medoids);
    const { cost } = assignNearest(all, metricRows(metric, scale, med.num, med.cat), w);
    swaps += run.swaps;
    nIter = Math.max(nIter, run.nIter);
    converged &&= run.converged;
    if (cost < bestCost) (bestCost = cost), (bestMedoids = medoids);
    o.onSample?.(s + 1, o.samples);
  }
  return { medoids: bestMedoids!, cost: bestCost, swaps, nIter, converged };
}

/** m distinct rows in increasing order; after the first sample, the best medoids so far are among them. */
function drawSample(n: number, m: number, keep: Int32Array | null, rng: Rng): Int32Array {
  const chosen = new Uint8Array(n);
  let count = 0;
  if (keep) for (const r of keep) if (!chosen[r]) (chosen[r] = 1), count++;
  if (m >= n) return Int32Array.from({ length: n }, (_, i) => i);
  // Rejection sampling: about n·ln(n) draws at worst (m close to n), a few more than m usually.
  while (count < m) {
    const r = rng.int(n);
    if (!chosen[r]) (chosen[r] = 1), count++;
  }
  const out = new Int32Array(m);
  for (let i = 0, t = 0; i < n; i++) if (chosen[i]) out[t++] = i;
  return out;
}
