/** One `selectK` run (k-means) in its own process; prints JSON with time, per-k numbers and peak RSS. */
import { selectK } from '../../src/select/select-k.js';
import { readMatrix } from '../data-gen.js';

const [file, rows, cols, kmin, kmax, b, boot] = process.argv.slice(2);
const x = readMatrix({ name: '', file, rows: +rows, cols: +cols, k: 0 });
const t = performance.now();
const cpu0 = process.cpuUsage();
const r = await selectK({ numeric: x, featureNames: [] }, { kRange: [+kmin, +kmax], gapReferences: +b, bootstrap: +boot, seed: 1 });
const seconds = (performance.now() - t) / 1000;
const cpu = process.cpuUsage(cpu0);
// CPU seconds of the main thread and the kernel workers: robust to other processes sharing the cores.
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
console.log(JSON.stringify({
  seconds,
  cpuSeconds,
  perK: r.perK.map((p) => ({ k: p.k, inertia: p.cost, silhouette: p.silhouette, gap: p.gap, gapSE: p.gapStandardError, stability: p.stability, stabilitySd: p.stabilitySd, seconds: p.seconds })),
  gapK: r.criteria.find((c) => c.name === 'gap')?.k ?? null,
  silhouetteK: r.criteria.find((c) => c.name === 'silhouette')?.k ?? null,
  recommended: r.recommendation.k,
  maxRssMb: process.resourceUsage().maxRSS / 1024,
}));
