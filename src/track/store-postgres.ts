/**
 * The PostgreSQL store backend (`--store postgres://…`): the same tables as the DuckDB store, in their
 * own schema {@link PG_SCHEMA} (created when absent), so they never meet the database's own tables. Integers and counts come back as JS numbers (pg returns int8 and
 * numeric as text by default). Assignments go in as arrays through `unnest`, 50,000 rows a statement.
 * @module
 */
import pg from 'pg';
import { DIALECTS } from '../data/sql-dialect.js';
import { redactUrl } from '../data/source-spec.js';
import { SegkitError } from '../errors.js';
import { msg } from '../messages.js';
import { toNumber, type StoreDb, type StoreRow } from './store-db.js';

const BATCH = 50_000;
/** The PostgreSQL schema that holds the store's tables. */
export const PG_SCHEMA = 'segkit';
// pg_type OIDs: int8, numeric → JS numbers (ids and counts here stay far below 2^53).
const NUMERIC_TYPES = new Set([20, 1700]);

/** Connects to a PostgreSQL store. */
export async function openPostgresStore(url: string): Promise<StoreDb> {
  const shown = redactUrl(url);
  const types = { getTypeParser: (oid: number, format?: any) => (NUMERIC_TYPES.has(oid) ? (v: string) => toNumber(v) : pg.types.getTypeParser(oid, format)) };
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10000, types } as any);
  try {
    await client.connect();
  } catch (e) {
    throw new SegkitError('E_READ', msg.postgresConnect(shown, (e as Error).message.replace(url, shown)), { file: shown }, undefined, { cause: e });
  }
  const query = async (sql: string, values?: unknown[]): Promise<StoreRow[]> => {
    try {
      return (await client.query(sql, values as any[])).rows as StoreRow[];
    } catch (e) {
      throw new SegkitError('E_READ', msg.postgresQuery(shown, (e as Error).message), { file: shown }, undefined, { cause: e });
    }
  };
  try {
    await query(`CREATE SCHEMA IF NOT EXISTS ${PG_SCHEMA}`);
    await query(`SET search_path TO ${PG_SCHEMA}`);
  } catch (e) {
    await client.end().catch(() => undefined);
    throw e;
  }
  return {
    dialect: DIALECTS.postgres,
    location: shown,
    query: (sql) => query(sql),
    async transaction(fn) {
      await query('BEGIN');
      try {
        const r = await fn();
        await query('COMMIT');
        return r;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw e;
      }
    },
    async appendAssignments(snapshot, ids, labels, confidence) {
      for (let start = 0; start < ids.length; start += BATCH) {
        const end = Math.min(ids.length, start + BATCH);
        const conf = Array.from(confidence.subarray(start, end), (c) => (Number.isNaN(c) ? null : c));
        await query(
          'INSERT INTO assignments (snapshot, customer_id, segment, confidence) SELECT $1, * FROM unnest($2::text[], $3::int[], $4::float8[])',
          [snapshot, ids.slice(start, end), Array.from(labels.subarray(start, end)), conf],
        );
      }
    },
    async close() {
      await client.end().catch(() => undefined);
    },
  };
}
