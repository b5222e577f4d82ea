/**
 * Customer IDs: an explicit column, else a unique column with an ID-like name, else the 1-based
 * row number. IDs are strings (leading zeros kept). Duplicates are an error naming the rows.
 * @module
 */
import { SegkitError } from '../errors.js';
import { msg } from '../messages.js';
import type { Frame } from './frame.js';
import { isNumericColumn } from './frame.js';
import { isIdLikeName } from './schema.js';

/** The customer IDs of a frame and the column they came from (null = row numbers). */
export interface ResolvedIds {
  readonly ids: string[];
  readonly column: string | null;
}

/**
 * Resolves customer IDs.
 * @throws {SegkitError} E_UNKNOWN_COLUMN, E_DATA_DUPLICATE_ID, E_DATA_EMPTY (a blank ID)
 */
export function resolveIds(frame: Frame, idColumn?: string): ResolvedIds {
  if (idColumn !== undefined) {
    const c = frame.columns.find((x) => x.name === idColumn);
    if (!c) throw new SegkitError('E_UNKNOWN_COLUMN', msg.unknownColumn(idColumn, '--id', frame.columns.map((x) => x.name)), { file: frame.source, column: idColumn });
    const ids = idStrings(frame, c.name);
    checkUnique(frame, c.name, ids);
    return { ids, column: c.name };
  }
  for (const c of frame.columns) {
    if (c.kind !== 'id' && !isIdLikeName(c.name)) continue;
    const ids = idStrings(frame, c.name, true);
    if (ids.length === frame.rows && new Set(ids).size === frame.rows) return { ids, column: c.name };
  }
  return { ids: Array.from({ length: frame.rows }, (_, i) => String(i + 1)), column: null };
}

function idStrings(frame: Frame, name: string, lenient = false): string[] {
  const c = frame.columns.find((x) => x.name === name)!;
  const out: string[] = new Array(frame.rows);
  for (let i = 0; i < frame.rows; i++) {
    const v = isNumericColumn(c) ? (Number.isNaN(c.values[i]) ? null : String(c.values[i])) : c.values[i];
    if (v === null) {
      if (lenient) return [];
      throw new SegkitError('E_DATA_EMPTY', msg.missingId(i + 1, name), { file: frame.source, row: i + 1, column: name });
    }
    out[i] = v;
  }
  return out;
}

function checkUnique(frame: Frame, column: string, ids: string[]): void {
  const first = new Map<string, number>();
  for (let i = 0; i < ids.length; i++) {
    const prev = first.get(ids[i]);
    if (prev === undefined) {
      first.set(ids[i], i);
      continue;
    }
    const rows: number[] = [];
    for (let r = 0; r < ids.length && rows.length < 10; r++) if (ids[r] === ids[i]) rows.push(r + 1);
    throw new SegkitError('E_DATA_DUPLICATE_ID', msg.duplicateId(column, ids[i], rows), { file: frame.source, row: i + 1, column });
  }
}
