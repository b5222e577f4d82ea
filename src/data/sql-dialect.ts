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
  // --- transaction features (src/features/) ---
  /** Seconds since 1970-01-01 00:00 of a TIMESTAMP, as a double. */
  epochSeconds(expr: string): string;
  /** ISO day of week of a TIMESTAMP: 1 = Monday … 7 = Sunday. */
  isoDow(expr: string): string;
  /** Hour of day (0–23) of a TIMESTAMP. */
  hourOf(expr: string): string;
  /** Whether text matches a regular expression as a whole (write regexes both engines share: `[0-9]`, not `\d`). */
  fullMatch(expr: string, regex: string): string;
  /** Text as a double; NULL when it is not a number. */
  tryDouble(expr: string): string;
  /** Any value as text. */
  asText(expr: string): string;
  /** Text in a fixed layout → TIMESTAMP (NULL when the layout does not match); see {@link DatePattern}. */
  parseTimestamp(expr: string, pattern: DatePattern): string;
}

/**
 * Date layouts both engines parse. Slash layouts take one or two digits for month, day and hour
 * (`1/5/2011 8:26`); an optional time `H:MM[:SS]` may follow every layout but `yyyymmdd`.
 */
export type DatePattern = 'iso' | 'yyyymmdd' | 'mdy' | 'dmy';

const TIME = '( [0-9]{1,2}:[0-9]{2}(:[0-9]{2})?)?';
/** Whole-value regexes of each {@link DatePattern} (the slash layouts after `-`/`.` became `/`). */
export const DATE_REGEX: Readonly<Record<DatePattern, string>> = {
  iso: '[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([ T][0-9]{1,2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]+)?)?)?',
  yyyymmdd: '[0-9]{8}',
  mdy: `[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}${TIME}`,
  dmy: `[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}${TIME}`,
};

// DuckDB: ISO text through TRY_CAST (takes unpadded fields, a T, fractions); other layouts by one
// strptime layout chosen by the number of ':' (a list of layouts in try_strptime was 10× slower).
const colons = (e: string) => `(length(${e}) - length(replace(${e}, ':', '')))`;
const duckSlash = (e: string, md: string) =>
  `CASE ${colons(e)} WHEN 2 THEN try_strptime(${e}, '${md} %H:%M:%S') WHEN 1 THEN try_strptime(${e}, '${md} %H:%M') ELSE try_strptime(${e}, '${md}') END`;
const duckParse = (e: string, p: DatePattern): string =>
  p === 'iso' ? `TRY_CAST(${e} AS TIMESTAMP)` : p === 'yyyymmdd' ? `try_strptime(${e}, '%Y%m%d')` : duckSlash(e, p === 'mdy' ? '%m/%d/%Y' : '%d/%m/%Y');
// PostgreSQL's to_timestamp raises on a bad value instead of returning NULL, so each layout is
// guarded by its regex first (values that pass the regex but name no real day, like 2/30/2020,
// still raise there: PostgreSQL has no TRY_CAST).
const PG_LAYOUTS: Record<Exclude<DatePattern, 'iso'>, [string, string][]> = {
  yyyymmdd: [['[0-9]{8}', 'YYYYMMDD']],
  mdy: [['[0-9]{1,2}/[0-9]{1,2}/[0-9]{4} [0-9]{1,2}:[0-9]{2}:[0-9]{2}', 'MM/DD/YYYY HH24:MI:SS'], ['[0-9]{1,2}/[0-9]{1,2}/[0-9]{4} [0-9]{1,2}:[0-9]{2}', 'MM/DD/YYYY HH24:MI'], ['[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}', 'MM/DD/YYYY']],
  dmy: [['[0-9]{1,2}/[0-9]{1,2}/[0-9]{4} [0-9]{1,2}:[0-9]{2}:[0-9]{2}', 'DD/MM/YYYY HH24:MI:SS'], ['[0-9]{1,2}/[0-9]{1,2}/[0-9]{4} [0-9]{1,2}:[0-9]{2}', 'DD/MM/YYYY HH24:MI'], ['[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}', 'DD/MM/YYYY']],
};
const PG_NUMBER = '^\\s*[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?\\s*$';

const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;
const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;
/** Shortest repr that parses back to the same double (JavaScript's), or the IEEE special values. */
const numText = (x: number) => (Number.isNaN(x) ? "'NaN'" : x === Infinity ? "'Infinity'" : x === -Infinity ? "'-Infinity'" : String(x));

export const DIALECTS: Readonly<Record<Dialect['name'], Dialect>> = {
  duckdb: {
    name: 'duckdb', ident, lit, double: 'DOUBLE',
    num: (x) => `CAST(${numText(x)} AS DOUBLE)`,
    daysSinceEpoch: (e) => `CAST(date_diff('day', DATE '1970-01-01', CAST(${e} AS DATE)) AS DOUBLE)`,
    epochSeconds: (e) => `CAST(epoch(${e}) AS DOUBLE)`,
    isoDow: (e) => `CAST(isodow(${e}) AS INTEGER)`,
    hourOf: (e) => `CAST(hour(${e}) AS INTEGER)`,
    fullMatch: (e, re) => `regexp_full_match(${e}, ${lit(re)})`,
    tryDouble: (e) => `TRY_CAST(${e} AS DOUBLE)`,
    asText: (e) => `CAST(${e} AS VARCHAR)`,
    parseTimestamp: duckParse,
  },
  postgres: {
    name: 'postgres', ident, lit, double: 'DOUBLE PRECISION',
    num: (x) => `CAST(${numText(x)} AS DOUBLE PRECISION)`,
    daysSinceEpoch: (e) => `CAST((CAST(${e} AS DATE) - DATE '1970-01-01') AS DOUBLE PRECISION)`,
    epochSeconds: (e) => `CAST(EXTRACT(EPOCH FROM ${e}) AS DOUBLE PRECISION)`,
    isoDow: (e) => `CAST(EXTRACT(ISODOW FROM ${e}) AS INTEGER)`,
    hourOf: (e) => `CAST(EXTRACT(HOUR FROM ${e}) AS INTEGER)`,
    fullMatch: (e, re) => `(${e} ~ ${lit(`^(${re})$`)})`,
    tryDouble: (e) => `CASE WHEN ${e} ~ ${lit(PG_NUMBER)} THEN CAST(${e} AS DOUBLE PRECISION) END`,
    asText: (e) => `CAST(${e} AS TEXT)`,
    // Session time zone is UTC (set on connect), so timestamptz → timestamp keeps the wall clock.
    parseTimestamp: (e, p) =>
      p === 'iso'
        ? `CASE WHEN ${e} ~ ${lit(`^(${DATE_REGEX.iso})$`)} THEN CAST(${e} AS TIMESTAMP) END`
        : `CASE ${PG_LAYOUTS[p].map(([re, f]) => `WHEN ${e} ~ ${lit(`^${re}$`)} THEN CAST(to_timestamp(${e}, ${lit(f)}) AS TIMESTAMP)`).join(' ')} END`,
  },
};

/** `schema.table` → `"schema"."table"`; a name with quotes is taken as one identifier. */
export function qualifiedName(d: Dialect, name: string): string {
  return name.split('.').map((p) => d.ident(p)).join('.');
}

/**
 * exp() that gives 0 where the result underflows: PostgreSQL raises an error there instead. Below
 * −745 the double result is 0 or the smallest subnormal, so the posterior is unchanged.
 */
export function safeExp(e: string, d: Dialect): string {
  return `CASE WHEN (${e}) < ${d.num(-745)} THEN ${d.num(0)} ELSE exp(${e}) END`;
}
