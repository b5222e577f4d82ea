import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { startPostgres, type PgCluster } from '../helpers/postgres.js';
import { readFrame } from '../../src/data/read-frame.js';
import { parseSourceSpec } from '../../src/data/source-spec.js';
import { fitModel } from '../../src/model/fit-model.js';
import { scoreFrame } from '../../src/model/predict.js';
import { exportSql } from '../../src/model/sql/export-sql.js';
import type { SegmentationModel } from '../../src/model/artifact.js';
import { expectSegkitError } from '../helpers/expect.js';

/**
 * The same tables in PostgreSQL and DuckDB: skewed and negative numbers (log1p, Yeo-Johnson), missing
 * values, a boolean, a date, categories with a rare level and missing values. `new_customers` adds
 * unseen levels, missing values everywhere and numbers beyond the training range.
 */
const TABLES = `
CREATE TABLE customers AS
SELECT lpad(CAST(i AS VARCHAR), 5, '0') AS customer_id,
  CAST(18 + (i * 7) % 60 AS INTEGER) AS age,
  CASE WHEN i % 23 = 0 THEN NULL ELSE CAST(round(exp(((i * 37) % 100) / 12.0), 2) AS DOUBLE PRECISION) END AS income,
  CAST(((i * 7919) % 2000) - 400 + CASE WHEN i % 10 = 0 THEN 30000 ELSE 0 END AS DOUBLE PRECISION) AS balance,
  (i % 3 = 0) AS active,
  DATE '2020-01-01' + CAST(i * 3 AS INTEGER) AS joined,
  CASE WHEN i % 17 = 0 THEN NULL WHEN i = 5 THEN 'legacy' WHEN i % 3 = 0 THEN 'basic' WHEN i % 3 = 1 THEN 'plus' ELSE 'pro' END AS plan,
  CASE (i * 13) % 4 WHEN 0 THEN 'north' WHEN 1 THEN 'south' WHEN 2 THEN 'east' ELSE 'west' END AS region
FROM generate_series(1, 400) AS t(i);
CREATE TABLE new_customers AS SELECT * FROM customers WHERE CAST(customer_id AS INTEGER) % 4 = 0;
INSERT INTO new_customers VALUES
  ('90001', 30, NULL, NULL, NULL, NULL, 'enterprise', 'north'),
  ('90002', 95, 99999.5, -50000, true, DATE '2031-05-01', NULL, 'atlantis'),
  ('90003', NULL, 0, 0, false, DATE '2019-01-01', 'legacy', NULL);
`;

describe('model/export-sql: the exported SQL scores like in-process predict (DuckDB and PostgreSQL)', () => {
  let cluster: PgCluster;
  let client: pg.Client;
  let duck: DuckDBConnection;
  const models: Record<string, SegmentationModel> = {};

  before(async () => {
    cluster = await startPostgres();
    cluster.sql(TABLES);
    client = new pg.Client({ connectionString: cluster.url });
    await client.connect();
    duck = await (await DuckDBInstance.create(':memory:')).connect();
    for (const stmt of TABLES.split(';').map((s) => s.trim()).filter(Boolean)) await duck.run(stmt);
    const train = await readFrame(parseSourceSpec(cluster.url, { table: 'customers' }));
    models.kmeans = (await fitModel(train, { options: { nClusters: 4 }, seed: 3 })).model;
    models.kprototypes = (await fitModel(train, { method: 'kprototypes', options: { nClusters: 4 }, seed: 3 })).model;
    models.kmedoids = (await fitModel(train, { method: 'kmedoids', options: { nClusters: 4 }, seed: 3 })).model;
    models.kmodes = (await fitModel(train, { method: 'kmodes', options: { nClusters: 3 }, prep: { features: ['plan', 'region', 'active'] }, seed: 3 })).model;
    models.gmm = (await fitModel(train, { method: 'gmm', options: { nClusters: 3 }, prep: { features: ['age', 'income', 'balance', 'joined'] }, seed: 3 })).model;
    models['lpa-vvi'] = (await fitModel(train, { method: 'lpa', options: { nClusters: 3, model: 'VVI' }, prep: { features: ['age', 'income', 'balance', 'active'] }, seed: 3 })).model;
    models['lpa-kmeans'] = (await fitModel(train, { method: 'lpa-kmeans', options: { nClusters: 3, nProfiles: 4 }, prep: { features: ['age', 'income', 'balance'] }, seed: 3 })).model;
    models['gmm-spherical'] = (await fitModel(train, { method: 'gmm', options: { nClusters: 2, covarianceType: 'spherical' }, prep: { features: ['age', 'balance'] }, seed: 3 })).model;
    models.som = (await fitModel(train, { method: 'som', options: { nClusters: 4, rows: 5, cols: 4, topology: 'hexagonal' }, seed: 3 })).model;
    models.hierarchical = (await fitModel(train, { method: 'hierarchical', options: { levels: [2, 5] }, seed: 3 })).model;
    models['kmeans-robust-mode'] = (await fitModel(train, { options: { nClusters: 3 }, prep: { scale: 'robust', categoricalMissing: 'mode', missingIndicator: true, encode: 'ordinal' }, seed: 5 })).model;
    // Issue 15: capping, pruning, weights and PCA (whitened) all compile to SQL.
    models['kmeans-reduced'] = (await fitModel(train, { options: { nClusters: 4 }, prep: { outliers: { method: 'z', z: 2, action: 'cap' }, pruneCorrelated: 0.5, weights: { age: 2, 'region=north': 0.5 }, pca: 4, whiten: true }, seed: 3 })).model;
    models['kprototypes-pca-quantile'] = (await fitModel(train, { method: 'kprototypes', options: { nClusters: 3 }, prep: { outliers: { method: 'quantile', lower: 0.05, upper: 0.9 }, pca: 0.8 }, seed: 3 })).model;
  });
  after(async () => {
    await client?.end();
    duck?.closeSync();
    cluster?.stop();
  });

  for (const name of ['kmeans', 'kprototypes', 'kmedoids', 'kmodes', 'kmeans-robust-mode', 'gmm', 'lpa-vvi', 'gmm-spherical', 'lpa-kmeans', 'kmeans-reduced', 'kprototypes-pca-quantile', 'som', 'hierarchical']) {
    for (const dialect of ['duckdb', 'postgres'] as const) {
      it(`${name} in ${dialect}: same segment and runner-up for every row, confidence and distance to 1e-9`, async () => {
        const model = models[name];
        const sql = exportSql(model, { dialect, table: 'new_customers' });
        const rows = dialect === 'postgres'
          ? (await client.query(sql)).rows
          : (await duck.runAndReadAll(sql)).getRowObjectsJS();
        const frame = await readFrame(parseSourceSpec(cluster.url, { table: 'new_customers' }));
        const s = scoreFrame(model, frame);
        const ids = frame.columns.find((c) => c.name === 'customer_id')!.values as string[];
        const byId = new Map(rows.map((r: any) => [String(r.customer_id), r]));
        assert.equal(rows.length, frame.rows);
        ids.forEach((id, i) => {
          const r: any = byId.get(id);
          assert.ok(r, `row ${id} missing from the SQL result`);
          assert.equal(Number(r.segment), s.labels[i], `segment of ${id}`);
          assert.equal(r.segment_name, model.segments[s.labels[i]].name);
          assert.equal(r.runner_up === null ? -1 : Number(r.runner_up), s.runnerUp[i], `runner-up of ${id}`);
          assert.ok(Math.abs(Number(r.confidence) - s.confidence[i]) <= 1e-9, `confidence of ${id}: ${r.confidence} vs ${s.confidence[i]}`);
          if (Number.isNaN(s.distance[i])) assert.equal(r.distance, null, `distance of ${id}`);
          else assert.ok(Math.abs(Number(r.distance) - s.distance[i]) <= 1e-9 * Math.max(1, s.distance[i]), `distance of ${id}`);
        });
      });
    }
  }

  it('quotes identifiers: a table and columns with quotes and spaces', async () => {
    await duck.run(`CREATE TABLE "odd ""name""" AS SELECT * FROM new_customers`);
    const rows = (await duck.runAndReadAll(exportSql(models.kmeans, { dialect: 'duckdb', table: 'odd "name"' }))).getRowObjectsJS();
    assert.equal(rows.length, 103);
  });

  it('refuses quantile scaling and unknown dialects by name', async () => {
    const train = await readFrame(parseSourceSpec(cluster.url, { table: 'customers' }));
    const q = (await fitModel(train, { options: { nClusters: 2 }, prep: { scale: 'quantile' }, seed: 1 })).model;
    const e = await expectSegkitError(() => exportSql(q, { dialect: 'duckdb' }), 'E_OPTION');
    assert.match(e.message, /uses the 'quantile' step, which has no SQL form/);
    await expectSegkitError(() => exportSql(models.kmeans, { dialect: 'oracle' as any }), 'E_OPTION');
  });
});
