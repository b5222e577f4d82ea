/**
 * Reads any source into a Frame with embedded DuckDB: text, Parquet and JSON files are parsed by
 * DuckDB, never row by row in JS; PostgreSQL rows arrive through `pg` and are appended to DuckDB so
 * that every source goes through the same schema inference and the same chunked copy into
 * Float64Arrays.
 *
 *   source ──1──> table t (DuckDB) ──2──> inferSchema ──3──> checks ──4──> chunked copy ──> Frame
 * @module
 */
import { statSync } from 'node:fs';
import type { DuckDBConnection } from '@duckdb/node-api';
import { SegkitError } from '../errors.js';
import { msg } from '../messages.js';
import type { Column, Frame } from './frame.js';
import { describeSource, type SourceSpec } from './source-spec.js';
import { withDuckDb, lit, ident, queryObjects, streamChunks } from './duckdb-util.js';
import { inferSchema, type ColumnSchema, type KindOverrides } from './schema.js';
import { headBytes, sniffText } from './sniff-text.js';
import { loadPostgres } from './read-postgres.js';

/** Options of {@link readFrame}. */
export interface ReadOptions extends KindOverrides {}

/** A frame and the schema decisions behind it. */
export interface ReadResult {
  readonly frame: Frame;
  readonly schema: readonly ColumnSchema[];
}

/**
 * Reads a source into a Frame.
 * @throws {SegkitError} E_NOT_FOUND, E_READ, E_DATA_EMPTY, E_DATA_SHAPE, E_DATA_TYPE, E_UNKNOWN_COLUMN
 * @example
 *   const frame = await readFrame(parseSourceSpec('data/samples/bank.csv'));
 */
export async function readFrame(spec: SourceSpec, o: ReadOptions = {}): Promise<Frame> {
  return (await readFrameWithSchema(spec, o)).frame;
}

/** Like {@link readFrame}, also returning the inferred schema with reasons. */
export async function readFrameWithSchema(spec: SourceSpec, o: ReadOptions = {}): Promise<ReadResult> {
  const source = describeSource(spec);
  if (spec.kind !== 'postgres') checkFile(spec.path);
  return withDuckDb(async (con) => {
    // 1. Load.
    const header = await load(con, spec, source);
    const cols = (await queryObjects(con, 'DESCRIBE t')).map((r) => ({ name: String(r.column_name), type: String(r.column_type) }));
    const rows = Number((await queryObjects(con, 'SELECT count(*) AS n FROM t'))[0].n);
    if (rows === 0) throw new SegkitError('E_DATA_EMPTY', header ? msg.headerOnly(source) : msg.fileEmpty(source), { file: source });
    for (const name of [...(o.numeric ?? []), ...(o.categorical ?? []), ...(o.id ? [o.id] : [])])
      if (!cols.some((c) => c.name === name)) throw new SegkitError('E_UNKNOWN_COLUMN', msg.unknownColumn(name, flagOf(name, o), cols.map((c) => c.name)), { file: source, column: name });
    // 2. Kinds.
    const schema = await inferSchema(con, cols, rows, o);
    // 3. Forced numeric columns must hold numbers only.
    for (const s of schema) if (s.kind === 'numeric' && o.numeric?.includes(s.name)) await checkNumeric(con, s.name, source);
    // 4. Copy out.
    const frame = await extract(con, schema, rows, source);
    return { frame, schema };
  });
}

/**
 * Loads a file or duckdb: source into table `t` of `con`, the first step of {@link readFrame}, for
 * callers that run their own SQL over the raw source (transaction features).
 */
export async function loadSourceTable(con: DuckDBConnection, spec: Exclude<SourceSpec, { kind: 'postgres' }>): Promise<void> {
  checkFile(spec.path);
  await load(con, spec, describeSource(spec));
}

function flagOf(name: string, o: ReadOptions): string {
  return o.id === name ? '--id' : o.numeric?.includes(name) ? '--numeric' : '--categorical';
}

function checkFile(path: string): void {
  let st;
  try {
    st = statSync(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new SegkitError('E_NOT_FOUND', msg.fileNotFound(path), { file: path });
    throw new SegkitError('E_READ', msg.fileUnreadable(path, (e as Error).message), { file: path });
  }
  if (st.isDirectory()) throw new SegkitError('E_READ', msg.fileUnreadable(path, 'it is a directory.'), { file: path });
  if (st.size === 0) throw new SegkitError('E_DATA_EMPTY', msg.fileEmpty(path), { file: path });
}

/** Creates table `t`; returns whether the source had a header line (for the empty-data message). */
async function load(con: DuckDBConnection, spec: SourceSpec, source: string): Promise<boolean> {
  try {
    switch (spec.kind) {
      case 'text':
        return await loadText(con, spec.path, spec.sep, spec.header);
      case 'parquet':
        await con.run(`CREATE TABLE t AS SELECT * FROM read_parquet(${lit(spec.path)})`);
        return true;
      case 'jsonl':
        await con.run(`CREATE TABLE t AS SELECT * FROM read_json_auto(${lit(spec.path)})`);
        return true;
      case 'duckdb':
        await con.run(`ATTACH ${lit(spec.path)} AS src (READ_ONLY)`);
        await con.run(`USE src`);
        await con.run(`CREATE TEMP TABLE t AS ${spec.table ? `SELECT * FROM ${spec.table.split('.').map(ident).join('.')}` : spec.query}`);
        await con.run(`USE memory`);
        await con.run(`CREATE TABLE memory.main.t AS SELECT * FROM temp.main.t`);
        await con.run(`DROP TABLE temp.main.t`);
        return true;
      case 'postgres':
        await loadPostgres(con, spec);
        return true;
    }
  } catch (e) {
    if (e instanceof SegkitError) throw e;
    throw mapDuckDbError(e as Error, source, spec);
  }
}

async function loadText(con: DuckDBConnection, path: string, sep?: string, header?: boolean): Promise<boolean> {
  const head = headBytes(path);
  if (head === null) throw new SegkitError('E_DATA_EMPTY', msg.fileEmpty(path), { file: path });
  if (head === 'binary') throw new SegkitError('E_READ', msg.fileUnreadable(path, 'it is a binary file, not text.'), { file: path });
  if (head.trim() === '') throw new SegkitError('E_DATA_EMPTY', msg.fileEmpty(path), { file: path });
  const layout = sniffText(head, sep, header);
  if (layout.sep === 'whitespace') {
    // Fixed-width text: read whole lines, split on runs of blanks in SQL, check the field count.
    const m = layout.names.length;
    await con.run(`CREATE TABLE lines AS SELECT row_number() OVER () AS line_no, string_split_regex(trim(line), '\\s+') AS f
      FROM read_csv(${lit(path)}, columns={'line': 'VARCHAR'}, delim='\\x01', quote='', escape='', header=false, auto_detect=false)
      WHERE trim(line) <> ''`);
    const bad = await queryObjects(con, `SELECT line_no, len(f) AS n FROM lines WHERE len(f) <> ${m} ${layout.header ? 'AND line_no > 1' : ''} ORDER BY line_no LIMIT 1`);
    if (bad.length > 0) {
      const row = Number(bad[0].line_no) - (layout.header ? 1 : 0);
      throw new SegkitError('E_DATA_SHAPE', msg.raggedRow(path, row, Number(bad[0].n), m), { file: path, row });
    }
    const select = layout.names.map((nm, j) => `f[${j + 1}] AS ${ident(nm)}`).join(', ');
    await con.run(`CREATE TABLE t AS SELECT ${select} FROM lines ${layout.header ? 'WHERE line_no > 1' : ''} ORDER BY line_no`);
    await con.run('DROP TABLE lines');
    return layout.header;
  }
  const columns = `{${layout.names.map((n) => `${lit(n)}: 'VARCHAR'`).join(', ')}}`;
  // Strict, explicit layout: a row with another field count is an error with its line number.
  await con.run(`CREATE TABLE t AS SELECT * FROM read_csv(${lit(path)}, auto_detect=false, delim=${lit(layout.sep)}, quote='"', escape='"',
    header=${layout.header}, columns=${columns}, strict_mode=true, null_padding=false, all_varchar=true)`);
  return layout.header;
}

function mapDuckDbError(e: Error, source: string, spec: SourceSpec): SegkitError {
  const m = e.message;
  const line = /CSV Error on Line: (\d+)/.exec(m);
  const counts = /Expected Number of Columns: (\d+) Found: (\d+)/.exec(m);
  if (line && counts) {
    const header = spec.kind === 'text' ? spec.header ?? true : true;
    const row = Number(line[1]) - (header ? 1 : 0);
    return new SegkitError('E_DATA_SHAPE', msg.raggedRow(source, row, Number(counts[2]), Number(counts[1])), { file: source, row }, undefined, { cause: e });
  }
  const firstLine = m.split('\n')[0];
  return new SegkitError('E_READ', msg.fileUnreadable(source, firstLine), { file: source }, undefined, { cause: e });
}

async function checkNumeric(con: DuckDBConnection, name: string, source: string): Promise<void> {
  const v = `nullif(trim(${ident(name)}::VARCHAR), '')`;
  const bad = await queryObjects(con, `SELECT rowid + 1 AS row, ${v} AS value FROM t WHERE ${v} IS NOT NULL AND TRY_CAST(${v} AS DOUBLE) IS NULL ORDER BY rowid LIMIT 1`);
  if (bad.length > 0) {
    const row = Number(bad[0].row);
    throw new SegkitError('E_DATA_TYPE', msg.notANumber(source, row, name, String(bad[0].value)), { file: source, row, column: name }, `Fix the file, or drop --numeric ${name}.`);
  }
}

async function extract(con: DuckDBConnection, schema: readonly ColumnSchema[], rows: number, source: string): Promise<Frame> {
  const isNum = schema.map((s) => s.kind === 'numeric' || s.kind === 'boolean' || s.kind === 'date');
  const nums = schema.map((_, j) => (isNum[j] ? new Float64Array(rows) : null));
  const texts = schema.map((_, j) => (isNum[j] ? null : new Array<string | null>(rows)));
  const select = schema.map((s, j) => `${s.expr} AS c${j}`).join(', ');
  await streamChunks(con, `SELECT ${select} FROM t ORDER BY rowid`, (get, n, off) => {
    for (let j = 0; j < schema.length; j++) {
      const v = get(j);
      const num = nums[j];
      if (num) for (let i = 0; i < n; i++) {
        const x = v.getItem(i);
        num[off + i] = x === null ? NaN : Number(x);
      }
      else {
        const t = texts[j]!;
        for (let i = 0; i < n; i++) {
          const x = v.getItem(i);
          t[off + i] = x === null ? null : String(x);
        }
      }
    }
  });
  const columns: Column[] = schema.map((s, j) =>
    isNum[j] ? { name: s.name, kind: s.kind as 'numeric' | 'boolean' | 'date', values: nums[j]! } : { name: s.name, kind: s.kind as 'categorical' | 'id', values: texts[j]! },
  );
  return { source, rows, columns };
}
