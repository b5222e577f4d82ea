/**
 * Opening a segkit store: a DuckDB file by default, or `postgres://…`. Opening applies the missing
 * schema migrations (store-schema.ts) in one transaction and refuses a store from a newer segkit.
 * Also the store's read helpers: which models and snapshots it holds.
 * @module
 */
import { SegkitError } from '../errors.js';
import { msg } from '../messages.js';
import { MIGRATIONS, SCHEMA_VERSION } from './store-schema.js';
import type { StoreDb } from './store-db.js';
import { openDuckDbStore } from './store-duckdb.js';
import { openPostgresStore } from './store-postgres.js';

export type { StoreDb, StoreRow } from './store-db.js';

/** Options of {@link openStore}. */
export interface OpenStoreOptions {
  /** DuckDB: how long to wait for another process to release the file, in ms. **Default:** `0` (fail at once with E_STORE_BUSY). */
  waitMs?: number;
}

/** One snapshot as listed by the store. */
export interface SnapshotInfo {
  readonly id: number;
  readonly run: number;
  readonly model: number;
  /** YYYY-MM-DD. */
  readonly asOf: string;
  readonly rows: number;
}

/**
 * Opens (creating when absent) the store at `location`: a file path (DuckDB) or a postgres:// URL.
 * @throws {SegkitError} E_STORE_BUSY (another process writes the DuckDB file), E_STORE_VERSION (newer schema), E_READ
 */
export async function openStore(location: string, o: OpenStoreOptions = {}): Promise<StoreDb> {
  const db = /^postgres(ql)?:\/\//i.test(location) ? await openPostgresStore(location) : await openDuckDbStore(location.replace(/^duckdb:/i, ''), o);
  try {
    await migrate(db);
    return db;
  } catch (e) {
    await db.close();
    throw e;
  }
}

/** Brings the schema up to {@link SCHEMA_VERSION}; refuses a newer one. */
async function migrate(db: StoreDb): Promise<void> {
  await db.query('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
  const current = Number((await db.query('SELECT COALESCE(MAX(version), 0) AS v FROM schema_version'))[0].v);
  if (current > SCHEMA_VERSION) throw new SegkitError('E_STORE_VERSION', msg.storeNewer(db.location, current, SCHEMA_VERSION), { file: db.location });
  const pending = MIGRATIONS.filter((m) => m.version > current);
  if (pending.length === 0) return;
  await db.transaction(async () => {
    for (const m of pending) {
      for (const sql of m.sql(db.dialect)) await db.query(sql);
      await db.query(`INSERT INTO schema_version (version) VALUES (${m.version})`);
    }
  });
}

/** Every snapshot, oldest date first (then by id). */
export async function listSnapshots(db: StoreDb, model?: number): Promise<SnapshotInfo[]> {
  const rows = await db.query(
    `SELECT id, run, model, CAST(as_of AS VARCHAR) AS as_of, customers FROM snapshots${model !== undefined ? ` WHERE model = ${model}` : ''} ORDER BY as_of, id`,
  );
  return rows.map((r) => ({ id: Number(r.id), run: Number(r.run), model: Number(r.model), asOf: String(r.as_of), rows: Number(r.customers) }));
}

/**
 * The snapshot of `asOf` (of `model` when given; else the latest recorded that day).
 * @throws {SegkitError} E_NOT_FOUND naming the dates the store has
 */
export async function findSnapshot(db: StoreDb, asOf: string, model?: number, flag = '--from'): Promise<SnapshotInfo> {
  const all = await listSnapshots(db, model);
  const hits = all.filter((s) => s.asOf === asOf);
  if (hits.length === 0) throw new SegkitError('E_NOT_FOUND', msg.snapshotNotFound(asOf, [...new Set(all.map((s) => s.asOf))], model), { field: flag });
  return hits.reduce((a, b) => (b.id > a.id ? b : a));
}

/** Segment names of a stored model, by segment id. */
export async function segmentNames(db: StoreDb, model: number): Promise<Map<number, string>> {
  const rows = await db.query(`SELECT segment, name FROM segments WHERE model = ${model} ORDER BY segment`);
  return new Map(rows.map((r) => [Number(r.segment), String(r.name)]));
}
