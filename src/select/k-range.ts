/**
 * The k grid of a selection: parsed from 'min..max' (CLI) and checked against the data (at least two
 * values of k, max below the row count and at most the number of distinct rows).
 * @module
 */
import type { Matrix } from '../math/matrix.js';
import { SegkitError } from '../errors.js';
import { msg } from '../messages.js';

/** Inclusive range of k. */
export type KRange = readonly [min: number, max: number];

/** Parses '2..12' (also '2-12'); E_OPTION naming the value otherwise. */
export function parseKRange(text: string, field = 'kRange'): KRange {
  const m = /^\s*(\d+)\s*(?:\.\.|-)\s*(\d+)\s*$/.exec(text);
  if (!m) throw new SegkitError('E_OPTION', msg.kRangeMalformed(text), { field });
  const range: KRange = [Number(m[1]), Number(m[2])];
  checkKRangeShape(range, field);
  return range;
}

/** min ≥ 1, max > min, both integers. */
export function checkKRangeShape(range: KRange, field = 'kRange'): void {
  const [min, max] = range;
  if (!Number.isInteger(min) || !Number.isInteger(max)) throw new SegkitError('E_OPTION', msg.kRangeMalformed(`${min}..${max}`), { field });
  if (min < 1 || max <= min) throw new SegkitError('E_OPTION', msg.kRangeOrder(min, max), { field });
}

/** The range fits the data: max < rows and max ≤ distinct rows. E_TOO_FEW_ROWS naming the range otherwise. */
export function checkKRangeAgainstData(range: KRange, x: Matrix, field = 'kRange'): void {
  const [min, max] = range;
  if (max >= x.rows) throw new SegkitError('E_TOO_FEW_ROWS', msg.kRangeRows(min, max, x.rows), { field });
  const distinct = distinctRowsUpTo(x, max);
  if (distinct < max) throw new SegkitError('E_TOO_FEW_ROWS', msg.kRangeDistinct(min, max, distinct), { field });
}

/** Number of distinct rows, counting only up to `cap` (stops early in the usual case). */
function distinctRowsUpTo(x: Matrix, cap: number): number {
  const seen = new Set<string>();
  for (let i = 0; i < x.rows && seen.size < cap; i++) seen.add(x.data.subarray(i * x.cols, (i + 1) * x.cols).join(','));
  return seen.size;
}
