/**
 * Generates a large synthetic customer table with DuckDB (no JS row loop): `rows` customers with
 * `cols` numeric features drawn around `k` centers, plus an ID and a categorical column.
 * Usage: node --import tsx scripts/gen-customers.ts out.parquet [rows=1000000] [cols=20] [k=16] [seed=1]
 */
import { DuckDBInstance } from '@duckdb/node-api';

const [out, rowsArg = '1000000', colsArg = '20', kArg = '16', seedArg = '1'] = process.argv.slice(2);
if (!out) {
  console.error('usage: gen-customers.ts out.(parquet|csv) [rows] [cols] [k] [seed]');
  process.exit(2);
}
const rows = Number(rowsArg), cols = Number(colsArg), k = Number(kArg), seed = Number(seedArg);
const db = await DuckDBInstance.create(':memory:');
const con = await db.connect();
await con.run(`SELECT setseed(${(seed % 1000) / 1000})`);
// Each feature: the cluster's center (a hash of cluster and feature, spread over ±10) plus normal noise.
const features = Array.from({ length: cols }, (_, j) =>
  `(((hash(c * 131 + ${j}) % 2000)::DOUBLE / 100.0) - 10.0) + sqrt(-2 * ln(random() + 1e-12)) * cos(2 * pi() * random()) * 2.0 AS f${j}`,
).join(',\n  ');
const sql = `COPY (
  SELECT printf('C%08d', i) AS customer_id, ['north','south','east','west'][1 + (i % 4)] AS region,
  ${features}
  FROM (SELECT i, (hash(i * 7919 + ${seed}) % ${k}) AS c FROM range(${rows}) t(i))
) TO '${out.replace(/'/g, "''")}' ${out.endsWith('.csv') ? "(HEADER, DELIMITER ',')" : '(FORMAT parquet)'}`;
const t = performance.now();
await con.run(sql);
console.error(`wrote ${rows} × ${cols + 2} to ${out} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
con.closeSync();
