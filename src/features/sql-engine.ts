/**
 * Where the feature SQL runs: embedded DuckDB (files, duckdb: sources) or PostgreSQL itself
 * (postgres:// sources), behind one small interface so the feature code has no per-engine branches.
 * Both expose the source as the view `tx_source`.
 * @module
 */
import { renameSync, rmSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import pg from 'pg';
import type { DuckDBConnection } from '@duckdb/node-api';
import { SegkitError } from '../errors.js';
import { msg } from '../messages.js';
import { DIALECTS, type Dialect } from '../data/sql-dialect.js';
import { queryObjects, streamChunks, lit } from '../data/duckdb-util.js';
import { writeTable } from '../data/write-table.js';
import { redactUrl } from '../data/source-spec.js';
import type { StoredType } from './transaction-lines-sql.js';

/** A SQL session holding the view `tx_source`. */
export interface SqlEngine {
  readonly dialect: Dialect;
  /** Whether parsed lines are worth keeping in a temp table (embedded DuckDB: parse text once, then scan typed columns). */
  readonly materialize: boolean;
  /** Runs a statement. */
  run(sql: string): Promise<void>;
  /** Rows of a small result as objects. */
  rows(sql: string): Promise<Record<string, unknown>[]>;
  /** Columns of `tx_source` with how each is stored. */
  columns(): Promise<{ name: string; type: StoredType }[]>;
  /** A result whose first column is a text ID and the others numbers, copied into typed arrays. */
  readTable(sql: string): Promise<FeatureTable>;
  /** Writes a result to a file (.parquet, .csv, .jsonl) atomically. */
  writeResult(sql: string, path: string): Promise<void>;
}

/** Customers (IDs) and numeric feature columns (NaN = NULL). */
export interface FeatureTable {
  readonly ids: readonly string[];
  readonly columns: readonly { readonly name: string; readonly values: Float64Array }[];
}

/** DuckDB engine over a connection whose table `t` holds the source. */
export async function duckDbEngine(con: DuckDBConnection): Promise<SqlEngine> {
  await con.run('CREATE OR REPLACE TEMP VIEW tx_source AS SELECT * FROM t');
  return {
    dialect: DIALECTS.duckdb,
    materialize: true,
    run: async (sql) => void (await con.run(sql)),
    rows: (sql) => queryObjects(con, sql),
    columns: async () => (await queryObjects(con, 'DESCRIBE tx_source')).map((r) => ({ name: String(r.column_name), type: duckType(String(r.column_type)) })),
    readTable: async (sql) => {
      const names = (await queryObjects(con, `DESCRIBE (${sql})`)).map((r) => String(r.column_name));
      const ids: string[] = [];
      const parts: number[][] = names.slice(1).map(() => []);
      // Chunks of ≤ 2048 rows: the IDs and numbers are copied out, no per-row objects.
      await streamChunks(con, sql, (get, n) => {
        const idv = get(0);
        for (let i = 0; i < n; i++) ids.push(String(idv.getItem(i)));
        for (let j = 1; j < names.length; j++) {
          const v = get(j), out = parts[j - 1];
          for (let i = 0; i < n; i++) {
            const x = v.getItem(i);
            out.push(x === null ? NaN : Number(x));
          }
        }
      });
      return { ids, columns: names.slice(1).map((name, j) => ({ name, values: Float64Array.from(parts[j]) })) };
    },
    writeResult: async (sql, path) => {
      const ext = extname(path).toLowerCase();
      const format = ext === '.parquet' || ext === '.pq' ? 'parquet' : ext === '.jsonl' || ext === '.ndjson' || ext === '.json' ? 'json' : 'csv';
      const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
      try {
        await con.run(`COPY (${sql}) TO ${lit(tmp)} (FORMAT ${format}${format === 'csv' ? ', HEADER true' : ''})`);
        renameSync(tmp, path);
      } catch (e) {
        rmSync(tmp, { force: true });
        throw new SegkitError('E_WRITE', msg.writeFailed(path, (e as Error).message.split('\n')[0]), { file: path }, undefined, { cause: e });
      }
    },
  };
}

function duckType(t: string): StoredType {
  if (/^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|FLOAT|DOUBLE|DECIMAL)/.test(t)) return 'number';
  if (/^(DATE|TIMESTAMP)/.test(t)) return 'temporal';
  return 'text';
}

// PostgreSQL type OIDs (pg_type.dat): int8 int2 int4 float4 float8 numeric; date timestamp timestamptz.
const PG_NUMBER = new Set([20, 21, 23, 700, 701, 1700]);
const PG_TEMPORAL = new Set([1082, 1114, 1184]);

/** PostgreSQL engine: a session on `url` with `tx_source` a temp view of the table or query. Call `close`. */
export async function postgresEngine(spec: { url: string; table?: string; query?: string }): Promise<SqlEngine & { close(): Promise<void> }> {
  const shown = redactUrl(spec.url);
  const client = new pg.Client({ connectionString: spec.url, connectionTimeoutMillis: 10000 });
  try {
    await client.connect();
  } catch (e) {
    throw new SegkitError('E_READ', msg.postgresConnect(shown, (e as Error).message.replace(spec.url, shown)), { file: shown }, undefined, { cause: e });
  }
  const d = DIALECTS.postgres;
  const q = async (sql: string) => {
    try {
      return await client.query(sql);
    } catch (e) {
      throw new SegkitError('E_READ', msg.postgresQuery(shown, (e as Error).message), { file: shown }, undefined, { cause: e });
    }
  };
  // UTC so that text parsed by to_timestamp keeps its wall-clock time when cast to TIMESTAMP.
  await q(`SET TIME ZONE 'UTC'`);
  const source = spec.table ? `SELECT * FROM ${spec.table.split('.').map((p) => d.ident(p)).join('.')}` : spec.query!;
  await q(`CREATE TEMP VIEW tx_source AS ${source}`);
  const this_: SqlEngine & { close(): Promise<void> } = {
    dialect: d,
    materialize: false,
    run: async (sql) => void (await q(sql)),
    rows: async (sql) => (await q(sql)).rows,
    columns: async () => (await q('SELECT * FROM tx_source LIMIT 0')).fields.map((f) => ({
      name: f.name, type: PG_NUMBER.has(f.dataTypeID) ? 'number' : PG_TEMPORAL.has(f.dataTypeID) ? 'temporal' : 'text',
    })),
    readTable: async (sql) => {
      const res = await q(sql);
      const names = res.fields.map((f) => f.name);
      const ids = res.rows.map((r) => String(r[names[0]]));
      const columns = names.slice(1).map((name) => ({ name, values: Float64Array.from(res.rows, (r) => (r[name] === null ? NaN : Number(r[name]))) }));
      return { ids, columns };
    },
    writeResult: async (sql, path) => {
      const t = await (this_ as SqlEngine).readTable(sql);
      await writeTable(path, [{ name: 'customer_id', values: t.ids.map(String) }, ...t.columns]);
    },
    close: () => client.end().catch(() => undefined),
  };
  return this_;
}
