import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { call, fitMall, mall, startServer, tempDir, type TestServer } from './harness.js';
import { openStore } from '../../../src/track/store.js';
import { recordSnapshot } from '../../../src/track/snapshot.js';
import { migrations } from '../../../src/track/transitions.js';

describe('e2e/serve: GET /models/{id}/snapshots and GET /migrations', () => {
  const tmp = tempDir('segkit-serve-track-');
  let srv: TestServer, bare: TestServer;
  const store = join(tmp.dir, 'store.duckdb');
  before(async () => {
    const fit = await fitMall(tmp.dir, 'mall');
    const other = await fitMall(tmp.dir, 'other', 3, 1);
    const ids = (await mall()).columns[0].values;
    const db = await openStore(store);
    const ids2 = Array.from(ids as Float64Array, String);
    await recordSnapshot(db, { model: fit.model, asOf: '2024-01-31', ids: ids2, labels: fit.labels, confidence: fit.confidence, dataHash: 'a' });
    // A month later: every tenth customer moved to the next segment, and the last 20 left.
    const moved = fit.labels.map((l, i) => (i % 10 === 0 ? (l + 1) % 5 : l));
    await recordSnapshot(db, { model: fit.model, asOf: '2024-02-29', ids: ids2.slice(0, 180), labels: moved.slice(0, 180), confidence: fit.confidence.slice(0, 180), dataHash: 'b' });
    await db.close();
    srv = await startServer([{ id: 'mall', file: fit.file }, { id: 'other', file: other.file }], { watch: false, store });
    bare = await startServer([{ id: 'mall', file: fit.file }], { watch: false });
  });
  after(async () => {
    await srv.close();
    await bare.close();
    tmp.cleanup();
  });

  it('lists the snapshots of a served model with customers per segment', async () => {
    const r = await call(`${srv.url}/models/mall/snapshots`);
    assert.equal(r.status, 200, r.text);
    assert.deepEqual(r.body.snapshots.map((s: any) => [s.asOf, s.customers]), [['2024-01-31', 200], ['2024-02-29', 180]]);
    assert.equal(r.body.snapshots[0].segments.reduce((a: number, s: any) => a + s.count, 0), 200);
    const none = await call(`${srv.url}/models/other/snapshots`);
    assert.deepEqual(none.body, { id: 'other', storeModel: null, snapshots: [] });
  });

  it('GET /migrations answers what the library computes', async () => {
    const r = await call(`${srv.url}/migrations?from=2024-01-31&to=2024-02-29`);
    assert.equal(r.status, 200, r.text);
    const db = await openStore(store);
    const want = await migrations(db, { from: '2024-01-31', to: '2024-02-29' });
    await db.close();
    const { charts, ...numbers } = r.body;
    assert.deepEqual(numbers, JSON.parse(JSON.stringify(want)));
    assert.deepEqual(charts.map((c: { id: string }) => c.id), ['transitions']);
    assert.equal(r.body.lostCustomers, 20);
    assert.equal(r.body.left.reduce((a: number, b: number) => a + b, 0), 18);
  });

  it('bad queries: 400 naming the field; unknown date 404; no store 404 with a hint', async () => {
    const order = await call(`${srv.url}/migrations?from=2024-02-29&to=2024-01-31`);
    assert.equal(order.status, 400);
    assert.match(order.body.error.message, /must be an earlier date/);
    const missing = await call(`${srv.url}/migrations?from=2024-01-31`);
    assert.equal(missing.status, 400);
    assert.match(missing.body.error.message, /to/);
    const unknown = await call(`${srv.url}/migrations?from=2023-01-31&to=2024-02-29`);
    assert.equal(unknown.status, 404);
    const noStore = await call(`${bare.url}/migrations?from=2024-01-31&to=2024-02-29`);
    assert.equal(noStore.status, 404);
    assert.match(noStore.body.error.message, /--store/);
  });
});
