/**
 * A result computed once per (fitted state, input rows) pair. Scoring calls a clusterer's predict,
 * distances and embed on the same rows one after another; for methods that first transform the rows
 * (a text embedding, an autoencoder's codes) this keeps that transform from running two or three times.
 * Weak keys: nothing is kept once the state or the rows are gone.
 * @module
 */
const memo = new WeakMap<object, WeakMap<object, unknown>>();

/** `compute()` the first time for this state and these rows, the same object afterwards. */
export function perStateAndRows<T>(state: object, rows: object, compute: () => T): T {
  let byRows = memo.get(state);
  if (!byRows) memo.set(state, (byRows = new WeakMap()));
  if (!byRows.has(rows)) byRows.set(rows, compute());
  return byRows.get(rows) as T;
}
