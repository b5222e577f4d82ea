import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { readFrame } from '../../src/data/read-frame.js';
import { parseSourceSpec } from '../../src/data/source-spec.js';
import { fitModel } from '../../src/model/fit-model.js';
import { buildReport } from '../../src/report/report-model.js';
import { reportHtml } from '../../src/report/html.js';
import { renderSvg } from '../../src/report/render-svg.js';
import { expectGolden } from '../golden.js';
import { runCli } from '../helpers/cli.js';

/** Debian's chromium (scripts/test.sh installs it); the path STACK.md recommends launching. */
function chromiumPath(): string {
  for (const p of ['/usr/bin/chromium', '/usr/bin/chromium-browser']) if (existsSync(p)) return p;
  return execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim();
}

describe('report', () => {
  let dir: string;
  before(() => (dir = mkdtempSync(join(tmpdir(), 'segkit-report-'))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('the report model (cards and chart specs) of the mall sample is the reviewed one', async () => {
    const frame = await readFrame(parseSourceSpec('data/samples/mall_customers.csv'));
    const { model } = await fitModel(frame, { options: { nClusters: 5 }, seed: 42 });
    const { report } = buildReport(model, frame, { valueColumn: 'Annual Income (k$)' });
    assert.deepEqual(report.charts.map((c) => c.id), ['sizes', 'profile-heatmap', 'projection', 'distribution-spending-score-1-100', 'distribution-age', 'confidence']);
    assert.equal(report.cards.length, 5);
    expectGolden('report', 'mall-k5-report.json', report);
  });

  it('opens in headless Chromium offline: no console errors, no requests, every chart drawn', async () => {
    const file = join(dir, 'report.html');
    const r = await runCli(['fit', resolve('data/samples/bank.csv'), '--method', 'kprototypes', '-k', '4', '--seed', '3', '--out', join(dir, 'bank.json'), '-q'], dir);
    assert.equal(r.code, 0, r.stderr);
    const rep = await runCli(['report', join(dir, 'bank.json'), resolve('data/samples/bank.csv'), '--out', file, '--value', 'balance', '--png', join(dir, 'png'), '--markdown', join(dir, 'cards.md')], dir);
    assert.equal(rep.code, 0, rep.stderr);
    const md = readFileSync(join(dir, 'cards.md'), 'utf8');
    assert.equal(md.match(/^## /gm)?.length, 4);
    assert.match(md, /\*\*What sets it apart\*\*/);
    assert.equal(readdirSync(join(dir, 'png')).filter((f) => f.endsWith('.png')).length, 7);
    const ctx = await chromium.launchPersistentContext(join(dir, 'profile'), {
      executablePath: chromiumPath(),
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    try {
      const page = await ctx.newPage();
      const errors: string[] = [], requests: string[] = [];
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('request', (q) => requests.push(q.url()));
      await page.goto(`file://${file}`);
      const charts = await page.$$eval('figure.chart', (figs) => figs.map((f) => ({ id: f.id, marks: f.querySelectorAll('svg path, svg rect, svg line, svg circle, svg text').length, width: f.querySelector('svg')?.getBoundingClientRect().width ?? 0 })));
      assert.deepEqual(errors, []);
      assert.deepEqual(requests, [`file://${file}`]);
      assert.equal(charts.length, 7); // sizes, heatmap, projection, 3 distributions, confidence
      for (const c of charts) assert.ok(c.marks > 10 && c.width > 100, `chart ${c.id}: ${c.marks} marks, ${c.width} px`);
      assert.equal(await page.$$eval('article.card', (a) => a.length), 4);
      writeFileSync(join(dir, 'report.png'), await page.screenshot({ fullPage: true }));
    } finally {
      await ctx.close();
    }
  });

  it('renders a Vega-Lite spec to SVG without a browser', async () => {
    const svg = await renderSvg({ data: { values: [{ a: 1 }, { a: 2 }] }, mark: 'point', encoding: { x: { field: 'a', type: 'quantitative' } } });
    assert.match(svg, /^<svg/);
  });
});
