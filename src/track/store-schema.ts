/**
 * The store's tables, as migrations versioned in the code. A store records the highest migration
 * applied in `schema_version`; opening a store applies the missing ones in one transaction and
 * refuses a store written by a newer segkit (its tables may mean something this version cannot read).
 *
 *   models (id, file_hash, method, k, created, replaces, path)  segments (model, segment, name)
 *   runs (id, model, ran_at, user_name, data_hash, options, metrics)
 *   snapshots (id, run, model, as_of, customers)                   assignments (snapshot, customer_id, segment, confidence)
 * @module
 */
import type { Dialect } from '../data/sql-dialect.js';

/** One schema step. `sql` may differ by dialect only in type names. */
export interface Migration {
  readonly version: number;
  readonly description: string;
  sql(d: Dialect): string[];
}

/** The migrations, in order. Never edit a released one: add a new version. */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'models, segments, runs, snapshots, assignments',
    sql: (d) => [
      `CREATE SEQUENCE segkit_id_seq START 1`,
      `CREATE TABLE models (id BIGINT PRIMARY KEY, file_hash VARCHAR NOT NULL UNIQUE, method VARCHAR NOT NULL, k INTEGER NOT NULL, created VARCHAR NOT NULL, replaces BIGINT, path VARCHAR)`,
      `CREATE TABLE segments (model BIGINT NOT NULL, segment INTEGER NOT NULL, name VARCHAR NOT NULL, PRIMARY KEY (model, segment))`,
      `CREATE TABLE runs (id BIGINT PRIMARY KEY, model BIGINT NOT NULL, ran_at VARCHAR NOT NULL, user_name VARCHAR, data_hash VARCHAR, options VARCHAR, metrics VARCHAR)`,
      // UNIQUE (model, as_of): two PostgreSQL writers racing on one date cannot both commit.
      `CREATE TABLE snapshots (id BIGINT PRIMARY KEY, run BIGINT NOT NULL, model BIGINT NOT NULL, as_of DATE NOT NULL, customers BIGINT NOT NULL, UNIQUE (model, as_of))`,
      `CREATE TABLE assignments (snapshot BIGINT NOT NULL, customer_id VARCHAR NOT NULL, segment INTEGER NOT NULL, confidence ${d.double})`,
      // PostgreSQL joins two snapshots through this index; DuckDB's hash join needs none (and an
      // ART index would slow its appender down).
      ...(d.name === 'postgres' ? ['CREATE INDEX assignments_snapshot ON assignments (snapshot, customer_id)'] : []),
    ],
  },
];

/** The schema version this segkit writes. */
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;
