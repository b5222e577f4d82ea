/**
 * Silhouette: for each row, (b − a) / max(a, b) with a the mean distance to its own cluster and
 * b the smallest mean distance to another cluster. Rousseeuw, "Silhouettes: a graphical aid to the
 * interpretation and validation of cluster analysis", 1987. Equal to scikit-learn's
 * `silhouette_samples` / `silhouette_score` (a singleton cluster's row scores 0).
 *
 * Exact below `exactRows`: each pair is visited once and its distance added to both rows' per-cluster
 * sums, so memory is O(n·k), never O(n²). Above it, a stratified sample (every cluster gets at least
 * `minPerCluster` rows, so small segments are never missed) is scored within itself, and the score is
 * the size-weighted mean of per-cluster means with its standard error.
 * @module
 */
import type { Matrix } from '../math/matrix.js';
import { takeRows } from '../math/matrix.js';
import type { Rng } from '../math/rng.js';
import { createRng, sampleIndices } from '../math/rng.js';
import { checkLabels } from './check-labels.js';

/** Options of {@link silhouette}. */
export interface SilhouetteOptions {
  /** Up to this many rows the score is exact. **Default:** `10000`. */
  exactRows?: number;
  /** Rows in the stratified sample above `exactRows`. **Default:** `5000` (≈0.7 s at 20 features; SE about 5e-4 on 1M rows). */
  sampleSize?: number;
  /** Smallest number of sampled rows per cluster (all rows of smaller clusters). **Default:** `50`. */
  minPerCluster?: number;
  /** Randomness for the sample. **Default:** a generator seeded with 0. */
  rng?: Rng;
}

/** Silhouette score and how it was computed. */
export interface SilhouetteResult {
  readonly score: number;
  readonly exact: boolean;
  /** Rows the score was computed on. */
  readonly sampleSize: number;
  /** Standard error of the sampled score (0 when exact). */
  readonly standardError: number;
}

/** Silhouette of every row (rows labelled -1 get NaN). */
export function silhouetteSamples(x: Matrix, labels: ArrayLike<number>): Float64Array {
  const { rows, labels: lab, k } = checkLabels(x, labels, 'silhouette');
  const sub = rows.length === x.rows ? x : takeRows(x, rows);
  const s = silhouetteKernel(sub, lab, k);
  const out = new Float64Array(x.rows).fill(NaN);
  rows.forEach((r, i) => (out[r] = s[i]));
  return out;
}

/** Mean silhouette, exact or on a stratified sample (see the module doc). */
export function silhouette(x: Matrix, labels: ArrayLike<number>, o: SilhouetteOptions = {}): SilhouetteResult {
  const exactRows = o.exactRows ?? 10000;
  const { rows, labels: lab, k } = checkLabels(x, labels, 'silhouette');
  const n = rows.length;
  if (n <= exactRows) {
    const s = silhouetteKernel(n === x.rows ? x : takeRows(x, rows), lab, k);
    let sum = 0;
    for (let i = 0; i < n; i++) sum += s[i];
    return { score: sum / n, exact: true, sampleSize: n, standardError: 0 };
  }
  // Stratified sample.
  const rng = o.rng ?? createRng(0);
  const sampleSize = o.sampleSize ?? 5000;
  const minPer = o.minPerCluster ?? 50;
  const members: number[][] = Array.from({ length: k }, () => []);
  for (let i = 0; i < n; i++) members[lab[i]].push(i);
  const picked: number[] = [];
  const pickedLab: number[] = [];
  for (let c = 0; c < k; c++) {
    const m = members[c];
    const want = Math.min(m.length, Math.max(minPer, Math.round((sampleSize * m.length) / n)));
    for (const at of sampleIndices(m.length, want, rng)) {
      picked.push(rows[m[at]]);
      pickedLab.push(c);
    }
  }
  const s = silhouetteKernel(takeRows(x, picked), Int32Array.from(pickedLab), k);
  const sum = new Float64Array(k), sq = new Float64Array(k), cnt = new Float64Array(k);
  for (let i = 0; i < s.length; i++) {
    const c = pickedLab[i];
    sum[c] += s[i];
    sq[c] += s[i] * s[i];
    cnt[c]++;
  }
  let score = 0, variance = 0;
  for (let c = 0; c < k; c++) {
    const w = members[c].length / n;
    const mean = sum[c] / cnt[c];
    score += w * mean;
    if (cnt[c] > 1 && cnt[c] < members[c].length) {
      const v = (sq[c] - cnt[c] * mean * mean) / (cnt[c] - 1);
      // Finite-population correction: a fully sampled cluster contributes no sampling error.
      variance += (w * w * Math.max(0, v) * (1 - cnt[c] / members[c].length)) / cnt[c];
    }
  }
  return { score, exact: false, sampleSize: s.length, standardError: Math.sqrt(variance) };
}

/** Exact silhouettes of all rows of `x` (labels 0..k-1). Assumes validated input. */
function silhouetteKernel(x: Matrix, lab: Int32Array, k: number): Float64Array {
  const n = x.rows, d = x.cols, xd = x.data;
  const sums = new Float64Array(n * k);
  const size = new Float64Array(k);
  for (let i = 0; i < n; i++) size[lab[i]]++;
  for (let i = 0; i < n; i++) {
    const io = i * d, li = lab[i], rowI = i * k;
    for (let j = i + 1; j < n; j++) {
      const jo = j * d;
      let s = 0;
      for (let t = 0; t < d; t++) {
        const v = xd[io + t] - xd[jo + t];
        s += v * v;
      }
      const dist = Math.sqrt(s);
      sums[rowI + lab[j]] += dist;
      sums[j * k + li] += dist;
    }
  }
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const li = lab[i];
    if (size[li] <= 1) continue; // a singleton scores 0, as in scikit-learn
    const a = sums[i * k + li] / (size[li] - 1);
    let b = Infinity;
    for (let c = 0; c < k; c++) if (c !== li && size[c] > 0) b = Math.min(b, sums[i * k + c] / size[c]);
    const m = Math.max(a, b);
    out[i] = m > 0 ? (b - a) / m : 0;
  }
  return out;
}
