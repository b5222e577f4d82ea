/**
 * Retraining with stable segment ids: fit the old model's method and preprocessing on new data,
 * warm-started from the old segments where the method allows it (k-means centers and mixture means
 * start at the means, in the new preprocessing's space, of the customers the old model puts in each
 * segment; K-Modes, K-Prototypes and k-medoids are fitted fresh with the old seed), then align the new clusters to the old
 * ids by co-membership (align.ts) and renumber the new model so ids and names carry over. The new
 * model records its lineage (which model it replaced, the alignment and its quality).
 * @module
 */
import type { Frame } from '../data/frame.js';
import type { SegmentationModel, Segment } from '../model/artifact.js';
import type { FeaturePlan } from '../features/prepare-features.js';
import type { Progress } from '../cluster/types.js';
import { fitModel, prepareData, type FitModelResult } from '../model/fit-model.js';
import { scoreFrame } from '../model/predict.js';
import { decodeState, encodeState } from '../model/state-codec.js';
import { SegkitError } from '../errors.js';
import { msg } from '../messages.js';
import { alignByCoMembership, type Alignment } from './align.js';
import { modelHash } from './model-hash.js';
import { isShared, type CovarianceModel } from '../cluster/mixture/covariance.js';
import type { Matrix } from '../math/matrix.js';

/**
 * Per method, the state fields indexed by segment (row i = segment i), which renumbering permutes.
 * Mixtures: weights and means, and covariances unless the model shares one across segments
 * (mclust's EII, EEI, EEE; scikit-learn's 'tied').
 */
const PER_SEGMENT_FIELDS: Readonly<Record<string, (state: Record<string, unknown>) => readonly string[]>> = {
  kmeans: () => ['centers'],
  kmodes: () => ['means', 'modes', 'modeLevels'],
  kprototypes: () => ['means', 'modes', 'modeLevels'],
  kmedoids: () => ['medoidRows', 'medoidNumbers', 'medoidCodes', 'medoidLevels'],
  gmm: (st) => ['weights', 'means', ...(isShared(st.model as CovarianceModel) ? [] : ['covariances'])],
  lpa: (st) => ['weights', 'means', ...(isShared(st.model as CovarianceModel) ? [] : ['covariances'])],
};
/** Methods that take explicit initial means (`init`): warm-started; the others are fitted fresh with the old seed, then aligned. */
const WARM_START = new Set(['kmeans', 'gmm', 'lpa']);

/** Options of {@link retrain}. */
export interface RetrainOptions {
  /** Segments in the new model. **Default:** the old model's k. Must be ≥ the old k (old ids are kept). */
  nClusters?: number;
  /** Seed of the new fit. **Default:** the old model's seed. */
  seed?: number;
  /** Where the old model file is (recorded in the lineage). */
  oldPath?: string;
  /** The feature plan to keep in the new model (models fitted from transactions). **Default:** the old model's. */
  features?: FeaturePlan;
  /** An old segment whose partner shares less than this Jaccard index is reported as vanished. **Default:** `0.2`. */
  minJaccard?: number;
  onProgress?: (p: Progress) => void;
}

/** What {@link retrain} returns: the renumbered fit, the alignment, and whether the warm start was used. */
export interface RetrainResult extends FitModelResult {
  readonly alignment: Alignment;
  /** Whether the fit started from the old segments (k-means with the same k, every old segment still populated); else a fresh start, aligned after. */
  readonly warmStart: boolean;
  /** The old model's segment of each customer of the new data (same order as `labels`). */
  readonly oldLabels: Int32Array;
}

/**
 * Retrains `old` on `frame`, keeping segment ids and names.
 * @throws {SegkitError} E_FEATURE_MISMATCH (features differ, naming them), E_OPTION (method, k)
 */
export async function retrain(old: SegmentationModel, frame: Frame, o: RetrainOptions = {}): Promise<RetrainResult> {
  const method = old.clusterer.method;
  const fields = PER_SEGMENT_FIELDS[method];
  if (!fields) throw new SegkitError('E_OPTION', msg.retrainMethod(method), { field: '--from' });
  checkSameFeatures(old, frame);
  const kOld = old.segments.length;
  const k = o.nClusters ?? kOld;
  if (k < kOld) throw new SegkitError('E_OPTION', msg.retrainSmallerK(kOld, k), { field: '-k' });
  const idColumn = old.manifest.idColumn ?? undefined;
  const prep = old.manifest.prepOptions;
  // The old model's view of the new customers: the warm start and the alignment's reference.
  const oldLabels = scoreFrame(old, frame).labels;
  const warm = WARM_START.has(method);
  const init = warm && k === kOld ? segmentMeans(prepareData(frame, { method, prep, idColumn }).prep.dataset.numeric, oldLabels, kOld) : null;
  const fresh = method === 'kmeans' ? 'kmeans++' : 'kmeans';
  const options = warm ? { ...old.clusterer.options, nClusters: k, init: init ?? fresh } : { ...old.clusterer.options, nClusters: k };
  const fit = await fitModel(frame, { method, options, prep, idColumn, seed: o.seed ?? old.manifest.seed, onProgress: o.onProgress });
  const alignment = alignByCoMembership(oldLabels, fit.labels, old.segments.map((g) => g.id), k, o.minJaccard);
  const model = renumber(fit.model, fields, alignment.mapping, old, {
    replaces: { fileHash: modelHash(old), ...(o.oldPath ? { path: o.oldPath } : {}), createdAt: old.manifest.createdAt },
    alignment,
  }, o.features ?? old.features);
  const remap = (a: Int32Array) => a.map((l) => (l >= 0 ? alignment.mapping[l] : l));
  const probabilities = fit.probabilities ? permuteColumns(fit.probabilities, alignment.mapping) : undefined;
  return { ...fit, model, labels: remap(fit.labels), runnerUp: remap(fit.runnerUp), ...(probabilities ? { probabilities } : {}), alignment, warmStart: init !== null, oldLabels };
}

/**
 * The new data must have the old model's input columns with the same kinds.
 * @throws {SegkitError} E_FEATURE_MISMATCH listing missing, new and changed columns
 */
export function checkSameFeatures(old: SegmentationModel, frame: Frame): void {
  const id = old.manifest.idColumn;
  const was = new Map(old.manifest.columns.filter((c) => c.name !== id).map((c) => [c.name, c.kind]));
  const now = new Map(frame.columns.filter((c) => c.name !== id).map((c) => [c.name, c.kind as string]));
  const missing = [...was.keys()].filter((n) => !now.has(n));
  const added = [...now.keys()].filter((n) => !was.has(n));
  const changed = [...was].filter(([n, kind]) => now.has(n) && now.get(n) !== kind).map(([n, kind]) => `${n} (${kind} → ${now.get(n)})`);
  if (missing.length || added.length || changed.length)
    throw new SegkitError('E_FEATURE_MISMATCH', msg.retrainFeaturesDiffer(missing, added, changed), { file: frame.source, ...(missing[0] ? { column: missing[0] } : {}) });
}

/** Per old segment, the mean of its customers' rows; null when a segment has no customer. */
function segmentMeans(x: { rows: number; cols: number; data: Float64Array }, labels: Int32Array, k: number): number[][] | null {
  const sums = new Float64Array(k * x.cols), counts = new Float64Array(k);
  for (let i = 0; i < x.rows; i++) {
    const l = labels[i];
    if (l < 0 || l >= k) continue;
    counts[l]++;
    for (let j = 0; j < x.cols; j++) sums[l * x.cols + j] += x.data[i * x.cols + j];
  }
  if (counts.some((c) => c === 0)) return null;
  return Array.from({ length: k }, (_, l) => Array.from(sums.subarray(l * x.cols, (l + 1) * x.cols), (s) => s / counts[l]));
}

/** The fitted model with cluster b renumbered to mapping[b]; matched segments take the old names. */
function renumber(model: SegmentationModel, fieldsOf: (state: Record<string, unknown>) => readonly string[], mapping: number[], old: SegmentationModel, lineage: SegmentationModel['lineage'], features?: FeaturePlan): SegmentationModel {
  const k = mapping.length;
  const inverse = new Array<number>(k);
  mapping.forEach((to, from) => (inverse[to] = from));
  const state = decodeState<Record<string, unknown[]>>(model.clusterer.state);
  const permuted = Object.fromEntries(fieldsOf(state).map((f) => [f, inverse.map((b) => state[f][b])]));
  const oldNames = new Map(old.segments.map((g) => [g.id, g.name]));
  const taken = new Set(old.segments.map((g) => g.name.toLowerCase()));
  const segments: Segment[] = inverse.map((b, id) => {
    const g = model.segments[b];
    const name = oldNames.get(id) ?? (taken.has(g.name.toLowerCase()) ? `${g.name} (new)` : g.name);
    return { ...g, id, name };
  });
  const novelty = model.novelty ? { ...model.novelty, distanceP99: inverse.map((b) => model.novelty!.distanceP99[b]) } : undefined;
  return {
    ...model,
    clusterer: { ...model.clusterer, state: encodeState({ ...state, ...permuted }) },
    segments,
    ...(novelty ? { novelty } : {}),
    ...(features ? { features } : {}),
    lineage,
  };
}

/** Column b of `p` moved to column mapping[b]. */
function permuteColumns(p: Matrix, mapping: number[]): Matrix {
  const out = new Float64Array(p.data.length);
  for (let i = 0; i < p.rows; i++) for (let b = 0; b < p.cols; b++) out[i * p.cols + mapping[b]] = p.data[i * p.cols + b];
  return { rows: p.rows, cols: p.cols, data: out };
}
