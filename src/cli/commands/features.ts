/**
 * `segkit features <transactions> --customer COL --date COL --amount COL … --out FILE`: one row of
 * features per customer, computed as SQL in embedded DuckDB or inside PostgreSQL. Also holds the
 * transaction flags that `rfm` and `fit --from-transactions` share.
 * @module
 */
import type { Command } from 'commander';
import type { Io } from '../io.js';
import { resolvePath } from '../io.js';
import { numberFlag } from '../flags.js';
import { EXIT_OK } from '../exit-codes.js';
import { parseSourceSpec, type SourceSpec } from '../../data/source-spec.js';
import { transactionFeatures, type TransactionFeatures } from '../../features/transaction-features.js';
import { featureColumns } from '../../features/feature-sql.js';
import type { TransactionSpecInput } from '../../features/transaction-spec.js';
import type { FeaturePlan } from '../../features/prepare-features.js';
import type { Frame } from '../../data/frame.js';
import { SegkitError, type SegkitWarning } from '../../errors.js';
import { msg } from '../../messages.js';

/** Flags naming the transaction columns and how to read them. */
export interface TransactionFlags {
  table?: string;
  query?: string;
  sep?: string;
  header?: boolean;
  customer?: string;
  date?: string;
  amount?: string;
  quantity?: string;
  price?: string;
  invoice?: string;
  category?: string;
  discount?: string;
  cancelPrefix?: string;
  cancelNegative?: boolean;
  dateFormat?: string;
  asOf?: string;
  window?: string;
}

/** Adds the transaction flags (`required`: whether --customer and --date must be given). */
export function addTransactionFlags(cmd: Command, required = true, sourceFlags = true): Command {
  const opt = (flags: string, text: string) => (required ? cmd.requiredOption(flags, text) : cmd.option(flags, text));
  opt('--customer <column>', 'customer ID column (lines without one are counted and kept apart)');
  opt('--date <column>', 'date or timestamp column (ISO, YYYYMMDD, M/D/YYYY H:MM, day-first with --date-format dmy)');
  cmd
    .option('--amount <column>', 'line amount column (or give --quantity and --price)')
    .option('--quantity <column>', 'quantity column (amount = quantity × price when --amount is absent)')
    .option('--price <column>', 'unit price column')
    .option('--invoice <column>', 'order/invoice column (default: lines with the same customer and timestamp are one order)')
    .option('--category <column>', 'product category column (adds category breadth and depth)')
    .option('--discount <column>', 'discount column (adds the share of discounted lines)')
    .option('--cancel-prefix <text>', 'invoices starting with this are cancellations (needs --invoice)')
    .option('--cancel-negative', 'lines with a negative quantity or amount are returns')
    .option('--date-format <layout>', "'auto' (default), 'iso', 'yyyymmdd', 'mdy' or 'dmy'")
    .option('--as-of <date>', 'compute features as of this day, YYYY-MM-DD (default: the day after the last transaction)')
    .option('--window <days>', 'days in each window of the purchase velocity trend (default 90)');
  if (!sourceFlags) return cmd;
  return cmd
    .option('--table <name>', 'table to read from a duckdb: or postgres:// source')
    .option('--query <sql>', 'SQL query to read from a duckdb: or postgres:// source')
    .option('--sep <char>', "field separator of a text file (default: sniffed; 'whitespace' for fixed-width)")
    .option('--no-header', 'the text file has no header line (columns are then column1, column2, …)');
}

/** The transaction spec the flags describe (validated later by the spec schema). */
export function transactionSpecFromFlags(f: TransactionFlags): TransactionSpecInput {
  for (const [flag, v] of [['--customer', f.customer], ['--date', f.date]] as const)
    if (v === undefined) throw new SegkitError('E_USAGE', msg.txNeedsFlag(flag), { field: flag });
  const spec: Record<string, unknown> = { customer: f.customer, date: f.date };
  const set = (k: string, v: unknown) => v !== undefined && (spec[k] = v);
  set('amount', f.amount);
  set('quantity', f.quantity);
  set('price', f.price);
  set('invoice', f.invoice);
  set('category', f.category);
  set('discount', f.discount);
  set('cancelPrefix', f.cancelPrefix);
  set('cancelNegative', f.cancelNegative);
  set('dateFormat', f.dateFormat);
  set('asOf', f.asOf);
  set('windowDays', numberFlag(f.window, '--window', { integer: true, min: 1 }));
  return spec as TransactionSpecInput;
}

/** The source spec of a transactions argument; relative paths against the Io's working directory. */
export function transactionSource(io: Io, source: string, f: TransactionFlags): SourceSpec {
  const isDb = /^postgres(ql)?:\/\//i.test(source);
  const located = isDb ? source : /^duckdb:/i.test(source) ? `duckdb:${resolvePath(io, source.slice(7))}` : resolvePath(io, source);
  return parseSourceSpec(located, { table: f.table, query: f.query, sep: f.sep, header: f.header === false ? false : undefined });
}

/** The report lines every transaction command prints. */
export function formatTransactionReport(r: TransactionFeatures, customers: number): string {
  const p = r.report;
  const out = [`${p.lines.toLocaleString('en-US')} lines from ${p.firstDate} to ${p.lastDate}, as of ${p.asOf}: ${customers.toLocaleString('en-US')} customers from ${p.used.toLocaleString('en-US')} lines`];
  const left = [
    [p.noCustomer, 'without a customer ID'], [p.unreadableDate, 'with an unreadable date'], [p.unreadableAmount, 'with an unreadable amount'], [p.afterAsOf, 'on or after the as-of date'],
  ].filter(([n]) => (n as number) > 0).map(([n, what]) => `${(n as number).toLocaleString('en-US')} ${what}`);
  if (left.length) out.push(`left out: ${left.join(', ')}`);
  if (p.cancellations > 0) out.push(`cancellations: ${p.cancellations.toLocaleString('en-US')} lines`);
  return out.join('\n') + '\n';
}

interface FeaturesFlags extends TransactionFlags {
  out: string;
  orphans?: string;
  json?: boolean;
  quiet?: boolean;
}

/** Registers the command. */
export function registerFeatures(program: Command, io: Io, setExit: (code: number) => void): void {
  const cmd = program
    .command('features')
    .summary('turn transactions into one row of features per customer')
    .description(
      'Compute customer features from transaction lines as SQL (embedded DuckDB, or inside PostgreSQL for postgres:// sources): ' +
        'recency, frequency, monetary total and average, tenure, inter-purchase interval mean and spread, purchase velocity trend, ' +
        'weekend and day-part shares, and, when the columns are given, category breadth/depth, cancellation rate and discount share.',
    )
    .argument('<transactions>', 'CSV/TSV/text, Parquet, JSON lines, duckdb:<file>, or postgres://… (with --table or --query)');
  addTransactionFlags(cmd);
  cmd
    .requiredOption('-o, --out <file>', 'customer table to write (.parquet, .csv or .jsonl)')
    .option('--orphans <file>', 'also write the lines without a customer ID to this file (they are always counted and kept apart)')
    .option('--json', 'print the report as JSON')
    .option('-q, --quiet', 'no progress output')
    .addHelpText('after', `
Features (A = as-of day; orders = a customer's non-cancelled lines with the same invoice, or timestamp):
  recency_days        A − day of the last order            tenure_days     A − day of the first order
  frequency           number of orders                     monetary_total  sum of line amounts
  monetary_avg        monetary_total / frequency
  ipi_mean_days       mean gap between consecutive orders (days; empty with one order)
  ipi_std_days        population standard deviation of those gaps
  orders_last_window  orders in [A − W, A)                 orders_prev_window  orders in [A − 2W, A − W)  (W = --window)
  velocity_trend      (last − prev) / (last + prev), 0 when both are 0
  weekend_share       share of orders on Saturday or Sunday
  daypart_*           share of orders at night [0,6), morning [6,12), afternoon [12,18), evening [18,24) (times of day only)
  category_breadth    distinct categories                  category_depth  lines of the top category / lines with a category
  cancel_rate         cancelled orders / (orders + cancelled orders)   (with --cancel-prefix or --cancel-negative)
  discount_share      share of lines with discount > 0     (with --discount)

Example (CDNOW: no header, fixed width):
  segkit features data/samples/cdnow_master.txt --customer column1 --date column2 --quantity column3 --amount column4 --out customers.parquet
`)
    .action(async (source: string, flags: FeaturesFlags) => {
      const spec = transactionSpecFromFlags(flags);
      const out = resolvePath(io, flags.out);
      const r = await transactionFeatures(transactionSource(io, source, flags), spec, {
        out, read: false, ...(flags.orphans ? { noCustomerOut: resolvePath(io, flags.orphans) } : {}),
      });
      const customers = r.customers;
      if (flags.json) io.stdout(JSON.stringify({ out: flags.out, customers, features: featureColumns(r.plan.families), report: r.report, warnings: r.warnings, sql: r.plan.sql }, null, 2) + '\n');
      else {
        io.stdout(`segkit features: ${formatTransactionReport(r, customers)}`);
        const names = featureColumns(r.plan.families);
        io.stdout(`wrote ${flags.out}: customer_id + ${names.length} features (${names.join(', ')})\n`);
      }
      for (const w of r.warnings) io.stderr(`warning ${w.code}: ${w.message}\n`);
      setExit(EXIT_OK);
    });
}

/**
 * Transactions → a customer Frame (customer_id + features), for `fit --from-transactions` and `assign`
 * with a model that records its feature plan (`fixed` keeps that plan's date reading and columns).
 */
export async function transactionFrame(
  io: Io, source: string, flags: TransactionFlags, fixed?: FeaturePlan,
): Promise<{ frame: Frame; plan: FeaturePlan; warnings: readonly SegkitWarning[]; result: TransactionFeatures }> {
  const spec: TransactionSpecInput = fixed ? { ...fixed.spec, asOf: flags.asOf } : transactionSpecFromFlags(flags);
  const r = await transactionFeatures(transactionSource(io, source, flags), spec, { fixed });
  const t = r.table!;
  const frame: Frame = {
    source: r.report.asOf ? `${source} (features as of ${r.report.asOf})` : source,
    rows: t.ids.length,
    columns: [{ name: 'customer_id', kind: 'id', values: t.ids }, ...t.columns.map((c) => ({ name: c.name, kind: 'numeric' as const, values: c.values }))],
  };
  return { frame, plan: r.plan, warnings: r.warnings, result: r };
}
