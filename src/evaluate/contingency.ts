/**
 * Contingency table of two labelings (rows: labels of `a`, columns: labels of `b`), the basis of
 * ARI and AMI. Labels are compacted; -1 is an ordinary label here (comparisons keep every row).
 * @module
 */
import { SegkitError } from '../errors.js';
import { msg } from '../messages.js';

export interface Contingency {
  readonly n: number;
  readonly rowSums: Float64Array;
  readonly colSums: Float64Array;
  /** Non-zero cells only: count, with its row and column index. */
  readonly cells: Float64Array;
  readonly cellRow: Int32Array;
  readonly cellCol: Int32Array;
}

export function contingency(a: ArrayLike<number>, b: ArrayLike<number>, metric: string): Contingency {
  if (a.length !== b.length) throw new SegkitError('E_DATA_SHAPE', msg.labelingsLength(metric, a.length, b.length));
  const ra = new Map<number, number>(), rb = new Map<number, number>();
  const counts = new Map<number, number>();
  const n = a.length;
  const ia = new Int32Array(n), ib = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let x = ra.get(a[i]);
    if (x === undefined) ra.set(a[i], (x = ra.size));
    let y = rb.get(b[i]);
    if (y === undefined) rb.set(b[i], (y = rb.size));
    ia[i] = x;
    ib[i] = y;
  }
  const kb = rb.size;
  const rowSums = new Float64Array(ra.size), colSums = new Float64Array(kb);
  for (let i = 0; i < n; i++) {
    rowSums[ia[i]]++;
    colSums[ib[i]]++;
    const key = ia[i] * kb + ib[i];
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const keys = Array.from(counts.keys());
  return {
    n, rowSums, colSums,
    cells: Float64Array.from(counts.values()),
    cellRow: Int32Array.from(keys, (k) => Math.floor(k / kb)),
    cellCol: Int32Array.from(keys, (k) => k % kb),
  };
}
