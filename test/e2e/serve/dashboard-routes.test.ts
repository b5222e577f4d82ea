import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import { loadModel } from '../../../src/model/load.js';
import { scoreFrame } from '../../../src/model/predict.js';
import { call, fitMall, mall, MALL, post, startServer, tempDir, waitForLog, type TestServer } from './harness.js';
import { DIST, ensureBuilt } from '../dashboard/browser.js';

describe('e2e/serve: the dashboard routes', () => {
  const tmp = tempDir('segkit-serve-dashboard-');
  let srv: TestServer, bare: TestServer, file: string, labels: Int32Array;
  before(async () => {
    ensureBuilt();
    file = (await fitMall(tmp.dir, 'mall')).file;
    labels = scoreFrame(loadModel(file), await mall()).labels;
    srv = await startServer([{ id: 'mall', file }], { customers: resolve(MALL), dashboard: DIST, token: 'tok', value: 'Annual Income (k$)' });
    bare = await startServer([{ id: 'mall', file }], { watch: false });
  });
  after(async () => {
    await srv.close();
    await bare.close();
    tmp.cleanup();
  });
  const auth = { authorization: 'Bearer tok' };
  const get = (path: string) => call(srv.url + path, { headers: auth });

  it('overview: sizes of the scored table (= the library\'s labels), value shares summing to 1, the report\'s chart ids', async () => {
    const r = await get('/models/mall/overview');
    assert.equal(r.status, 200);
    assert.equal(r.body.customers, 200);
    for (const s of r.body.segments) assert.equal(s.size, labels.filter((l) => l === s.id).length);
    assert.ok(Math.abs(r.body.segments.reduce((a: number, s: { valueShare: number }) => a + s.valueShare, 0) - 1) < 1e-9);
    assert.deepEqual(r.body.charts.map((c: { id: string }) => c.id), ['sizes', 'profile-heatmap', 'projection', 'distribution-spending-score-1-100', 'distribution-age', 'confidence']);
    assert.equal(r.body.notice, null);
    const light = await get('/models/mall/overview?charts=0');
    assert.deepEqual(light.body.charts, []);
    assert.deepEqual(light.body.segments, r.body.segments);
    assert.equal((await get('/models/mall/overview?charts=2')).status, 400);
  });

  it('members: pages of one segment concatenate to its rows in table order; search by id; limits validated', async () => {
    const want = [...labels.keys()].filter((i) => labels[i] === 2).map((i) => String(i + 1)); // mall IDs are 1..200
    const got: string[] = [];
    for (let offset = 0; offset < want.length; offset += 7) {
      const r = await get(`/models/mall/members?segment=2&offset=${offset}&limit=7`);
      assert.equal(r.status, 200);
      assert.equal(r.body.total, want.length);
      assert.ok(r.body.members.length <= 7);
      got.push(...r.body.members.map((m: { id: string; segment: number }) => (assert.equal(m.segment, 2), m.id)));
    }
    assert.deepEqual(got, want);
    const q = await get('/models/mall/members?q=19&limit=100');
    assert.deepEqual(q.body.members.map((m: { id: string }) => m.id), ['19', '119', '190', '191', '192', '193', '194', '195', '196', '197', '198', '199']);
    assert.equal(q.body.total, 12);
    const bad = await get('/models/mall/members?limit=5000');
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.where.field, 'limit');
    assert.equal((await get('/models/mall/members?segment=9')).status, 404);
    assert.equal((await get('/models/mall/members?offset=-1')).status, 400);
  });

  it('members.csv: every member of the segment with the header, as text/csv', async () => {
    const r = await get('/models/mall/members.csv?segment=0');
    assert.equal(r.status, 200);
    assert.match(r.headers.get('content-type') ?? '', /^text\/csv/);
    const lines = r.text.trim().split('\n');
    assert.equal(lines[0], 'id,segment,segment_name,confidence');
    assert.equal(lines.length - 1, labels.filter((l) => l === 0).length);
  });

  it('segment: the report card of the segment and its distributions', async () => {
    const r = await get('/models/mall/segments/3');
    assert.equal(r.status, 200);
    assert.ok(r.body.card.apart.length > 0);
    assert.ok(r.body.charts.every((c: { id: string }) => c.id.startsWith('distribution-')));
    assert.equal((await get('/models/mall/segments/7')).status, 404);
    assert.equal((await get('/models/mall/segments/x')).status, 400);
  });

  it('rename: needs the token, validates the name, writes the model file, reloads once', async () => {
    const url = `${srv.url}/models/mall/segments/1/name`;
    assert.equal((await post(url, JSON.stringify({ name: 'Loyal' }))).status, 401);
    assert.equal((await post(url, JSON.stringify({ name: '  ' }), auth)).status, 400);
    const other = loadModel(file).segments[0].name;
    const dup = await post(url, JSON.stringify({ name: other.toUpperCase() }), auth);
    assert.equal(dup.status, 400);
    const r = await post(url, JSON.stringify({ name: ' Loyal ' }), auth);
    assert.equal(r.status, 200, r.text);
    assert.equal(r.body.name, 'Loyal');
    assert.equal(loadModel(file).segments[1].name, 'Loyal');
    await waitForLog(srv.logs, (e) => e.event === 'model-reloaded');
    await new Promise((res) => setTimeout(res, 300));
    assert.equal(srv.logs.filter((e) => e.event === 'model-reloaded').length, 1);
    assert.equal((await get('/models/mall/overview')).body.segments[1].name, 'Loyal');
    assert.equal((await get('/models/mall/members?segment=1&limit=1')).body.members[0].segmentName, 'Loyal');
  });

  it('without a customer table: sizes from the model, no charts, and members say how to enable them', async () => {
    const o = await call(`${bare.url}/models/mall/overview`);
    assert.equal(o.status, 200);
    assert.equal(o.body.customers, null);
    assert.deepEqual(o.body.charts, []);
    assert.match(o.body.notice, /--customers/);
    const m = await call(`${bare.url}/models/mall/members`);
    assert.equal(m.status, 400);
    assert.match(m.body.error.message, /--customers/);
  });

  it('serves the built dashboard at / without a token, nothing outside assets/, and no dashboard unless asked', async () => {
    const index = await call(`${srv.url}/`);
    assert.equal(index.status, 200);
    assert.match(index.headers.get('content-type') ?? '', /^text\/html/);
    assert.equal(index.text, readFileSync(resolve(DIST, 'index.html'), 'utf8'));
    const js = index.text.match(/\/assets\/[^"]+\.js/)![0];
    const asset = await call(srv.url + js);
    assert.equal(asset.status, 200);
    assert.match(asset.headers.get('content-type') ?? '', /javascript/);
    // Paths out of assets/ are refused (404 by the file handler, or 401/404 as unknown routes).
    for (const path of ['/assets/..%2F..%2Fpackage.json', '/assets/%2e%2e/%2e%2e/package.json', '/assets/../../package.json', '/assets/x.exe', '/index.html']) {
      const r = await call(srv.url + path);
      assert.ok(r.status === 404 || r.status === 401, `${path}: ${r.status}`);
      assert.doesNotMatch(r.text, /"name": "segkit"/);
    }
    assert.equal((await call(`${srv.url}/models`)).status, 401, 'the API still needs the token');
    assert.equal((await call(`${bare.url}/`)).status, 404);
  });

  it('refuses to start with --dashboard when the dashboard is not built, saying how to build it', async () => {
    await assert.rejects(startServer([{ id: 'mall', file }], { dashboard: tmp.dir, watch: false }), (e: any) => e.code === 'E_NOT_FOUND' && /npm run build/.test(e.message));
  });
});
