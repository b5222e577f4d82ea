/**
 * Self-organizing maps side by side: segkit, R kohonen::som (Debian r-cran-kohonen) and a NumPy
 * re-implementation of MiniSom's online loop (bench/peers/minisom_rule.py; MiniSom itself is not in
 * Debian). Each fit in its own process; median of 3 (segkit after a JIT warm-up on a slice).
 * Data: 20,000 × 10 overlapping blobs (bench/data-gen.ts). Map: 10 × 10 rectangular, Gaussian,
 * starting from the first 100 rows for every peer.
 * - online, 20,000 updates: segkit and the NumPy loop run the same rule (σ 1, η 0.5, rows in cyclic
 *   order), so their codebooks agree; kohonen runs its own schedule (one epoch = 20,000 updates).
 * - batch, 10 epochs: segkit's (σ 1) and kohonen's batch maps (their own radius schedules).
 * - segkit with its defaults (about 5·√n neurons, shaped 36 × 20 here, PCA init, σ 'auto', batch, 20 epochs).
 * segkit's time is the whole fit (training, quality measures, U-matrix, k-means on the codebook);
 * the training kernel alone is shown beside it. QE = mean distance of a row to its best neuron.
 * Usage: npm run bench -- som [--quick]
 */
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { blobsFile, readMatrix, type BenchData } from './data-gen.js';

interface Run { seconds: number; cpuSeconds: number; trainSeconds?: number; qe: number; maxRssMb: number; neurons?: number }
interface Row { setup: string; peer: string; run: Run | null }

const GRID = 10;

const exec = (cmd: string, args: string[]): Run | null => {
  try {
    const out = execFileSync(cmd, args, { encoding: 'utf8', timeout: 1_800_000 });
    return JSON.parse(out.trim().split('\n').pop()!);
  } catch (e) {
    console.error(String(e));
    return null;
  }
};
const segkit = (b: BenchData, setup: string) => exec('node', ['--import', 'tsx', new URL(import.meta.url).pathname, '--child', JSON.stringify(b), setup]);
const kohonen = (b: BenchData, mode: string, rlen: number) =>
  exec('Rscript', [new URL('./peers/kohonen_som.R', import.meta.url).pathname, b.file, String(b.rows), String(b.cols), String(GRID), String(GRID), mode, String(rlen), '3']);
const numpy = (b: BenchData, updates: number) =>
  exec('/usr/bin/python3', [new URL('./peers/minisom_rule.py', import.meta.url).pathname, b.file, String(b.rows), String(b.cols), String(GRID), String(GRID), String(updates), '1', '0.5', '3']);

export async function benchSom(quick: boolean): Promise<Row[]> {
  const b = blobsFile(20_000, 10, 8);
  const rows: Row[] = [];
  const log = (r: Row) => (rows.push(r), console.error(`${r.setup} ${r.peer}: ${r.run ? `${r.run.seconds.toFixed(3)} s, QE ${r.run.qe.toPrecision(8)}` : 'failed'}`));
  const updates = 20_000;
  log({ setup: `online, ${updates.toLocaleString('en-US')} updates`, peer: 'segkit som', run: segkit(b, 'online') });
  log({ setup: `online, ${updates.toLocaleString('en-US')} updates`, peer: 'R kohonen som (online)', run: kohonen(b, 'online', 1) });
  if (!quick) log({ setup: `online, ${updates.toLocaleString('en-US')} updates`, peer: 'NumPy MiniSom-rule loop (re-implementation)', run: numpy(b, updates) });
  log({ setup: 'batch, 10 epochs', peer: 'segkit som', run: segkit(b, 'batch') });
  log({ setup: 'batch, 10 epochs', peer: 'R kohonen som (batch)', run: kohonen(b, 'batch', 10) });
  if (!quick) log({ setup: 'segkit defaults', peer: 'segkit som', run: segkit(b, 'defaults') });
  return rows;
}

/** Markdown table; ratios = peer time ÷ segkit time (whole fit) for the same setup, wall clock and CPU. */
export function somTable(rows: Row[]): string {
  const out = ['| setup | peer | wall (s) | CPU (s) | segkit training only, wall (s) | QE | peer ÷ segkit, wall | peer ÷ segkit, CPU | peak RSS (MB) |', '|---|---|---:|---:|---:|---:|---:|---:|---:|'];
  for (const r of rows) {
    if (!r.run) {
      out.push(`| ${r.setup} | ${r.peer} | failed | | | | | | |`);
      continue;
    }
    const ours = rows.find((x) => x.setup === r.setup && x.peer.startsWith('segkit'))?.run;
    const peer = ours && !r.peer.startsWith('segkit');
    const ratio = peer ? `${(r.run.seconds / ours.seconds).toFixed(1)}×` : '';
    const cpuRatio = peer ? `${(r.run.cpuSeconds / ours.cpuSeconds).toFixed(1)}×` : '';
    out.push(`| ${r.setup}${r.run.neurons ? ` (${r.run.neurons} neurons)` : ''} | ${r.peer} | ${r.run.seconds.toFixed(3)} | ${r.run.cpuSeconds.toFixed(3)} | ${r.run.trainSeconds?.toFixed(3) ?? ''} | ${r.run.qe.toPrecision(8)} | ${ratio} | ${cpuRatio} | ${r.run.maxRssMb.toFixed(0)} |`);
  }
  return out.join('\n') + '\n';
}

/** Child process: one segkit setup, median of 3 fits after a warm-up; prints JSON. */
async function child(b: BenchData, setup: string): Promise<void> {
  const { somClusterer } = await import('../src/cluster/som.js');
  const { trainOnline, trainBatch, sampleOrder } = await import('../src/cluster/som-train.js');
  const { createFitContext } = await import('../src/cluster/types.js');
  const { createRng } = await import('../src/math/rng.js');
  const x = readMatrix(b);
  const m = GRID * GRID, d = x.cols;
  const firstRows = Array.from({ length: m }, (_, k) => Array.from(x.data.subarray(k * d, k * d + d)));
  const opts: Record<string, unknown> =
    setup === 'online' ? { nClusters: 8, rows: GRID, cols: GRID, init: firstRows, training: 'online', iterations: 20_000, order: 'cyclic', sigma: 1, learningRate: 0.5 }
    : setup === 'batch' ? { nClusters: 8, rows: GRID, cols: GRID, init: firstRows, training: 'batch', epochs: 10, sigma: 1 }
    : { nClusters: 8 };
  const params = somClusterer.schema.parse(opts);
  const data = { numeric: x, featureNames: Array.from({ length: d }, (_, j) => `x${j}`) };
  const warm = { ...data, numeric: { rows: 2000, cols: d, data: x.data.subarray(0, 2000 * d) } };
  await somClusterer.fit(warm, somClusterer.schema.parse({ ...opts, ...(setup === 'defaults' ? {} : { iterations: 2000 }) }), createFitContext(createRng(9), []));
  const times: number[] = [], cpu: number[] = [], train: number[] = [];
  let last: any;
  for (let r = 0; r < 3; r++) {
    let t = performance.now();
    const c = process.cpuUsage();
    last = await somClusterer.fit(data, params, createFitContext(createRng(r + 1), []));
    times.push((performance.now() - t) / 1000);
    const u = process.cpuUsage(c);
    cpu.push((u.user + u.system) / 1e6);
    if (setup !== 'defaults') {
      const cb = Float64Array.from(firstRows.flat());
      const p = { grid: { rows: GRID, cols: GRID, topology: 'rectangular' as const }, neighborhood: 'gaussian' as const, sigma: 1, learningRate: 0.5 };
      t = performance.now();
      if (setup === 'online') trainOnline(x, cb, sampleOrder(x.rows, 20_000, 'cyclic', createRng(1)), p);
      else await trainBatch(x, cb, 10, p);
      train.push((performance.now() - t) / 1000);
    }
  }
  const med = (a: number[]) => [...a].sort((p, q) => p - q)[1];
  console.log(JSON.stringify({
    seconds: med(times), cpuSeconds: med(cpu), ...(train.length ? { trainSeconds: med(train) } : {}), qe: last.diagnostics.quantizationError,
    neurons: setup === 'defaults' ? last.diagnostics.neurons : undefined, maxRssMb: process.resourceUsage().maxRSS / 1024,
  }));
}

if (process.argv[2] === '--child' && import.meta.url === pathToFileURL(process.argv[1]).href) await child(JSON.parse(process.argv[3]), process.argv[4]);
