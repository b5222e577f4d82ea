/**
 * Source specifications: what the `<source>` argument names and how to read it.
 * @module
 */
import { extname } from 'node:path';
import { SegkitError } from '../errors.js';
import { msg } from '../messages.js';

/** Options that shape how a source is read. */
export interface SourceOptions {
  /** Table to read from a database source. */
  table?: string;
  /** SQL query to read from a database source. */
  query?: string;
  /** Field separator of a text file. **Default:** sniffed. Use `'whitespace'` for runs of spaces. */
  sep?: string;
  /** Whether a text file has a header line. **Default:** sniffed (false when every field of line 1 is a number). */
  header?: boolean;
}

/** A parsed source. */
export type SourceSpec =
  | { kind: 'text'; path: string; sep?: string; header?: boolean }
  | { kind: 'parquet'; path: string }
  | { kind: 'jsonl'; path: string }
  | { kind: 'duckdb'; path: string; table?: string; query?: string }
  | { kind: 'postgres'; url: string; table?: string; query?: string };

/** Parses a source string (`file.csv`, `duckdb:file.duckdb`, `postgres://…`) and its options. */
export function parseSourceSpec(source: string, o: SourceOptions = {}): SourceSpec {
  const needTable = (kind: 'duckdb' | 'postgres', display: string) => {
    if (!o.table && !o.query) throw new SegkitError('E_USAGE', msg.needTableOrQuery(display), { field: 'table' });
    if (o.table && o.query) throw new SegkitError('E_USAGE', msg.tableAndQuery(display), { field: 'query' });
    return { ...(o.table ? { table: o.table } : {}), ...(o.query ? { query: o.query } : {}), kind };
  };
  if (/^postgres(ql)?:\/\//i.test(source)) return { ...needTable('postgres', redactUrl(source)), kind: 'postgres', url: source };
  if (/^duckdb:/i.test(source)) return { ...needTable('duckdb', source), kind: 'duckdb', path: source.slice('duckdb:'.length) };
  const ext = extname(source).toLowerCase();
  if (ext === '.duckdb' || ext === '.db') return { ...needTable('duckdb', source), kind: 'duckdb', path: source };
  if (ext === '.parquet' || ext === '.pq') return { kind: 'parquet', path: source };
  if (ext === '.jsonl' || ext === '.ndjson' || ext === '.json') return { kind: 'jsonl', path: source };
  return { kind: 'text', path: source, ...(o.sep !== undefined ? { sep: o.sep } : {}), ...(o.header !== undefined ? { header: o.header } : {}) };
}

/** A connection URL without its password, for messages. */
export function redactUrl(url: string): string {
  return url.replace(/(\/\/[^:/@]+):[^@]*@/, '$1:***@');
}

/** A short display name of a source for messages and manifests. */
export function describeSource(s: SourceSpec): string {
  switch (s.kind) {
    case 'postgres':
      return `${redactUrl(s.url)}${s.table ? ` table ${s.table}` : ' query'}`;
    case 'duckdb':
      return `duckdb:${s.path}${s.table ? ` table ${s.table}` : ' query'}`;
    default:
      return s.path;
  }
}
