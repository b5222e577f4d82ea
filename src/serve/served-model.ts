/**
 * A model as the server holds it: the validated model document, the input columns rows must have,
 * and when it was loaded. Built whole before it is published (`model-registry.ts` swaps the
 * reference), and checked by scoring a probe row, so a file that parses but cannot score is
 * rejected at load time rather than on the first request.
 * @module
 */
import { SegkitError } from '../errors.js';
import { msg } from '../messages.js';
import type { SegmentationModel } from '../model/artifact.js';
import { loadModel } from '../model/load.js';
import { predictRecords } from '../model/predict-records.js';
import { decodeState } from '../model/state-codec.js';
import type { PipelineState } from '../prep/pipeline.js';
import { MISSING_LEVEL, OTHER_LEVEL } from '../prep/categorical-encoding.js';

/** One input column a row must have. */
export interface ServedFeature {
  readonly name: string;
  readonly kind: 'numeric' | 'boolean' | 'date' | 'categorical';
  /** Levels seen in training (categorical columns). */
  readonly levels?: readonly string[];
}

/** An immutable, fully loaded model. */
export interface ServedModel {
  readonly id: string;
  readonly file: string;
  readonly model: SegmentationModel;
  readonly features: readonly ServedFeature[];
  readonly loadedAt: string;
}

/**
 * Reads, validates and probes the model file `file`.
 * @throws {SegkitError} E_NOT_FOUND, E_READ, E_MODEL_FORMAT
 */
export function loadServedModel(id: string, file: string): ServedModel {
  const model = loadModel(file);
  let features: ServedFeature[];
  try {
    const pipeline = decodeState<PipelineState>(model.pipeline);
    features = pipeline.columns.map((p) =>
      p.kind === 'categorical'
        ? { name: p.name, kind: 'categorical', levels: trainingLevels(p.levels.levels, p.levels.grouped) }
        : { name: p.name, kind: p.kind },
    );
    // A row of missing values goes through imputation, every step and the clusterer's predict.
    const probe = Object.fromEntries(features.map((f) => [f.name, null]));
    const [p] = predictRecords(model, [probe], file);
    if (!(p.segment >= -1 && p.segment < model.segments.length)) throw new Error(`segment ${p.segment} is not one of the model's ${model.segments.length} segments`);
  } catch (e) {
    throw new SegkitError('E_MODEL_FORMAT', msg.modelProbeFailed(file, (e as Error).message), { file }, undefined, { cause: e });
  }
  return { id, file, model, features, loadedAt: new Date().toISOString() };
}

/** The levels as the user wrote them: pseudo-levels out, levels grouped into '(other)' back in. */
function trainingLevels(levels: readonly string[], grouped: readonly string[]): string[] {
  return [...levels.filter((l) => l !== MISSING_LEVEL && l !== OTHER_LEVEL), ...grouped].sort();
}
