/**
 * The space internal metrics are computed in: the numeric matrix, or the method's embedding
 * (K-Prototypes: numbers beside one-hot columns scaled by √(γ/2); k-medoids: its Gower embedding) on all
 * rows or, when that would be too large, a uniform sample. Shared by the fit path and `select`.
 * @module
 */
import type { Matrix } from '../math/matrix.js';
import { sampleIndices, type Rng } from '../math/rng.js';
import type { AnyClusterer } from '../cluster/types.js';
import type { Dataset } from '../data/dataset.js';

/** Largest embedding (values) built for metrics; above it, metrics use a uniform row sample (≈ 320 MB). */
const MAX_EMBEDDED_VALUES = 40_000_000;

/**
 * The space the metrics are computed in: the numeric matrix, or the method's embedding (K-Prototypes:
 * numbers beside scaled one-hot columns) on all rows or, when that would be too large, a uniform sample.
 */
export function metricSpace(
  clusterer: AnyClusterer, state: unknown, data: Dataset, labels: Int32Array, rng: Rng,
): { x: Matrix; labels: Int32Array; sampled: boolean } {
  if (!clusterer.embed) return { x: data.numeric, labels, sampled: false };
  const width = data.numeric.cols + (data.categorical?.levels.reduce((a, l) => a + l.length, 0) ?? 0);
  const n = labels.length;
  if (n * width <= MAX_EMBEDDED_VALUES) return { x: clusterer.embed(state, data), labels, sampled: false };
  const m = Math.max(1, Math.floor(MAX_EMBEDDED_VALUES / width));
  const rows = sampleIndices(n, m, rng).sort();
  return { x: clusterer.embed(state, data, rows), labels: Int32Array.from(rows, (i) => labels[i]), sampled: true };
}
