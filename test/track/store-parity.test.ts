/**
 * The same sequence of store operations on DuckDB and on a throwaway PostgreSQL cluster gives the
 * same results: snapshots, the transition matrix, entered/left, ARI, --into lists, distribution.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { tempDir } from '../helpers/temp.js';
import { startPostgres, type PgCluster } from '../helpers/postgres.js';
import { openStore, listSnapshots, type StoreDb } from '../../src/track/store.js';
import { recordSnapshot } from '../../src/track/snapshot.js';
import { migrations, customersInto, writeIntoTable, segmentDistribution } from '../../src/track/transitions.js';
import { retrain } from '../../src/track/retrain.js';
import { scoreFrame } from '../../src/model/predict.js';
import { SCHEMA_VERSION } from '../../src/track/store-schema.js';
import { blobFrame, blobModel } from './helpers.js';

/** Runs the sequence and returns everything it read back. */
async function sequence(db: StoreDb): Promise<unknown> {
  const model = await blobModel(120, 3, 4);
  const f1 = blobFrame(120, 3), f2 = blobFrame(140, 3, 4);
  const s = (m: typeof model, f: typeof f1, asOf: string, replace = false) => {
    const sc = scoreFrame(m, f);
    return recordSnapshot(db, { model: m, asOf, ids: f.columns[0].values as string[], labels: sc.labels, confidence: sc.confidence, dataHash: 'h', user: 'test', replace });
  };
  const out: Record<string, unknown> = {};
  out.s1 = await s(model, f1, '2024-01-31');
  out.s2 = await s(model, f2, '2024-02-29');
  out.dup = await s(model, f2, '2024-02-29').then(() => 'accepted', (e) => e.code);
  out.s2again = await s(model, f2, '2024-02-29', true);
  const r = await retrain(model, f2, { seed: 3 });
  out.s3 = await s(r.model, f2, '2024-03-31');
  out.models = await db.query('SELECT id, method, k, replaces FROM models ORDER BY id');
  out.snapshots = await listSnapshots(db);
  out.m12 = await migrations(db, { from: '2024-01-31', to: '2024-02-29' });
  out.m23 = await migrations(db, { from: '2024-02-29', to: '2024-03-31' });
  out.into = await customersInto(db, { from: '2024-01-31', to: '2024-02-29' }, model.segments[1].name).then((x) => x.customers);
  out.intoTable = await writeIntoTable(db, { from: '2024-01-31', to: '2024-02-29' }, model.segments[1].name, 'campaign');
  out.campaign = await db.query('SELECT customer_id, from_segment, to_segment FROM campaign ORDER BY customer_id');
  out.distribution = await segmentDistribution(db);
  out.assignments = await db.query('SELECT snapshot, customer_id, segment, confidence FROM assignments ORDER BY snapshot, customer_id');
  out.version = await db.query('SELECT version FROM schema_version');
  return out;
}

describe('track/store: DuckDB and PostgreSQL give the same results', () => {
  let pg: PgCluster, dir: string, cleanup: () => void;
  before(async () => {
    pg = await startPostgres();
    ({ dir, cleanup } = tempDir());
  });
  after(() => {
    pg?.stop();
    cleanup?.();
  });

  it('same sequence, same answers', async () => {
    const duck = await openStore(join(dir, 's.duckdb'));
    const a = await sequence(duck);
    await duck.close();
    // A table of the database's own with a store table's name does not get in the way.
    pg.sql("CREATE TABLE public.models (name text); INSERT INTO public.models VALUES ('mine')");
    const post = await openStore(pg.url);
    const b = await sequence(post);
    await post.close();
    assert.equal((a as any).dup, 'E_OPTION');
    assert.deepEqual((a as any).version, [{ version: SCHEMA_VERSION }]);
    assert.ok(((a as any).assignments as unknown[]).length > 300);
    assert.deepEqual(b, a);
    const check = await openStore(pg.url);
    assert.deepEqual(await check.query('SELECT name FROM public.models'), [{ name: 'mine' }]);
    await check.close();
  });

  it('PostgreSQL: a store from a newer segkit is refused; reopening applies nothing twice; user tables untouched', async () => {
    const again = await openStore(pg.url);
    assert.deepEqual(await again.query('SELECT COUNT(*) AS n FROM schema_version'), [{ n: 1 }]);
    await again.close();
    // The store's tables live in their own schema, apart from the database's tables.
    pg.sql(`INSERT INTO segkit.schema_version VALUES (${SCHEMA_VERSION + 1})`);
    await assert.rejects(openStore(pg.url), (e: any) => e.code === 'E_STORE_VERSION' && !/secret/.test(e.message));
  });
});
