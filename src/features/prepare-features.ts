/**
 * Transactions → the feature query, in the engine holding them: validates the column mapping,
 * decides how to read dates, creates the views `tx_lines` and `params`, counts what was left out
 * (lines without a customer, unreadable dates or amounts) and returns the feature SQL with a report.
 *
 *   tx_source ──1──> columns checked ──2──> date layout ──3──> tx_lines ──4──> counts, as-of ──5──> params + feature SQL
 * @module
 */
import { SegkitError, type SegkitWarning } from '../errors.js';
import { msg } from '../messages.js';
import { parseOptions } from '../options.js';
import { transactionSpecSchema, specColumns, type TransactionSpec, type TransactionSpecInput } from './transaction-spec.js';
import { transactionLinesSql, type DateReading, type StoredType } from './transaction-lines-sql.js';
import { featureSql, type FeatureFamilies } from './feature-sql.js';
import { inspectDates } from './inspect-dates.js';
import type { SqlEngine } from './sql-engine.js';
import { DIALECTS } from '../data/sql-dialect.js';

/** Everything needed to compute the same features again on other transactions (kept in the model file). */
export interface FeaturePlan {
  readonly spec: TransactionSpec;
  readonly date: DateReading;
  readonly families: FeatureFamilies;
  /** The feature query over the views `tx_lines` and `params` (DuckDB dialect), for the record. */
  readonly sql: string;
}

/** What the transactions held and what was left out. */
export interface TransactionReport {
  readonly lines: number;
  /** Lines that went into the features. */
  readonly used: number;
  readonly noCustomer: number;
  readonly unreadableDate: number;
  readonly unreadableAmount: number;
  /** Lines on or after the as-of date (ignored). */
  readonly afterAsOf: number;
  readonly cancellations: number;
  readonly firstDate: string;
  readonly lastDate: string;
  readonly asOf: string;
}

/** Result of {@link prepareFeatures}: run `sql` on the same engine for one row per customer. */
export interface PreparedFeatures {
  readonly plan: FeaturePlan;
  /** The feature query in the engine's dialect. */
  readonly sql: string;
  readonly report: TransactionReport;
  readonly warnings: SegkitWarning[];
}

/**
 * Prepares the feature query on `engine` (whose view `tx_source` holds the transactions).
 * `fixed` (from a saved model) keeps the date reading and feature families of the fit.
 * @throws {SegkitError} E_OPTION, E_UNKNOWN_COLUMN, E_DATA_EMPTY, E_DATA_TYPE
 */
export async function prepareFeatures(
  engine: SqlEngine, input: TransactionSpecInput, source: string, fixed?: Pick<FeaturePlan, 'date' | 'families'>,
): Promise<PreparedFeatures> {
  const spec = parseOptions(transactionSpecSchema, input, 'features');
  const d = engine.dialect;
  if (spec.cancelPrefix !== undefined && spec.invoice === undefined)
    throw new SegkitError('E_OPTION', msg.txCancelPrefixNeedsInvoice(), { field: 'cancelPrefix' });
  // 1. Columns.
  const cols = await engine.columns();
  const types: Record<string, StoredType> = Object.fromEntries(cols.map((c) => [c.name, c.type]));
  const missing = specColumns(spec).filter((m) => !(m.column in types));
  if (missing.length > 0)
    throw new SegkitError('E_UNKNOWN_COLUMN', msg.txMissingColumns(source, missing, cols.map((c) => c.name)), { file: source, column: missing[0].column });
  // 2. Dates.
  const warnings: SegkitWarning[] = [];
  let date = fixed?.date;
  if (!date) {
    const r = await inspectDates(engine, spec.date, types[spec.date], spec.dateFormat, source);
    date = r.reading;
    warnings.push(...r.warnings);
  }
  // 3. The normalised lines.
  // Text to parse: in DuckDB keep the typed lines (parsed once, then scanned by each query below).
  const kind = engine.materialize && types[spec.date] === 'text' ? 'TABLE' : 'VIEW';
  await engine.run(`CREATE OR REPLACE TEMP ${kind} tx_lines AS ${transactionLinesSql(d, spec, types, date)}`);
  // 4. Counts and the as-of date, in one pass (a given as-of date is counted against right away).
  const given = spec.asOf !== undefined ? Date.parse(`${spec.asOf}T00:00:00Z`) / 86400000 : NaN;
  if (spec.asOf !== undefined && !Number.isFinite(given)) throw new SegkitError('E_OPTION', msg.optionInvalid('asOf', 'features', 'a date YYYY-MM-DD', spec.asOf), { field: 'asOf' });
  const before = spec.asOf !== undefined ? `${d.epochSeconds('ts')} < ${d.num(given * 86400)}` : 'TRUE';
  const s = (await engine.rows(`SELECT
    COUNT(*) AS total,
    SUM(CASE WHEN customer_id IS NOT NULL AND ts IS NOT NULL AND amount IS NOT NULL AND ${before} THEN 1 ELSE 0 END) AS used,
    SUM(CASE WHEN ts IS NOT NULL AND NOT (${before}) THEN 1 ELSE 0 END) AS after_as_of,
    SUM(CASE WHEN customer_id IS NULL THEN 1 ELSE 0 END) AS no_customer,
    SUM(CASE WHEN ts IS NULL THEN 1 ELSE 0 END) AS bad_date,
    SUM(CASE WHEN amount IS NULL THEN 1 ELSE 0 END) AS bad_amount,
    SUM(CASE WHEN is_cancel = 0 AND (amount < 0 OR quantity < 0) THEN 1 ELSE 0 END) AS negative,
    SUM(is_cancel) AS cancels,
    SUM(CASE WHEN customer_id IS NULL THEN ABS(amount) ELSE 0 END) AS orphan_amount,
    SUM(ABS(amount)) AS all_amount,
    MIN(${d.daysSinceEpoch('ts')}) AS first_day, MAX(${d.daysSinceEpoch('ts')}) AS last_day,
    MAX(CASE WHEN ts <> CAST(CAST(ts AS DATE) AS TIMESTAMP) THEN 1 ELSE 0 END) AS has_time
    FROM tx_lines`))[0];
  const n = (k: string) => Number(s[k] ?? 0);
  const total = n('total');
  if (total === 0) throw new SegkitError('E_DATA_EMPTY', msg.txEmpty(source), { file: source });
  if (n('bad_date') > 0) {
    const ex = (await engine.rows(`SELECT DISTINCT date_raw FROM tx_lines WHERE ts IS NULL AND date_raw IS NOT NULL LIMIT 3`)).map((r) => String(r.date_raw));
    if (n('bad_date') === total) throw new SegkitError('E_DATA_TYPE', msg.txNoDates(source, spec.date, ex), { file: source, column: spec.date });
    warnings.push({ code: 'W_UNPARSED_ROWS', message: msg.txUnparsedDates(n('bad_date'), spec.date, ex.length ? ex : ['(empty)']) });
  }
  if (n('bad_amount') > 0) {
    const what = spec.amount !== undefined ? `column "${spec.amount}"` : `columns "${spec.quantity}" × "${spec.price}"`;
    warnings.push({ code: 'W_UNPARSED_ROWS', message: msg.txBadAmounts(n('bad_amount'), what) });
  }
  if (n('no_customer') > 0)
    warnings.push({ code: 'W_UNPARSED_ROWS', message: msg.txNoCustomer(n('no_customer'), spec.customer, n('all_amount') > 0 ? n('orphan_amount') / n('all_amount') : 0) });
  if (n('negative') > 0 && !spec.cancelNegative && spec.cancelPrefix === undefined)
    warnings.push({ code: 'W_NEGATIVE_AMOUNTS', message: msg.txNegativeAmounts(n('negative')) });
  const firstDay = n('first_day'), lastDay = n('last_day');
  const asOfDay = spec.asOf !== undefined ? given : lastDay + 1;
  if (asOfDay <= firstDay) throw new SegkitError('E_OPTION', msg.txAsOfBeforeFirst(spec.asOf!, dayText(firstDay)), { field: 'asOf' });
  // 5. Parameters and the query.
  await engine.run(`CREATE OR REPLACE TEMP VIEW params AS SELECT ${d.num(asOfDay)} AS as_of_day, ${d.num(asOfDay * 86400)} AS as_of_s`);
  const nUsed = n('used'), afterAsOf = n('after_as_of');
  if (nUsed === 0) throw new SegkitError('E_DATA_EMPTY', msg.txNoCustomers(source, spec.customer), { file: source });
  const families: FeatureFamilies = fixed?.families ?? {
    dayParts: n('has_time') > 0,
    category: spec.category !== undefined,
    cancellations: spec.cancelNegative || spec.cancelPrefix !== undefined,
    discount: spec.discount !== undefined,
    windowDays: spec.windowDays,
  };
  return {
    plan: { spec, date, families, sql: featureSql(DIALECTS.duckdb, families) },
    sql: featureSql(d, families),
    report: {
      lines: total, used: nUsed, noCustomer: n('no_customer'), unreadableDate: n('bad_date'), unreadableAmount: n('bad_amount'),
      afterAsOf, cancellations: n('cancels'), firstDate: dayText(firstDay), lastDate: dayText(lastDay), asOf: dayText(asOfDay),
    },
    warnings,
  };
}

/** Day number since 1970-01-01 → YYYY-MM-DD. */
export function dayText(day: number): string {
  return new Date(day * 86400000).toISOString().slice(0, 10);
}
