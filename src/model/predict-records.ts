/**
 * Scoring plain JSON rows (the CLI's `predict --row` and the HTTP API's predict route): rows become a
 * Frame of the model's input columns, go through `predict`, and each prediction carries the customer
 * ID when the row has the model's ID column. Whatever fields `predict` returns are passed through unchanged.
 * @module
 */
import type { Column, Frame } from '../data/frame.js';
import type { PipelineState } from '../prep/pipeline.js';
import { predict, type Prediction } from './predict.js';
import { decodeStateCached } from './state-codec.js';
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
  const predictions = predict(model, recordsFrame(model, records, source));
  return predictions.map((p, i) => {
    const id = idColumn ? records[i][idColumn] : undefined;
    return id !== undefined && id !== null ? { id: String(id), ...p } : p;
  });
}

/**
 * The rows as a Frame of the model's input columns, each built for the kind the model was fitted
 * with, so that a row's result never depends on the other rows of its batch (guessing kinds per
 * batch would read the level "02134" as the number 2134 when every other value looks numeric).
 * Numeric, boolean and date columns hold numbers when every value is a number, true/false or
 * missing, else text that the pipeline's coercion parses (naming row and column when it cannot).
 * Categorical columns hold text. A column absent from every row is left out (the pipeline names it).
 */
export function recordsFrame(model: SegmentationModel, records: readonly Record<string, unknown>[], source: string): Frame {
  const n = records.length;
  const columns: Column[] = [];
  for (const p of decodeStateCached<PipelineState>(model.pipeline).columns) {
    const raw = new Array<unknown>(n);
    let present = false, numbers = true;
    for (let i = 0; i < n; i++) {
      const v = records[i][p.name];
      raw[i] = v;
      if (v !== undefined) present = true;
      if (!(v === null || v === undefined || typeof v === 'number' || typeof v === 'boolean')) numbers = false;
    }
    if (!present) continue;
    if (p.kind !== 'categorical' && numbers) {
      const values = new Float64Array(n);
      for (let i = 0; i < n; i++) values[i] = raw[i] === null || raw[i] === undefined ? NaN : Number(raw[i]);
      columns.push({ name: p.name, kind: p.kind, values });
    } else {
      columns.push({ name: p.name, kind: 'categorical', values: raw.map((v) => (v === null || v === undefined || v === '' ? null : String(v))) });
    }
  }
  return { source, rows: n, columns };
}
