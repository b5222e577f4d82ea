import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { kmedoidsClusterer } from '../../src/cluster/kmedoids.js';
import { MAX_MATRIX_ROWS } from '../../src/cluster/kmedoids-matrix.js';
import { createRng } from '../../src/math/rng.js';
import { msg } from '../../src/messages.js';
import { expectSamePartition, expectSegkitError } from '../helpers/expect.js';
import { dataset, fitKMedoids as fit } from './kmedoids-helpers.js';

const small = () => dataset([[1, 10], [2, 10], [3, 10], [20, 10], [21, 10], [22, 10]], [[0, 1], [0, 1], [0, 0], [1, 2], [1, 2], [1, 2]]);

describe('cluster/kmedoids: bad input', () => {
  it('k larger than the number of distinct rows: E_TOO_FEW_ROWS naming both numbers', async () => {
    const d = dataset([[1], [1], [2], [2], [1], [2]], [[0], [0], [1], [1], [0], [1]]);
    const e = await expectSegkitError(() => fit(d, { nClusters: 3 }), 'E_TOO_FEW_ROWS', msg.fewerDistinctRows('kmedoids', 3, 2));
    assert.equal(e.where.field, 'nClusters');
    assert.match(e.message, /nClusters=3.*only 2 distinct rows/);
  });

  it('rows that differ only in a category are distinct under Gower', async () => {
    const d = dataset([[1], [1], [1]], [[0], [1], [2]]);
    const f = await fit(d, { nClusters: 3 });
    assert.equal(f.diagnostics.cost, 0);
  });

  it(`more than ${MAX_MATRIX_ROWS.toLocaleString('en-US')} rows with algorithm 'pam': E_OPTION with advice, before any big allocation`, async () => {
    const n = MAX_MATRIX_ROWS + 1;
    const d = dataset(Array.from({ length: n }, (_, i) => [i]));
    const e = await expectSegkitError(() => fit(d, { nClusters: 2, algorithm: 'pam' }), 'E_OPTION', msg.kmedoidsTooManyRows(n, MAX_MATRIX_ROWS));
    assert.equal(e.where.field, 'algorithm');
    assert.match(e.message, /10,001 × 10,001.*at most 10,000 rows.*'clara'/);
  });

  it('an all-constant numeric column: range 0, term 0, no NaN (Gower and Euclidean)', async () => {
    const d = small(); // column x1 is 10 everywhere
    for (const metric of ['gower', 'euclidean'] as const) {
      const data = metric === 'gower' ? d : { ...d, categorical: undefined };
      const f = await fit(data, { nClusters: 2, metric });
      assert.ok(Number.isFinite(f.diagnostics.cost));
      const dist = kmedoidsClusterer.distances!(f.state, data);
      assert.ok(dist.data.every((v) => Number.isFinite(v)));
      expectSamePartition(f.labels, [0, 0, 0, 1, 1, 1]);
      if (metric === 'gower') assert.equal(f.state.gower!.range[1], 0);
    }
  });

  it("metric 'euclidean' on data with categories: E_OPTION naming the columns", async () => {
    const e = await expectSegkitError(() => fit(small(), { nClusters: 2, metric: 'euclidean' }), 'E_OPTION', msg.kmedoidsEuclideanWithCategories(['c0', 'c1']));
    assert.equal(e.where.field, 'metric');
  });

  it('explicit medoids: wrong count, a row outside the data, a repeated row, or with CLARA', async () => {
    const cases: [unknown, string][] = [
      [[0], msg.kmedoidsInitLength(1, 2)],
      [[0, 6], msg.kmedoidsInitRow(6, 6)],
      [[3, 3], msg.kmedoidsInitDuplicate(3)],
    ];
    for (const [init, message] of cases) {
      const e = await expectSegkitError(() => fit(small(), { nClusters: 2, init }), 'E_OPTION', message);
      assert.equal(e.where.field, 'init');
    }
    await expectSegkitError(() => fit(small(), { nClusters: 2, init: [0, 3], algorithm: 'clara' }), 'E_OPTION', msg.kmedoidsExplicitNeedsPam());
  });

  it('column weights: an unknown column, all zero, a negative weight', async () => {
    const e = await expectSegkitError(() => fit(small(), { nClusters: 2, columnWeights: { age: 2 } }), 'E_OPTION', msg.columnWeightUnknown('age', ['x0', 'x1', 'c0', 'c1']));
    assert.equal(e.where.field, 'columnWeights');
    await expectSegkitError(() => fit(small(), { nClusters: 2, columnWeights: { x0: 0, x1: 0, c0: 0, c1: 0 } }), 'E_OPTION', msg.columnWeightsAllZero());
    await expectSegkitError(() => fit(small(), { nClusters: 2, columnWeights: { x0: -1 } }), 'E_OPTION');
  });

  it('predict with the wrong number of categorical columns: E_FEATURE_MISMATCH', async () => {
    const f = await fit(small(), { nClusters: 2 });
    const one = dataset([[1, 10]], [[0]]);
    await expectSegkitError(() => kmedoidsClusterer.predict(f.state, one), 'E_FEATURE_MISMATCH');
  });
});

describe('cluster/kmedoids: behaviour', () => {
  it('column weights change what counts: a heavy column decides the segments', async () => {
    // Numbers split rows {0,1,2} | {3,4,5}; column c0 splits {0,1,3} | {2,4,5}.
    const d = dataset([[0], [1], [2], [10], [11], [12]], [[0], [0], [1], [0], [1], [1]]);
    expectSamePartition((await fit(d, { nClusters: 2, columnWeights: { x0: 10 } })).labels, [0, 0, 0, 1, 1, 1]);
    expectSamePartition((await fit(d, { nClusters: 2, columnWeights: { c0: 10 } })).labels, [0, 0, 1, 0, 1, 1]);
  });

  it('new rows: an unseen level mismatches every medoid, numbers beyond the range are clamped to it', async () => {
    const f = await fit(small(), { nClusters: 2 });
    // medoids are rows 1 (2, 10, l0, l1) and 4 (21, 10, l1, l2); ranges 21 and 0
    assert.deepEqual(f.state.medoidRows.slice().sort(), [1, 4]);
    const fresh = dataset([[500, 10], [-500, 10]], [[-1, -1], [-1, -1]]);
    const dist = kmedoidsClusterer.distances!(f.state, fresh);
    const at = (r: number, m: number) => dist.data[r * 2 + f.state.medoidRows.indexOf(m)];
    assert.equal(at(0, 4), (1 / 21 + 0 + 1 + 1) / 4); // 500 → 22
    assert.equal(at(0, 1), (20 / 21 + 0 + 1 + 1) / 4);
    assert.equal(at(1, 1), (1 / 21 + 0 + 1 + 1) / 4); // −500 → 1
    assert.deepEqual(Array.from(kmedoidsClusterer.predict(f.state, fresh)), [f.state.medoidRows.indexOf(4), f.state.medoidRows.indexOf(1)]);
  });

  it('the state holds the medoids themselves: numbers, codes and level names', async () => {
    const f = await fit(small(), { nClusters: 2 });
    const i = f.state.medoidRows.indexOf(4);
    assert.deepEqual(f.state.medoidNumbers[i], [21, 10]);
    assert.deepEqual(f.state.medoidCodes[i], [1, 2]);
    assert.deepEqual(f.state.medoidLevels[i], ['l1', 'l2']);
    assert.equal(f.state.algorithm, 'pam');
    assert.equal(kmedoidsClusterer.nClusters(f.state), 2);
  });

  it('CLARA with one sample of all rows is PAM', async () => {
    const rng = createRng(9);
    const d = dataset(Array.from({ length: 120 }, () => [rng.normal(), rng.normal()]), Array.from({ length: 120 }, () => [rng.int(3)]));
    const pam = await fit(d, { nClusters: 4 });
    const clara = await fit(d, { nClusters: 4, algorithm: 'clara', samples: 1, sampleSize: 120 });
    assert.deepEqual(clara.state.medoidRows.slice().sort(), pam.state.medoidRows.slice().sort());
    assert.equal(clara.diagnostics.cost, pam.diagnostics.cost);
    assert.equal(clara.state.algorithm, 'clara');
    assert.deepEqual(clara.warnings.map((w) => w.code), ['W_SAMPLED']);
  });

  it(`above ${MAX_MATRIX_ROWS.toLocaleString('en-US')} rows 'auto' runs CLARA and finds well-separated segments`, async () => {
    const rng = createRng(4), n = 12_000;
    const truth = Array.from({ length: n }, (_, i) => i % 3);
    const num = truth.map((g) => [g * 10 + rng.normal(), -g * 5 + rng.normal()]);
    const cat = truth.map((g) => [g, rng.int(4)]); // one column follows the segment, one is noise
    const f = await fit(dataset(num, cat), { nClusters: 3 });
    assert.equal(f.state.algorithm, 'clara');
    expectSamePartition(f.labels, truth);
    assert.match(f.warnings[0].message, /5 samples of 1,000 of the 12,000 rows/);
  });
});

describe('cluster/kmedoids: through fitModel and the model file (level codes from the pipeline)', () => {
  it('a mixed table gets Gower on numbers and level codes; scoring the saved model gives the same segments', async () => {
    const { frameFromRecords } = await import('../../src/data/frame.js');
    const { fitModel } = await import('../../src/model/fit-model.js');
    const { scoreFrame } = await import('../../src/model/predict.js');
    const rng = createRng(12);
    const plans = ['basic', 'plus', 'pro'];
    const records = Array.from({ length: 90 }, (_, i) => ({
      customer_id: `c${i}`,
      age: Math.round(25 + 15 * (i % 3) + 4 * rng.normal()),
      spend: Math.round(100 * (1 + (i % 3)) * (1 + 0.2 * rng.normal())),
      plan: rng.float() < 0.85 ? plans[i % 3] : plans[rng.int(3)],
      active: rng.float() < 0.5 ? 'yes' : 'no',
    }));
    const frame = frameFromRecords(records);
    const fitted = await fitModel(frame, { method: 'kmedoids', options: { nClusters: 3 }, seed: 1 });
    const state = fitted.model.clusterer.state as any;
    assert.equal(fitted.model.clusterer.method, 'kmedoids');
    assert.equal(state.metric, 'gower');
    assert.deepEqual([...state.categoricalColumns].sort(), ['active', 'plan']);
    const back = JSON.parse(JSON.stringify(fitted.model));
    const scored = scoreFrame(back, frame);
    assert.deepEqual(Array.from(scored.labels), Array.from(fitted.labels));
    assert.ok(scored.distance.every((d) => d >= 0 && d <= 1), 'Gower distances in [0, 1]');
    const fresh = scoreFrame(back, frameFromRecords([{ customer_id: 'n1', age: 300, spend: 120, plan: 'enterprise', active: 'no' }]));
    assert.ok(fresh.labels[0] >= 0);
    assert.ok(fresh.notes[0].some((n) => n.includes('enterprise')), 'the unseen level is noted');
  });
});

describe('cluster/kmedoids: maxIter', () => {
  it('stopping at maxIter while swaps still help warns W_NOT_CONVERGED', async () => {
    const rng = createRng(2);
    const d = dataset(Array.from({ length: 200 }, () => [rng.normal(), rng.normal()]));
    const f = await fit(d, { nClusters: 6, init: [0, 1, 2, 3, 4, 5], swap: 'steepest', maxIter: 1 });
    assert.equal(f.diagnostics.converged, 0);
    assert.equal(f.diagnostics.swaps, 1);
    assert.deepEqual(f.warnings.map((w) => w.message), [msg.kmedoidsNotConverged(1, 'steepest')]);
  });
});

describe('cluster/kmedoids: the Float32 matrix above 4,096 rows', () => {
  it('holds every dissimilarity rounded to float32, symmetric, zero on the diagonal; the fit labels by the double kernel', async () => {
    const { F64_MATRIX_ROWS, distanceMatrix } = await import('../../src/cluster/kmedoids-matrix.js');
    const { metricRows, dissimilarity } = await import('../../src/cluster/kmedoids-metric.js');
    const { fitGowerScale } = await import('../../src/math/gower.js');
    const rng = createRng(8), n = F64_MATRIX_ROWS + 100;
    const d = dataset(Array.from({ length: n }, (_, i) => [(i % 4) * 10 + rng.normal(), rng.normal()]), Array.from({ length: n }, (_, i) => [i % 4, rng.int(3)]));
    const x = { num: d.numeric, cat: { cols: 2, data: d.categorical!.data } };
    const rows = metricRows('gower', fitGowerScale(x.num, 2), x.num, x.cat);
    const m = distanceMatrix(rows);
    assert.ok(m.data instanceof Float32Array);
    for (let t = 0; t < 2000; t++) {
      const i = rng.int(n), j = rng.int(n);
      assert.equal(m.data[i * n + j], Math.fround(dissimilarity(rows, i, rows, j)));
      assert.equal(m.data[i * n + j], m.data[j * n + i]);
      assert.equal(m.data[i * n + i], 0);
    }
    const f = await fit(d, { nClusters: 4 });
    assert.deepEqual(Array.from(kmedoidsClusterer.predict(f.state, d)), Array.from(f.labels));
    const truth = Array.from({ length: n }, (_, i) => i % 4);
    expectSamePartition(f.labels, truth);
  });
});
