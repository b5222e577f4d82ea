/**
 * Scoring with a saved model: new rows go through the saved pipeline unchanged, then the
 * clusterer's predict; each row gets its segment, the segment's name, the distance to the
 * segment center and the runner-up segment.
 *
 *   frame ──1──> transformPipeline (saved state) ──2──> clusterer.predict ──3──> distances, runner-up
 * @module
 */
import type { Frame } from '../data/frame.js';
import type { Matrix } from '../math/matrix.js';
import type { Dataset } from '../data/dataset.js';
import { getClusterer } from '../cluster/registry.js';
import { transformPipeline } from '../prep/pipeline.js';
import { decodeStateCached } from './state-codec.js';
import type { SegmentationModel } from './artifact.js';
import { assignmentScores } from './assignment-scores.js';
import { noveltyReasons } from './novelty.js';
import type { ExtraColumn } from '../cluster/types.js';
import { outlierColumns, outlierReason, scoreOutliers } from './model-outliers.js';
import type { EcodState } from '../prep/ecod.js';

/** Scores of a batch of rows. */
export interface Scores {
  readonly labels: Int32Array;
  readonly distance: Float64Array;
  readonly runnerUp: Int32Array;
  /** Confidence of each assignment in [0, 1] (confidence.ts). */
  readonly confidence: Float64Array;
  /** Why each row is novel (novelty.ts); an empty array for most rows. */
  readonly novelty: readonly (readonly string[])[];
  /** rows × k posteriors, for methods with soft assignment (Gaussian mixtures, LPA). */
  readonly probabilities?: Matrix;
  /** Per-row outputs beside the segment (nested levels, SOM neuron, …), when the method has them. */
  readonly extra?: readonly ExtraColumn[];
  /** The rows after the model's preprocessing (what the clusterer saw). */
  readonly dataset: Dataset;
  /** Per row, notes on values the model had not seen in training (unseen categorical levels). */
  readonly notes: readonly (readonly string[])[];
}

/** One scored customer, as `predict` returns it (JSON-friendly). */
export interface Prediction {
  readonly segment: number;
  readonly segmentName: string;
  /** In [0, 1]: the posterior for mixtures, 1 − d₁/d₂ for distance-based methods. */
  readonly confidence: number | null;
  readonly distance: number | null;
  readonly runnerUp: number | null;
  readonly runnerUpName: string | null;
  /** True when the customer is unlike the training customers; `noveltyReasons` says why. */
  readonly novel: boolean;
  readonly noveltyReasons: readonly string[];
  readonly notes: readonly string[];
  /** Probability of each segment (by segment id), for methods with soft assignment. */
  readonly probabilities?: readonly number[];
  /** The method's per-row outputs beside the segment, by name (e.g. `level_4`, `neuron`, `strength`). */
  readonly extra?: Readonly<Record<string, number | null>>;
  /** The sentence a text-embedding model saw for this row (for audit: what left the table). */
  readonly text?: string;
}

/**
 * Scores every row of `frame` with `model`.
 * @throws {SegkitError} E_FEATURE_MISMATCH when a column the model needs is missing; E_DATA_TYPE for bad values.
 */
export function scoreFrame(model: SegmentationModel, frame: Frame): Scores {
  // 1. The saved preprocessing, unchanged.
  const pipeline = decodeStateCached(model.pipeline);
  const { dataset, notes, unseen } = transformPipeline(pipeline as any, frame);
  // 2. Hard assignment.
  const clusterer = getClusterer(model.clusterer.method);
  const state = decodeStateCached(model.clusterer.state);
  const predicted = clusterer.predict(state, dataset);
  // Saved ECOD detector: score against the training ECDFs; under 'group' a flagged row is an outlier (-1).
  const ecod = model.outliers ? (decodeStateCached(model.outliers.state) as EcodState) : null;
  const outliers = ecod ? scoreOutliers({ ...model.outliers!, state: ecod }, dataset) : null;
  const labels = outliers && model.outliers!.action === 'group' ? Int32Array.from(predicted, (l, i) => (outliers.flagged[i] ? -1 : l)) : predicted;
  // 3. Distances, runner-up, confidence and novelty.
  const { distance, runnerUp, confidence, probabilities } = assignmentScores(clusterer, state, dataset, labels);
  const novelty = model.novelty
    ? noveltyReasons(model.novelty, frame, labels, distance, unseen, (id) => segmentName(model, id))
    : Array.from(labels, (_, i) => unseen.filter((u) => u.row === i + 1 && u.kind === 'unseen-level').map((u) => `unseen level ${JSON.stringify(u.value)} in ${u.column}`));
  const extra = [...(clusterer.extraColumns?.(state, dataset, labels) ?? []), ...(outliers ? outlierColumns(outliers.scores, outliers.flagged) : [])];
  if (outliers) outliers.flagged.forEach((f, i) => f && ((novelty[i] as string[]).push(outlierReason(outliers.scores[i], ecod!.threshold))));
  return { labels, distance, runnerUp, confidence, novelty, notes, dataset, ...(probabilities ? { probabilities } : {}), ...(extra.length ? { extra } : {}) };
}

/** Display name of a segment id. */
export function segmentName(model: SegmentationModel, id: number): string {
  return id < 0 ? (model.outliers?.action === 'group' ? 'outliers' : noiseName(model.clusterer.method)) : model.segments.find((g) => g.id === id)?.name ?? `Segment ${id + 1}`;
}

/** Name of label -1: "outliers" for density methods, which leave them out on purpose, else "unassigned". */
export function noiseName(method: string): string {
  return getClusterer(method).noise ? 'outliers' : 'unassigned';
}

/** The per-row extra outputs of row `i` as a plain record (NaN and -1 ids become null). */
export function extraRecord(extra: readonly ExtraColumn[], i: number): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const c of extra) {
    const v = c.values[i];
    out[c.name] = Number.isNaN(v) || (c.kind === 'int' && v < 0) ? null : v;
  }
  return out;
}

/** Scores `frame` and returns one plain object per row. */
export function predict(model: SegmentationModel, frame: Frame): Prediction[] {
  const s = scoreFrame(model, frame);
  const num = (v: number) => (Number.isNaN(v) ? null : v);
  return Array.from(s.labels, (l, i) => ({
    segment: l,
    segmentName: segmentName(model, l),
    confidence: num(s.confidence[i]),
    distance: num(s.distance[i]),
    runnerUp: s.runnerUp[i] >= 0 ? s.runnerUp[i] : null,
    runnerUpName: s.runnerUp[i] >= 0 ? segmentName(model, s.runnerUp[i]) : null,
    novel: s.novelty[i].length > 0,
    noveltyReasons: s.novelty[i],
    notes: s.notes[i] ?? [],
    ...(s.probabilities ? { probabilities: Array.from(s.probabilities.data.subarray(i * s.probabilities.cols, (i + 1) * s.probabilities.cols)) } : {}),
    ...(s.extra ? { extra: extraRecord(s.extra, i) } : {}),
    ...(s.dataset.text ? { text: s.dataset.text[i] } : {}),
  }));
}
