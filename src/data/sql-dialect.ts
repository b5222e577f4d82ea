/**
 * The two SQL dialects segkit writes scoring SQL for. Numbers are written as exact doubles and cast,
 * because both engines read a bare `0.1` as an exact DECIMAL/NUMERIC and would then compute in
 * decimal arithmetic, not in the doubles the model was fitted with.
 * @module
 */

/** What differs between the engines. */
export interface Dialect {
  readonly name: 'duckdb' | 'postgres';
  /** Quoted identifier; `a.b` is not split (use {@link qualifiedName}). */
  ident(s: string): string;
  /** String literal. */
  lit(s: string): string;
  /** A double-precision literal that round-trips exactly. */
  num(x: number): string;
  /** Days since 1970-01-01 of a DATE/TIMESTAMP expression. */
  daysSinceEpoch(expr: string): string;
  /** The double type's name. */
  readonly double: string;
}

const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;
const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;
/** Shortest repr that parses back to the same double (JavaScript's), or the IEEE special values. */
const numText = (x: number) => (Number.isNaN(x) ? "'NaN'" : x === Infinity ? "'Infinity'" : x === -Infinity ? "'-Infinity'" : String(x));

export const DIALECTS: Readonly<Record<Dialect['name'], Dialect>> = {
  duckdb: {
    name: 'duckdb', ident, lit, double: 'DOUBLE',
    num: (x) => `CAST(${numText(x)} AS DOUBLE)`,
    daysSinceEpoch: (e) => `CAST(date_diff('day', DATE '1970-01-01', CAST(${e} AS DATE)) AS DOUBLE)`,
  },
  postgres: {
    name: 'postgres', ident, lit, double: 'DOUBLE PRECISION',
    num: (x) => `CAST(${numText(x)} AS DOUBLE PRECISION)`,
    daysSinceEpoch: (e) => `CAST((CAST(${e} AS DATE) - DATE '1970-01-01') AS DOUBLE PRECISION)`,
  },
};

/** `schema.table` → `"schema"."table"`; a name with quotes is taken as one identifier. */
export function qualifiedName(d: Dialect, name: string): string {
  return name.split('.').map((p) => d.ident(p)).join('.');
}
