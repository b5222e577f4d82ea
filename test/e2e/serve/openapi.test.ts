import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { API_ROUTES } from '../../../src/serve/api-routes.js';
import { assembleOpenApi } from '../../../src/serve/openapi.js';
import { resolve } from 'node:path';
import { call, fitMall, MALL, post, ROW, startServer, tempDir, type TestServer } from './harness.js';
import { openStore } from '../../../src/track/store.js';
import { recordSnapshot } from '../../../src/track/snapshot.js';

const DOC = new URL('../../../docs/openapi.json', import.meta.url);

describe('e2e/serve/openapi', () => {
  const tmp = tempDir('segkit-serve-openapi-');
  let srv: TestServer;
  const text = JSON.stringify(assembleOpenApi(API_ROUTES), null, 2) + '\n';
  before(async () => {
    const fit = await fitMall(tmp.dir, 'mall');
    // Two snapshots, so the store routes have something to answer.
    const store = resolve(tmp.dir, 'store.duckdb');
    const db = await openStore(store);
    for (const asOf of ['2024-01-31', '2024-02-29']) await recordSnapshot(db, { model: fit.model, asOf, ids: fit.ids, labels: fit.labels, confidence: fit.confidence, dataHash: 'h' });
    await db.close();
    srv = await startServer([{ id: 'mall', file: fit.file }], { watch: false, customers: resolve(MALL), store });
  });
  after(async () => {
    await srv.close();
    tmp.cleanup();
  });

  it('docs/openapi.json is the document generated from the route table (UPDATE_GOLDEN=1 rewrites it)', () => {
    if (process.env.UPDATE_GOLDEN || !existsSync(DOC)) {
      mkdirSync(new URL('.', DOC), { recursive: true });
      writeFileSync(DOC, text);
    }
    const committed = readFileSync(DOC, 'utf8');
    if (committed !== text) writeFileSync(new URL('./openapi.changed.json', DOC), text);
    assert.equal(committed, text, 'the API changed: review docs/openapi.changed.json, then run with UPDATE_GOLDEN=1');
  });

  it('GET /openapi.json serves the committed document', async () => {
    const r = await call(`${srv.url}/openapi.json`);
    assert.equal(r.status, 200);
    assert.equal(JSON.stringify(r.body, null, 2) + '\n', readFileSync(DOC, 'utf8'));
  });

  it('documents every route exactly once, with unique operation ids and resolvable references', () => {
    const doc = assembleOpenApi(API_ROUTES) as { openapi: string; paths: Record<string, Record<string, { operationId: string }>> };
    assert.equal(doc.openapi, '3.1.0');
    const ops = Object.entries(doc.paths).flatMap(([path, methods]) => Object.entries(methods).map(([m, op]) => [`${m.toUpperCase()} ${path}`, op.operationId]));
    assert.deepEqual(ops.map((o) => o[0]).sort(), API_ROUTES.map((r) => `${r.method} ${r.path}`).sort());
    assert.equal(new Set(ops.map((o) => o[1])).size, ops.length);
    const refs = [...text.matchAll(/"\$ref": "#\/([^"]+)"/g)].map((m) => m[1]);
    assert.ok(refs.length > 0);
    for (const ref of refs) {
      const target = ref.split('/').reduce<any>((node, key) => node?.[key], doc);
      assert.ok(target !== undefined, `unresolved $ref #/${ref}`);
    }
  });

  it('every documented operation answers 200 on the running server', async () => {
    for (const r of API_ROUTES) {
      const url = srv.url + r.path.replace('{id}', 'mall').replace('{segment}', '0') + (r.path === '/migrations' ? '?from=2024-01-31&to=2024-02-29' : '');
      const body = r.operationId === 'renameSegment' ? { name: 'Renamed in the OpenAPI test' } : { row: ROW };
      const answer = r.method === 'POST' ? await post(url, JSON.stringify(body)) : await call(url);
      assert.equal(answer.status, 200, `${r.method} ${r.path}: ${answer.text}`);
      r.response.parse(answer.body);
    }
  });
});
