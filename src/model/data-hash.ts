/**
 * A content hash of a training frame (column names, kinds and values), recorded in the model
 * manifest so a run can be tied to the exact data it saw.
 * @module
 */
import { createHash } from 'node:crypto';
import type { Frame } from '../data/frame.js';
import { isNumericColumn } from '../data/frame.js';

/** SHA-256 hex digest of the frame's contents, independent of the source path. */
export function frameHash(frame: Frame): string {
  const h = createHash('sha256');
  h.update(`rows:${frame.rows}\n`);
  for (const c of frame.columns) {
    h.update(`col:${c.name}:${c.kind}\n`);
    if (isNumericColumn(c)) h.update(new Uint8Array(c.values.buffer, c.values.byteOffset, c.values.byteLength));
    else for (const v of c.values) h.update(v === null ? '\u0000\n' : `${v}\n`);
  }
  return h.digest('hex');
}
