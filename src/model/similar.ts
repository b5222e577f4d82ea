/**
 * Similar customers: the nearest customers to a given customer or a new row, in the model's own
 * feature space (the preprocessed numbers; for K-Prototypes/K-Modes the embedding in which the
 * method's cost is a squared Euclidean distance), by Euclidean distance or cosine similarity,
 * optionally within the same segment.
 *
 * The index is exact: rows are kept as Float32 (half the memory of the training matrix; distances
 * are ranked, so float32 rounding only reorders near-ties) with their norms, and a query is one pass
 * over the rows (Σ (x − q)² summed in doubles, which unlike ‖x‖² − 2x·q + ‖q‖² cancels nothing for
 * the nearest rows, and stops adding once a row cannot enter the best `top`; cosine runs the same
 * search on unit vectors) keeping the best `top` in a small sorted buffer.
 * Over 1M × 20 a query takes tens of milliseconds (bench/RESULTS.md, "Similar customers"); no
 * approximate index is needed at this size.
 * @module
 */
import type { Frame } from '../data/frame.js';
import type { Dataset } from '../data/dataset.js';
import { SegkitError } from '../errors.js';
import { msg } from '../messages.js';
import { getClusterer } from '../cluster/registry.js';
import { transformPipeline, type PipelineState } from '../prep/pipeline.js';
import { decodeState } from './state-codec.js';
import type { SegmentationModel } from './artifact.js';

/** The customers of a table in the model's feature space. */
export interface SimilarityIndex {
  readonly ids: readonly string[];
  readonly rows: number;
  readonly dims: number;
  readonly vectors: Float32Array;
  readonly norms: Float64Array;
  readonly labels: Int32Array;
}

/** Options of {@link findSimilar}. */
export interface SimilarOptions {
  /** How many customers. **Default:** `5`. */
  top?: number;
  /** 'euclidean' (smaller is closer) or 'cosine' (larger is closer). **Default:** `'euclidean'`. */
  metric?: 'euclidean' | 'cosine';
  /** Only customers of this segment. **Default:** any segment. */
  segment?: number;
  /** Row of the index to leave out (the query customer itself). */
  exclude?: number;
}

/** One similar customer. */
export interface SimilarCustomer {
  readonly id: string;
  readonly segment: number;
  /** Euclidean distance, or cosine similarity, in the model's feature space. */
  readonly score: number;
}

/** The rows of a frame as the model sees them. */
export function embedFrame(model: SegmentationModel, frame: Frame): { vectors: Float64Array; dims: number; labels: Int32Array } {
  const { dataset } = transformPipeline(decodeState(model.pipeline) as PipelineState, frame);
  const clusterer = getClusterer(model.clusterer.method);
  const state = decodeState(model.clusterer.state);
  const labels = clusterer.predict(state, dataset);
  const m = clusterer.embed ? clusterer.embed(state, dataset) : (dataset as Dataset).numeric;
  return { vectors: m.data, dims: m.cols, labels };
}

/** Builds the index over every customer of `frame`; `ids` name its rows. */
export function buildSimilarityIndex(model: SegmentationModel, frame: Frame, ids: readonly string[]): SimilarityIndex {
  const { vectors, dims, labels } = embedFrame(model, frame);
  const rows = frame.rows;
  const v32 = Float32Array.from(vectors);
  const norms = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    let s = 0;
    for (let j = 0; j < dims; j++) s += v32[i * dims + j] * v32[i * dims + j];
    norms[i] = Math.sqrt(s);
  }
  return { ids, rows, dims, vectors: v32, norms, labels };
}

/** Row of the index holding customer `id`. @throws {SegkitError} E_NOT_FOUND */
export function indexRow(index: SimilarityIndex, id: string): number {
  const i = index.ids.indexOf(id);
  if (i < 0) throw new SegkitError('E_NOT_FOUND', msg.customerNotFound(id, index.rows), { field: 'customer' });
  return i;
}

/** The `top` customers closest to `query` (a vector in the index's space). */
export function findSimilar(index: SimilarityIndex, query: ArrayLike<number>, o: SimilarOptions = {}): SimilarCustomer[] {
  const top = Math.max(1, Math.min(o.top ?? 5, index.rows));
  const d = index.dims;
  if (query.length !== d) throw new SegkitError('E_FEATURE_MISMATCH', msg.featureMismatch(query.length, 'similarity index', d));
  const q = Float64Array.from(query);
  if (o.metric !== 'cosine') return nearest(index, index.vectors, q, top, o, (s) => Math.sqrt(s));
  // Cosine: on unit vectors ‖u − w‖² = 2 − 2 cos(u, w), so the same partial-distance search ranks by
  // cosine. The unit vectors are built on the first cosine query and kept with the index.
  let unit = UNIT.get(index);
  if (!unit) UNIT.set(index, (unit = unitRows(index)));
  let qq = 0;
  for (let j = 0; j < d; j++) qq += q[j] * q[j];
  const qn = Math.sqrt(qq) || 1;
  for (let j = 0; j < d; j++) q[j] /= qn;
  return nearest(index, unit, q, top, o, (s) => 1 - s / 2);
}

const UNIT = new WeakMap<SimilarityIndex, Float32Array>();

function unitRows(index: SimilarityIndex): Float32Array {
  const d = index.dims, u = new Float32Array(index.vectors.length);
  for (let i = 0; i < index.rows; i++) {
    const n = index.norms[i] || 1;
    for (let j = 0; j < d; j++) u[i * d + j] = index.vectors[i * d + j] / n;
  }
  return u;
}

/** The `top` rows of `v` nearest to `q` by squared Euclidean distance; `score` maps it for output. */
function nearest(index: SimilarityIndex, v: Float32Array, q: Float64Array, top: number, o: SimilarOptions, score: (sq: number) => number): SimilarCustomer[] {
  const d = index.dims;
  // A small buffer sorted by squared distance: for a small `top` an insertion sort beats a binary heap
  // and allocates nothing per row.
  const bad = new Float64Array(top).fill(Infinity), who = new Int32Array(top).fill(-1);
  for (let i = 0; i < index.rows; i++) {
    if (i === o.exclude || (o.segment !== undefined && index.labels[i] !== o.segment)) continue;
    // Partial distance search: stop a row once its partial sum cannot enter the best `top`.
    const worst = bad[top - 1];
    let s = 0, j = 0;
    for (const b = i * d; j < d; ) {
      const end = j + 4 < d ? j + 4 : d;
      for (; j < end; j++) {
        const t = v[b + j] - q[j];
        s += t * t;
      }
      if (s >= worst) break;
    }
    if (j < d || s >= worst) continue;
    let p = top - 1;
    while (p > 0 && bad[p - 1] > s) (bad[p] = bad[p - 1]), (who[p] = who[p - 1]), p--;
    (bad[p] = s), (who[p] = i);
  }
  const out: SimilarCustomer[] = [];
  for (let t = 0; t < top && who[t] >= 0; t++) out.push({ id: index.ids[who[t]], segment: index.labels[who[t]], score: score(bad[t]) });
  return out;
}

/** The vector of row `i` of the index. */
export function indexVector(index: SimilarityIndex, i: number): Float32Array {
  return index.vectors.subarray(i * index.dims, (i + 1) * index.dims);
}
