/**
 * Gaussian mixtures side by side: segkit, scikit-learn GaussianMixture (1 and 2 threads) and R mclust
 * me(), on the same generated blobs (100,000 × 10, 8 components, full covariance / VVV), all started
 * from the same hard partition (one segkit k-means run, written to a file): each peer's first
 * M-step turns it into weights, means and covariances, so the EM iterates are the same.
 *   A. a fixed number of EM iterations (tol 0): time per fit and the log-likelihood reached (equal
 *      log-likelihoods show the peers walk the same path to the same optimum);
 *   B. to convergence: segkit and scikit-learn at tol 1e-3 (scikit-learn's default); mclust at its
 *      default relative tolerance 1e-5 and segkit at the equivalent per-row tolerance.
 * Then the LPA grid (EEI, VVI, EEE, VVV × k = 2..8) on 10,000 × 6 blobs.
 * segkit runs in this process (median of 3 after a warm-up; E-steps on the worker pool, and once more
 * in the main thread only); peers in their own processes. Ratios are against the first segkit row of
 * the part (worker pool; for mclust the regCovar 0 row).
 * Usage: node --import tsx bench/gmm.bench.ts [--quick]
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { blobsFile, readMatrix } from './data-gen.js';
import { runEm } from '../src/cluster/mixture/em.js';
import { initialResp, paramsFromResp } from '../src/cluster/mixture/init.js';
import { meanVariance } from '../src/math/matrix.js';
import { argmaxRows } from '../src/cluster/mixture/fit-mixture.js';
import { fitLpaGrid } from '../src/cluster/lpa-grid.js';
import { createFitContext } from '../src/cluster/types.js';
import { createRng } from '../src/math/rng.js';
import { datasetFromMatrix } from '../src/data/dataset.js';
import type { Matrix } from '../src/math/matrix.js';

/** Wall time, and CPU time of the whole process (all threads): the machine is shared, so CPU time is the steadier measure. */
interface Run { seconds: number; cpuSeconds: number; logLik: number; nIter: number; version?: string }
interface Row { part: string; peer: string; run: Run | null; note?: string }

const PY = '/usr/bin/python3';
const peer = (cmd: string, args: (string | number)[], timeoutS = 1800): Run | null => {
  try {
    const out = execFileSync(cmd, args.map(String), { encoding: 'utf8', timeout: timeoutS * 1000, stdio: ['ignore', 'pipe', 'ignore'] });
    return JSON.parse(out.trim().split('\n').pop()!);
  } catch {
    return null;
  }
};
const path = (p: string) => new URL(p, import.meta.url).pathname;

/** mclust's iteration count (negative when itmax was reached) as EM iterations after the first M-step, as segkit counts them. */
function emIterations(r: Run | null): Run | null {
  return r && { ...r, nIter: Math.abs(r.nIter) - 1 };
}

/** segkit EM from the shared partition: the M-step from the labels, then EM (median of 3 after a warm-up). */
async function segkitEm(x: Matrix, labels: Int32Array, k: number, maxIter: number, tol: number, regCovar: number): Promise<Run> {
  const resp = new Float64Array(x.rows * k);
  labels.forEach((l, i) => (resp[i * k + l] = 1));
  const once = async () => {
    const t = performance.now(), c = process.cpuUsage();
    const r = await runEm(x, await paramsFromResp(x, resp, 'VVV', k, regCovar, 'kmeans'), { maxIter, tol, regCovar, scale: meanVariance(x) });
    const u = process.cpuUsage(c);
    return { seconds: (performance.now() - t) / 1000, cpuSeconds: (u.user + u.system) / 1e6, logLik: r.logLik, nIter: r.nIter };
  };
  await once();
  const runs = [await once(), await once(), await once()].sort((a, b) => a.seconds - b.seconds);
  return runs[1];
}

export async function benchGmm(quick: boolean): Promise<{ rows: Row[]; grid: { seconds: number; cpuSeconds: number; cells: number; nIter: number } }> {
  const d = blobsFile(100_000, 10, 8), k = 8;
  const x = readMatrix(d);
  const labels = argmaxRows(await initialResp(x, k, 'kmeans', createRng(1)), x.rows, k);
  const labelsFile = path(`./out/${d.name}-kmeans-labels.i32`);
  writeFileSync(labelsFile, new Uint8Array(labels.buffer));
  const rows: Row[] = [];
  const log = (r: Row) => (rows.push(r), console.error(`${r.part} ${r.peer}: ${r.run ? `${r.run.seconds.toFixed(3)} s, logLik ${r.run.logLik.toFixed(6)}, ${r.run.nIter} it` : r.note ?? 'failed'}`));
  const common = [d.file, d.rows, d.cols, k, labelsFile];
  const fixed = quick ? 5 : 20;

  // A. Fixed iterations. mclust's itmax counts M-steps; segkit and scikit-learn do one M-step before EM.
  const A = `A: ${fixed} EM iterations`;
  log({ part: A, peer: 'segkit (regCovar 1e-6)', run: await segkitEm(x, labels, k, fixed, 0, 1e-6) });
  // A copy outside shared memory keeps every E-step in the main thread: segkit on one thread.
  const single = { ...x, data: Float64Array.from(x.data) };
  log({ part: A, peer: 'segkit main thread only (regCovar 1e-6)', run: await segkitEm(single, labels, k, fixed, 0, 1e-6) });
  for (const th of [1, 2]) log({ part: A, peer: `scikit-learn ${th} thread${th > 1 ? 's' : ''} (reg_covar 1e-6)`, run: peer(PY, [path('./peers/sklearn_gmm.py'), ...common, 'full', fixed, 0, th]) });
  log({ part: A, peer: 'segkit (regCovar 0, as mclust)', run: await segkitEm(x, labels, k, fixed, 0, 0) });
  log({ part: A, peer: 'mclust me() VVV', run: emIterations(peer('Rscript', [path('./peers/mclust_gmm.R'), ...common, 'VVV', fixed + 1, 0, 1])) });

  // B. To convergence.
  const B = 'B: to convergence';
  log({ part: B, peer: 'segkit tol 1e-3', run: await segkitEm(x, labels, k, 1000, 1e-3, 1e-6) });
  for (const th of [1, 2]) log({ part: B, peer: `scikit-learn ${th} thread${th > 1 ? 's' : ''} tol 1e-3`, run: peer(PY, [path('./peers/sklearn_gmm.py'), ...common, 'full', 1000, 1e-3, th]) });
  const mc = emIterations(peer('Rscript', [path('./peers/mclust_gmm.R'), ...common, 'VVV', 1000, 1e-5, 1]));
  log({ part: B, peer: 'mclust me() VVV, relative tol 1e-5 (default)', run: mc });
  if (mc) {
    // mclust stops when |ΔL|/(1+|L|) < 1e-5; per row that is 1e-5·(1+|L|)/n.
    const tol = (1e-5 * (1 + Math.abs(mc.logLik))) / x.rows;
    log({ part: B, peer: `segkit regCovar 0, tol ${tol.toPrecision(3)} (= mclust's rule)`, run: await segkitEm(x, labels, k, 1000, tol, 0) });
  }

  // LPA grid.
  const g = readMatrix(blobsFile(10_000, 6, 4));
  const t = performance.now(), c0 = process.cpuUsage();
  const grid = await fitLpaGrid(datasetFromMatrix(g), { models: [1, 2, 3, 6], ks: [2, 3, 4, 5, 6, 7, 8] }, createFitContext(createRng(1), []));
  const seconds = (performance.now() - t) / 1000, u = process.cpuUsage(c0), cpuSeconds = (u.user + u.system) / 1e6;
  const nIter = grid.cells.reduce((s, c) => s + c.nIter, 0);
  console.error(`LPA grid 10000x6, 28 cells: ${seconds.toFixed(2)} s (CPU ${cpuSeconds.toFixed(2)} s), ${nIter} EM iterations`);
  return { rows, grid: { seconds, cpuSeconds, cells: grid.cells.length, nIter } };
}

/** Markdown table; ratios are peer time ÷ the segkit row of the same part and regularisation. */
export function gmmTable(r: Awaited<ReturnType<typeof benchGmm>>): string {
  const out = ['| part | peer | wall (s) | CPU (s) | EM iterations | log-likelihood | wall ÷ segkit wall | CPU ÷ segkit CPU |', '|---|---|---:|---:|---:|---:|---:|---:|'];
  for (const row of r.rows) {
    if (!row.run) {
      out.push(`| ${row.part} | ${row.peer} | ${row.note ?? 'failed'} | | | | | |`);
      continue;
    }
    const mclustLike = row.peer.startsWith('mclust');
    const ours = r.rows.find((o) => o.part === row.part && o.peer.startsWith('segkit') && (mclustLike ? o.peer.includes('regCovar 0') : !o.peer.includes('regCovar 0')))?.run;
    const peerRow = ours && !row.peer.startsWith('segkit');
    const ratio = peerRow ? `${(row.run.seconds / ours.seconds).toFixed(2)}×` : '';
    const cpuRatio = peerRow ? `${(row.run.cpuSeconds / ours.cpuSeconds).toFixed(2)}×` : '';
    out.push(`| ${row.part} | ${row.peer} | ${row.run.seconds.toFixed(3)} | ${row.run.cpuSeconds.toFixed(3)} | ${row.run.nIter} | ${row.run.logLik.toFixed(6)} | ${ratio} | ${cpuRatio} |`);
  }
  out.push('', `LPA grid (EEI, VVI, EEE, VVV × k = 2..8; 10,000 × 6 blobs, k-means start, tol 1e-5): ${r.grid.cells} fits, ${r.grid.nIter} EM iterations in all, ${r.grid.seconds.toFixed(2)} s wall, ${r.grid.cpuSeconds.toFixed(2)} s CPU.`);
  return out.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(gmmTable(await benchGmm(process.argv.includes('--quick'))));
