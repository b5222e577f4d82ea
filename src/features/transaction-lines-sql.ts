/**
 * The normalising view every feature is computed from: `tx_lines`, one row per source line with
 * typed columns (customer_id, date_raw, ts, amount, quantity, order_key, category, discount,
 * is_cancel), written once per dialect over the relation `tx_source`.
 * @module
 */
import type { Dialect, DatePattern } from '../data/sql-dialect.js';
import { DATE_REGEX } from '../data/sql-dialect.js';
import type { TransactionSpec } from './transaction-spec.js';

/** How a source column is stored: numbers, dates/timestamps, or text to parse. */
export type StoredType = 'number' | 'temporal' | 'text';

/** How the date column is read; decided once from the data (see `inspect-dates.ts`) and kept in the model. */
export interface DateReading {
  /** The layout of text dates: one of {@link DatePattern}, or 'auto' = each value by the layout it matches. */
  readonly format: 'auto' | DatePattern;
  /** Order of slash dates under 'auto'. */
  readonly slashOrder: 'mdy' | 'dmy';
}

/** SQL of the `tx_lines` view over `tx_source`. Assumes the columns exist (checked by the caller). */
export function transactionLinesSql(d: Dialect, s: TransactionSpec, types: Readonly<Record<string, StoredType>>, date: DateReading): string {
  const col = (name: string) => d.ident(name);
  const text = (name: string) => `NULLIF(trim(${d.asText(col(name))}), '')`;
  const num = (name: string) => (types[name] === 'number' ? `CAST(${col(name)} AS ${d.double})` : d.tryDouble(text(name)));
  const amount = s.amount !== undefined ? num(s.amount) : `${num(s.quantity!)} * ${num(s.price!)}`;
  const nullText = d.asText('NULL');
  const dateType = types[s.date];
  // Integer dates (20110105) are read as yyyymmdd text; stored dates are cast.
  const dateRaw = dateType === 'number' ? d.asText(`CAST(${col(s.date)} AS BIGINT)`) : text(s.date);
  const ts = dateType === 'temporal' ? `CAST(${col(s.date)} AS TIMESTAMP)` : parseDateSql(d, 'date_raw', dateType === 'number' ? 'yyyymmdd' : date.format, date.slashOrder);
  const cancel: string[] = [];
  if (s.cancelPrefix !== undefined && s.invoice !== undefined) cancel.push(`starts_with(order_key, ${d.lit(s.cancelPrefix)})`);
  if (s.cancelNegative) cancel.push('amount < 0', ...(s.quantity !== undefined ? ['quantity < 0'] : []));
  return `SELECT customer_id, date_raw, ts, amount, quantity, COALESCE(order_key, ${d.asText('ts')}) AS order_key, category, discount,
  CASE WHEN ${cancel.length ? cancel.map((c) => `COALESCE(${c}, FALSE)`).join(' OR ') : 'FALSE'} THEN 1 ELSE 0 END AS is_cancel
FROM (
  SELECT customer_id, date_raw, ${ts} AS ts, amount, quantity, order_key, category, discount
  FROM (
    SELECT ${text(s.customer)} AS customer_id,
      ${dateRaw} AS date_raw,${dateType === 'temporal' ? `\n      ${col(s.date)},` : ''}
      ${amount} AS amount,
      ${s.quantity !== undefined ? num(s.quantity) : `CAST(NULL AS ${d.double})`} AS quantity,
      ${s.invoice !== undefined ? text(s.invoice) : nullText} AS order_key,
      ${s.category !== undefined ? text(s.category) : nullText} AS category,
      ${s.discount !== undefined ? num(s.discount) : `CAST(NULL AS ${d.double})`} AS discount
    FROM tx_source
  ) raw
) typed`;
}

/** Slash dates with `-` or `.` separators (05-01-2011) are read as slash dates. */
export function slashText(d: Dialect, e: string): string {
  return `regexp_replace(${e}, '[.-]', '/', 'g')`;
}

/** TIMESTAMP from trimmed date text under a format; NULL when no layout matches. */
export function parseDateSql(d: Dialect, e: string, format: DateReading['format'], slashOrder: 'mdy' | 'dmy'): string {
  if (format === 'iso' || format === 'yyyymmdd') return d.parseTimestamp(e, format);
  if (format === 'mdy' || format === 'dmy') return d.parseTimestamp(slashText(d, e), format);
  return `CASE WHEN ${d.fullMatch(e, DATE_REGEX.iso)} THEN ${d.parseTimestamp(e, 'iso')}
    WHEN ${d.fullMatch(e, DATE_REGEX.yyyymmdd)} THEN ${d.parseTimestamp(e, 'yyyymmdd')}
    ELSE ${d.parseTimestamp(slashText(d, e), slashOrder)} END`;
}
