/**
 * Writes a table of columns as CSV, JSON lines or Parquet (by extension), atomically: a temp file
 * in the same directory, then rename. CSV and JSON lines are written by a streaming JS writer;
 * Parquet goes through DuckDB (a temp CSV read back with explicit types, then COPY … FORMAT parquet).
 * @module
 */
import { openSync, writeSync, closeSync, renameSync, rmSync, fsyncSync } from 'node:fs';
import { dirname, basename, join, extname } from 'node:path';
import { SegkitError } from '../errors.js';
import { msg } from '../messages.js';
import { withDuckDb, lit } from './duckdb-util.js';

/** One output column. */
export interface OutputColumn {
  readonly name: string;
  readonly values: readonly string[] | Float64Array | Int32Array;
}

/** Writes `columns` to `path` (.csv, .jsonl/.ndjson/.json, .parquet). */
export async function writeTable(path: string, columns: readonly OutputColumn[]): Promise<void> {
  const ext = extname(path).toLowerCase();
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  try {
    if (ext === '.parquet') {
      const csv = `${tmp}.csv`;
      try {
        writeText(csv, columns, 'csv');
        const types = `{${columns.map((c) => `${lit(c.name)}: '${c.values instanceof Float64Array ? 'DOUBLE' : c.values instanceof Int32Array ? 'INTEGER' : 'VARCHAR'}'`).join(', ')}}`;
        await withDuckDb(async (con) => {
          await con.run(`COPY (SELECT * FROM read_csv(${lit(csv)}, header=true, auto_detect=false, delim=',', quote='"', escape='"', columns=${types})) TO ${lit(tmp)} (FORMAT parquet)`);
        });
      } finally {
        rmSync(csv, { force: true });
      }
    } else if (ext === '.jsonl' || ext === '.ndjson' || ext === '.json') writeText(tmp, columns, 'jsonl');
    else writeText(tmp, columns, 'csv');
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    if (e instanceof SegkitError) throw e;
    throw new SegkitError('E_WRITE', msg.writeFailed(path, (e as Error).message.split('\n')[0]), { file: path }, undefined, { cause: e });
  }
}

function csvField(v: string): string {
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

function cell(values: OutputColumn['values'], i: number, format: 'csv' | 'jsonl'): string {
  const v = values[i];
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return format === 'csv' ? '' : 'null';
    return String(v);
  }
  return format === 'csv' ? csvField(v) : JSON.stringify(v);
}

/** Streams rows to a file in 1 MiB blocks. */
function writeText(path: string, columns: readonly OutputColumn[], format: 'csv' | 'jsonl'): void {
  const fd = openSync(path, 'w');
  try {
    const n = columns.length === 0 ? 0 : columns[0].values.length;
    let buf = format === 'csv' ? columns.map((c) => csvField(c.name)).join(',') + '\n' : '';
    const keys = columns.map((c) => JSON.stringify(c.name) + ':');
    for (let i = 0; i < n; i++) {
      if (format === 'csv') buf += columns.map((c) => cell(c.values, i, 'csv')).join(',') + '\n';
      else buf += '{' + columns.map((c, j) => keys[j] + cell(c.values, i, 'jsonl')).join(',') + '}\n';
      if (buf.length > 1 << 20) {
        writeSync(fd, buf);
        buf = '';
      }
    }
    if (buf) writeSync(fd, buf);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
