/**
 * The dashboard's bad-input and usability states in headless Chromium: server down (message, retry),
 * token absent or wrong (prompt), a model file removed while open, an unknown model, a phone-sized
 * viewport, and the keyboard alone. Screenshots go to test-output/dashboard/.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { fitMall, MALL, startServer, tempDir, waitForLog, type TestServer } from '../serve/harness.js';
import { DIST, SHOTS, drawnCharts, ensureBuilt, launch, watchedPage } from './browser.js';

/** Chromium logs every refused or failed request itself; these are the expected ones. */
const expectedNetworkError = (e: string) => /Failed to load resource: (net::ERR_CONNECTION_REFUSED|the server responded with a status of (401|404|400))/.test(e);

describe('e2e/dashboard: error states, phone, keyboard', () => {
  const tmp = tempDir('segkit-dashboard-states-');
  let ctx: BrowserContext, file: string;
  before(async () => {
    ensureBuilt();
    file = (await fitMall(tmp.dir, 'mall')).file;
    ctx = await launch(join(tmp.dir, 'profile'));
  });
  after(async () => {
    await ctx?.close();
    tmp.cleanup();
  });

  it('asks for the token when the API needs one, says when it is wrong, then works', async () => {
    const srv = await startServer([{ id: 'mall', file }], { token: 's3cret', dashboard: DIST, watch: false });
    const w = await watchedPage(ctx);
    try {
      await w.page.goto(`${srv.url}/`);
      await w.page.waitForSelector('form.token');
      await w.page.screenshot({ path: join(SHOTS, '6-token.png') });
      assert.match((await w.page.textContent('form.token')) ?? '', /needs an access token/);
      await w.page.fill('#token', 'wrong');
      await w.page.press('#token', 'Enter');
      await w.page.waitForFunction(`document.querySelector('form.token')?.textContent.includes('not valid')`);
      await w.page.fill('#token', 's3cret');
      await w.page.press('#token', 'Enter');
      await w.page.waitForSelector('#models a');
      assert.ok(w.errors.every(expectedNetworkError), w.errors.join('\n'));
      assert.deepEqual(w.outside, []);
    } finally {
      await w.page.close();
      await srv.close();
    }
  });

  it('says the server is down and recovers with Retry', async () => {
    let srv = await startServer([{ id: 'mall', file }], { dashboard: DIST, watch: false });
    const port = Number(new URL(srv.url).port);
    const w = await watchedPage(ctx);
    try {
      await w.page.goto(`${srv.url}/#/models/mall`);
      await w.page.waitForSelector('#segments');
      await srv.close();
      await w.page.evaluate(`location.hash = '#/'`);
      await w.page.waitForSelector('.problem[role=alert] button');
      assert.match((await w.page.textContent('.problem')) ?? '', /not reachable/);
      await w.page.screenshot({ path: join(SHOTS, '7-server-down.png') });
      srv = await startServer([{ id: 'mall', file }], { dashboard: DIST, watch: false, port });
      await w.page.click('.problem button');
      await w.page.waitForSelector('#models a');
      assert.ok(w.errors.every(expectedNetworkError), w.errors.join('\n'));
    } finally {
      await w.page.close();
      await srv.close();
    }
  });

  it('explains a model file removed while the page is open, and an unknown model', async () => {
    const own = (await fitMall(tmp.dir, 'gone')).file;
    const srv = await startServer([{ id: 'gone', file: own }], { dashboard: DIST, customers: resolve(MALL) });
    const w = await watchedPage(ctx);
    try {
      await w.page.goto(`${srv.url}/#/models/gone/segments/0`);
      await w.page.waitForSelector('#rename-form');
      rmSync(own);
      await waitForLog(srv.logs, (e) => e.event === 'model-reload-failed');
      await w.page.fill('#rename', 'Anything');
      await w.page.click('#rename-form button');
      await w.page.waitForSelector('#rename[aria-invalid="true"]');
      const message = (await w.page.textContent('#rename-msg')) ?? '';
      assert.match(message, /gone\.json is gone/);
      await w.page.screenshot({ path: join(SHOTS, '8-model-removed.png') });
      // Every page of the model now says so, while still showing what was loaded.
      await w.page.evaluate(`location.hash = '#/models/gone'`);
      await w.page.waitForSelector('#segments');
      assert.match((await w.page.textContent('.notice')) ?? '', /gone\.json is gone/);
      await w.page.evaluate(`location.hash = '#/models/nope'`);
      await w.page.waitForSelector('.problem[role=alert]');
      const text = (await w.page.textContent('.problem')) ?? '';
      assert.match(text, /Not found/);
      assert.match(text, /No model with id 'nope'. Loaded models: 'gone'/);
      assert.ok(w.errors.every(expectedNetworkError), w.errors.join('\n'));
    } finally {
      await w.page.close();
      await srv.close();
    }
  });

  it('fits a phone-sized screen and works from the keyboard alone', async () => {
    const srv = await startServer([{ id: 'mall', file }], { dashboard: DIST, customers: resolve(MALL), watch: false });
    const w = await watchedPage(ctx);
    try {
      // Keyboard: Tab to the model's link, Enter; Tab to the first segment's link, Enter; the form by Enter.
      await w.page.goto(`${srv.url}/`);
      await w.page.waitForSelector('#models a');
      assert.equal(await tabUntil(w.page, (t) => t === 'Skip to content', 1), true, 'the first Tab stop is the skip link');
      assert.equal(await tabUntil(w.page, (t) => t === 'mall'), true);
      await w.page.keyboard.press('Enter');
      await w.page.waitForSelector('#segments tbody a');
      const first = await w.page.textContent('#segments tbody a');
      assert.equal(await tabUntil(w.page, (t) => t === first), true);
      await w.page.keyboard.press('Enter');
      await w.page.waitForSelector('#card');
      assert.match(await w.page.evaluate('location.hash') as string, /#\/models\/mall\/segments\/\d/);
      assert.equal(await tabUntil(w.page, (t, tag) => tag === 'INPUT' && t === 'q'), true, 'the members search box is reachable');
      // Phone: no sideways scrolling of the page (wide charts and tables scroll inside their box).
      await w.page.setViewportSize({ width: 390, height: 844 });
      for (const [hash, shot] of [['#/models/mall', '9-phone-overview.png'], ['#/models/mall/segments/0', '10-phone-segment.png'], ['#/models/mall/new', '11-phone-new-customer.png']] as const) {
        await w.page.evaluate(`location.hash = '${hash}'`);
        await w.page.waitForSelector(hash.endsWith('new') ? '#predict-form' : '.members-block');
        if (!hash.endsWith('new')) await drawnCharts(w.page);
        const { scroll, inner } = (await w.page.evaluate(`({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth })`)) as { scroll: number; inner: number };
        assert.ok(scroll <= inner, `${hash}: the page is ${scroll} px wide on a ${inner} px screen`);
        await w.page.screenshot({ path: join(SHOTS, shot), fullPage: true });
      }
      assert.deepEqual(w.errors, []);
      assert.deepEqual(w.outside, []);
    } finally {
      await w.page.setViewportSize({ width: 1280, height: 800 });
      await w.page.close();
      await srv.close();
    }
  });
});

/** Presses Tab until the focused element matches (by its text, or name for inputs); at most `max` times. */
async function tabUntil(page: import('playwright-core').Page, match: (text: string, tag: string) => boolean, max = 60): Promise<boolean> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const [text, tag] = (await page.evaluate(`(() => { const e = document.activeElement; return [e.tagName === 'INPUT' ? e.name : (e.textContent ?? '').trim(), e.tagName]; })()`)) as [string, string];
    if (match(text, tag)) return true;
  }
  return false;
}
