/**
 * Scoring with a saved model: new rows go through the saved pipeline unchanged, then the
 * clusterer's predict; each row gets its segment, the segment's name, the distance to the
 * segment center and the runner-up segment.
 *
 *   frame ──1──> transformPipeline (saved state) ──2──> clusterer.predict ──3──> distances, runner-up
 * @module
 */
import type { Frame } from '../data/frame.js';
import { getClusterer } from '../cluster/registry.js';
import { transformPipeline } from '../prep/pipeline.js';
import { decodeState } from './state-codec.js';
import type { SegmentationModel } from './artifact.js';
import { rowDistances } from './fit-model.js';

/** Scores of a batch of rows. */
export interface Scores {
  readonly labels: Int32Array;
  readonly distance: Float64Array;
  readonly runnerUp: Int32Array;
  /** Per row, notes on values the model had not seen in training (unseen categorical levels). */
  readonly notes: readonly (readonly string[])[];
}

/** One scored customer, as `predict` returns it (JSON-friendly). */
export interface Prediction {
  readonly segment: number;
  readonly segmentName: string;
  readonly distance: number | null;
  readonly runnerUp: number | null;
  readonly runnerUpName: string | null;
  readonly notes: readonly string[];
}

/**
 * Scores every row of `frame` with `model`.
 * @throws {SegkitError} E_FEATURE_MISMATCH when a column the model needs is missing; E_DATA_TYPE for bad values.
 */
export function scoreFrame(model: SegmentationModel, frame: Frame): Scores {
  // 1. The saved preprocessing, unchanged.
  const pipeline = decodeState(model.pipeline);
  const { dataset, notes } = transformPipeline(pipeline as any, frame);
  // 2. Hard assignment.
  const clusterer = getClusterer(model.clusterer.method);
  const state = decodeState(model.clusterer.state);
  const labels = clusterer.predict(state, dataset);
  // 3. Distances and runner-up.
  const { distance, runnerUp } = rowDistances(clusterer, state, dataset, labels);
  return { labels, distance, runnerUp, notes };
}

/** Scores `frame` and returns one plain object per row. */
export function predict(model: SegmentationModel, frame: Frame): Prediction[] {
  const s = scoreFrame(model, frame);
  const name = (id: number) => model.segments.find((g) => g.id === id)?.name ?? `Segment ${id + 1}`;
  return Array.from(s.labels, (l, i) => ({
    segment: l,
    segmentName: l >= 0 ? name(l) : 'unassigned',
    distance: Number.isNaN(s.distance[i]) ? null : s.distance[i],
    runnerUp: s.runnerUp[i] >= 0 ? s.runnerUp[i] : null,
    runnerUpName: s.runnerUp[i] >= 0 ? name(s.runnerUp[i]) : null,
    notes: s.notes[i] ?? [],
  }));
}
