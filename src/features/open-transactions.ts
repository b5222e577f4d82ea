/**
 * Opens a transactions source as a {@link SqlEngine}: PostgreSQL sources stay in PostgreSQL (the
 * features are computed there); every other source is loaded into embedded DuckDB.
 * @module
 */
import type { SourceSpec } from '../data/source-spec.js';
import { existsSync } from 'node:fs';
import { withDuckDb, lit } from '../data/duckdb-util.js';
import { SegkitError } from '../errors.js';
import { msg } from '../messages.js';
import { loadSourceTable } from '../data/read-frame.js';
import { duckDbEngine, postgresEngine, type SqlEngine } from './sql-engine.js';

/** Runs `fn` with an engine whose view `tx_source` holds the source; closes it afterwards. */
export async function withTransactions<T>(spec: SourceSpec, fn: (engine: SqlEngine) => Promise<T>): Promise<T> {
  if (spec.kind === 'postgres') {
    const engine = await postgresEngine(spec);
    try {
      return await fn(engine);
    } finally {
      await engine.close();
    }
  }
  return withDuckDb(async (con) => {
    // Parquet is scanned in place (a view, streamed by DuckDB), not copied into memory first.
    if (spec.kind === 'parquet') {
      if (!existsSync(spec.path)) throw new SegkitError('E_NOT_FOUND', msg.fileNotFound(spec.path), { file: spec.path });
      await con.run(`CREATE VIEW t AS SELECT * FROM read_parquet(${lit(spec.path)})`);
    } else await loadSourceTable(con, spec);
    return fn(await duckDbEngine(con));
  });
}
