/** One segkit k-means fit in its own process; prints JSON with time, inertia and peak RSS. */
import { kmeansClusterer } from '../../src/cluster/kmeans.js';
import { createFitContext } from '../../src/cluster/types.js';
import { createRng } from '../../src/math/rng.js';
import { readMatrix } from '../data-gen.js';

const [file, rows, cols, k, algorithm, nInit, init] = process.argv.slice(2);
const x = readMatrix({ name: '', file, rows: +rows, cols: +cols, k: +k });
const params = kmeansClusterer.schema.parse({ nClusters: +k, algorithm, nInit: +nInit, init });
if (process.env.SEGKIT_BENCH_MEMORY) {
  // Peak memory of one cold fit: in the timed loop below, garbage from earlier fits inflates RSS.
  const before = process.resourceUsage().maxRSS / 1024;
  const t = performance.now();
  const f = await kmeansClusterer.fit({ numeric: x, featureNames: [] }, params, createFitContext(createRng(1), []));
  console.log(JSON.stringify({ seconds: (performance.now() - t) / 1000, inertia: f.diagnostics.inertia, nIter: f.diagnostics.nIter, maxRssMb: process.resourceUsage().maxRSS / 1024, rssBeforeFitMb: before, dataMb: x.data.byteLength / 2 ** 20 }));
  process.exit(0);
}
// Warm the JIT on a slice so the timed fit measures steady-state code, as a long-lived process would.
const warm = { rows: Math.min(20000, x.rows), cols: x.cols, data: x.data.subarray(0, Math.min(20000, x.rows) * x.cols) };
await kmeansClusterer.fit({ numeric: warm, featureNames: [] }, { ...params, maxIter: 5 }, createFitContext(createRng(9), []));
const times: number[] = [];
let last: any;
let best = Infinity;
for (let r = 0; r < 3; r++) {
  const t = performance.now();
  last = await kmeansClusterer.fit({ numeric: x, featureNames: [] }, params, createFitContext(createRng(r + 1), []));
  times.push((performance.now() - t) / 1000);
  best = Math.min(best, last.diagnostics.inertia);
}
times.sort((a, b) => a - b);
console.log(JSON.stringify({ seconds: times[1], inertia: best, nIter: last.diagnostics.nIter, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
