/**
 * `segkit fit <source>`: read, preprocess, cluster, write the model (and assignments), print a summary.
 * @module
 */
import type { Command } from 'commander';
import type { Io } from '../io.js';
import { resolvePath } from '../io.js';
import { listFlag, numberFlag, type SourceFlags } from '../flags.js';
import { createProgress } from '../progress.js';
import { readSource } from '../read-source.js';
import { fitModel } from '../../model/fit-model.js';
import { saveModel } from '../../model/save.js';
import { writeAssignments } from '../write-assignments.js';
import { summarizeSegments } from '../../model/segment-summary.js';
import { formatFitSummary } from '../format.js';
import { EXIT_OK } from '../exit-codes.js';
import { getClusterer } from '../../cluster/registry.js';
import { parseOptions } from '../../options.js';
import { addTransactionFlags, transactionFrame, type TransactionFlags } from './features.js';

interface FitFlags extends SourceFlags, Omit<TransactionFlags, keyof SourceFlags> {
  fromTransactions?: boolean;
  id?: string;
  weight?: string;
  features?: string;
  exclude?: string;
  method: string;
  nClusters?: string;
  init?: string;
  nInit?: string;
  maxIter?: string;
  tol?: string;
  algorithm?: string;
  batchSize?: string;
  impute?: string;
  missingIndicator?: boolean;
  skew?: string;
  scale?: string;
  encode?: string;
  categoricalMissing?: string;
  gamma?: string;
  rareLevelShare?: string;
  seed?: string;
  out: string;
  assignments?: string;
  json?: boolean;
  quiet?: boolean;
}

/** When to use which method: what a new user reads at the end of `segkit fit --help`. */
const METHOD_GUIDE = `
Which method?
  kmeans       Every column a number (income, spend, visits), or a few categories that may be one-hot
               encoded. Fastest; scales to millions of rows.
  kprototypes  Numbers and categories together (age, balance + job, contract, channel). Categories are
               compared level by level instead of one-hot columns (where each counts as a fixed squared
               distance of 2) or label codes (which invent an order); --gamma sets their weight, and the
               summary shows each part's share of the cost so you can see that both shape the segments.
  kmodes       Categories only (survey answers, product categories); use --features to pick them.

Examples:
  segkit fit customers.csv -k 5
  segkit fit data/samples/bank.csv --method kprototypes -k 5
  segkit fit answers.csv --method kmodes -k 4 --features q1,q2,q3,q4
`;

/** Registers the command. */
export function registerFit(program: Command, io: Io, setExit: (code: number) => void): void {
  const cmd = program
    .command('fit')
    .summary('segment customers and write a model file')
    .description('Read a customer table, preprocess it, cluster it into segments and write a model file (and optionally every customer\'s segment).')
    .argument('<source>', 'CSV/TSV/text, Parquet, JSON lines, duckdb:<file>, or postgres://… (with --table or --query)');
  addSourceFlags(cmd);
  addTransactionFlags(cmd, false, false);
  cmd
    .option('--id <column>', 'customer ID column (default: a unique column named like id / customer_id, else the row number)')
    .option('--weight <column>', 'numeric column of per-customer weights (e.g. revenue); not used as a feature')
    .option('--features <cols>', 'comma-separated columns to use (default: all but the ID)')
    .option('--exclude <cols>', 'comma-separated columns to leave out')
    .option('--method <name>', "clustering method: 'kmeans' (numbers; categories one-hot encoded), 'kprototypes' (numbers and categories compared level by level), 'kmodes' (categories only); see below", 'kmeans')
    .option('-k, --n-clusters <n>', 'number of segments (default 8)')
    .option('--init <how>', "seeding: kmeans 'kmeans++' | 'random'; kprototypes/kmodes 'cao' | 'huang' | 'random'")
    .option('--n-init <n>', "restarts, or 'auto'")
    .option('--max-iter <n>', 'iteration cap per restart')
    .option('--tol <x>', 'convergence tolerance (relative to mean feature variance)')
    .option('--algorithm <name>', "'auto', 'lloyd' or 'minibatch'")
    .option('--batch-size <n>', 'rows per mini-batch')
    .option('--gamma <x>', "kprototypes: weight of one differing category against squared numeric distance: a number, 'balanced' (default) or 'huang' (kmodes' default)")
    .option('--impute <how>', "numeric imputation: 'median' or 'mean'")
    .option('--missing-indicator', 'add a 0/1 column per numeric column with missing values')
    .option('--skew <how>', "skew handling: 'auto', 'none', 'log1p', 'yeo-johnson'")
    .option('--scale <how>', "scaling: 'standard', 'robust', 'minmax', 'quantile', 'none'")
    .option('--encode <how>', "categorical encoding for kmeans: 'onehot' or 'ordinal' (kprototypes/kmodes compare levels directly)")
    .option('--categorical-missing <how>', "missing categories: 'level' (a '(missing)' level of their own) or 'mode' (the most frequent level)")
    .option('--rare-level-share <x>', 'levels rarer than this share are grouped into (other)')
    .option('--seed <n>', 'random seed (drawn and recorded when absent)')
    .option('-o, --out <file>', 'model file to write', 'segkit-model.json')
    .option('--assignments <file>', 'also write every customer\'s segment (.csv, .parquet or .jsonl)')
    .option('--json', 'print the summary as JSON')
    .option('-q, --quiet', 'no progress output')
    .option('--from-transactions', 'the source is transaction lines: compute customer features first (see segkit features; name columns with --customer, --date, --amount …); the model records the feature SQL so assign re-scores later transactions')
    .addHelpText('after', METHOD_GUIDE)
    .action(async (source: string, flags: FitFlags) => {
      const progress = createProgress(io, Boolean(flags.quiet || flags.json));
      try {
        // Flags first, so a usage error is reported before any data is read.
        const options: Record<string, unknown> = {};
        const set = (k: string, v: unknown) => v !== undefined && (options[k] = v);
        set('nClusters', numberFlag(flags.nClusters, '-k/--n-clusters', { integer: true, min: 1 }));
        set('init', flags.init);
        set('nInit', flags.nInit === 'auto' ? 'auto' : numberFlag(flags.nInit, '--n-init', { integer: true, min: 1 }));
        set('maxIter', numberFlag(flags.maxIter, '--max-iter', { integer: true, min: 1 }));
        set('tol', numberFlag(flags.tol, '--tol', { min: 0 }));
        set('algorithm', flags.algorithm);
        set('batchSize', numberFlag(flags.batchSize, '--batch-size', { integer: true, min: 1 }));
        set('gamma', flags.gamma === undefined || flags.gamma === 'balanced' || flags.gamma === 'huang' ? flags.gamma : numberFlag(flags.gamma, '--gamma', { min: 0 }));
        const prep: Record<string, unknown> = {};
        const setP = (k: string, v: unknown) => v !== undefined && (prep[k] = v);
        setP('features', listFlag(flags.features));
        setP('exclude', listFlag(flags.exclude));
        setP('impute', flags.impute);
        setP('missingIndicator', flags.missingIndicator);
        setP('skew', flags.skew);
        setP('scale', flags.scale);
        setP('encode', flags.encode);
        setP('categoricalMissing', flags.categoricalMissing);
        setP('rareLevelShare', numberFlag(flags.rareLevelShare, '--rare-level-share', { min: 0 }));
        const seed = numberFlag(flags.seed, '--seed', { integer: true, min: 0 });
        const clusterer = getClusterer(flags.method);
        parseOptions(clusterer.schema, options, flags.method);
        // --from-transactions hook: features from transaction lines, plan kept in the model.
        const tx = flags.fromTransactions ? await transactionFrame(io, source, flags) : null;
        const frame = tx ? tx.frame : await readSource(io, source, flags, flags.id, progress);
        const fitted = await fitModel(frame, {
          method: flags.method, options, prep, idColumn: tx ? 'customer_id' : flags.id, weightColumn: flags.weight, seed, onProgress: (p) => progress.update(p),
        });
        const result = tx ? { ...fitted, model: { ...fitted.model, features: tx.plan }, warnings: [...tx.warnings, ...fitted.warnings] } : fitted;
        progress.stop();
        // Write the assignments first: if that fails, no model claims a run that left no output.
        if (flags.assignments) await writeAssignments(resolvePath(io, flags.assignments), result);
        saveModel(result.model, resolvePath(io, flags.out));
        const k = result.model.segments.length;
        const inputColumns = result.model.manifest.columns.filter((c) => c.name !== result.model.manifest.idColumn).map((c) => c.name);
        const summary = summarizeSegments(frame, result.labels, k, inputColumns);
        if (flags.json) io.stdout(JSON.stringify({ model: flags.out, assignments: flags.assignments ?? null, k, segments: summary, metrics: result.model.metrics, prep: result.model.prepReport, warnings: result.warnings, seed: result.model.manifest.seed, seconds: result.model.manifest.fitSeconds }, null, 2) + '\n');
        else io.stdout(formatFitSummary(result.model, summary, flags.out, flags.assignments));
        for (const w of result.warnings) io.stderr(`warning ${w.code}: ${w.message}\n`);
        setExit(EXIT_OK);
      } finally {
        progress.stop();
      }
    });
}

/** Flags for reading a source, shared with `assign`. */
export function addSourceFlags(cmd: Command): void {
  cmd
    .option('--table <name>', 'table to read from a duckdb: or postgres:// source')
    .option('--query <sql>', 'SQL query to read from a duckdb: or postgres:// source')
    .option('--sep <char>', 'field separator of a text file (default: sniffed)')
    .option('--no-header', 'the text file has no header line')
    .option('--numeric <cols>', 'force these columns to be numeric')
    .option('--categorical <cols>', 'force these columns to be categorical');
}
