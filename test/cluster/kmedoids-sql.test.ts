import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { kmedoidsClusterer } from '../../src/cluster/kmedoids.js';
import { DIALECTS } from '../../src/data/sql-dialect.js';
import { createRng } from '../../src/math/rng.js';
import { dataset, fitKMedoids } from './kmedoids-helpers.js';

/**
 * The SQL scores of k-medoids, run in DuckDB on new rows (numbers beyond the training range, unseen
 * level codes −1), equal the in-process distances bit for bit, so the database picks the same medoid.
 * (The full export-sql path, pipeline included, is tested for every method in test/model/export-sql.test.ts.)
 */
describe('cluster/kmedoids: SQL scores (DuckDB) = in-process distances', () => {
  let duck: DuckDBConnection;
  before(async () => {
    duck = await (await DuckDBInstance.create(':memory:')).connect();
  });
  after(() => duck?.closeSync());

  const rng = createRng(21);
  const train = dataset(
    Array.from({ length: 60 }, (_, i) => [rng.normal() * 3 + (i % 3), rng.float() * 100, 7]),
    Array.from({ length: 60 }, (_, i) => [i % 3, rng.int(4)]),
  );
  const fresh = dataset(
    Array.from({ length: 40 }, (_, i) => [rng.normal() * 6, i % 5 === 0 ? 1e4 : rng.float() * 120 - 10, i % 7 === 0 ? 8 : 7]),
    Array.from({ length: 40 }, (_, i) => [i % 9 === 0 ? -1 : rng.int(3), i % 4 === 0 ? -1 : rng.int(4)]),
  );

  for (const metric of ['gower', 'euclidean'] as const) {
    it(`${metric}: every score equals the in-process distance`, async () => {
      const tr = metric === 'gower' ? train : { ...train, categorical: undefined };
      const fr = metric === 'gower' ? fresh : { ...fresh, categorical: undefined };
      const f = await fitKMedoids(tr, { nClusters: 4, metric, columnWeights: metric === 'gower' ? { x1: 2, c1: 0.5 } : {} });
      const n = fr.numeric.rows, p = fr.numeric.cols, m = fr.categorical?.cols ?? 0;
      const values = Array.from({ length: n }, (_, i) => {
        const nums = Array.from({ length: p }, (_, j) => `CAST(${String(fr.numeric.data[i * p + j])} AS DOUBLE)`);
        const codes = Array.from({ length: m }, (_, j) => String(fr.categorical!.data[i * m + j]));
        return `(${[i, ...nums, ...codes].join(', ')})`;
      });
      const cols = ['i', ...Array.from({ length: p }, (_, j) => `x${j}`), ...Array.from({ length: m }, (_, j) => `c${j}`)];
      const scores = kmedoidsClusterer.sqlScores!(f.state, { features: cols.slice(1, 1 + p), codes: cols.slice(1 + p) }, DIALECTS.duckdb);
      const sql = `SELECT ${scores.exprs.map((e, c) => `${e} AS s${c}`).join(', ')} FROM (VALUES ${values.join(', ')}) AS t(${cols.join(', ')}) ORDER BY i`;
      const rows = (await duck.runAndReadAll(sql)).getRows();
      const dist = kmedoidsClusterer.distances!(f.state, fr);
      assert.equal(rows.length, n);
      for (let i = 0; i < n; i++)
        for (let c = 0; c < 4; c++) {
          const sqlScore = Number(rows[i][c]);
          const ours = dist.data[i * 4 + c];
          assert.equal(metric === 'euclidean' ? Math.sqrt(sqlScore) : sqlScore, ours, `row ${i}, medoid ${c}`);
        }
    });
  }
});
