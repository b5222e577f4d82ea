/**
 * Load on the HTTP API (issue 9, item 5): autocannon against `segkit serve` running a k-means model
 * (mall sample, k = 5) in its own process on 127.0.0.1, the client in this process on the same machine.
 * - single-row predict for `--duration` seconds (default 60): req/s, latency percentiles, errors;
 * - batches of 1,000 rows, one connection (so the latency is the per-request time): latency percentiles;
 * - the server's RSS sampled every second over the whole run (from /proc), to see that memory is flat.
 * The server logs every request (JSON lines) to a file, as it would in production.
 * Usage: node --import tsx bench/serve.bench.ts [--duration 60] [--connections 10]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, openSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fitModel } from '../src/model/fit-model.js';
import { saveModel } from '../src/model/save.js';
import { readFrame } from '../src/data/read-frame.js';
import { parseSourceSpec } from '../src/data/source-spec.js';

interface Histogram { average: number; p50: number; p90: number; p97_5: number; p99: number; max: number }
interface Result { requests: Histogram & { total: number }; latency: Histogram; errors: number; timeouts: number; non2xx: number; duration: number }
type Autocannon = (o: Record<string, unknown>) => Promise<Result>;
// autocannon ships no types; its documented result fields are typed above.
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
};
const duration = arg('--duration', 60);
const connections = arg('--connections', 10);
const root = new URL('..', import.meta.url).pathname;

// 1. The model.
const dir = mkdtempSync(join(tmpdir(), 'segkit-serve-bench-'));
const frame = await readFrame(parseSourceSpec(join(root, 'data/samples/mall_customers.csv')));
const { model } = await fitModel(frame, { options: { nClusters: 5 }, seed: 42 });
const modelFile = join(dir, 'mall.json');
saveModel(model, modelFile);

// 2. The server, in its own process, logging to a file.
const logFile = join(dir, 'requests.log');
const server = spawn(process.execPath, [join(root, 'bin/segkit.mjs'), 'serve', modelFile, '--port', '0'], { stdio: ['ignore', openSync(logFile, 'w'), 'inherit'] });
const url = await waitForListening(logFile);
const rss: number[] = [];
const sampler = setInterval(() => rss.push(rssMb(server.pid!)), 1000);

// 3. The runs.
const headers = { 'content-type': 'application/json' };
const row = { CustomerID: 7, Gender: 'Female', Age: 35, 'Annual Income (k$)': 18, 'Spending Score (1-100)': 6 };
const batch = Array.from({ length: 1000 }, (_, i) => ({ CustomerID: i + 1, Gender: i % 3 ? 'Female' : 'Male', Age: 18 + (i % 52), 'Annual Income (k$)': 15 + ((i * 7) % 120), 'Spending Score (1-100)': 1 + ((i * 13) % 99) }));
const predictUrl = `${url}/models/mall/predict`;
const uptimeBefore = loadavg();
await autocannon({ url: predictUrl, method: 'POST', headers, body: JSON.stringify({ row }), connections, duration: 5 }); // warm-up (JIT)
const rssStart = rss.length;
const single = await autocannon({ url: predictUrl, method: 'POST', headers, body: JSON.stringify({ row }), connections, duration });
const batched = await autocannon({ url: predictUrl, method: 'POST', headers, body: JSON.stringify({ rows: batch }), connections: 1, duration: Math.max(10, Math.round(duration / 3)) });
const uptimeAfter = loadavg();
clearInterval(sampler);
server.kill('SIGTERM');
await new Promise((r) => server.once('exit', r));
const logLines = readFileSync(logFile, 'utf8').split('\n').filter(Boolean).length;
rmSync(dir, { recursive: true, force: true });

// 4. The report.
const runRss = rss.slice(rssStart);
const fmt = (x: number) => x.toFixed(2);
const line = (name: string, r: Result) =>
  `| ${name} | ${Math.round(r.requests.average).toLocaleString('en-US')} | ${fmt(r.latency.p50)} | ${fmt(r.latency.p90)} | ${fmt(r.latency.p99)} | ${fmt(r.latency.max)} | ${r.requests.total.toLocaleString('en-US')} | ${r.errors + r.timeouts + r.non2xx} |`;
console.log(
  [
    `Machine: ${cpus().length} × ${cpus()[0]?.model}, ${Math.round(totalmem() / 2 ** 30)} GiB; Node ${process.version}; ${new Date().toISOString().slice(0, 10)}`,
    `Load average (1, 5, 15 min) before: ${uptimeBefore.map(fmt).join(', ')}; after: ${uptimeAfter.map(fmt).join(', ')}`,
    '',
    '| run | req/s (mean) | p50 ms | p90 ms | p99 ms | max ms | requests | errors (conn + timeout + non-2xx) |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    line(`single-row predict, ${connections} connections, ${duration} s`, single),
    line(`1,000-row batch, 1 connection, ${batched.duration} s`, batched),
    '',
    `Server RSS (MB) sampled every second over the measured runs: first ${fmt(runRss[0])}, min ${fmt(Math.min(...runRss))}, max ${fmt(Math.max(...runRss))}, last ${fmt(runRss[runRss.length - 1])} (${runRss.length} samples).`,
    `Request log lines written by the server: ${logLines.toLocaleString('en-US')}.`,
  ].join('\n'),
);

async function waitForListening(file: string): Promise<string> {
  for (let i = 0; i < 600; i++) {
    if (statSync(file).size > 0) {
      const first = readFileSync(file, 'utf8').split('\n').find((l) => l.includes('"listening"'));
      if (first) return (JSON.parse(first) as { url: string }).url;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the server did not start within 60 s');
}

function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}
