/**
 * PCA side by side: segkit's exact PCA (blocked covariance + Jacobi eigen, prep/pca.ts) against
 * scikit-learn's PCA with svd_solver 'full' (LAPACK SVD of the centred data) and 'randomized'
 * (Halko et al.), on the same generated 1M × 50 matrix, each in its own process. Reports the median
 * of 3 timed fits (segkit after a warm-up fit) in wall and CPU time (CPU time is what a quiet machine's
 * wall time would be when the cores are shared), the explained-variance ratios' largest difference to
 * sklearn 'full', and peak RSS. Usage: node --import tsx bench/pca.bench.ts [--quick] [--threads 1|2]
 */
import { execFileSync } from 'node:child_process';
import { blobsFile, readMatrix, type BenchData } from './data-gen.js';
import { fitPca } from '../src/prep/pca.js';
import { covariance } from '../src/prep/covariance.js';

interface Row { data: string; peer: string; seconds: number; cpuSeconds: number; covarianceSeconds?: number; maxDiff: number | null; maxRssMb: number }

const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function segkit(d: BenchData, k: number): { row: Row; ratios: number[] } {
  const x = readMatrix(d);
  const names = Array.from({ length: d.cols }, (_, j) => `x${j}`);
  fitPca({ rows: Math.min(d.rows, 20_000), cols: d.cols, data: x.data.subarray(0, Math.min(d.rows, 20_000) * d.cols) }, names, k, false); // JIT warm-up
  const times: number[] = [], cpu: number[] = [], cov: number[] = [];
  let ratios: number[] = [];
  for (let r = 0; r < 3; r++) {
    let t = performance.now();
    covariance(x);
    cov.push((performance.now() - t) / 1000);
    t = performance.now();
    const c = process.cpuUsage();
    ratios = fitPca(x, names, k, false).state.ratios.slice(0, k);
    times.push((performance.now() - t) / 1000);
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1e6);
  }
  return { row: { data: d.name, peer: 'segkit exact (covariance + Jacobi), 1 thread', seconds: median(times), cpuSeconds: median(cpu), covarianceSeconds: median(cov), maxDiff: null, maxRssMb: process.memoryUsage().rss / 2 ** 20 }, ratios };
}

function sklearn(d: BenchData, k: number, threads: number): { solver: string; seconds: number; cpuSeconds: number; ratios: number[]; maxRssMb: number; version: string }[] {
  try {
    const out = execFileSync('/usr/bin/python3', [new URL('./peers/sklearn_pca.py', import.meta.url).pathname, d.file, String(d.rows), String(d.cols), String(k), String(threads)], { encoding: 'utf8', timeout: 1_800_000 });
    return out.trim().split('\n').map((l) => JSON.parse(l));
  } catch (e) {
    console.error('scikit-learn run failed:', (e as Error).message);
    return [];
  }
}

export function benchPca(quick: boolean, threads = 1): Row[] {
  const k = 10;
  const sets = [blobsFile(100_000, 50, 8), ...(quick ? [] : [blobsFile(1_000_000, 50, 8)])];
  const rows: Row[] = [];
  for (const d of sets) {
    const ours = segkit(d, k);
    rows.push(ours.row);
    console.error(`${d.name} segkit: ${ours.row.seconds.toFixed(3)} s (covariance ${ours.row.covarianceSeconds!.toFixed(3)} s)`);
    for (const s of sklearn(d, k, threads)) {
      const maxDiff = Math.max(...s.ratios.map((r, j) => Math.abs(r - ours.ratios[j])));
      rows.push({ data: d.name, peer: `scikit-learn ${s.version} svd_solver='${s.solver}', ${threads} thread${threads > 1 ? 's' : ''}`, seconds: s.seconds, cpuSeconds: s.cpuSeconds, maxDiff, maxRssMb: s.maxRssMb });
      console.error(`${d.name} sklearn ${s.solver}: ${s.seconds.toFixed(3)} s, max |Δ ratio| ${maxDiff.toExponential(2)}`);
    }
  }
  return rows;
}

/** Markdown table: time, ratio to segkit, agreement of the explained-variance ratios. */
export function pcaTable(rows: Row[]): string {
  const out = ['| data | peer | wall (s) | CPU (s) | peer CPU ÷ segkit CPU (> 1: segkit faster) | max abs diff of the 10 explained-variance ratios vs segkit | peak RSS (MB) |', '|---|---|---:|---:|---:|---:|---:|'];
  for (const r of rows) {
    const ours = rows.find((x) => x.data === r.data && x.peer.startsWith('segkit'))!;
    out.push(`| ${r.data} | ${r.peer}${r.covarianceSeconds !== undefined ? ` (covariance ${r.covarianceSeconds.toFixed(2)} s)` : ''} | ${r.seconds.toFixed(3)} | ${r.cpuSeconds.toFixed(3)} | ${r === ours ? '' : `${(r.cpuSeconds / ours.cpuSeconds).toFixed(2)}×`} | ${r.maxDiff === null ? '' : r.maxDiff.toExponential(1)} | ${r.maxRssMb.toFixed(0)} |`);
  }
  return out.join('\n') + '\n';
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const t = args.indexOf('--threads');
  console.log(pcaTable(benchPca(args.includes('--quick'), t >= 0 ? Number(args[t + 1]) : 1)));
}
