import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { tempDir } from '../../helpers/temp.js';
import { fitMall, MALL, ROW, startServer, type TestServer } from './harness.js';
import { buildSimilarityIndex, findSimilar, indexRow, indexVector } from '../../../src/model/similar.js';
import { readFrame } from '../../../src/data/read-frame.js';
import { parseSourceSpec } from '../../../src/data/source-spec.js';
import { resolveIds } from '../../../src/data/ids.js';

describe('e2e/serve: POST /models/{id}/similar', () => {
  let t: TestServer, bare: TestServer, cleanup: () => void, fitted: Awaited<ReturnType<typeof fitMall>>;
  before(async () => {
    const d = tempDir();
    cleanup = d.cleanup;
    fitted = await fitMall(d.dir, 'mall');
    t = await startServer([{ id: 'mall', file: fitted.file }], { customers: resolve(MALL) });
    bare = await startServer([{ id: 'mall', file: fitted.file }]);
  });
  after(async () => {
    await t?.close();
    await bare?.close();
    cleanup?.();
  });
  const post = async (s: TestServer, body: unknown) => {
    const r = await fetch(`${s.url}/models/mall/similar`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: r.status, body: (await r.json()) as any };
  };

  it('answers like the library for a customer of the table, leaving that customer out', async () => {
    const r = await post(t, { customer: '5', top: 4, sameSegment: true });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    const frame = await readFrame(parseSourceSpec(MALL));
    const idx = buildSimilarityIndex(fitted.model, frame, resolveIds(frame, 'CustomerID').ids);
    const i = indexRow(idx, '5');
    const want = findSimilar(idx, indexVector(idx, i), { top: 4, exclude: i, segment: idx.labels[i] });
    assert.deepEqual(r.body.similar.map((s: any) => [s.id, s.score]), want.map((w) => [w.id, w.score]));
    assert.equal(r.body.segment, idx.labels[i]);
  });

  it('finds customers like a new row, by cosine', async () => {
    const r = await post(t, { row: ROW, top: 3, metric: 'cosine' });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.body.similar.length, 3);
    assert.ok(r.body.similar[0].score >= r.body.similar[2].score);
  });

  it('names an unknown customer (404), both or neither of customer/row (400), and a server without a table (400)', async () => {
    const a = await post(t, { customer: 'nope' });
    assert.equal(a.status, 404);
    assert.match(a.body.error.message, /Customer "nope" is not among the 200 customers/);
    assert.equal((await post(t, {})).status, 400);
    assert.equal((await post(t, { customer: '5', row: ROW })).status, 400);
    const b = await post(bare, { customer: '5' });
    assert.equal(b.status, 400);
    assert.match(b.body.error.message, /--customers <table>/);
    assert.equal((await post(t, { customer: '5', extra: 1 })).status, 400);
  });
});
