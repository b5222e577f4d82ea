/**
 * Small helpers over @duckdb/node-api: an in-memory instance per read, SQL quoting, and
 * streaming a result chunk by chunk (the vectors keep their typed arrays private, so each value is
 * copied out with getItem; STACK.md measured this at ~0.9 s for 1M × 16 doubles).
 * @module
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';

/** Runs `fn` with a fresh in-memory DuckDB connection, closed afterwards. */
export async function withDuckDb<T>(fn: (con: DuckDBConnection) => Promise<T>): Promise<T> {
  const db = await DuckDBInstance.create(':memory:');
  const con = await db.connect();
  try {
    return await fn(con);
  } finally {
    con.closeSync();
    db.closeSync();
  }
}

/** A SQL string literal. */
export function lit(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

/** A SQL identifier. */
export function ident(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/** Rows of a small query as plain objects (numbers for integers). */
export async function queryObjects(con: DuckDBConnection, sql: string): Promise<Record<string, unknown>[]> {
  const r = await con.runAndReadAll(sql);
  return r.getRowObjectsJS() as Record<string, unknown>[];
}

/** Streams `sql` and calls `onChunk(chunk, offset)` for each chunk. */
export async function streamChunks(
  con: DuckDBConnection,
  sql: string,
  onChunk: (getColumn: (j: number) => { getItem(i: number): unknown }, rows: number, offset: number) => void,
): Promise<number> {
  const result = await con.stream(sql);
  let offset = 0;
  for (;;) {
    const chunk = await result.fetchChunk();
    if (!chunk || chunk.rowCount === 0) break;
    onChunk((j) => chunk.getColumnVector(j) as unknown as { getItem(i: number): unknown }, chunk.rowCount, offset);
    offset += chunk.rowCount;
  }
  return offset;
}
