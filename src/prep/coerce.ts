/**
 * Coercion of new data to the kind the model was fitted with: JSON rows and other sources may carry
 * numbers as text or codes as numbers. Numbers that do not parse are an error naming row, column and value.
 * @module
 */
import { SegkitError } from '../errors.js';
import { msg } from '../messages.js';
import type { Column } from '../data/frame.js';
import { isNumericColumn } from '../data/frame.js';

const TRUE = new Set(['yes', 'true', 'y', 't', '1']);
const FALSE = new Set(['no', 'false', 'n', 'f', '0']);

/** Values of a column as numbers of the given kind (NaN = missing). */
export function coerceNumeric(c: Column, kind: 'numeric' | 'boolean' | 'date', source: string): Float64Array {
  if (isNumericColumn(c)) return c.values;
  const out = new Float64Array(c.values.length);
  c.values.forEach((raw, i) => {
    const v = raw === null ? '' : raw.trim();
    if (v === '') return void (out[i] = NaN);
    if (kind === 'boolean' && (TRUE.has(v.toLowerCase()) || FALSE.has(v.toLowerCase()))) return void (out[i] = TRUE.has(v.toLowerCase()) ? 1 : 0);
    if (kind === 'date') {
      const t = Date.parse(v);
      if (!Number.isNaN(t)) return void (out[i] = Math.floor(t / 86400000));
    }
    const num = Number(v);
    if (!Number.isFinite(num)) throw new SegkitError('E_DATA_TYPE', msg.notANumber(source, i + 1, c.name, v), { file: source, row: i + 1, column: c.name });
    out[i] = num;
  });
  return out;
}

/** Values of a column as text (numbers printed as JavaScript prints them: 1, not 1.0). */
export function coerceText(c: Column): readonly (string | null)[] {
  if (!isNumericColumn(c)) return c.values;
  return Array.from(c.values, (v) => (Number.isNaN(v) ? null : String(v)));
}
