/**
 * The DuckDB store backend: one database file, opened for the length of a command. DuckDB lets one
 * process hold a file for writing at a time (an OS file lock); a second process gets a clear
 * "store is busy" error (after waiting up to `waitMs`), never a corrupted file. Assignments go in
 * through DuckDB's appender, inside the snapshot's transaction (bench/track.bench.ts measures it).
 * @module
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { DIALECTS } from '../data/sql-dialect.js';
import { SegkitError } from '../errors.js';
import { msg } from '../messages.js';
import { toNumber, type StoreDb, type StoreRow } from './store-db.js';

/** Opens (creating if needed) a DuckDB store file. */
export async function openDuckDbStore(path: string, o: { waitMs?: number } = {}): Promise<StoreDb> {
  const instance = await openWithLock(path, o.waitMs ?? 0);
  const con = await instance.connect();
  return {
    dialect: DIALECTS.duckdb,
    location: path,
    query: (sql) => query(con, sql),
    async transaction(fn) {
      await con.run('BEGIN TRANSACTION');
      try {
        const r = await fn();
        await con.run('COMMIT');
        return r;
      } catch (e) {
        await con.run('ROLLBACK').catch(() => undefined);
        throw e;
      }
    },
    async appendAssignments(snapshot, ids, labels, confidence) {
      const app = await con.createAppender('assignments');
      for (let i = 0; i < ids.length; i++) {
        app.appendBigInt(BigInt(snapshot));
        app.appendVarchar(ids[i]);
        app.appendInteger(labels[i]);
        if (Number.isNaN(confidence[i])) app.appendNull();
        else app.appendDouble(confidence[i]);
        app.endRow();
      }
      app.closeSync();
    },
    async close() {
      con.closeSync();
      instance.closeSync();
    },
  };
}

async function query(con: DuckDBConnection, sql: string): Promise<StoreRow[]> {
  const r = await con.runAndReadAll(sql);
  const rows = r.getRowObjectsJS() as Record<string, unknown>[];
  for (const row of rows) for (const k of Object.keys(row)) if (typeof row[k] === 'bigint') row[k] = toNumber(row[k]);
  return rows as StoreRow[];
}

/** DuckDB's message when another process holds the file. */
const LOCKED = /Could not set lock on file|Conflicting lock is held/i;

async function openWithLock(path: string, waitMs: number): Promise<DuckDBInstance> {
  const until = Date.now() + waitMs;
  for (;;) {
    try {
      // A fresh instance per open (DuckDBInstance.create does not share a cache), so closing releases the lock.
      return await DuckDBInstance.create(path);
    } catch (e) {
      const text = (e as Error).message;
      if (!LOCKED.test(text)) throw new SegkitError('E_READ', msg.storeUnreadable(path, text), { file: path }, undefined, { cause: e });
      if (Date.now() >= until) {
        const pid = /PID (\d+)/.exec(text)?.[1];
        throw new SegkitError('E_STORE_BUSY', msg.storeBusy(path, pid), { file: path }, msg.storeBusyHint(), { cause: e });
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}
