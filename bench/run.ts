/** Benchmark dispatcher: `npm run bench -- <name> [--quick]`. Benchmarks are never part of `npm test`. */
import { benchKmeans, kmeansTable } from './kmeans.bench.js';
import { benchKmodes, kmodesTable } from './kmodes.bench.js';
import { benchKmedoids, kmedoidsTable } from './kmedoids.bench.js';
import { benchSelect, selectTable } from './select.bench.js';
import { benchGmm, gmmTable } from './gmm.bench.js';
import { benchFeatures } from './features.bench.js';
import { benchSimilar } from './similar.bench.js';
import { benchDashboard } from './dashboard.bench.js';
import { benchSom, somTable } from './som.bench.js';
import { benchHierarchical, hierarchicalTable } from './hierarchical.bench.js';
import { benchDbscan, dbscanTable } from './dbscan.bench.js';

/** One entry per benchmark: runs it and returns its Markdown table. */
const BENCHES: Record<string, (quick: boolean) => Promise<string>> = {
  kmeans: async (q) => kmeansTable(await benchKmeans(q)),
  kmodes: async (q) => kmodesTable(await benchKmodes(q)),
  kmedoids: async (q) => kmedoidsTable(await benchKmedoids(q)),
  select: async (q) => selectTable(await benchSelect(q)),
  gmm: async (q) => gmmTable(await benchGmm(q)),
  features: (q) => benchFeatures(q),
  similar: (q) => benchSimilar(q),
  dashboard: (q) => benchDashboard(q),
  som: async (q) => somTable(await benchSom(q)),
  hierarchical: async (q) => hierarchicalTable(await benchHierarchical(q)),
  dbscan: async (q) => dbscanTable(await benchDbscan(q)),
};

const [what = 'kmeans', ...rest] = process.argv.slice(2);
const run = BENCHES[what];
if (!run) {
  console.error(`unknown benchmark '${what}'; available: ${Object.keys(BENCHES).join(', ')}`);
  process.exit(2);
}
console.log(await run(rest.includes('--quick')));
