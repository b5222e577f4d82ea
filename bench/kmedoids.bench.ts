/**
 * K-medoids side by side with R's cluster::pam (and cluster::clara for numbers only), each fit in
 * its own process, times the median of 3 fits (segkit after a JIT warm-up on a slice).
 * - Mixed data (5 numbers + 4 categories, bench/mixed-data.ts), Gower: R = daisy(metric = "gower") +
 *   pam(diss = TRUE); segkit = its own Gower matrix + the same algorithm. Setups: BUILD + classic
 *   swaps (variant "original"), BUILD + FasterPAM (variant "faster"), FasterPAM from rows 1..k.
 * - Numbers only, Euclidean: the same, and CLARA on 50,000 rows with the same samples and sample size.
 * Usage: npm run bench -- kmedoids [--quick]
 */
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { mixedBlobs, readMixed, type MixedBench } from './mixed-data.js';

interface Run { seconds: number; cost: number; medoids: number[]; maxRssMb: number; swaps?: number }
interface Row { data: string; peer: string; setup: string; run: Run | null }

/** segkit options and R's setup name for each setup. */
const SETUPS: Record<string, { segkit: Record<string, unknown>; r: string }> = {
  'BUILD + PAM swaps': { segkit: { init: 'build', swap: 'steepest', algorithm: 'pam' }, r: 'build-original' },
  'BUILD + FasterPAM': { segkit: { init: 'build', swap: 'eager', algorithm: 'pam' }, r: 'build-faster' },
  'FasterPAM from rows 1..k': { segkit: { swap: 'eager', algorithm: 'pam' }, r: 'start-faster' },
  'CLARA 5 × 1000': { segkit: { init: 'build', swap: 'eager', algorithm: 'clara', samples: 5, sampleSize: 1000 }, r: 'clara' },
};

const segkit = (b: MixedBench, setup: string): Run | null => {
  try {
    const script = new URL(import.meta.url).pathname;
    const out = execFileSync('node', ['--import', 'tsx', script, '--child', JSON.stringify(b), setup], { encoding: 'utf8', timeout: 1_800_000 });
    return JSON.parse(out.trim().split('\n').pop()!);
  } catch (e) {
    console.error(String(e));
    return null;
  }
};
const rPeer = (b: MixedBench, setup: string): Run | null => {
  try {
    const script = new URL('./peers/r_pam.R', import.meta.url).pathname;
    const extra = setup.startsWith('CLARA') ? ['5', '1000'] : [];
    const out = execFileSync('Rscript', [script, b.file, String(b.nNum), String(b.nCat), String(b.k), SETUPS[setup].r, '3', ...extra], { encoding: 'utf8', timeout: 3_600_000 });
    return JSON.parse(out.trim());
  } catch (e) {
    console.error(String(e));
    return null;
  }
};

export async function benchKmedoids(quick: boolean): Promise<Row[]> {
  const rows: Row[] = [];
  const log = (r: Row) => (rows.push(r), console.error(`${r.data} ${r.peer} ${r.setup}: ${r.run ? `${r.run.seconds.toFixed(3)} s, cost ${r.run.cost.toPrecision(10)}` : 'failed'}`));
  const n = quick ? 2000 : 5000;
  const runs: [MixedBench, string[]][] = [
    [mixedBlobs(n, 5, 4, 5), ['BUILD + PAM swaps', 'BUILD + FasterPAM', 'FasterPAM from rows 1..k']],
    [mixedBlobs(n, 5, 0, 5), ['BUILD + PAM swaps', 'BUILD + FasterPAM']],
    [mixedBlobs(quick ? 20_000 : 50_000, 5, 0, 5), ['CLARA 5 × 1000']],
  ];
  for (const [b, setups] of runs)
    for (const setup of setups) {
      log({ data: b.name, peer: 'segkit kmedoids', setup, run: segkit(b, setup) });
      log({ data: b.name, peer: b.nCat ? 'R daisy + pam' : setup.startsWith('CLARA') ? 'R clara' : 'R dist + pam', setup, run: rPeer(b, setup) });
    }
  return rows;
}

/** Markdown table; ratio = R time ÷ segkit time for the same data and setup. */
export function kmedoidsTable(rows: Row[]): string {
  const out = ['| data | peer | setup | time (s) | cost | same medoids | R time ÷ segkit time | peak RSS (MB) |', '|---|---|---|---:|---:|---|---:|---:|'];
  for (const r of rows) {
    if (!r.run) {
      out.push(`| ${r.data} | ${r.peer} | ${r.setup} | failed | | | | |`);
      continue;
    }
    const ours = rows.find((x) => x.data === r.data && x.setup === r.setup && x.peer.startsWith('segkit'))?.run;
    const isPeer = !r.peer.startsWith('segkit');
    const ratio = ours && isPeer ? `${(r.run.seconds / ours.seconds).toFixed(1)}×` : '';
    const same = ours && isPeer ? (JSON.stringify(ours.medoids) === JSON.stringify(r.run.medoids) ? 'yes' : 'no') : '';
    out.push(`| ${r.data} | ${r.peer} | ${r.setup} | ${r.run.seconds.toFixed(3)} | ${r.run.cost.toPrecision(10)} | ${same} | ${ratio} | ${r.run.maxRssMb.toFixed(0)} |`);
  }
  return out.join('\n') + '\n';
}

/** Child process: one segkit setup, median of 3 fits after a warm-up; prints JSON. */
async function child(b: MixedBench, setup: string): Promise<void> {
  const { kmedoidsClusterer } = await import('../src/cluster/kmedoids.js');
  const { createFitContext } = await import('../src/cluster/types.js');
  const { createRng } = await import('../src/math/rng.js');
  const { num, cat, levels } = readMixed(b);
  const n = b.rows;
  const data = {
    numeric: { rows: n, cols: b.nNum, data: num },
    featureNames: Array.from({ length: b.nNum }, (_, j) => `n${j}`),
    ...(b.nCat ? { categorical: { rows: n, cols: b.nCat, data: cat, names: Array.from({ length: b.nCat }, (_, j) => `c${j}`), levels: levels.map((l) => Array.from({ length: l }, (_, v) => String(v))) } } : {}),
  };
  const opts = { nClusters: b.k, ...SETUPS[setup].segkit, ...(setup.includes('rows 1..k') ? { init: Array.from({ length: b.k }, (_, i) => i) } : {}) };
  const params = kmedoidsClusterer.schema.parse(opts);
  const w = Math.min(1000, n);
  const warm = { ...data, numeric: { rows: w, cols: b.nNum, data: num.subarray(0, w * b.nNum) }, ...(b.nCat ? { categorical: { ...data.categorical!, rows: w, data: cat.subarray(0, w * b.nCat) } } : {}) };
  await kmedoidsClusterer.fit(warm, kmedoidsClusterer.schema.parse({ ...opts, algorithm: 'pam', sampleSize: 'auto' }), createFitContext(createRng(9), []));
  const times: number[] = [];
  let last: any;
  for (let r = 0; r < 3; r++) {
    const t = performance.now();
    last = await kmedoidsClusterer.fit(data, params, createFitContext(createRng(r + 1), []));
    times.push((performance.now() - t) / 1000);
  }
  times.sort((a, c) => a - c);
  const medoids = [...last.state.medoidRows].sort((a: number, c: number) => a - c);
  console.log(JSON.stringify({ seconds: times[1], cost: last.diagnostics.cost, medoids, swaps: last.diagnostics.swaps, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
}

if (process.argv[2] === '--child' && import.meta.url === pathToFileURL(process.argv[1]).href) await child(JSON.parse(process.argv[3]), process.argv[4]);
