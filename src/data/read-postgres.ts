/**
 * PostgreSQL source through `pg`: the table or query result is appended to DuckDB table `t`
 * (text values, typed columns where PostgreSQL's type says so), so inference and the copy into
 * Float64Arrays are the same as for files. Errors name the source without the password.
 * @module
 */
import pg from 'pg';
import type { DuckDBConnection } from '@duckdb/node-api';
import { SegkitError } from '../errors.js';
import { msg } from '../messages.js';
import { ident } from './duckdb-util.js';
import { redactUrl } from './source-spec.js';

// PostgreSQL type OIDs (pg_type.dat) mapped to DuckDB column types; everything else is text.
const PG_TYPES: Record<number, string> = {
  16: 'BOOLEAN', 20: 'DOUBLE', 21: 'DOUBLE', 23: 'DOUBLE', 700: 'DOUBLE', 701: 'DOUBLE', 1700: 'DOUBLE',
  1082: 'DATE', 1114: 'TIMESTAMP', 1184: 'TIMESTAMP',
};

/** Loads a PostgreSQL table or query into DuckDB table `t`. */
export async function loadPostgres(con: DuckDBConnection, spec: { url: string; table?: string; query?: string }): Promise<void> {
  const shown = redactUrl(spec.url);
  const client = new pg.Client({ connectionString: spec.url, connectionTimeoutMillis: 10000 });
  // Every value as text: exact decimals and dates reach DuckDB unchanged, DuckDB casts them.
  const asText = { getTypeParser: () => (v: string) => v };
  try {
    await client.connect();
  } catch (e) {
    throw new SegkitError('E_READ', msg.postgresConnect(shown, (e as Error).message.replace(spec.url, shown)), { file: shown }, undefined, { cause: e });
  }
  try {
    const sql = spec.table ? `SELECT * FROM ${spec.table.split('.').map(ident).join('.')}` : spec.query!;
    let res: pg.QueryResult<Record<string, string | null>>;
    try {
      res = await client.query({ text: sql, rowMode: 'array', types: asText } as any);
    } catch (e) {
      throw new SegkitError('E_READ', msg.postgresQuery(shown, (e as Error).message), { file: shown }, undefined, { cause: e });
    }
    const fields = res.fields.map((f) => ({ name: f.name, type: PG_TYPES[f.dataTypeID] ?? 'VARCHAR' }));
    // Dates and timestamps are appended as text and cast once the table is full.
    const loadType = (t: string) => (t === 'DATE' || t === 'TIMESTAMP' ? 'VARCHAR' : t);
    await con.run(`CREATE TABLE t (${fields.map((f) => `${ident(f.name)} ${loadType(f.type)}`).join(', ')})`);
    const app = await con.createAppender('t');
    for (const r of res.rows as unknown as (string | null)[][]) {
      for (let j = 0; j < fields.length; j++) {
        const v = r[j];
        if (v === null) app.appendNull();
        else if (fields[j].type === 'DOUBLE') app.appendDouble(Number(v));
        else if (fields[j].type === 'BOOLEAN') app.appendBoolean(v === 't' || v === 'true');
        else app.appendVarchar(v);
      }
      app.endRow();
    }
    app.closeSync();
    for (const f of fields)
      if (f.type === 'DATE' || f.type === 'TIMESTAMP') await con.run(`ALTER TABLE t ALTER ${ident(f.name)} TYPE ${f.type} USING TRY_CAST(${ident(f.name)} AS ${f.type})`);
  } finally {
    await client.end().catch(() => undefined);
  }
}
