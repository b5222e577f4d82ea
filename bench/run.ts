/** Benchmark dispatcher: `npm run bench` (the whole suite) or `npm run bench -- <name> [--quick]`. Benchmarks are never part of `npm test`. */
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
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

/** Benchmarks that run as their own script (they time child processes or servers themselves). */
const SCRIPTS: Record<string, string> = { pca: 'pca.bench.ts', embed: 'embed.bench.ts', track: 'track.bench.ts', serve: 'serve.bench.ts' };

/** A standalone benchmark script in its own process; its stdout is its table. */
function runScript(file: string, quick: boolean): string {
  return execFileSync(process.execPath, ['--import', 'tsx', new URL(`./${file}`, import.meta.url).pathname, ...(quick ? ['--quick'] : [])], { encoding: 'utf8', maxBuffer: 1 << 24 });
}

const [what = 'all', ...rest] = process.argv.slice(2);
const quick = rest.includes('--quick');
const names = [...Object.keys(BENCHES), ...Object.keys(SCRIPTS)];
if (what !== 'all' && !names.includes(what)) {
  console.error(`unknown benchmark '${what}'; available: all, ${names.join(', ')}`);
  process.exit(2);
}
// `npm run bench` runs the whole suite, one benchmark after another, each peer in its own process.
for (const name of what === 'all' ? names : [what]) {
  if (what === 'all') console.log(`\n## ${name} (${new Date().toISOString()}, load average ${loadavg()[0].toFixed(1)})\n`);
  console.log(BENCHES[name] ? await BENCHES[name](quick) : runScript(SCRIPTS[name], quick));
}
