/**
 * `segkit compare`: several methods fitted on the same customers with the same k, side by side (the
 * seeds' "K-means vs K-Prototypes vs LLM + K-means" table, for any registered methods).
 *
 *   frame ──1──> [ECOD outliers removed, scored in the common space] ──2──> fitModel per method
 *         ──3──> metrics in one common space + each method's own space ──4──> pairwise ARI,
 *                sizes, time, surrogate-tree explanation per method
 *
 * The common space is the default k-means preprocessing of the same rows (impute, skew, standard
 * scaling, one-hot categories): every labeling is scored there, so silhouette, Davies-Bouldin and
 * Calinski-Harabasz are comparable across methods. Each method's own-space figures (the model's
 * training metrics: K-Prototypes' numbers + scaled one-hot, k-medoids' Gower embedding, …) are
 * reported beside them, since a method is best judged in the distance it optimises too.
 * @module
 */
import type { Frame, Column } from '../data/frame.js';
import type { Matrix } from '../math/matrix.js';
import { createRng, drawSeed } from '../math/rng.js';
import { fitPipeline } from '../prep/pipeline.js';
import { fitEcod } from '../prep/ecod.js';
import { trainingMetrics } from './training-metrics.js';
import { adjustedRandIndex } from '../evaluate/ari.js';
import { surrogateTree } from '../profile/surrogate-tree.js';
import { fitModel } from './fit-model.js';
import { isSegkitError, SegkitError, type SegkitWarning } from '../errors.js';
import { msg } from '../messages.js';
import { resolveIds } from '../data/ids.js';
import type { Progress } from '../cluster/types.js';

/** What to compare. */
export interface CompareOptions {
  methods: readonly string[];
  /** Number of segments for every method. */
  nClusters: number;
  /** Preprocessing options shared by every method (each method still takes categories its own way). */
  prep?: Record<string, unknown>;
  idColumn?: string;
  /** Options per method, e.g. { kprototypes: { gamma: 'huang' } }. */
  methodOptions?: Record<string, Record<string, unknown>>;
  /** ECOD outlier removal before fitting: the share of rows removed. */
  outliers?: { method: 'ecod'; contamination: number };
  seed?: number;
  onProgress?: (p: Progress) => void;
}

/** Internal metrics of one labeling in one space. */
export interface SpaceMetrics { silhouette: number | null; daviesBouldin: number | null; calinskiHarabasz: number | null }

/** One method's row of the comparison. */
export interface MethodResult {
  method: string;
  /** Null when the method could not fit these data; `error` says why. */
  error: string | null;
  seconds: number;
  sizes: number[];
  common: SpaceMetrics | null;
  own: SpaceMetrics | null;
  /** Surrogate decision tree (depth 3) predicting the segments from the input columns. */
  explanation: { accuracy: number; topFeatures: string[] } | null;
  labels: Int32Array | null;
}

/** The comparison. */
export interface Comparison {
  rows: number;
  /** Rows removed as outliers before fitting (0 without --outliers). */
  removedOutliers: number;
  nClusters: number;
  commonSpace: string;
  methods: MethodResult[];
  /** ARI between every pair of methods that fitted (methods × methods, null where one failed). */
  ari: (number | null)[][];
  seed: number;
  warnings: SegkitWarning[];
}

/**
 * Fits every method on the same rows and compares them.
 * @throws {SegkitError} E_OPTION for an empty method list or contamination outside (0, 0.5].
 */
export async function compareMethods(frame: Frame, o: CompareOptions): Promise<Comparison> {
  if (o.methods.length === 0) throw new SegkitError('E_OPTION', msg.compareNoMethods(), { field: 'methods' });
  const seed = o.seed ?? drawSeed();
  const rng = createRng(seed);
  const warnings: SegkitWarning[] = [];
  const idColumn = resolveIds(frame, o.idColumn).column ?? undefined;
  const commonPrep = { ...(o.prep ?? {}), encode: 'onehot' as const, ...(idColumn ? { idColumn } : {}) };
  // 1. Outliers, scored by ECOD in the common space, are removed from every method's rows.
  let rows = frame;
  let removed = 0;
  if (o.outliers) {
    o.onProgress?.({ step: 'ECOD outlier scores', done: 0, total: 1 });
    const x = fitPipeline(frame, commonPrep).dataset.numeric;
    const ecod = fitEcod(x, o.outliers.contamination);
    const keep: number[] = [];
    ecod.outlier.forEach((f, i) => f === 0 && keep.push(i));
    removed = frame.rows - keep.length;
    rows = takeFrameRows(frame, keep);
  }
  const common: Matrix = fitPipeline(rows, commonPrep).dataset.numeric;
  const inputColumns = rows.columns.filter((c) => c.name !== idColumn).map((c) => c.name);
  // 2–3. Each method on the same rows and k, with the same seed.
  const results: MethodResult[] = [];
  for (const [t, method] of o.methods.entries()) {
    o.onProgress?.({ step: `fitting ${method}`, done: t, total: o.methods.length });
    const started = performance.now();
    try {
      const fitted = await fitModel(rows, {
        method, options: { ...(o.methodOptions?.[method] ?? {}), nClusters: o.nClusters }, prep: o.prep, idColumn, seed,
      });
      const seconds = (performance.now() - started) / 1000;
      for (const w of fitted.warnings) warnings.push({ code: w.code, message: `${method}: ${w.message}` });
      const labels = fitted.labels;
      const k = fitted.model.segments.length;
      const sizes = fitted.model.segments.map((s) => s.size);
      const m = fitted.model.metrics as Record<string, number | null>;
      const own = { silhouette: m.silhouette ?? null, daviesBouldin: m.daviesBouldin ?? null, calinskiHarabasz: m.calinskiHarabasz ?? null };
      const c = trainingMetrics(common, labels, k, {}, rng.fork(10 + t));
      const tree = surrogateTree(rows, labels, k, inputColumns, rng.fork(100 + t));
      const topFeatures = tree.importance.filter((f) => f.drop > 0).slice(0, 3).map((f) => f.column);
      results.push({
        method, error: null, seconds, sizes, own, labels,
        common: { silhouette: c.silhouette ?? null, daviesBouldin: c.daviesBouldin ?? null, calinskiHarabasz: c.calinskiHarabasz ?? null },
        explanation: { accuracy: tree.accuracy, topFeatures },
      });
    } catch (e) {
      if (!isSegkitError(e)) throw e;
      results.push({ method, error: `${e.code}: ${e.message}`, seconds: (performance.now() - started) / 1000, sizes: [], common: null, own: null, explanation: null, labels: null });
    }
  }
  o.onProgress?.({ step: 'comparing', done: o.methods.length, total: o.methods.length });
  // 4. Agreement between the methods.
  const ari = results.map((a) => results.map((b) => (a.labels && b.labels ? adjustedRandIndex(a.labels, b.labels) : null)));
  return {
    rows: rows.rows, removedOutliers: removed, nClusters: o.nClusters,
    commonSpace: `the default k-means preprocessing of the same rows (${common.cols} columns: numbers imputed, skew-corrected and standardised; categories one-hot)`,
    methods: results, ari, seed, warnings,
  };
}

/** The rows `keep` of a frame (column kinds and names unchanged). */
function takeFrameRows(frame: Frame, keep: readonly number[]): Frame {
  const columns: Column[] = frame.columns.map((c) =>
    c.kind === 'numeric' || c.kind === 'boolean' || c.kind === 'date'
      ? { ...c, values: Float64Array.from(keep, (i) => (c.values as Float64Array)[i]) }
      : { ...c, values: keep.map((i) => (c.values as readonly (string | null)[])[i]) },
  ) as Column[];
  return { source: frame.source, rows: keep.length, columns };
}
