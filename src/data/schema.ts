/**
 * Column-kind inference, run as SQL in DuckDB over the loaded table `t`: id, numeric, categorical,
 * boolean or date, each with the reason, so reports can say why. Text is trimmed and blanks are
 * missing, so numbers written as text with blank cells (telco TotalCharges " ") come out numeric.
 * @module
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { ColumnKind } from './frame.js';
import { ident, queryObjects } from './duckdb-util.js';

/** The inferred kind of one column and why. */
export interface ColumnSchema {
  readonly name: string;
  readonly kind: ColumnKind;
  readonly reason: string;
  /** Missing (null or blank) values. */
  readonly missing: number;
  /** SQL expression that yields the column's value: DOUBLE for numeric kinds, VARCHAR otherwise. */
  readonly expr: string;
}

/** User overrides of inferred kinds. */
export interface KindOverrides {
  numeric?: readonly string[];
  categorical?: readonly string[];
  id?: string;
}

const DATE_FORMATS = ['%Y-%m-%d', '%d-%m-%Y', '%d/%m/%Y', '%m/%d/%Y', '%Y/%m/%d', '%Y%m%d'];
const TRUE = ['yes', 'true', 'y', 't', '1'];
const FALSE = ['no', 'false', 'n', 'f', '0'];
const NUMERIC_TYPES = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|DOUBLE|DECIMAL.*|REAL)$/;
const DATE_TYPES = /^(DATE|TIMESTAMP.*)$/;

/** Names like id, customer_id, cust_id, CustomerID, CUST_ID, client-id. */
export function isIdLikeName(name: string): boolean {
  const n = name.toLowerCase().replace(/[_\-\s]/g, '');
  return /^(id|customerid|custid|clientid|userid|customerno|customernumber|customer|accountid)$/.test(n);
}

/** Infers the schema of every column of table `t` (`columns` gives each column's DuckDB type). */
export async function inferSchema(con: DuckDBConnection, columns: readonly { name: string; type: string }[], rows: number, o: KindOverrides = {}): Promise<ColumnSchema[]> {
  if (columns.length === 0) return [];
  const textOf = (c: { name: string; type: string }) => (c.type === 'VARCHAR' ? `nullif(trim(${ident(c.name)}), '')` : ident(c.name));
  // Pass 1, cheap for every column: non-missing count, approximate distinct count, numeric parse count.
  const p1: string[] = [];
  columns.forEach((c, j) => {
    const v = textOf(c);
    p1.push(`count(${v}) AS nn${j}`, `approx_count_distinct(${v}) AS ad${j}`);
    if (c.type === 'VARCHAR')
      p1.push(`count(TRY_CAST(${v} AS DOUBLE)) AS num${j}`, `count(*) FILTER (WHERE regexp_full_match(${v}, '0\\d+')) AS lz${j}`, `count(*) FILTER (WHERE regexp_full_match(${v}, '\\d{1,4}[-/.]\\d{1,2}[-/.]\\d{1,4}')) AS dl${j}`);
    if (NUMERIC_TYPES.test(c.type)) p1.push(`count(*) FILTER (WHERE ${v} NOT IN (0, 1)) AS nb${j}`);
  });
  const s = (await queryObjects(con, `SELECT ${p1.join(', ')} FROM t`))[0];
  // Pass 2, only where it decides something: exact distinct counts (IDs, two-level columns),
  // the levels of two-level columns, and date formats of text that is not numeric.
  const p2: string[] = [];
  columns.forEach((c, j) => {
    const v = textOf(c);
    const nn = Number(s[`nn${j}`]), ad = Number(s[`ad${j}`]);
    if (nn === 0) return;
    if (isIdLikeName(c.name) || ad <= 4) p2.push(`count(DISTINCT ${v}) AS nd${j}`);
    if (ad <= 4) p2.push(`list(DISTINCT lower(${v}::VARCHAR)) FILTER (WHERE ${v} IS NOT NULL) [1:3] AS lv${j}`);
    // TRY_STRPTIME is slow on values that fail, so formats are tried only on date-shaped columns.
    if (c.type === 'VARCHAR' && Number(s[`num${j}`]) < nn && Number(s[`dl${j}`]) === nn) DATE_FORMATS.forEach((f, k) => p2.push(`count(TRY_STRPTIME(${v}, '${f}')) AS d${j}_${k}`));
  });
  if (p2.length > 0) Object.assign(s, (await queryObjects(con, `SELECT ${p2.join(', ')} FROM t`))[0]);
  return columns.map((c, j) => decide(c, j, s, rows, o));
}

function decide(c: { name: string; type: string }, j: number, s: Record<string, unknown>, rows: number, o: KindOverrides): ColumnSchema {
  const nn = Number(s[`nn${j}`]);
  const nd = s[`nd${j}`] === undefined ? Number(s[`ad${j}`]) : Number(s[`nd${j}`]);
  const missing = rows - nn;
  const col = ident(c.name);
  const text = `nullif(trim(${col}::VARCHAR), '')`;
  const levels = ((s[`lv${j}`] as string[] | null) ?? []).map(String);
  const numericExpr = NUMERIC_TYPES.test(c.type) ? `${col}::DOUBLE` : `TRY_CAST(${text} AS DOUBLE)`;
  const make = (kind: ColumnKind, reason: string, expr: string): ColumnSchema => ({ name: c.name, kind, reason, missing, expr });
  if (o.id === c.name) return make('id', 'chosen with --id', text);
  if (o.numeric?.includes(c.name)) return make('numeric', 'forced with --numeric', numericExpr);
  if (o.categorical?.includes(c.name)) return make('categorical', 'forced with --categorical', text);
  if (nn === 0) return make('categorical', 'every value is missing', text);
  if (isIdLikeName(c.name) && nd === nn && nn === rows) return make('id', 'ID-like name and a distinct value in every row', text);
  if (c.type === 'BOOLEAN') return make('boolean', 'boolean type', `CASE WHEN ${col} THEN 1.0 WHEN NOT ${col} THEN 0.0 END`);
  if (DATE_TYPES.test(c.type)) return make('date', `${c.type.toLowerCase()} type`, `date_diff('day', DATE '1970-01-01', ${col}::DATE)::DOUBLE`);
  if (nd === 2 && levels.length === 2 && isBooleanPair(levels))
    return make('boolean', `two values (${levels.sort().join('/')})`,
      `CASE WHEN lower(${text}) IN (${TRUE.map((t) => `'${t}'`).join(',')}) THEN 1.0 WHEN lower(${text}) IN (${FALSE.map((t) => `'${t}'`).join(',')}) THEN 0.0 END`);
  if (NUMERIC_TYPES.test(c.type)) return make('numeric', `${c.type.toLowerCase()} type`, numericExpr);
  if (c.type === 'VARCHAR') {
    // Zero-padded digits ('00001') are codes, not quantities: keep them as text.
    if (Number(s[`lz${j}`]) > 0) return make('categorical', 'zero-padded codes, kept as text', text);
    if (Number(s[`num${j}`]) === nn) return make('numeric', missing > 0 ? `every non-blank value is a number (${missing} blank)` : 'every value is a number', numericExpr);
    const fmt = DATE_FORMATS.findIndex((_, k) => Number(s[`d${j}_${k}`]) === nn);
    if (fmt >= 0) return make('date', `every value is a date (${DATE_FORMATS[fmt]})`, `date_diff('day', DATE '1970-01-01', TRY_STRPTIME(${text}, '${DATE_FORMATS[fmt]}')::DATE)::DOUBLE`);
  }
  return make('categorical', `text with ${nd} distinct values`, text);
}

function isBooleanPair(levels: string[]): boolean {
  const [a, b] = levels;
  return (TRUE.includes(a) && FALSE.includes(b)) || (TRUE.includes(b) && FALSE.includes(a));
}
