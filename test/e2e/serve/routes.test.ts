import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { fitModel } from '../../../src/model/fit-model.js';
import { saveModel } from '../../../src/model/save.js';
import { parseModel } from '../../../src/model/load.js';
import { predict } from '../../../src/model/predict.js';
import { predictRecords } from '../../../src/model/predict-records.js';
import { frameFromRecords } from '../../../src/data/frame.js';
import { methodNames } from '../../../src/cluster/registry.js';
import { healthSchema, modelDetailSchema, modelListSchema, predictResponseSchema } from '../../../src/serve/schemas.js';
import { call, fitMall, mall, mallRecords, post, ROW, startServer, tempDir, type TestServer } from './harness.js';

describe('e2e/serve/routes', () => {
  const tmp = tempDir('segkit-serve-');
  let srv: TestServer;
  let fit: Awaited<ReturnType<typeof fitMall>>;
  let handFile: string;

  before(async () => {
    fit = await fitMall(tmp.dir, 'mall');
    // Hand-computed case: x = 0, 0, 10, 10 standardises to -1, -1, 1, 1 (mean 5, population sd 5),
    // so k = 2 puts centers at -1 and 1.
    const hand = await fitModel(frameFromRecords([{ x: 0 }, { x: 0 }, { x: 10 }, { x: 10 }], 'hand'), { options: { nClusters: 2 }, seed: 1 });
    handFile = join(tmp.dir, 'hand.json');
    saveModel(hand.model, handFile);
    srv = await startServer([{ id: 'mall', file: fit.file }, { id: 'hand', file: handFile }]);
  });
  after(async () => {
    await srv.close();
    tmp.cleanup();
  });

  it('GET /healthz answers ok with the number of models', async () => {
    const r = await call(`${srv.url}/healthz`);
    assert.equal(r.status, 200);
    healthSchema.parse(r.body);
    assert.equal(r.body.models, 2);
  });

  it('GET /models lists each model with its method and number of segments', async () => {
    const r = await call(`${srv.url}/models`);
    assert.equal(r.status, 200);
    modelListSchema.parse(r.body);
    assert.deepEqual(r.body.models.map((m: any) => [m.id, m.method, m.segments, m.createdAt]), [
      ['mall', 'kmeans', 5, fit.model.manifest.createdAt],
      ['hand', 'kmeans', 2, parseModel(readFileSync(handFile, 'utf8')).manifest.createdAt],
    ]);
  });

  it('GET /models/{id} gives segments with names, sizes and shares, the input columns and the metrics', async () => {
    const r = await call(`${srv.url}/models/mall`);
    assert.equal(r.status, 200);
    modelDetailSchema.parse(r.body);
    assert.deepEqual(r.body.segments, fit.model.segments);
    assert.equal(r.body.segments.reduce((s: number, g: any) => s + g.size, 0), 200);
    assert.ok(Math.abs(r.body.segments.reduce((s: number, g: any) => s + g.share, 0) - 1) < 1e-12);
    assert.deepEqual(r.body.features, [
      { name: 'Gender', kind: 'categorical', levels: ['Female', 'Male'] },
      { name: 'Age', kind: 'numeric' },
      { name: 'Annual Income (k$)', kind: 'numeric' },
      { name: 'Spending Score (1-100)', kind: 'numeric' },
    ]);
    assert.equal(r.body.idColumn, 'CustomerID');
    assert.equal(r.body.trainingRows, 200);
    assert.deepEqual(r.body.metrics, JSON.parse(JSON.stringify(fit.model.metrics)));
    assert.equal(r.body.method, 'kmeans');
    assert.equal(r.body.options.nClusters, 5);
  });

  it('POST /models/{id}/predict on the 200 training rows gives the training labels, distances and confidences', async () => {
    const rows = await mallRecords();
    const r = await post(`${srv.url}/models/mall/predict`, JSON.stringify({ rows }));
    assert.equal(r.status, 200, r.text);
    predictResponseSchema.parse(r.body);
    assert.equal(r.body.model, 'mall');
    assert.equal(r.body.modelCreatedAt, fit.model.manifest.createdAt);
    const p = r.body.predictions;
    assert.deepEqual(p.map((x: any) => x.segment), Array.from(fit.labels));
    assert.deepEqual(p.map((x: any) => x.distance), Array.from(fit.distance)); // JSON keeps doubles exactly
    assert.deepEqual(p.map((x: any) => x.confidence), Array.from(fit.confidence));
    assert.deepEqual(p.map((x: any) => x.runnerUp), Array.from(fit.runnerUp));
    assert.deepEqual(p.map((x: any) => x.id), rows.map((x) => String(x.CustomerID)));
  });

  it('scores the hand-computed case: x = 6 is 0.2 after scaling, 0.8 from center 1 and 1.2 from center -1', async () => {
    const model = parseModel(readFileSync(handFile, 'utf8'));
    const high = model.segments.find((s) => s.id === predictRecords(model, [{ x: 10 }], 'x')[0].segment)!.id;
    const r = await post(`${srv.url}/models/hand/predict`, JSON.stringify({ rows: [{ x: 6 }, { x: 30 }] }));
    assert.equal(r.status, 200, r.text);
    const [a, b] = r.body.predictions;
    assert.equal(a.segment, high);
    assert.equal(a.runnerUp, 1 - high);
    assert.ok(Math.abs(a.distance - 0.8) < 1e-12);
    assert.ok(Math.abs(a.confidence - (1 - 0.8 / 1.2)) < 1e-12);
    // x = 30 scales to 5: 4 from center 1, 6 from center -1; far outside [0, 10], so novel.
    assert.ok(Math.abs(b.distance - 4) < 1e-12);
    assert.ok(Math.abs(b.confidence - (1 - 4 / 6)) < 1e-12);
    assert.equal(b.novel, true);
    assert.ok(b.noveltyReasons.some((s: string) => /x = 30 is far outside the training range \[0, 10\]/.test(s)));
  });

  it('answers { row } like the library predict, with the customer ID', async () => {
    const r = await post(`${srv.url}/models/mall/predict`, JSON.stringify({ row: ROW }));
    assert.equal(r.status, 200);
    const fresh = parseModel(readFileSync(fit.file, 'utf8'));
    assert.deepEqual(r.body.predictions, JSON.parse(JSON.stringify(predictRecords(fresh, [ROW], 'x'))));
    assert.equal(r.body.predictions[0].id, '7');
  });

  it('gives, for random rows, the same predictions one by one, as a batch, and from the library on a freshly parsed model', async () => {
    const fresh = parseModel(readFileSync(fit.file, 'utf8'));
    const row = fc.record({
      CustomerID: fc.integer({ min: 1, max: 10_000 }),
      Gender: fc.constantFrom('Female', 'Male', 'Other', null),
      Age: fc.oneof(fc.integer({ min: 10, max: 90 }), fc.constant(null)),
      'Annual Income (k$)': fc.double({ min: 0, max: 200, noNaN: true }),
      'Spending Score (1-100)': fc.integer({ min: 1, max: 100 }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 6 }), async (rows) => {
        const expected = JSON.parse(JSON.stringify(predictRecords(fresh, rows, 'x')));
        const batch = await post(`${srv.url}/models/mall/predict`, JSON.stringify({ rows }));
        assert.equal(batch.status, 200, batch.text);
        assert.deepEqual(batch.body.predictions, expected);
        for (let i = 0; i < rows.length; i++) {
          const one = await post(`${srv.url}/models/mall/predict`, JSON.stringify({ row: rows[i] }));
          assert.deepEqual(one.body.predictions, [expected[i]]);
        }
      }),
      { numRuns: 25, seed: 9 },
    );
  });

  it('serves a model of every registered method: predictions on the training rows are the training labels', async () => {
    // Per-method setup where the defaults do not fit the mall sample; any other method gets k = 3 and default preprocessing.
    const setup: Record<string, { options: Record<string, unknown>; prep?: Record<string, unknown> }> = {
      kmodes: { options: { nClusters: 2 }, prep: { features: ['Gender'] } },
      gmm: { options: { nClusters: 3 }, prep: { exclude: ['Gender'] } },
      lpa: { options: { nClusters: 3 }, prep: { exclude: ['Gender'] } },
      'lpa-kmeans': { options: { nClusters: 3 }, prep: { exclude: ['Gender'] } },
      dbscan: { options: {} }, // no cluster count: eps from the k-distance knee
      hdbscan: { options: {} },
    };
    const rows = await mallRecords();
    const fits = [];
    for (const method of methodNames()) {
      const { options, prep } = setup[method] ?? { options: { nClusters: 3 } };
      const r = await fitModel(await mall(), { method, options, prep, seed: 3 });
      const file = join(tmp.dir, `${method}.json`);
      saveModel(r.model, file);
      // hierarchical: training labels come from the tree, new rows go to the nearest segment centroid (its
      // documented predict rule), which differs for a few rows; the API must give what in-process predict gives.
      const labels = method === 'hierarchical' ? predict(r.model, await mall()).map((p) => p.segment) : Array.from(r.labels);
      fits.push({ id: method, file, labels });
    }
    const all = await startServer(fits.map(({ id, file }) => ({ id, file })), { watch: false });
    try {
      for (const f of fits) {
        const r = await post(`${all.url}/models/${f.id}/predict`, JSON.stringify({ rows }));
        assert.equal(r.status, 200, `${f.id}: ${r.text}`);
        predictResponseSchema.parse(r.body);
        assert.deepEqual(r.body.predictions.map((p: any) => p.segment), f.labels, f.id);
      }
    } finally {
      await all.close();
    }
  });

  it('writes one JSON log entry per request with method, url, status and ms', async () => {
    const before = srv.logs.length;
    await call(`${srv.url}/models/mall`);
    await post(`${srv.url}/models/nope/predict`, '{}');
    // onResponse runs after the response is sent: give it a tick.
    await new Promise((r) => setTimeout(r, 50));
    const lines = srv.logs.slice(before).filter((e) => e.event === 'request');
    assert.equal(lines.length, 2);
    assert.deepEqual(lines.map((e) => [e.method, e.url, e.status, e.model]), [['GET', '/models/mall', 200, 'mall'], ['POST', '/models/nope/predict', 404, 'nope']]);
    for (const e of lines) assert.ok(typeof e.ms === 'number' && (e.ms as number) >= 0);
  });
});
