/**
 * Loads and validates a model file: JSON, format name, version, structure, and that the
 * method is known. Damaged or foreign files get E_MODEL_FORMAT with what is wrong.
 * @module
 */
import { readFileSync, statSync } from 'node:fs';
import { SegkitError } from '../errors.js';
import { msg } from '../messages.js';
import { FORMAT_NAME, FORMAT_VERSION, OLDEST_READABLE_VERSION, modelSchema, type SegmentationModel } from './artifact.js';
import { checkSegmentNames } from '../profile/segment-names.js';
import { methodNames } from '../cluster/registry.js';

/** Reads a model file from disk. */
export function loadModel(path: string): SegmentationModel {
  let text: string;
  try {
    if (statSync(path).isDirectory()) throw new SegkitError('E_READ', msg.fileUnreadable(path, 'it is a directory.'), { file: path });
    text = readFileSync(path, 'utf8');
  } catch (e) {
    if (e instanceof SegkitError) throw e;
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new SegkitError('E_NOT_FOUND', msg.fileNotFound(path), { file: path });
    throw new SegkitError('E_READ', msg.fileUnreadable(path, (e as Error).message), { file: path }, undefined, { cause: e });
  }
  return parseModel(text, path);
}

/** Parses and validates model JSON text; `file` names it in errors. */
export function parseModel(text: string, file = 'model'): SegmentationModel {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw new SegkitError('E_MODEL_FORMAT', msg.modelNotJson(file), { file });
  }
  if (!doc || typeof doc !== 'object' || (doc as any).format !== FORMAT_NAME) throw new SegkitError('E_MODEL_FORMAT', msg.modelForeign(file), { file });
  const v = (doc as any).formatVersion;
  if (!(Number.isInteger(v) && v >= OLDEST_READABLE_VERSION && v <= FORMAT_VERSION)) throw new SegkitError('E_MODEL_FORMAT', msg.modelVersion(file, (doc as any).formatVersion, FORMAT_VERSION), { file });
  const r = modelSchema.safeParse(doc);
  if (!r.success) {
    const issue = r.error.issues[0];
    const field = issue.path.map(String).join('.');
    throw new SegkitError('E_MODEL_FORMAT', msg.modelInvalid(file, `field "${field}": ${issue.message}`), { file, field });
  }
  try {
    checkSegmentNames(r.data.segments.map((s) => s.name), 'segments.name');
  } catch (e) {
    throw new SegkitError('E_MODEL_FORMAT', msg.modelInvalid(file, (e as Error).message), { file, field: 'segments.name' });
  }
  if (!methodNames().includes(r.data.clusterer.method))
    throw new SegkitError('E_MODEL_FORMAT', msg.modelInvalid(file, `unknown method "${r.data.clusterer.method}"`), { file, field: 'clusterer.method' });
  return r.data as SegmentationModel;
}
