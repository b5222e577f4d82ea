/**
 * A model's identity in the store: SHA-256 of its canonical JSON (the document as loaded, so the
 * same model gives the same hash however the file was indented).
 * @module
 */
import { createHash } from 'node:crypto';
import type { SegmentationModel } from '../model/artifact.js';

/** Hex SHA-256 of the model document. */
export function modelHash(model: SegmentationModel): string {
  return createHash('sha256').update(JSON.stringify(model)).digest('hex');
}
