/**
 * A model's identity in the store: SHA-256 of its canonical JSON, i.e. the document as `loadModel`
 * gives it back (schema key order, unknown keys dropped), so a model fitted in memory, the same model
 * saved and loaded, and a re-indented file all hash alike.
 * @module
 */
import { createHash } from 'node:crypto';
import { modelSchema, type SegmentationModel } from '../model/artifact.js';

/** Hex SHA-256 of the canonical model document. */
export function modelHash(model: SegmentationModel): string {
  const canonical = modelSchema.parse(JSON.parse(JSON.stringify(model)));
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}
