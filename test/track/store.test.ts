import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { tempDir } from '../helpers/temp.js';
import { openStore, listSnapshots } from '../../src/track/store.js';
import { recordSnapshot } from '../../src/track/snapshot.js';
import { SCHEMA_VERSION } from '../../src/track/store-schema.js';
import { blobModel } from './helpers.js';
import type { SegmentationModel } from '../../src/model/artifact.js';

const snap = (model: SegmentationModel, asOf: string, ids: string[], labels: number[], replace = false) =>
  ({ model, modelPath: 'm.json', asOf, ids, labels: Int32Array.from(labels), confidence: Float64Array.from(labels, () => 0.5), dataHash: 'h', replace });

describe('track/store: schema, snapshots, transactions', () => {
  let dir: string, cleanup: () => void, model: SegmentationModel;
  before(async () => {
    ({ dir, cleanup } = tempDir());
    model = await blobModel();
  });
  after(() => cleanup());

  it('creates the schema once and records the version', async () => {
    const path = join(dir, 'a.duckdb');
    const db = await openStore(path);
    assert.deepEqual(await db.query('SELECT version FROM schema_version'), [{ version: SCHEMA_VERSION }]);
    await db.close();
    const again = await openStore(path);
    assert.deepEqual(await again.query('SELECT COUNT(*) AS n FROM schema_version'), [{ n: 1 }]);
    await again.close();
  });

  it('records a snapshot with its model, segment names, run and assignments', async () => {
    const db = await openStore(join(dir, 'b.duckdb'));
    const r = await recordSnapshot(db, snap(model, '2024-01-31', ['a', 'b', 'c'], [0, 1, 1]));
    assert.equal(r.rows, 3);
    assert.deepEqual(r.counts, { 0: 1, 1: 2 });
    const models = await db.query('SELECT method, k, replaces FROM models');
    assert.deepEqual(models, [{ method: 'kmeans', k: 3, replaces: null }]);
    assert.deepEqual((await db.query('SELECT name FROM segments ORDER BY segment')).map((x) => x.name), model.segments.map((g) => g.name));
    assert.deepEqual(await db.query('SELECT customer_id, segment FROM assignments ORDER BY customer_id'), [
      { customer_id: 'a', segment: 0 }, { customer_id: 'b', segment: 1 }, { customer_id: 'c', segment: 1 },
    ]);
    const run = (await db.query('SELECT user_name, data_hash, metrics FROM runs'))[0];
    assert.equal(run.data_hash, 'h');
    assert.deepEqual(JSON.parse(String(run.metrics)).counts, { 0: 1, 1: 2 });
    // The same model again is not registered twice.
    await recordSnapshot(db, snap(model, '2024-02-29', ['a'], [2]));
    assert.deepEqual(await db.query('SELECT COUNT(*) AS n FROM models'), [{ n: 1 }]);
    assert.deepEqual((await listSnapshots(db)).map((s) => [s.asOf, s.rows]), [['2024-01-31', 3], ['2024-02-29', 1]]);
    await db.close();
  });

  it('refuses a date already recorded for the model unless replace, and replaces in one transaction', async () => {
    const db = await openStore(join(dir, 'c.duckdb'));
    await recordSnapshot(db, snap(model, '2024-01-31', ['a', 'b'], [0, 1]));
    await assert.rejects(recordSnapshot(db, snap(model, '2024-01-31', ['a'], [2])), (e: any) => e.code === 'E_OPTION' && /already has a snapshot dated 2024-01-31/.test(e.message) && /--replace/.test(e.hint));
    const r = await recordSnapshot(db, snap(model, '2024-01-31', ['a'], [2], true));
    assert.notEqual(r.replaced, null);
    assert.deepEqual(await db.query('SELECT customer_id, segment FROM assignments'), [{ customer_id: 'a', segment: 2 }]);
    assert.equal((await listSnapshots(db)).length, 1);
    await db.close();
  });

  it('a failure inside the snapshot leaves nothing behind', async () => {
    const db = await openStore(join(dir, 'd.duckdb'));
    await recordSnapshot(db, snap(model, '2024-01-31', ['a'], [0]));
    // Mismatched lengths are caught before writing; a failing append (bad label array) rolls back.
    const bad = { ...snap(model, '2024-02-29', ['a', 'b'], [0, 1]), labels: Int32Array.from([0, 1]), ids: ['a', null as unknown as string] };
    await assert.rejects(recordSnapshot(db, bad));
    assert.deepEqual((await listSnapshots(db)).map((s) => s.asOf), ['2024-01-31']);
    assert.deepEqual(await db.query('SELECT COUNT(*) AS n FROM runs'), [{ n: 1 }]);
    assert.deepEqual(await db.query('SELECT COUNT(*) AS n FROM assignments'), [{ n: 1 }]);
    await db.close();
  });

  it('rows appended, then a failure before commit: the transaction rolls the rows back', async () => {
    const db = await openStore(join(dir, 'g.duckdb'));
    await assert.rejects(db.transaction(async () => {
      await db.appendAssignments(99, ['x', 'y'], Int32Array.from([0, 1]), Float64Array.from([0.5, NaN]));
      assert.deepEqual(await db.query('SELECT COUNT(*) AS n FROM assignments'), [{ n: 2 }]);
      throw new Error('crash after the append');
    }), /crash after the append/);
    assert.deepEqual(await db.query('SELECT COUNT(*) AS n FROM assignments'), [{ n: 0 }]);
    await db.close();
  });

  it('rejects bad dates', async () => {
    const db = await openStore(join(dir, 'e.duckdb'));
    await assert.rejects(recordSnapshot(db, snap(model, '2024-02-30', ['a'], [0])), (e: any) => e.code === 'E_OPTION' && /--as-of/.test(e.message));
    await db.close();
  });

  it('refuses a store with a newer schema version, unchanged', async () => {
    const path = join(dir, 'f.duckdb');
    await (await openStore(path)).close();
    const inst = await DuckDBInstance.create(path);
    const con = await inst.connect();
    await con.run(`INSERT INTO schema_version VALUES (${SCHEMA_VERSION + 1})`);
    con.closeSync();
    inst.closeSync();
    await assert.rejects(openStore(path), (e: any) => e.code === 'E_STORE_VERSION' && new RegExp(`schema version ${SCHEMA_VERSION + 1}, written by a newer segkit`).test(e.message));
  });
});
