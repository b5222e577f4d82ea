/** Benchmark dispatcher: `npm run bench -- kmeans [--quick]`. Benchmarks are never part of `npm test`. */
import { benchKmeans, kmeansTable } from './kmeans.bench.js';

const [what = 'kmeans', ...rest] = process.argv.slice(2);
const quick = rest.includes('--quick');
if (what === 'kmeans') console.log(kmeansTable(await benchKmeans(quick)));
else {
  console.error(`unknown benchmark '${what}'; available: kmeans`);
  process.exit(2);
}
