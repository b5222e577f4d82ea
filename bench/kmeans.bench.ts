/**
 * k-means side by side: segkit (Lloyd with Hamerly bounds, and mini-batch), scikit-learn KMeans
 * at 1 and 2 threads, and ml-kmeans, on the same generated blobs, each fit in its own process.
 * Reports the median of 3 timed fits (segkit after a JIT warm-up), the best inertia, iterations,
 * peak RSS and ratios. Usage: npm run bench -- kmeans [--quick]
 */
import { execFileSync } from 'node:child_process';
import { blobsFile, type BenchData } from './data-gen.js';

interface Run { seconds: number; inertia: number; nIter: number; maxRssMb: number; version?: string }
interface Row { data: string; peer: string; run: Run | null; note?: string }

const PY = '/usr/bin/python3';
const node = (script: string, args: (string | number)[], timeoutS = 900): Run | null => {
  try {
    return JSON.parse(execFileSync('node', ['--import', 'tsx', new URL(script, import.meta.url).pathname, ...args.map(String)], { encoding: 'utf8', timeout: timeoutS * 1000, maxBuffer: 1 << 20 }).trim().split('\n').pop()!);
  } catch (e) {
    return null;
  }
};
const python = (args: (string | number)[]): Run | null => {
  try {
    return JSON.parse(execFileSync(PY, [new URL('./peers/sklearn_kmeans.py', import.meta.url).pathname, ...args.map(String)], { encoding: 'utf8', timeout: 900_000 }).trim());
  } catch {
    return null;
  }
};

export async function benchKmeans(quick: boolean): Promise<Row[]> {
  const sets: BenchData[] = [blobsFile(100_000, 10, 8), ...(quick ? [] : [blobsFile(1_000_000, 20, 16)])];
  const rows: Row[] = [];
  for (const d of sets) {
    const args = [d.file, d.rows, d.cols, d.k];
    const log = (r: Row) => (rows.push(r), console.error(`${r.data} ${r.peer}: ${r.run ? `${r.run.seconds.toFixed(3)} s, inertia ${r.run.inertia.toPrecision(10)}, ${r.run.nIter} it, ${r.run.maxRssMb.toFixed(0)} MB` : r.note ?? 'failed'}`));
    for (const nInit of [1, 3]) {
      log({ data: d.name, peer: `segkit lloyd (k-means++, nInit ${nInit})`, run: node('./peers/segkit-kmeans.ts', [...args, 'lloyd', nInit, 'kmeans++']) });
      for (const th of [1, 2]) log({ data: d.name, peer: `scikit-learn ${th} thread${th > 1 ? 's' : ''} (k-means++, n_init ${nInit})`, run: python([...args, th, nInit, 'k-means++']) });
    }
    log({ data: d.name, peer: 'segkit minibatch (k-means++, nInit 1)', run: node('./peers/segkit-kmeans.ts', [...args, 'minibatch', 1, 'kmeans++']) });
    log({ data: d.name, peer: 'ml-kmeans 7.0.1 (k-means++, 1 run, maxIterations 300)', run: node('./peers/ml-kmeans.ts', [...args, 300], 1200), note: 'timed out after 1200 s' });
  }
  return rows;
}

/** Markdown table with ratios against scikit-learn (same data, same nInit, 2 threads) and ml-kmeans. */
export function kmeansTable(rows: Row[]): string {
  const out = ['| data | peer | time (s) | iterations | best inertia | inertia vs sklearn | peer time ÷ segkit time (> 1: segkit faster) | peak RSS (MB) |', '|---|---|---:|---:|---:|---:|---:|---:|'];
  for (const r of rows) {
    if (!r.run) {
      out.push(`| ${r.data} | ${r.peer} | ${r.note ?? 'failed'} | | | | | |`);
      continue;
    }
    const nInit = /nInit (\d+)|n_init (\d+)/.exec(r.peer);
    const n = nInit ? nInit[1] ?? nInit[2] : '1';
    const sk = rows.find((x) => x.data === r.data && x.peer.startsWith('scikit-learn 2') && x.peer.includes(`n_init ${n}`))?.run;
    const ours = rows.find((x) => x.data === r.data && x.peer.startsWith('segkit lloyd') && x.peer.includes(`nInit ${r.peer.startsWith('ml-kmeans') ? 1 : n}`))?.run;
    const vsSk = sk ? `${(((r.run.inertia - sk.inertia) / sk.inertia) * 100).toFixed(3)}%` : '';
    const speed = ours && !r.peer.startsWith('segkit') ? `${(r.run.seconds / ours.seconds).toFixed(2)}×` : '';
    out.push(`| ${r.data} | ${r.peer} | ${r.run.seconds.toFixed(3)} | ${r.run.nIter} | ${r.run.inertia.toPrecision(9)} | ${vsSk} | ${speed} | ${r.run.maxRssMb.toFixed(0)} |`);
  }
  return out.join('\n');
}
