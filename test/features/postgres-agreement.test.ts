/** The same features from embedded DuckDB and from a real throwaway PostgreSQL cluster agree to 1e-9. */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startPostgres, type PgCluster } from '../helpers/postgres.js';
import { tempDir } from '../helpers/temp.js';
import { parseSourceSpec } from '../../src/data/source-spec.js';
import { transactionFeatures } from '../../src/features/transaction-features.js';
import type { FeatureTable } from '../../src/features/sql-engine.js';
import { handCsv, HAND_SPEC, HAND_EXPECTED } from './hand-transactions.js';

function assertSame(a: FeatureTable, b: FeatureTable, tol = 1e-9) {
  // Engines sort text by different collations: compare by customer.
  const index = new Map(b.ids.map((id, i) => [id, i]));
  assert.equal(a.ids.length, b.ids.length);
  assert.deepEqual(a.columns.map((c) => c.name), b.columns.map((c) => c.name));
  for (let j = 0; j < a.columns.length; j++) {
    const x = a.columns[j].values, y = b.columns[j].values;
    for (let i = 0; i < a.ids.length; i++) {
      const k = index.get(a.ids[i]);
      assert.ok(k !== undefined, `customer ${a.ids[i]} missing`);
      const u = x[i], v = y[k];
      assert.ok(Number.isNaN(u) ? Number.isNaN(v) : Math.abs(u - v) <= tol * Math.max(1, Math.abs(u)), `${a.columns[j].name} of ${a.ids[i]}: ${u} vs ${v}`);
    }
  }
}

describe('features in PostgreSQL (real cluster) = features in DuckDB', () => {
  let pg: PgCluster;
  let dir: string;
  let cleanup: () => void;
  before(async () => {
    ({ dir, cleanup } = tempDir());
    pg = await startPostgres();
    // The hand file as text columns, and again with typed columns.
    writeFileSync(join(dir, 'hand.csv'), handCsv());
    pg.sql(`CREATE TABLE hand_text (invoice text, customer text, "when" text, qty text, price text, category text, discount text)`);
    pg.sql(`\\copy hand_text FROM '${join(dir, 'hand.csv')}' CSV HEADER`);
    pg.sql(`CREATE TABLE hand_typed AS SELECT invoice, customer, CAST("when" AS timestamp) AS "when", CAST(qty AS integer) AS qty, CAST(price AS numeric(10,2)) AS price, category, CAST(discount AS double precision) AS discount
      FROM hand_text WHERE "when" <> 'not a date'`);
    // CDNOW with an integer date column, as a warehouse would hold it.
    const rows = readFileSync(resolve('data/samples/cdnow_master.txt'), 'utf8').trim().split(/\r?\n/).map((l) => l.trim().split(/\s+/).join(','));
    writeFileSync(join(dir, 'cdnow.csv'), rows.join('\n') + '\n');
    pg.sql(`CREATE TABLE cdnow (customer text, day integer, cds integer, dollars numeric(10,2))`);
    pg.sql(`\\copy cdnow FROM '${join(dir, 'cdnow.csv')}' CSV`);
  });
  after(() => {
    pg?.stop();
    cleanup?.();
  });

  it('hand file from text columns: the hand-computed values', async () => {
    const inPg = (await transactionFeatures(parseSourceSpec(pg.url, { table: 'hand_text' }), HAND_SPEC)).table!;
    const inDuck = (await transactionFeatures(parseSourceSpec(join(dir, 'hand.csv')), HAND_SPEC)).table!;
    assertSame(inDuck, inPg, 1e-12);
    const a = inPg.ids.indexOf('A');
    for (const c of inPg.columns) {
      const want = HAND_EXPECTED.A[c.name];
      assert.ok(Number.isNaN(want) ? Number.isNaN(c.values[a]) : Math.abs(c.values[a] - want) < 1e-12, c.name);
    }
  });

  it('hand file from typed columns (timestamp, integer, numeric)', async () => {
    const r = await transactionFeatures(parseSourceSpec(pg.url, { table: 'hand_typed' }), HAND_SPEC);
    assertSame((await transactionFeatures(parseSourceSpec(join(dir, 'hand.csv')), HAND_SPEC)).table!, r.table!, 1e-12);
    assert.equal(r.report.unreadableDate, 0);
  });

  it('US M/D/YYYY H:MM text dates are read alike', async () => {
    const us = handCsv((iso) => {
      const [d, t] = iso.split(' ');
      const [y, m, day] = d.split('-').map(Number);
      return `${m}/${day}/${y} ${Number(t.slice(0, 2))}:${t.slice(3)}`;
    });
    writeFileSync(join(dir, 'us.csv'), us);
    pg.sql(`CREATE TABLE hand_us (invoice text, customer text, "when" text, qty text, price text, category text, discount text)`);
    pg.sql(`\\copy hand_us FROM '${join(dir, 'us.csv')}' CSV HEADER`);
    const inPg = (await transactionFeatures(parseSourceSpec(pg.url, { table: 'hand_us' }), HAND_SPEC)).table!;
    assertSame((await transactionFeatures(parseSourceSpec(join(dir, 'hand.csv')), HAND_SPEC)).table!, inPg, 1e-12);
  });

  it('CDNOW (69,659 lines, 23,570 customers): every feature agrees to 1e-9', async () => {
    const spec = { customer: 'customer', date: 'day', quantity: 'cds', amount: 'dollars' };
    const inPg = await transactionFeatures(parseSourceSpec(pg.url, { table: 'cdnow' }), spec);
    const inDuck = await transactionFeatures(parseSourceSpec(resolve('data/samples/cdnow_master.txt')), { customer: 'column1', date: 'column2', quantity: 'column3', amount: 'column4' });
    assert.equal(inPg.table!.ids.length, 23570);
    assert.deepEqual(inPg.report, inDuck.report);
    assertSame(inDuck.table!, inPg.table!, 1e-9);
  });
});
