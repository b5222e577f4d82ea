/** Benchmark dispatcher: `npm run bench -- kmeans [--quick]`. Benchmarks are never part of `npm test`. */
import { benchKmeans, kmeansTable } from './kmeans.bench.js';
import { benchKmodes, kmodesTable } from './kmodes.bench.js';
import { benchFeatures } from './features.bench.js';

const [what = 'kmeans', ...rest] = process.argv.slice(2);
const quick = rest.includes('--quick');
if (what === 'kmeans') console.log(kmeansTable(await benchKmeans(quick)));
else if (what === 'kmodes') console.log(kmodesTable(await benchKmodes(quick)));
else if (what === 'features') console.log(await benchFeatures(quick));
else {
  console.error(`unknown benchmark '${what}'; available: kmeans, kmodes, features`);
  process.exit(2);
}
