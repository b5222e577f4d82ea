/**
 * The dashboard in headless Chromium against a real server (127.0.0.1, ephemeral port) with a model
 * fitted in the test: every page, charts drawn, members paging/search/CSV, the new-customer form
 * against the library's predict, rename written to the model file; no console errors, no request
 * leaves 127.0.0.1. Screenshots go to test-output/dashboard/.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { loadModel } from '../../../src/model/load.js';
import { predictRecords } from '../../../src/model/predict-records.js';
import { call, fitMall, MALL, startServer, tempDir, waitForLog, type TestServer } from '../serve/harness.js';
import { DIST, SHOTS, drawnCharts, ensureBuilt, launch, watchedPage, type WatchedPage } from './browser.js';

const NEW_CUSTOMER = { Gender: 'Female', Age: '35', 'Annual Income (k$)': '18', 'Spending Score (1-100)': '6' };

describe('e2e/dashboard: pages', () => {
  const tmp = tempDir('segkit-dashboard-');
  let srv: TestServer, ctx: BrowserContext, w: WatchedPage, file: string;
  before(async () => {
    ensureBuilt();
    file = (await fitMall(tmp.dir, 'mall')).file;
    srv = await startServer([{ id: 'mall', file }], { customers: resolve(MALL), value: 'Annual Income (k$)', dashboard: DIST });
    ctx = await launch(join(tmp.dir, 'profile'));
    w = await watchedPage(ctx);
  });
  after(async () => {
    await ctx?.close();
    await srv?.close();
    tmp.cleanup();
  });

  it('lists the models and opens the overview with every chart drawn', async () => {
    const { page } = w;
    await page.goto(`${srv.url}/`);
    await page.waitForSelector('#models a');
    assert.deepEqual(await page.$$eval('#models tbody th', (t) => t.map((x) => x.textContent)), ['mall']);
    await page.screenshot({ path: join(SHOTS, '1-models.png'), fullPage: true });
    await page.click('#models a');
    await page.waitForSelector('#segments tbody tr');
    const api = (await call(`${srv.url}/models/mall/overview`)).body;
    assert.equal(await page.$$eval('#segments tbody tr', (r) => r.length), 5);
    const names = await page.$$eval('#segments tbody th a', (a) => a.map((x) => x.textContent));
    assert.deepEqual(names, api.segments.map((s: { name: string }) => s.name));
    const charts = await drawnCharts(page);
    assert.deepEqual(charts.map((c) => c.id), api.charts.map((c: { id: string }) => c.id));
    assert.ok(charts.length >= 5);
    for (const c of charts) assert.ok(c.marks > 10 && c.width > 100, `chart ${c.id}: ${c.marks} marks, ${c.width} px`);
    // Hover details on the scatter: vega-embed's tooltip names the point's segment.
    const point = page.locator('#chart-projection .mark-symbol path').first();
    await point.hover();
    await page.waitForSelector('#vg-tooltip-element.visible');
    const tip = (await page.textContent('#vg-tooltip-element')) ?? '';
    assert.ok(names.some((n) => tip.includes(n ?? '')), tip);
    assert.match(tip, /pc1/);
    await page.screenshot({ path: join(SHOTS, '2-overview.png'), fullPage: true });
    assert.deepEqual(w.errors, []);
    assert.deepEqual(w.outside, []);
  });

  it('finds a customer from the overview by id', async () => {
    const { page } = w;
    await page.fill('#members-all-q', '7');
    await page.press('#members-all-q', 'Enter');
    await page.waitForFunction(`document.querySelector('.members-block .status').textContent.includes('of')`);
    const ids = await page.$$eval('.members-block tbody td:first-child', (t) => t.map((x) => x.textContent ?? ''));
    const api = (await call(`${srv.url}/models/mall/members?q=7&limit=10`)).body;
    assert.deepEqual(ids, api.members.map((m: { id: string }) => m.id));
    assert.ok(ids.length > 0 && ids.every((id) => id.includes('7')));
  });

  it('shows a segment: card, distributions, members paged from the server, search, CSV export', async () => {
    const { page } = w;
    await page.goto(`${srv.url}/#/models/mall/segments/1`);
    await page.waitForSelector('#card');
    const detail = (await call(`${srv.url}/models/mall/segments/1`)).body;
    assert.equal(await page.textContent('#segment-name'), detail.segment.name);
    assert.equal(await page.$$eval('#card li', (l) => l.length) >= detail.card.apart.length, true);
    const charts = await drawnCharts(page);
    assert.deepEqual(charts.map((c) => c.id), detail.charts.map((c: { id: string }) => c.id));
    for (const c of charts) assert.ok(c.marks > 10, `chart ${c.id}`);
    await page.waitForFunction(`document.querySelector('.members-block .status').textContent.includes('of')`);
    const size = detail.segment.size;
    assert.equal(await page.textContent('.members-block .status'), `1–${Math.min(50, size)} of ${size} customers`);
    assert.equal(await page.$$eval('.members-block tbody tr', (r) => r.length), Math.min(50, size));
    // Every row on the page is of this segment, and the page is exactly what the API pages.
    const first = (await call(`${srv.url}/models/mall/members?segment=1&limit=50`)).body;
    assert.deepEqual(await page.$$eval('.members-block tbody td:first-child', (t) => t.map((x) => x.textContent)), first.members.map((m: { id: string }) => m.id));
    assert.ok(first.members.every((m: { segment: number }) => m.segment === 1));
    await page.screenshot({ path: join(SHOTS, '3-segment.png'), fullPage: true });
    // CSV of the whole segment: every member once, with the header.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('.members-block .export')]);
    const csv = readFileSync(await download.path(), 'utf8').trim().split('\n');
    assert.equal(download.suggestedFilename(), 'mall-segment-1.csv');
    assert.equal(csv[0], 'id,segment,segment_name,confidence');
    assert.equal(csv.length - 1, size);
    assert.ok(csv.slice(1).every((l) => l.split(',')[1] === '1'));
    // Search inside the segment.
    const someId = first.members[0].id;
    await page.fill('#members-1-q', someId);
    await page.press('#members-1-q', 'Enter');
    await page.waitForFunction(`[...document.querySelectorAll('.members-block tbody td:first-child')].some((t) => t.textContent === ${JSON.stringify(someId)})`);
    assert.deepEqual(w.errors, []);
    assert.deepEqual(w.outside, []);
  });

  it('predicts a new customer as the library does, with the 5 most similar customers', async () => {
    const { page } = w;
    await page.goto(`${srv.url}/#/models/mall/new`);
    await page.waitForSelector('#predict-form');
    for (const [name, value] of Object.entries(NEW_CUSTOMER)) await page.fill(`#predict-form [name="${name}"]`, value);
    await page.click('#predict-form button[type=submit]');
    await page.waitForSelector('#similar tbody tr');
    const row = { CustomerID: null, Gender: 'Female', Age: 35, 'Annual Income (k$)': 18, 'Spending Score (1-100)': 6 };
    const [expected] = predictRecords(loadModel(file), [row], 'test');
    assert.equal(await page.textContent('#answer-name'), expected.segmentName);
    assert.equal(await page.getAttribute('#answer', 'data-segment'), String(expected.segment));
    assert.equal(await page.textContent('#answer-confidence'), `${(expected.confidence! * 100).toFixed(1)}%`);
    assert.equal(await page.$$eval('#similar tbody tr', (r) => r.length), 5);
    await page.screenshot({ path: join(SHOTS, '4-new-customer.png'), fullPage: true });
    assert.deepEqual(w.errors, []);
  });

  it('marks the field the API names when a value is invalid', async () => {
    const { page } = w;
    await page.fill('#predict-form [name="Age"]', 'thirty');
    await page.click('#predict-form button[type=submit]');
    await page.waitForSelector('#predict-form [name="Age"][aria-invalid="true"]');
    const message = await page.textContent('#predict-form [name="Age"] ~ .field-msg');
    assert.match(message ?? '', /Age/);
    assert.match(message ?? '', /thirty/);
    assert.equal(await page.$$eval('[aria-invalid="true"]', (e) => e.length), 1);
    await page.screenshot({ path: join(SHOTS, '5-bad-value.png'), fullPage: true });
    // The browser logs the 400 response itself; nothing else.
    assert.ok(w.errors.every((e) => /status of 400/.test(e)), w.errors.join('\n'));
    w.errors.length = 0;
  });

  it('renames a segment: the model file has the new name, reloaded once', async () => {
    const { page } = w;
    await page.goto(`${srv.url}/#/models/mall/segments/2`);
    await page.waitForSelector('#rename-form');
    const reloadsBefore = srv.logs.filter((e) => e.event === 'model-reloaded').length;
    await page.fill('#rename', 'Careful Spenders');
    await page.click('#rename-form button');
    await page.waitForFunction(`document.getElementById('rename-msg').textContent.startsWith('Saved')`);
    assert.equal(loadModel(file).segments[2].name, 'Careful Spenders');
    assert.equal(await page.textContent('#segment-name'), 'Careful Spenders');
    await waitForLog(srv.logs, (e) => e.event === 'model-reloaded');
    // The file watcher sees the same write: it must not load the file a second time.
    await new Promise((r) => setTimeout(r, 400));
    assert.equal(srv.logs.filter((e) => e.event === 'model-reloaded').length, reloadsBefore + 1);
    // The overview, its charts and the members show the new name.
    await page.goto(`${srv.url}/#/models/mall`);
    await page.waitForSelector('#segments tbody tr');
    assert.ok((await page.$$eval('#segments tbody th a', (a) => a.map((x) => x.textContent))).includes('Careful Spenders'));
    const overview = (await call(`${srv.url}/models/mall/overview`)).body;
    assert.ok(JSON.stringify(overview.charts.find((c: { id: string }) => c.id === 'projection').spec).includes('Careful Spenders'));
    // A duplicate name is refused next to the field.
    await page.goto(`${srv.url}/#/models/mall/segments/3`);
    await page.waitForSelector('#rename-form');
    await page.fill('#rename', 'careful spenders');
    await page.click('#rename-form button');
    await page.waitForSelector('#rename[aria-invalid="true"]');
    assert.match((await page.textContent('#rename-msg')) ?? '', /careful spenders/i);
    assert.ok(w.errors.every((e) => /status of 400/.test(e)), w.errors.join('\n'));
    w.errors.length = 0;
    assert.deepEqual(w.outside, []);
  });
});
