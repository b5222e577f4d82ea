/**
 * The store's dialect layer: the few operations the store needs from a SQL engine, implemented once
 * for embedded DuckDB (store-duckdb.ts) and once for PostgreSQL (store-postgres.ts). Everything above
 * this layer writes SQL both engines read the same way (plain types, `nextval`, dates selected as text).
 * @module
 */
import type { Dialect } from '../data/sql-dialect.js';

/** One result row: numbers as JS numbers (integers and counts included), text as strings, NULL as null. */
export type StoreRow = Record<string, string | number | null>;

/** A connection to a store database. Not safe for concurrent use within one process. */
export interface StoreDb {
  readonly dialect: Dialect;
  /** Where the store is, with any password redacted (for messages). */
  readonly location: string;
  /** Runs one statement and returns its rows. */
  query(sql: string): Promise<StoreRow[]>;
  /** Runs `fn` inside one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: () => Promise<T>): Promise<T>;
  /**
   * Bulk-inserts one snapshot's assignments (inside the current transaction). The hot path: DuckDB's
   * appender, PostgreSQL's `unnest` of array parameters in batches.
   */
  appendAssignments(snapshot: number, ids: readonly string[], labels: Int32Array, confidence: Float64Array): Promise<void>;
  close(): Promise<void>;
}

/** A JS number from what an engine returns for an integer or double (BigInt, numeric text). */
export function toNumber(v: unknown): number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return Number(v);
  return Number(v);
}
