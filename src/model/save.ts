/**
 * Atomic writes: a temp file in the same directory, fsync, then rename, so a crash or a failed
 * command never leaves a half-written model (or any other output) behind.
 * @module
 */
import { openSync, writeSync, fsyncSync, closeSync, renameSync, rmSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';
import { SegkitError } from '../errors.js';
import { msg } from '../messages.js';
import type { SegmentationModel } from './artifact.js';

/** Writes `text` to `path` atomically. */
export function writeFileAtomic(path: string, text: string | Uint8Array): void {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'w');
    writeSync(fd, typeof text === 'string' ? Buffer.from(text, 'utf8') : text);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, path);
  } catch (e) {
    if (fd !== undefined) closeSync(fd);
    rmSync(tmp, { force: true });
    throw new SegkitError('E_WRITE', msg.writeFailed(path, (e as Error).message), { file: path }, undefined, { cause: e });
  }
}

/** Saves a model file atomically (pretty-printed JSON). */
export function saveModel(model: SegmentationModel, path: string): void {
  writeFileAtomic(path, JSON.stringify(model, null, 1) + '\n');
}
