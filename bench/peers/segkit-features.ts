/** One segkit features run for bench/features.bench.ts: args = source, spec JSON, output file; prints a JSON line. */
import { transactionFeatures } from '../../src/features/transaction-features.js';
import { parseSourceSpec } from '../../src/data/source-spec.js';

const [source, spec, out] = process.argv.slice(2);
const r = await transactionFeatures(parseSourceSpec(source), JSON.parse(spec), { out, read: false });
console.log(JSON.stringify({ customers: r.customers, used: r.report.used }));
