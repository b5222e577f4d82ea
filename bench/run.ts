/** Benchmark dispatcher: `npm run bench -- kmeans|select [--quick]`. Benchmarks are never part of `npm test`. */
import { benchKmeans, kmeansTable } from './kmeans.bench.js';
import { benchSelect, selectTable } from './select.bench.js';

const [what = 'kmeans', ...rest] = process.argv.slice(2);
const quick = rest.includes('--quick');
if (what === 'kmeans') console.log(kmeansTable(await benchKmeans(quick)));
else if (what === 'select') console.log(selectTable(await benchSelect(quick)));
else {
  console.error(`unknown benchmark '${what}'; available: kmeans, select`);
  process.exit(2);
}
