/**
 * DBSCAN (and HDBSCAN) side by side with scikit-learn's DBSCAN and R's dbscan package, each fit in its
 * own process on the same float64 file, median of 3 fits (segkit after a JIT warm-up on a slice).
 * Data: 50,000 × 4, ten Gaussian blobs (sd 0.5, centers uniform in [-10, 10]^4) and 5% uniform noise
 * in [-12, 12]^4, seeded. Labels are compared: segkit vs scikit-learn must be equal outright (same
 * numbering rule), vs R up to a renaming of the clusters.
 * Usage: node --import tsx bench/dbscan.bench.ts [--quick]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { createRng } from '../src/math/rng.js';

interface Run { seconds: number; nClusters: number; nNoise: number; maxRssMb: number; version?: string; labels?: Int32Array }
interface Row { data: string; peer: string; setup: string; run: Run | null; same?: string }
interface Bench { name: string; file: string; rows: number; cols: number }

const out = (f: string) => new URL(`./out/${f}`, import.meta.url).pathname;

/** Blobs + uniform noise, written once. */
export function densityBlobs(rows: number, cols = 4, k = 10, seed = 11): Bench {
  const name = `density-${rows}x${cols}`;
  const file = out(`${name}.f64`);
  if (!existsSync(file)) {
    mkdirSync(out(''), { recursive: true });
    const rng = createRng(seed);
    const centers = Array.from({ length: k }, () => Array.from({ length: cols }, () => rng.float() * 20 - 10));
    const data = new Float64Array(rows * cols);
    for (let i = 0; i < rows; i++) {
      const noise = rng.float() < 0.05, c = centers[rng.int(k)];
      for (let j = 0; j < cols; j++) data[i * cols + j] = noise ? rng.float() * 24 - 12 : c[j] + 0.5 * rng.normal();
    }
    writeFileSync(file, new Uint8Array(data.buffer));
  }
  return { name, file, rows, cols };
}

const readLabels = (f: string) => new Int32Array(readFileSync(f).buffer.slice(0));

function runJson(cmd: string, args: string[], labelsFile: string): Run | null {
  try {
    const res = execFileSync(cmd, args, { encoding: 'utf8', timeout: 3_600_000 });
    const run = JSON.parse(res.trim().split('\n').pop()!) as Run;
    return { ...run, labels: readLabels(labelsFile) };
  } catch (e) {
    console.error(String(e));
    return null;
  }
}

const segkit = (b: Bench, method: string, a: number, m: number, reps = 3) =>
  runJson('node', ['--import', 'tsx', new URL(import.meta.url).pathname, '--child', JSON.stringify(b), method, String(a), String(m), String(reps)], out(`${b.name}.${method}.segkit.i32`));
const sklearn = (b: Bench, eps: number, m: number) =>
  runJson('/usr/bin/python3', [new URL('./peers/sklearn_dbscan.py', import.meta.url).pathname, b.file, String(b.rows), String(b.cols), String(eps), String(m), out(`${b.name}.dbscan.sklearn.i32`)], out(`${b.name}.dbscan.sklearn.i32`));
const rPeer = (b: Bench, method: string, eps: number, m: number, reps = 3) =>
  runJson('Rscript', [new URL('./peers/r_dbscan.R', import.meta.url).pathname, b.file, String(b.rows), String(b.cols), method, String(eps), String(m), out(`${b.name}.${method}.r.i32`), String(reps)], out(`${b.name}.${method}.r.i32`));

/** 'yes' when equal outright, 'renamed' when equal up to a renaming of clusters (noise fixed), else the count of rows that differ under the best matching. */
function compare(a: Int32Array, b: Int32Array): string {
  if (a.length === b.length && a.every((v, i) => v === b[i])) return 'yes';
  const map = new Map<number, number>(), back = new Map<number, number>();
  let ok = a.length === b.length;
  for (let i = 0; ok && i < a.length; i++) {
    if ((a[i] < 0) !== (b[i] < 0)) ok = false;
    else if (map.has(a[i]) ? map.get(a[i]) !== b[i] : back.has(b[i])) ok = false;
    else { map.set(a[i], b[i]); back.set(b[i], a[i]); }
  }
  if (ok) return 'renamed';
  let noise = 0;
  for (let i = 0; i < a.length; i++) if ((a[i] < 0) !== (b[i] < 0)) noise++;
  return `no (${noise} rows differ in noise/not noise)`;
}

/** Median of the runs that did not fail (each run is itself the median of its process's fits). */
function medianRun(runs: (Run | null)[]): Run | null {
  const ok = runs.filter((r): r is Run => r !== null).sort((a, b) => a.seconds - b.seconds);
  return ok.length ? ok[Math.floor(ok.length / 2)] : null;
}

export async function benchDbscan(quick: boolean): Promise<Row[]> {
  const rows: Row[] = [];
  const log = (r: Row) => (rows.push(r), console.error(`${r.data} ${r.peer} ${r.setup}: ${r.run ? `${r.run.seconds.toFixed(3)} s, ${r.run.nClusters} clusters, ${r.run.nNoise} noise` : 'failed'} ${r.same ?? ''}`));
  const rounds = quick ? 1 : 3;
  // DBSCAN: the three peers in turns, `rounds` times, so a busy spell of the machine hits all of them.
  const b = densityBlobs(quick ? 10_000 : 50_000);
  // eps 0.5 recovers the ten blobs and about the 5% noise they were drawn with; eps 0.3 is the
  // noise-heavy case (a quarter of the rows noise: every non-core row needs its full neighbour count).
  for (const eps of [0.5, 0.3]) {
    const minSamples = 10;
    const setup = `eps ${eps}, minSamples ${minSamples}`;
    const runs: Record<string, (Run | null)[]> = { segkit: [], sklearn: [], r: [] };
    for (let t = 0; t < rounds; t++) {
      runs.segkit.push(segkit(b, 'dbscan', eps, minSamples));
      runs.sklearn.push(sklearn(b, eps, minSamples));
      runs.r.push(rPeer(b, 'dbscan', eps, minSamples));
    }
    const ours = medianRun(runs.segkit), sk = medianRun(runs.sklearn), r = medianRun(runs.r);
    log({ data: b.name, peer: 'segkit dbscan', setup, run: ours });
    log({ data: b.name, peer: `scikit-learn DBSCAN ${sk?.version ?? ''}`, setup, run: sk, same: ours?.labels && sk?.labels ? compare(ours.labels, sk.labels) : '' });
    log({ data: b.name, peer: `R dbscan::dbscan ${r?.version ?? ''}`, setup, run: r, same: ours?.labels && r?.labels ? compare(ours.labels, r.labels) : '' });
  }
  // HDBSCAN: R builds the n × n mutual-reachability matrix (10,000 rows: 0.4 GB each for dist and mrd), so 10,000 rows side by side.
  const h = densityBlobs(quick ? 3_000 : 10_000);
  const minPts = 10;
  const hs = `minClusterSize = minSamples = ${minPts} (R minPts ${minPts})`;
  const hr: Record<string, (Run | null)[]> = { segkit: [], r: [] };
  for (let t = 0; t < rounds; t++) {
    hr.segkit.push(segkit(h, 'hdbscan', minPts, minPts, 1));
    hr.r.push(rPeer(h, 'hdbscan', 0, minPts, 1));
  }
  const ho = medianRun(hr.segkit), hR = medianRun(hr.r);
  log({ data: h.name, peer: 'segkit hdbscan', setup: hs, run: ho });
  log({ data: h.name, peer: `R dbscan::hdbscan ${hR?.version ?? ''}`, setup: hs, run: hR, same: ho?.labels && hR?.labels ? compare(ho.labels, hR.labels) : '' });
  if (!quick) log({ data: b.name, peer: 'segkit hdbscan', setup: `${hs}; R not run (its two n × n matrices: 20 GB)`, run: segkit(b, 'hdbscan', minPts, minPts, 1) });
  return rows;
}

/** Markdown table; ratio = peer time ÷ segkit time. */
export function dbscanTable(rows: Row[]): string {
  const t = ['| data | peer | setup | time (s) | clusters | noise rows | same labels as segkit | peer time ÷ segkit time | peak RSS (MB) |', '|---|---|---|---:|---:|---:|---|---:|---:|'];
  for (const r of rows) {
    if (!r.run) { t.push(`| ${r.data} | ${r.peer} | ${r.setup} | failed | | | | | |`); continue; }
    const ours = rows.find((x) => x.data === r.data && x.setup === r.setup && x.peer.startsWith('segkit'))?.run;
    const ratio = ours && !r.peer.startsWith('segkit') ? `${(r.run.seconds / ours.seconds).toFixed(2)}×` : '';
    t.push(`| ${r.data} | ${r.peer} | ${r.setup} | ${r.run.seconds.toFixed(3)} | ${r.run.nClusters} | ${r.run.nNoise} | ${r.same ?? ''} | ${ratio} | ${r.run.maxRssMb.toFixed(0)} |`);
  }
  return t.join('\n') + '\n';
}

/** Child process: one segkit fit setup, median of `reps` fits after a warm-up; prints JSON, writes labels. */
async function child(b: Bench, method: string, a: number, m: number, reps: number): Promise<void> {
  const { getClusterer } = await import('../src/cluster/registry.js');
  const { createFitContext } = await import('../src/cluster/types.js');
  const data = new Float64Array(readFileSync(b.file).buffer.slice(0));
  const c = getClusterer(method);
  const opts = method === 'dbscan' ? { eps: a, minSamples: m } : { minClusterSize: a, minSamples: m };
  const params = c.schema.parse(opts);
  const ds = (n: number) => ({ numeric: { rows: n, cols: b.cols, data: data.subarray(0, n * b.cols) }, featureNames: Array.from({ length: b.cols }, (_, j) => `x${j}`) });
  await c.fit(ds(Math.min(2000, b.rows)), params, createFitContext(createRng(9), []));
  const times: number[] = [];
  let last: any;
  for (let r = 0; r < reps; r++) {
    const t = performance.now();
    last = await c.fit(ds(b.rows), params, createFitContext(createRng(r + 1), []));
    times.push((performance.now() - t) / 1000);
  }
  times.sort((x, y) => x - y);
  writeFileSync(out(`${b.name}.${method}.segkit.i32`), new Uint8Array(last.labels.buffer));
  const median = times[Math.floor(times.length / 2)];
  let noise = 0;
  for (const l of last.labels) if (l < 0) noise++;
  console.log(JSON.stringify({ seconds: median, nClusters: c.nClusters(last.state), nNoise: noise, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (process.argv[2] === '--child') await child(JSON.parse(process.argv[3]), process.argv[4], Number(process.argv[5]), Number(process.argv[6]), Number(process.argv[7]));
  else console.log(dbscanTable(await benchDbscan(process.argv.includes('--quick'))));
}
