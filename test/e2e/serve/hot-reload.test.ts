import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { saveModel } from '../../../src/model/save.js';
import { predictRecords } from '../../../src/model/predict-records.js';
import type { SegmentationModel } from '../../../src/model/artifact.js';
import { call, fitMall, post, ROW, startServer, tempDir, waitForLog, type TestServer } from './harness.js';

describe('e2e/serve/hot-reload', () => {
  const tmp = tempDir('segkit-serve-reload-');
  let srv: TestServer;
  let a: SegmentationModel;
  let b: SegmentationModel;
  let file: string;
  const rows = [ROW, { ...ROW, Age: 60, 'Spending Score (1-100)': 90 }, { ...ROW, Gender: 'Male', 'Annual Income (k$)': 120 }];
  const predictUrl = () => `${srv.url}/models/mall/predict`;
  const createdAt = async () => (await post(predictUrl(), JSON.stringify({ row: ROW }))).body.modelCreatedAt;
  /** Log entries after `n`, so each step waits for its own reload event. */
  const after_ = (n: number, event: string) => (e: Record<string, unknown>) => srv.logs.indexOf(e) >= n && e.event === event;

  before(async () => {
    const fa = await fitMall(tmp.dir, 'mall', 5, 42);
    await new Promise((r) => setTimeout(r, 5)); // distinct createdAt
    b = (await fitMall(tmp.dir, 'other', 3, 7)).model;
    a = fa.model;
    file = fa.file;
    assert.notEqual(a.manifest.createdAt, b.manifest.createdAt);
    srv = await startServer([{ id: 'mall', file }]);
  });
  after(async () => {
    await srv.close();
    tmp.cleanup();
  });

  it('keeps serving the old model when the file is replaced by garbage, and logs the error', async () => {
    const n = srv.logs.length;
    writeFileSync(file, 'this is not a model {');
    const e = (await waitForLog(srv.logs, after_(n, 'model-reload-failed'))) as { level: string; model: string; error: { code: string } };
    assert.equal(e.level, 'error');
    assert.equal(e.model, 'mall');
    assert.equal(e.error.code, 'E_MODEL_FORMAT');
    const r = await post(predictUrl(), JSON.stringify({ rows }));
    assert.equal(r.status, 200);
    assert.equal(r.body.modelCreatedAt, a.manifest.createdAt);
    assert.deepEqual(r.body.predictions, JSON.parse(JSON.stringify(predictRecords(a, rows, 'x'))));
    assert.equal((await call(`${srv.url}/models/mall`)).body.segments.length, 5);
  });

  it('keeps the old model for a half-written file and for a model that parses but cannot score (the probe row)', async () => {
    let n = srv.logs.length;
    const text = JSON.stringify(b);
    writeFileSync(file, text.slice(0, Math.floor(text.length / 2)));
    await waitForLog(srv.logs, after_(n, 'model-reload-failed'));
    assert.equal(await createdAt(), a.manifest.createdAt);
    n = srv.logs.length;
    writeFileSync(file, JSON.stringify({ ...b, clusterer: { ...b.clusterer, state: { centers: [[1, 2]], nFeatures: 2 } } }));
    const e = (await waitForLog(srv.logs, after_(n, 'model-reload-failed'))) as { error: { code: string; message: string } };
    assert.equal(e.error.code, 'E_MODEL_FORMAT');
    assert.match(e.error.message, /cannot score a row/);
    assert.equal(await createdAt(), a.manifest.createdAt);
  });

  it('serves the new model once a valid file replaces it (atomic rename), and says so in the log', async () => {
    const n = srv.logs.length;
    saveModel(b, file);
    await waitForLog(srv.logs, after_(n, 'model-reloaded'));
    const r = await post(predictUrl(), JSON.stringify({ rows }));
    assert.equal(r.body.modelCreatedAt, b.manifest.createdAt);
    assert.deepEqual(r.body.predictions, JSON.parse(JSON.stringify(predictRecords(b, rows, 'x'))));
    const m = await call(`${srv.url}/models/mall`);
    assert.equal(m.body.segments.length, 3);
    assert.equal(m.body.createdAt, b.manifest.createdAt);
  });

  it('never answers from a half-loaded model while files are swapped under load', async () => {
    const expected = new Map([
      [a.manifest.createdAt, JSON.parse(JSON.stringify(predictRecords(a, rows, 'x')))],
      [b.manifest.createdAt, JSON.parse(JSON.stringify(predictRecords(b, rows, 'x')))],
    ]);
    const writes = [() => saveModel(a, file), () => writeFileSync(file, '{"format": "segkit-model", '), () => saveModel(b, file), () => writeFileSync(file, JSON.stringify(a))];
    const seen = new Set<string>();
    for (let round = 0; round < 8; round++) {
      writes[round % writes.length]();
      const answers = await Promise.all(Array.from({ length: 25 }, () => post(predictUrl(), JSON.stringify({ rows }))));
      for (const r of answers) {
        assert.equal(r.status, 200, r.text);
        assert.ok(expected.has(r.body.modelCreatedAt));
        assert.deepEqual(r.body.predictions, expected.get(r.body.modelCreatedAt));
        seen.add(r.body.modelCreatedAt);
      }
      await new Promise((r) => setTimeout(r, 60));
    }
    assert.equal(seen.size, 2, 'both models were served during the swaps');
    assert.equal(readFileSync(file, 'utf8'), JSON.stringify(a));
  });

  it('reloads when a Kubernetes-style ..data symlink is swapped (the file name itself never changes)', async () => {
    const dir = join(tmp.dir, 'configmap');
    mkdirSync(join(dir, 'v1'), { recursive: true });
    mkdirSync(join(dir, 'v2'));
    saveModel(a, join(dir, 'v1', 'model.json'));
    saveModel(b, join(dir, 'v2', 'model.json'));
    symlinkSync('v1', join(dir, '..data'));
    symlinkSync(join('..data', 'model.json'), join(dir, 'model.json'));
    const srv3 = await startServer([{ id: 'cm', file: join(dir, 'model.json') }]);
    try {
      assert.equal((await post(`${srv3.url}/models/cm/predict`, JSON.stringify({ row: ROW }))).body.modelCreatedAt, a.manifest.createdAt);
      symlinkSync('v2', join(dir, '..data_tmp'));
      renameSync(join(dir, '..data_tmp'), join(dir, '..data'));
      await waitForLog(srv3.logs, (e) => e.event === 'model-reloaded');
      assert.equal((await post(`${srv3.url}/models/cm/predict`, JSON.stringify({ row: ROW }))).body.modelCreatedAt, b.manifest.createdAt);
    } finally {
      await srv3.close();
    }
  });

  it('reloads a model given under another directory and id (id=path)', async () => {
    const other = join(tmp.dir, 'other.json');
    const srv2 = await startServer([{ id: 'b', file: other }]);
    try {
      const n = srv2.logs.length;
      saveModel(a, other);
      await waitForLog(srv2.logs, (e) => srv2.logs.indexOf(e) >= n && e.event === 'model-reloaded');
      const r = await post(`${srv2.url}/models/b/predict`, JSON.stringify({ row: ROW }));
      assert.equal(r.body.modelCreatedAt, a.manifest.createdAt);
    } finally {
      await srv2.close();
    }
  });
});
