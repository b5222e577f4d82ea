/**
 * The shared contract suite every clusterer passes (scikit-learn's estimator_checks, Hono's
 * common.case.test.ts). Call `checkClusterer(clusterer, options)` from the algorithm's test file;
 * every skipped check names its reason.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { AnyClusterer } from '../../src/cluster/types.js';
import { createFitContext } from '../../src/cluster/types.js';
import { createRng } from '../../src/math/rng.js';
import { datasetFromMatrix, type Dataset } from '../../src/data/dataset.js';
import { parseOptions } from '../../src/options.js';
import { expectSamePartition, expectSegkitError } from '../helpers/expect.js';
import type { SegkitWarning } from '../../src/errors.js';
import { decodeState, encodeState } from '../../src/model/state-codec.js';

export type CheckName =
  | 'deterministic' | 'idempotent' | 'labels-equal-predict' | 'json-round-trip' | 'bad-options'
  | 'unknown-option' | 'empty' | 'nonfinite' | 'too-few-rows' | 'feature-mismatch' | 'no-mutation'
  | 'row-permutation' | 'abort';

export interface ConformanceOptions {
  /** Valid options for a 3-cluster fit. */
  options: Record<string, unknown>;
  /** Option values that must be rejected with E_OPTION. */
  badOptions: Record<string, unknown>[];
  skip?: { reason: string; checks: CheckName[] }[];
  /** Columns the method takes: numbers (default), numbers and level codes, or level codes only. */
  dataKind?: DataKind;
}

/** Kinds of test data: the clusterer's `categoricalInput` decides which it can take. */
export type DataKind = 'numeric' | 'mixed' | 'categorical' | 'text';

/** Three well-separated 2-D blobs of 20 rows each, with a little seeded noise. */
export function threeBlobs(seed = 1): Dataset {
  const rng = createRng(seed);
  const centers = [[0, 0], [10, 10], [-10, 10]];
  const data = new Float64Array(60 * 2);
  for (let i = 0; i < 60; i++) {
    const c = centers[i % 3];
    data[i * 2] = c[0] + rng.normal();
    data[i * 2 + 1] = c[1] + rng.normal();
  }
  return datasetFromMatrix({ rows: 60, cols: 2, data });
}

/**
 * The three blobs with, for 'mixed' and 'categorical', three categorical columns of 4 levels whose
 * level follows the blob except for a seeded 10% of values ('categorical' drops the numbers).
 */
export function blobsOf(kind: DataKind, seed = 1): Dataset {
  const base = threeBlobs(seed);
  if (kind === 'numeric') return base;
  const rng = createRng(seed + 100);
  const n = base.numeric.rows, m = 3;
  const codes = new Int32Array(n * m);
  for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) codes[i * m + j] = rng.float() < 0.1 ? rng.int(4) : (i % 3 + j) % 4;
  const categorical = { rows: n, cols: m, data: codes, names: ['c0', 'c1', 'c2'], levels: [0, 1, 2].map(() => ['a', 'b', 'c', 'd']) };
  if (kind === 'text') {
    // Rows rendered as text-embedding methods receive them: the category levels and the rounded numbers.
    const text = Array.from({ length: n }, (_, i) => `c0: ${'abcd'[codes[i * m]]}ay, c1: ${'abcd'[codes[i * m + 1]]}ee, x0: ${Math.round(base.numeric.data[i * 2])}`);
    return { ...base, categorical, text };
  }
  const numeric = kind === 'mixed' ? base.numeric : { rows: n, cols: 0, data: new Float64Array(0) };
  return { numeric, categorical, featureNames: kind === 'mixed' ? base.featureNames : [] };
}

/** The rows `idx` of a dataset, in that order. */
export function pickRows(d: Dataset, idx: ArrayLike<number>): Dataset {
  const p = d.numeric.cols, len = idx.length;
  const num = new Float64Array(len * p);
  for (let i = 0; i < len; i++) num.set(d.numeric.data.subarray(idx[i] * p, idx[i] * p + p), i * p);
  const c = d.categorical;
  const categorical = c && { ...c, rows: len, data: Int32Array.from({ length: len * c.cols }, (_, t) => c.data[idx[Math.floor(t / c.cols)] * c.cols + (t % c.cols)]) };
  const text = d.text && Array.from(idx, (i) => d.text![i]);
  return { ...d, numeric: { rows: len, cols: p, data: num }, ...(categorical ? { categorical } : {}), ...(text ? { text } : {}) };
}

async function fit(c: AnyClusterer, data: Dataset, opts: Record<string, unknown>, seed = 42, signal?: AbortSignal) {
  const warnings: SegkitWarning[] = [];
  const params = parseOptions(c.schema, opts, c.name);
  return c.fit(data, params, createFitContext(createRng(seed), warnings, signal ? { signal } : {}));
}

/** Registers the conformance checks for `c` in the current test file. */
export function checkClusterer(c: AnyClusterer, o: ConformanceOptions): void {
  const skipped = new Map<CheckName, string>();
  for (const s of o.skip ?? []) for (const ch of s.checks) skipped.set(ch, s.reason);
  const kind = o.dataKind ?? 'numeric';
  if (kind === 'categorical') skipped.set('nonfinite', 'categorical-only data has no numbers');
  if (kind === 'text') {
    skipped.set('nonfinite', 'text methods read the rendered text, where a missing number is the word "unknown"');
    skipped.set('feature-mismatch', 'text methods take any text; the pipeline checks the input columns');
  }
  const check = (name: CheckName, title: string, fn: () => Promise<void> | void) =>
    it(`${name}: ${title}`, skipped.has(name) ? { skip: skipped.get(name) } : {}, fn);
  const threeBlobs = (seed = 1) => blobsOf(kind, seed);

  describe(`conformance/${c.name}`, () => {
    check('deterministic', 'the same seed gives identical labels and state', async () => {
      const a = await fit(c, threeBlobs(), o.options);
      const b = await fit(c, threeBlobs(), o.options);
      assert.deepEqual(Array.from(a.labels), Array.from(b.labels));
      assert.deepEqual(a.state, b.state);
    });
    check('idempotent', 'fitting twice on the same data gives the same partition', async () => {
      const d = threeBlobs();
      const a = await fit(c, d, o.options, 7);
      const b = await fit(c, d, o.options, 7);
      expectSamePartition(a.labels, b.labels);
    });
    check('labels-equal-predict', 'training labels equal predict on the training data', async () => {
      const d = threeBlobs();
      const f = await fit(c, d, o.options);
      assert.deepEqual(Array.from(c.predict(f.state, d)), Array.from(f.labels));
    });
    check('json-round-trip', 'the state survives a JSON round trip and still predicts', async () => {
      const d = threeBlobs();
      const f = await fit(c, d, o.options);
      const back = decodeState(JSON.parse(JSON.stringify(encodeState(f.state))));
      assert.deepEqual(Array.from(c.predict(back, d)), Array.from(f.labels));
    });
    check('bad-options', 'each bad option value is rejected with E_OPTION naming the field', async () => {
      for (const bad of o.badOptions) {
        const e = await expectSegkitError(() => parseOptions(c.schema, { ...o.options, ...bad }, c.name), 'E_OPTION');
        assert.equal(e.where.field, Object.keys(bad)[0]);
      }
    });
    check('unknown-option', 'an unknown option gives E_UNKNOWN_OPTION', async () => {
      await expectSegkitError(() => parseOptions(c.schema, { ...o.options, nonsense: 1 }, c.name), 'E_UNKNOWN_OPTION');
    });
    check('empty', 'empty data gives E_DATA_EMPTY', async () => {
      await expectSegkitError(() => fit(c, pickRows(threeBlobs(), []), o.options), 'E_DATA_EMPTY');
    });
    check('nonfinite', 'NaN or Infinity gives E_DATA_NONFINITE naming the row', async () => {
      for (const bad of [NaN, Infinity]) {
        const d = threeBlobs();
        d.numeric.data[7] = bad;
        const e = await expectSegkitError(() => fit(c, d, o.options), 'E_DATA_NONFINITE');
        assert.equal(e.where.row, 4);
      }
    });
    check('too-few-rows', 'fewer rows than clusters gives E_TOO_FEW_ROWS', async () => {
      await expectSegkitError(() => fit(c, pickRows(threeBlobs(), [0, 1]), o.options), 'E_TOO_FEW_ROWS');
    });
    check('feature-mismatch', 'predict on data with another feature count gives E_FEATURE_MISMATCH', async () => {
      const f = await fit(c, threeBlobs(), o.options);
      const one = pickRows(threeBlobs(), [0]);
      const wider = kind === 'categorical'
        ? { ...one, categorical: { ...one.categorical!, cols: 4, data: new Int32Array(4), names: ['c0', 'c1', 'c2', 'c3'], levels: [...one.categorical!.levels, ['a']] } }
        : { ...one, numeric: { rows: 1, cols: 3, data: new Float64Array(3) }, featureNames: ['x0', 'x1', 'x2'] };
      await expectSegkitError(() => c.predict(f.state, wider), 'E_FEATURE_MISMATCH');
    });
    check('no-mutation', 'neither the data nor the options are mutated', async () => {
      const d = threeBlobs();
      const before = d.numeric.data.slice();
      const beforeCodes = d.categorical?.data.slice();
      const opts = structuredClone(o.options);
      const params = parseOptions(c.schema, opts, c.name);
      const frozen = structuredClone(params);
      await c.fit(d, params, createFitContext(createRng(1), []));
      assert.deepEqual(d.numeric.data, before);
      assert.deepEqual(d.categorical?.data, beforeCodes);
      assert.deepEqual(params, frozen);
      assert.deepEqual(opts, o.options);
    });
    check('row-permutation', 'permuting the rows permutes the labels', async () => {
      const d = threeBlobs();
      const f = await fit(c, d, o.options);
      const perm = createRng(5).shuffle(Int32Array.from({ length: d.numeric.rows }, (_, i) => i));
      const g = await fit(c, pickRows(d, perm), o.options);
      expectSamePartition(Array.from(perm, (p) => f.labels[p]), g.labels);
    });
    check('abort', 'an aborted signal gives E_ABORTED', async () => {
      const ac = new AbortController();
      ac.abort();
      await expectSegkitError(() => fit(c, threeBlobs(), o.options, 1, ac.signal), 'E_ABORTED');
    });
  });
}
