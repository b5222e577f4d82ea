/**
 * The dashboard's compare view against a real server with a store of two snapshots: the stability
 * figure equals the library's migrations, the sizes table has every segment, the transition heatmap is
 * drawn; without a store the page says how to get one. Screenshot in test-output/dashboard/.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { fitMall, mall, startServer, tempDir, type TestServer } from '../serve/harness.js';
import { DIST, SHOTS, drawnCharts, ensureBuilt, launch, watchedPage } from './browser.js';
import { openStore } from '../../../src/track/store.js';
import { recordSnapshot } from '../../../src/track/snapshot.js';
import { migrations } from '../../../src/track/transitions.js';

describe('e2e/dashboard: compare two snapshots', () => {
  const tmp = tempDir('segkit-dashboard-compare-');
  const store = join(tmp.dir, 'store.duckdb');
  let ctx: BrowserContext, srv: TestServer, bare: TestServer, ari: number;
  before(async () => {
    ensureBuilt();
    const fit = await fitMall(tmp.dir, 'mall');
    const ids = Array.from((await mall()).columns[0].values as Float64Array, String);
    const db = await openStore(store);
    await recordSnapshot(db, { model: fit.model, asOf: '2024-01-31', ids, labels: fit.labels, confidence: fit.confidence, dataHash: 'a' });
    const moved = fit.labels.map((l, i) => (i % 7 === 0 ? (l + 1) % 5 : l));
    await recordSnapshot(db, { model: fit.model, asOf: '2024-02-29', ids, labels: moved, confidence: fit.confidence, dataHash: 'b' });
    ari = (await migrations(db, { from: '2024-01-31', to: '2024-02-29' })).ari;
    await db.close();
    srv = await startServer([{ id: 'mall', file: fit.file }], { watch: false, store, dashboard: DIST });
    bare = await startServer([{ id: 'mall', file: fit.file }], { watch: false, dashboard: DIST });
    ctx = await launch(join(tmp.dir, 'profile'));
  });
  after(async () => {
    await ctx?.close();
    await srv?.close();
    await bare?.close();
    tmp.cleanup();
  });

  it('shows stability, sizes and the transition heatmap of the last two snapshots', async () => {
    const w = await watchedPage(ctx);
    try {
      await w.page.goto(`${srv.url}/#/models/mall`);
      await w.page.click('text=Compare snapshots');
      await w.page.waitForSelector('#ari');
      assert.equal(await w.page.textContent('#ari'), String(Number(ari.toPrecision(3))));
      assert.equal(await w.page.locator('#compare-sizes tbody tr').count(), 5);
      await w.page.waitForSelector('#chart-transitions svg');
      const charts = await drawnCharts(w.page);
      const heat = charts.find((c) => c.id === 'transitions');
      assert.ok(heat && heat.marks > 0, JSON.stringify(charts));
      await w.page.screenshot({ path: join(SHOTS, '9-compare.png'), fullPage: true });
      assert.deepEqual(w.errors, []);
      assert.deepEqual(w.outside, []);
    } finally {
      await w.page.close();
    }
  });

  it('without a store, says how to record and serve snapshots', async () => {
    const w = await watchedPage(ctx);
    try {
      await w.page.goto(`${bare.url}/#/models/mall/compare`);
      await w.page.waitForSelector('.notice');
      assert.match((await w.page.textContent('.notice')) ?? '', /--store/);
    } finally {
      await w.page.close();
    }
  });
});
