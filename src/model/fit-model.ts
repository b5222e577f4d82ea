/**
 * The whole fit path as one library call: frame → pipeline → clusterer → metrics → model.
 *
 *   frame ──1──> ids ──2──> prep (fitPipeline) ──3──> cluster (registry) ──4──> metrics ──5──> model
 *
 * The CLI `fit` command and the HTTP API are thin shells over this function.
 * @module
 */
import type { Frame } from '../data/frame.js';
import type { Matrix } from '../math/matrix.js';
import { isNumericColumn } from '../data/frame.js';
import type { SegkitWarning } from '../errors.js';
import { SegkitError } from '../errors.js';
import { msg } from '../messages.js';
import type { ExtraColumn, Progress } from '../cluster/types.js';
import { createFitContext } from '../cluster/types.js';
import { getClusterer } from '../cluster/registry.js';
import { createRng, drawSeed } from '../math/rng.js';
import { parseOptions } from '../options.js';
import { resolveIds } from '../data/ids.js';
import { fitPipeline, type FittedPipeline, type PipelineState } from '../prep/pipeline.js';
import { encodeState } from './state-codec.js';
import { frameHash } from './data-hash.js';
import { FORMAT_NAME, FORMAT_VERSION, type SegmentationModel, type Segment } from './artifact.js';
import { trainingMetrics } from './training-metrics.js';
import { metricSpace } from '../evaluate/metric-space.js';
import { assignmentScores } from './assignment-scores.js';
import { summarizeSegments } from './segment-summary.js';
import { profileSegments } from '../profile/segment-profile.js';
import { nameSegments } from '../profile/segment-names.js';
import { learnNovelty, noveltyReasons } from './novelty.js';
import { noiseName } from './predict.js';
import { detectOutliers, labelsWithOutliers, modelOutliersSchema, outlierColumns, outlierReason, type ModelOutliersOptions } from './model-outliers.js';
import { takeDatasetRows } from '../data/dataset.js';
import { SEGKIT_VERSION } from '../version.js';

/** Options of {@link fitModel}. */
export interface FitModelOptions {
  /** Clustering method from the registry. **Default:** `'kmeans'`. */
  method?: string;
  /** Options of the method (e.g. `{ nClusters: 5 }`), validated by its schema. */
  options?: Record<string, unknown>;
  /** Preprocessing options, validated by the pipeline schema. */
  prep?: Record<string, unknown>;
  /** Customer ID column; see `resolveIds`. */
  idColumn?: string;
  /** Numeric column of per-customer weights (e.g. revenue); never a feature. **Default:** none (all 1). */
  weightColumn?: string;
  /** Model-based outliers (ECOD) found before fitting: removed from the fit or grouped as segment -1. **Default:** none. */
  outliers?: ModelOutliersOptions;
  /** Seed; drawn and recorded when absent. */
  seed?: number;
  signal?: AbortSignal;
  onProgress?: (p: Progress) => void;
}

/** What {@link fitModel} returns: the model and the per-customer assignments. */
export interface FitModelResult {
  readonly model: SegmentationModel;
  readonly ids: readonly string[];
  readonly labels: Int32Array;
  /** Distance of each customer to its segment center (NaN where the method has none). */
  readonly distance: Float64Array;
  /** Runner-up segment per customer (-1 where none). */
  readonly runnerUp: Int32Array;
  /** Confidence of each assignment in [0, 1] (see confidence.ts; NaN where the method has none). */
  readonly confidence: Float64Array;
  /** Novelty reasons per customer (empty for most). */
  readonly novelty: readonly (readonly string[])[];
  /** rows × k posteriors, for methods with soft assignment. */
  readonly probabilities?: Matrix;
  /** The method's per-row outputs beside the segment (nested levels, neuron, …). */
  readonly extra?: readonly ExtraColumn[];
  /** Name of label -1 ('outliers' for density methods, else 'unassigned'). */
  readonly noiseName: string;
  readonly warnings: readonly SegkitWarning[];
}

/**
 * Fits a segmentation model on a frame.
 * @throws {SegkitError} E_OPTION, E_UNKNOWN_OPTION, E_UNKNOWN_COLUMN, E_DATA_*, E_TOO_FEW_ROWS
 * @example
 *   const frame = await readFrame(parseSourceSpec('customers.csv'));
 *   const { model } = await fitModel(frame, { options: { nClusters: 5 }, seed: 42 });
 */
export async function fitModel(frame: Frame, o: FitModelOptions = {}): Promise<FitModelResult> {
  const started = performance.now();
  const method = o.method ?? 'kmeans';
  const clusterer = getClusterer(method);
  const params = parseOptions(clusterer.schema, o.options ?? {}, method);
  const seed = o.seed ?? drawSeed();
  if (frame.rows === 0) throw new SegkitError('E_DATA_EMPTY', msg.dataEmpty(frame.source), { file: frame.source });

  // 1–2. Customer IDs and preprocessing.
  const { ids, idColumn, prep, prepInput } = prepareData(frame, { ...o, method });
  const warnings: SegkitWarning[] = [...prep.warnings];
  // 3. Clustering.
  const rng = createRng(seed);
  const ctx = createFitContext(rng, warnings, { signal: o.signal, onProgress: o.onProgress });
  // ECOD outliers (model-outliers.ts): the segments are fitted on the other rows.
  const outlierParams = o.outliers ? parseOptions(modelOutliersSchema, o.outliers, 'outliers') : null;
  const detected = outlierParams ? detectOutliers(prep.dataset, outlierParams) : null;
  const fitted = await clusterer.fit(detected ? takeDatasetRows(prep.dataset, detected.keep) : prep.dataset, params, ctx);
  for (const w of fitted.warnings) if (!warnings.includes(w) && !warnings.some((x) => x.code === w.code && x.message === w.message)) warnings.push(w);
  const k = clusterer.nClusters(fitted.state);
  const labels = detected ? labelsWithOutliers(clusterer, fitted, prep.dataset, detected.keep, detected.flagged, outlierParams!.action) : fitted.labels;
  // 4. Metrics and per-row distances.
  o.onProgress?.({ step: 'metrics (silhouette on a stratified sample above 10,000 rows)', done: 0, total: 1 });
  const space = metricSpace(clusterer, fitted.state, prep.dataset, labels, rng.fork(1_000_002));
  const metrics = { ...trainingMetrics(space.x, space.labels, k, fitted.diagnostics, rng.fork(1_000_001)), ...(space.sampled ? { metricsSampleSize: space.labels.length } : {}) };
  const { distance, runnerUp, confidence, probabilities } = assignmentScores(clusterer, fitted.state, prep.dataset, labels);
  // 5. Novelty thresholds and the model document.
  const novelty = learnNovelty(frame, prep.state.columns, labels, distance, k);
  const sizes = new Array<number>(k).fill(0);
  for (const l of labels) if (l >= 0) sizes[l]++;
  const inputColumns = frame.columns.filter((c) => c.name !== idColumn && c.name !== o.weightColumn).map((c) => c.name);
  const profiles = summarizeSegments(frame, labels, k, inputColumns);
  const names = nameSegments(profileSegments(frame, labels, k, inputColumns, undefined, { tests: false, quantiles: false }).segments.map((s) => s.distinguishing));
  const segments: Segment[] = sizes.map((size, id) => ({ id, name: names[id], size, share: size / frame.rows, profile: { means: profiles[id].means, levels: profiles[id].levels } }));
  const noveltyPerRow = noveltyReasons(novelty, frame, labels, distance, [], (id) => segments[id]?.name ?? `Segment ${id + 1}`)
    .map((r, i) => (detected?.flagged[i] ? [...r, outlierReason(detected.scores[i], detected.saved.state.threshold)] : r));
  const model: SegmentationModel = {
    format: FORMAT_NAME,
    formatVersion: FORMAT_VERSION,
    manifest: {
      segkitVersion: SEGKIT_VERSION,
      createdAt: new Date().toISOString(),
      dataHash: frameHash(frame),
      source: frame.source,
      rows: frame.rows,
      columns: frame.columns.map((c) => ({ name: c.name, kind: c.kind })),
      idColumn,
      method,
      options: params as Record<string, unknown>,
      prepOptions: prep.state && typeof prep.state === 'object' && 'options' in (prep.state as object) ? ((prep.state as any).options as Record<string, unknown>) : prepInput,
      seed,
      fitSeconds: (performance.now() - started) / 1000,
    },
    pipeline: encodeState(prep.state),
    clusterer: { method, options: params as Record<string, unknown>, state: encodeState(fitted.state) },
    segments,
    metrics,
    prepReport: prep.report,
    novelty,
    ...(detected ? { outliers: { ...detected.saved, state: encodeState(detected.saved.state) } } : {}),
    warnings: warnings.map((w) => ({ code: w.code, message: w.message })),
  };
  const extra = [...(clusterer.extraColumns?.(fitted.state, prep.dataset, labels) ?? []), ...(detected ? outlierColumns(detected.scores, detected.flagged) : [])];
  return { model, ids, labels, distance, runnerUp, confidence, novelty: noveltyPerRow, ...(probabilities ? { probabilities } : {}), ...(extra.length ? { extra } : {}), noiseName: outlierParams?.action === 'group' ? 'outliers' : noiseName(method), warnings };
}

/** Methods that compare categories directly get level codes unless the user chose an encoding. */
function withCategoricalInput(prep: Record<string, unknown>, input: 'encoded' | 'codes' | 'none' | 'text', userPrep: Record<string, unknown> | undefined): Record<string, unknown> {
  if (input === 'text') return userPrep?.text ? prep : { ...prep, text: {} };
  return input === 'codes' && userPrep?.encode === undefined ? { ...prep, encode: 'codes' } : prep;
}

/** A numbers-only method given categorical columns without an explicit encoding: say what to do instead. */
function checkCategoricalInput(clusterer: ReturnType<typeof getClusterer>, method: string, state: PipelineState, userPrep: Record<string, unknown> | undefined): void {
  if (clusterer.categoricalInput !== 'none' || userPrep?.encode !== undefined) return;
  const categorical = state.columns.filter((p) => p.kind === 'categorical' && p.encode !== 'ordinal').map((p) => p.name);
  if (categorical.length > 0) throw new SegkitError('E_OPTION', msg.methodNeedsNumbers(method, categorical), { field: 'method' });
}

/** Steps 1–2 of the fit path, shared with `select`: customer IDs, then the fitted pipeline (with row weights). */
export function prepareData(
  frame: Frame, o: Pick<FitModelOptions, 'method' | 'prep' | 'idColumn' | 'weightColumn' | 'onProgress'>,
): { ids: string[]; idColumn: string | null; prep: FittedPipeline; prepInput: Record<string, unknown> } {
  const method = o.method ?? 'kmeans';
  const clusterer = getClusterer(method);
  o.onProgress?.({ step: 'customer IDs', done: 0, total: 1 });
  const { ids, column: idColumn } = resolveIds(frame, o.idColumn);
  o.onProgress?.({ step: 'preprocessing', done: 0, total: 1 });
  const weights = o.weightColumn !== undefined ? readWeights(frame, o.weightColumn) : undefined;
  const prepInput = {
    ...(o.prep ?? {}),
    ...(idColumn ? { idColumn } : {}),
    ...(o.weightColumn !== undefined ? { exclude: [...(((o.prep ?? {}) as { exclude?: string[] }).exclude ?? []), o.weightColumn] } : {}),
  };
  // The method decides how categories reach it (level codes, encoded columns, or not at all).
  const fittedPrep = fitPipeline(frame, withCategoricalInput(prepInput, clusterer.categoricalInput ?? 'encoded', o.prep));
  checkCategoricalInput(clusterer, method, fittedPrep.state, o.prep);
  const prep = weights ? { ...fittedPrep, dataset: { ...fittedPrep.dataset, weights } } : fittedPrep;
  return { ids: ids as string[], idColumn, prep, prepInput };
}

/** Weights from a numeric column: finite and ≥ 0, else an error naming the row. */
function readWeights(frame: Frame, column: string): Float64Array {
  const c = frame.columns.find((x) => x.name === column);
  if (!c) throw new SegkitError('E_UNKNOWN_COLUMN', msg.unknownColumn(column, '--weight', frame.columns.map((x) => x.name)), { file: frame.source, column });
  if (!isNumericColumn(c) || c.kind !== 'numeric') throw new SegkitError('E_DATA_TYPE', msg.weightNotNumeric(column), { file: frame.source, column });
  c.values.forEach((v, i) => {
    if (!Number.isFinite(v) || v < 0) throw new SegkitError('E_DATA_TYPE', msg.badWeight(frame.source, i + 1, column, v), { file: frame.source, row: i + 1, column });
  });
  return c.values;
}
