/**
 * The library entry point of transaction features: a source of transactions → one row per
 * customer (see `feature-sql.ts` for each feature's formula), computed in DuckDB or PostgreSQL,
 * returned as typed arrays and/or written to a file without passing through JS.
 * @module
 */
import type { SegkitWarning } from '../errors.js';
import { describeSource, type SourceSpec } from '../data/source-spec.js';
import type { TransactionSpecInput } from './transaction-spec.js';
import { prepareFeatures, type FeaturePlan, type TransactionReport } from './prepare-features.js';
import { withTransactions } from './open-transactions.js';
import type { FeatureTable } from './sql-engine.js';

/** Options of {@link transactionFeatures}. */
export interface TransactionFeaturesOptions {
  /** Also write the features to this file (.parquet, .csv, .jsonl). **Default:** none. */
  out?: string;
  /** Return the features as typed arrays. **Default:** true (set false for huge outputs written to `out`). */
  read?: boolean;
  /** Write the source lines without a customer ID to this file (.csv, .parquet, .jsonl). **Default:** they are only counted. */
  noCustomerOut?: string;
  /** Date reading and feature families of a saved model, so the same columns come out. */
  fixed?: Pick<FeaturePlan, 'date' | 'families'>;
}

/** Features, the plan that made them, and what the transactions held. */
export interface TransactionFeatures {
  readonly table: FeatureTable | null;
  /** Number of customers (rows of the features). */
  readonly customers: number;
  readonly plan: FeaturePlan;
  readonly report: TransactionReport;
  readonly warnings: readonly SegkitWarning[];
}

/**
 * Computes customer features from transactions.
 * @example
 *   const { table } = await transactionFeatures(parseSourceSpec('data/samples/cdnow_master.txt'),
 *     { customer: 'column1', date: 'column2', amount: 'column4' });
 */
export async function transactionFeatures(source: SourceSpec, spec: TransactionSpecInput, o: TransactionFeaturesOptions = {}): Promise<TransactionFeatures> {
  return withTransactions(source, async (engine) => {
    const p = await prepareFeatures(engine, spec, describeSource(source), o.fixed);
    // Computed once into a temp table, then written, read and counted from there.
    await engine.run(`CREATE TEMP TABLE tx_features AS ${p.sql}`);
    const all = 'SELECT * FROM tx_features ORDER BY customer_id';
    if (o.out !== undefined) await engine.writeResult(all, o.out);
    if (o.noCustomerOut !== undefined) {
      const d = engine.dialect, c = d.ident(p.plan.spec.customer);
      await engine.writeResult(`SELECT * FROM tx_source WHERE NULLIF(trim(${d.asText(c)}), '') IS NULL`, o.noCustomerOut);
    }
    const table = o.read === false ? null : await engine.readTable(all);
    const customers = table ? table.ids.length : Number((await engine.rows('SELECT COUNT(*) AS n FROM tx_features'))[0].n);
    return { table, customers, plan: p.plan, report: p.report, warnings: p.warnings };
  });
}
