/**
 * The dashboard on a 1M-customer model: `segkit serve --dashboard --customers` with a k-means model
 * (k = 8) fitted on 1,000,000 customers × 20 numbers + a region (scripts/gen-customers.ts, Parquet).
 * Measures the one-time scoring at start, the overview API, members paging and search, and in
 * headless Chromium the first meaningful paint of the overview (the segments table: names, sizes,
 * shares) and the time until every chart is drawn, on loopback.
 * Usage: npm run bench -- dashboard [--quick]   (quick: 200,000 customers)
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { readFrame } from '../src/data/read-frame.js';
import { parseSourceSpec } from '../src/data/source-spec.js';
import { fitModel } from '../src/model/fit-model.js';
import { saveModel } from '../src/model/save.js';
import { createServer } from '../src/serve/app.js';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function benchDashboard(quick: boolean): Promise<string> {
  const rows = quick ? 200_000 : 1_000_000;
  const dir = resolve('bench/out');
  mkdirSync(dir, { recursive: true });
  const table = join(dir, `customers-${rows}.parquet`);
  if (!existsSync(table)) execFileSync(process.execPath, ['--import', 'tsx', 'scripts/gen-customers.ts', table, String(rows), '20', '8', '1'], { stdio: 'inherit' });
  if (!existsSync('web/dist/index.html')) execFileSync('npm', ['run', '-s', 'build'], { stdio: 'inherit' });
  // The model is fitted once and kept in bench/out (a rerun measures the dashboard, not the fit).
  const file = join(dir, `dashboard-${rows}.json`);
  let t = performance.now(), fitS = NaN;
  if (!existsSync(file)) {
    const { model } = await fitModel(await readFrame(parseSourceSpec(table)), { options: { nClusters: 8 }, seed: 1 });
    fitS = (performance.now() - t) / 1000;
    saveModel(model, file);
  }

  t = performance.now();
  const server = await createServer([{ id: 'big', file }], { port: 0, customers: table, dashboard: resolve('web/dist'), watch: false });
  const startS = (performance.now() - t) / 1000;
  const { url } = await server.listen();
  const api = async (path: string, n = 20) => {
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < n; i++) {
      const t0 = performance.now();
      const r = await fetch(url + path);
      bytes = (await r.arrayBuffer()).byteLength;
      times.push(performance.now() - t0);
    }
    return { ms: median(times), bytes };
  };
  const overview = await api('/models/big/overview');
  const page = await api('/models/big/members?segment=3&offset=60000&limit=50');
  const search = await api('/models/big/members?q=C0099999&limit=50', 10);
  const csv = await api('/models/big/members.csv?segment=3', 3);

  const profile = mkdtempSync(join(tmpdir(), 'segkit-bench-dashboard-'));
  const ctx = await chromium.launchPersistentContext(profile, {
    executablePath: existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim(),
    viewport: { width: 1280, height: 800 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const paints: number[] = [], charts: number[] = [], fetches: number[] = [];
  try {
    for (let run = 0; run < 6; run++) {
      const p = await ctx.newPage();
      // Every run loads the page from the server (no HTTP cache), as a first visit would.
      await p.route('**/*', (r) => r.continue({ headers: { ...r.request().headers(), 'cache-control': 'no-cache' } }));
      const t0 = performance.now();
      await p.goto(`${url}/#/models/big`);
      await p.waitForSelector('#segments tbody tr');
      // The segments table is the first meaningful paint: wait for the frame that shows it.
      await p.evaluate('new Promise((r) => requestAnimationFrame(() => r(null)))');
      paints.push(performance.now() - t0);
      // Of which the overview request, as the browser timed it (request start to last byte).
      fetches.push((await p.evaluate(`performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/overview?charts=0')).map((e) => e.responseEnd - e.requestStart)[0] ?? NaN`)) as number);
      await p.waitForFunction(`[...document.querySelectorAll('figure.chart')].length > 0 && [...document.querySelectorAll('figure.chart')].every((f) => f.querySelector('svg'))`, undefined, { timeout: 60_000 });
      charts.push(performance.now() - t0);
      await p.close();
    }
  } finally {
    await ctx.close();
    rmSync(profile, { recursive: true, force: true });
    await server.close();
  }
  const n = rows.toLocaleString('en-US');
  const load = loadavg().map((x) => x.toFixed(1)).join(', ');
  return [
    `Dashboard on ${n} customers × 22 columns (k-means, k = 8${Number.isNaN(fitS) ? '' : `; fitted in ${fitS.toFixed(1)} s`}), loopback, headless Chromium 1280×800; load average at the end ${load} (2 cores).`,
    '',
    '| what | median | notes |',
    '|---|---:|---|',
    `| server start (read table, score and profile once) | ${startS.toFixed(1)} s | once per fitted model; a rename reuses it |`,
    `| first meaningful paint of the overview (segments table) | ${median(paints.slice(1)).toFixed(0)} ms | first run ${paints[0].toFixed(0)} ms; runs ${paints.map((x) => x.toFixed(0)).join(', ')} |`,
    `| of which the segments request (overview?charts=0), in the browser | ${median(fetches.slice(1)).toFixed(0)} ms | |`,
    `| every overview chart drawn | ${median(charts.slice(1)).toFixed(0)} ms | first run ${charts[0].toFixed(0)} ms |`,
    `| GET /models/{id}/overview | ${overview.ms.toFixed(1)} ms | ${(overview.bytes / 1024).toFixed(0)} KB (aggregates + chart specs; scatter: stratified sample) |`,
    `| GET …/members, segment 3, offset 60,000, 50 rows | ${page.ms.toFixed(1)} ms | ${(page.bytes / 1024).toFixed(1)} KB |`,
    `| GET …/members?q=C0099999 (search all ${n} ids) | ${search.ms.toFixed(1)} ms | |`,
    `| GET …/members.csv, segment 3 | ${csv.ms.toFixed(0)} ms | ${(csv.bytes / 2 ** 20).toFixed(1)} MB |`,
  ].join('\n');
}
