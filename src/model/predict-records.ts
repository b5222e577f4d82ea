/**
 * Scoring plain JSON rows (the CLI's `predict --row` and the HTTP API's predict route): rows become a
 * Frame, go through `predict`, and each prediction carries the customer ID when the row has the
 * model's ID column. Whatever fields `predict` returns are passed through unchanged.
 * @module
 */
import { frameFromRecords } from '../data/frame.js';
import { predict, type Prediction } from './predict.js';
import type { SegmentationModel } from './artifact.js';

/** A prediction for one JSON row: `id` (when the row has the model's ID column) then the prediction. */
export type RecordPrediction = { readonly id?: string } & Prediction;

/**
 * Predicts the segment of each row object.
 * @param source Names the rows in error messages (a file, `--row`, `request body`).
 * @throws {SegkitError} as {@link predict}: E_FEATURE_MISMATCH, E_DATA_TYPE, E_DATA_NONFINITE
 */
export function predictRecords(model: SegmentationModel, records: readonly Record<string, unknown>[], source: string): RecordPrediction[] {
  const idColumn = model.manifest.idColumn;
  const predictions = predict(model, frameFromRecords(records, source));
  return predictions.map((p, i) => {
    const id = idColumn ? records[i][idColumn] : undefined;
    return id !== undefined && id !== null ? { id: String(id), ...p } : p;
  });
}
