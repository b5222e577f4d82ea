/**
 * Shared setup of the dashboard's browser tests: the built dashboard (built here when web/dist is
 * missing), Debian's chromium through playwright-core (launchPersistentContext, as STACK.md says),
 * and a page that records console errors and every request leaving 127.0.0.1.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const DIST = resolve('web/dist');
export const SHOTS = resolve('test-output/dashboard');

/** Builds the dashboard once if no build is there (scripts/test.sh normally did it already). */
export function ensureBuilt(): void {
  if (!existsSync(join(DIST, 'index.html'))) execFileSync('npm', ['run', '-s', 'build'], { stdio: 'inherit' });
  mkdirSync(SHOTS, { recursive: true });
}

function chromiumPath(): string {
  for (const p of ['/usr/bin/chromium', '/usr/bin/chromium-browser']) if (existsSync(p)) return p;
  return execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim();
}

export async function launch(profileDir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath(),
    viewport: { width: 1280, height: 800 },
    acceptDownloads: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export interface WatchedPage {
  readonly page: Page;
  /** Console errors and uncaught exceptions (expected failed requests are filtered by the caller). */
  readonly errors: string[];
  /** Requests to anything but http://127.0.0.1 (and data:/blob: URLs the page makes itself). */
  readonly outside: string[];
}

export async function watchedPage(ctx: BrowserContext): Promise<WatchedPage> {
  const page = await ctx.newPage();
  const errors: string[] = [], outside: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (q) => {
    if (!/^(http:\/\/127\.0\.0\.1[:/]|data:|blob:)/.test(q.url())) outside.push(q.url());
  });
  return { page, errors, outside };
}

/** Waits until every chart figure on the page has an SVG with marks; returns each chart's mark count. */
export async function drawnCharts(page: Page): Promise<{ id: string; marks: number; width: number }[]> {
  // A string: it runs in the page (the test's tsconfig has no DOM types).
  await page.waitForFunction(`(() => { const figs = [...document.querySelectorAll('figure.chart')];
    return figs.length > 0 && figs.every((f) => f.querySelector('svg') || f.querySelector('.error')); })()`, undefined, { timeout: 20_000 });
  return page.$$eval('figure.chart', (figs) => figs.map((f) => ({
    id: f.getAttribute('data-chart') ?? '',
    marks: f.querySelectorAll('svg path, svg rect, svg line, svg circle, svg text').length,
    width: f.querySelector('svg')?.getBoundingClientRect().width ?? 0,
  })));
}
