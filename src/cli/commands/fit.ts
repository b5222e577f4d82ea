/**
 * `segkit fit <source>`: read, preprocess, cluster, write the model (and assignments), print a summary.
 * @module
 */
import type { Command } from 'commander';
import type { Io } from '../io.js';
import { resolvePath } from '../io.js';
import { numberFlag, type SourceFlags } from '../flags.js';
import { addColumnFlags, addPrepFlags, prepOptionsFromFlags, type PrepFlags } from '../prep-flags.js';
import { addMethodOptionFlags, methodOptionsFromFlags, type MethodFlags } from '../method-flags.js';
import { createProgress } from '../progress.js';
import { readSource } from '../read-source.js';
import { fitModel } from '../../model/fit-model.js';
import { saveModel } from '../../model/save.js';
import { writeAssignments } from '../write-assignments.js';
import { modelOutliersSchema } from '../../model/model-outliers.js';
import { summarizeSegments } from '../../model/segment-summary.js';
import { formatFitSummary } from '../format.js';
import { EXIT_OK } from '../exit-codes.js';
import { getClusterer } from '../../cluster/registry.js';
import { parseOptions } from '../../options.js';
import { drawSeed } from '../../math/rng.js';
import { parseKRange } from '../../select/k-range.js';
import { autoK } from '../auto-k.js';
import { lpaGridFit, parseModels } from '../lpa-grid-fit.js';
import { SegkitError } from '../../errors.js';
import { msg } from '../../messages.js';
import { addTransactionFlags, transactionFrame, type TransactionFlags } from './features.js';

interface FitLpaFlags {
  models?: string;
  pick: string;
  probabilities?: boolean;
}

interface FitFlags extends FitLpaFlags, SourceFlags, PrepFlags, MethodFlags, Omit<TransactionFlags, keyof SourceFlags | keyof PrepFlags> {
  fromTransactions?: boolean;
  nClusters?: string;
  kRange: string;
  seed?: string;
  out: string;
  assignments?: string;
  outliers?: string;
  contamination?: string;
  outlierAction?: string;
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
  kmedoids     Each segment represented by a real customer (its medoid), with Gower distance on mixed
               data: robust to outliers, bounded per column. Exact up to 10,000 rows, CLARA samples above.
  gmm          Gaussian mixture: soft segments (each customer's probability of every segment) for
               overlapping groups; --covariance-type full|tied|diag|spherical. Numbers only.
  lpa          Latent profile analysis (mclust/tidyLPA models 1 EEI, 2 VVI, 3 EEE, 6 VVV): -k 2..8
               --models 1,2,3,6 fits the grid and prints AIC/BIC/SABIC/ICL/entropy to choose from.
  lpa-kmeans   Two stages: latent profiles, then k-means on each customer's profile probabilities.
  hierarchical Agglomerative tree (--linkage ward|average|complete|single); -k 4,12 cuts it twice for
               nested broad and detailed segments (columns level_4, level_12); --height cuts by height.
               Ward needs no distance matrix (100k rows fit in memory).
  dbscan       Density-based: dense groups become segments, the rest are 'outliers' (segment -1);
               --eps auto|x, --min-samples n. No -k. New customers: the segment of a core point within eps.
  hdbscan      Hierarchical DBSCAN: segments of varying density, --min-cluster-size n; membership
               strength per customer (column strength).
  som          Self-organizing map (--grid 10x10, --topology hexagonal): every customer gets a neuron
               (a 2-D map of the customer space) and a segment (k-means on the neurons).
  autoencoder-kmeans  A dense autoencoder (--bottleneck, --hidden, --epochs; early stopping) compresses
               the features; k-means segments the codes. The encoder is saved for predict.
  embed-kmeans "LLM + K-means": each row rendered as a sentence (--template, --pii), embedded by
               the built-in hashed n-gram TF-IDF + SVD (no downloads), then k-means.

Examples:
  segkit fit customers.csv -k 5
  segkit fit customers.csv -k auto            (choose k as 'segkit select' does)
  segkit fit data/samples/bank.csv --method kprototypes -k 5
  segkit fit answers.csv --method kmodes -k 4 --features q1,q2,q3,q4
  segkit fit data/samples/cc_general.csv --method lpa -k 2..6 --models 1,2,3,6
`;

/** Registers the command. */
export function registerFit(program: Command, io: Io, setExit: (code: number) => void): void {
  const cmd = program
    .command('fit')
    .summary('segment customers and write a model file')
    .description('Read a customer table, preprocess it, cluster it into segments and write a model file (and optionally every customer\'s segment).')
    .argument('<source>', 'CSV/TSV/text, Parquet, JSON lines, duckdb:<file>, or postgres://… (with --table or --query)');
  addSourceFlags(cmd);
  cmd
  addColumnFlags(cmd);
  cmd
    .option('--method <name>', "clustering method: kmeans, kprototypes, kmodes, kmedoids, gmm, lpa, lpa-kmeans (see 'Which method?' below)", 'kmeans')
    .option('-k, --n-clusters <n>', "number of segments (default 8), 'auto' to choose it as `segkit select` does, with --method lpa a range 'min..max' to fit and compare the grid, or with --method hierarchical nested levels '4,12'")
    .option('--models <list>', "lpa: covariance models, mclust names or tidyLPA numbers (1 EEI, 2 VVI, 3 EEE, 6 VVV), e.g. 1,2,3,6; several (or a k range) fit the grid")
    .option('--pick <index>', "lpa grid: the cell to save, best by 'bic' (default) or 'icl'", 'bic')
    .option('--k-range <range>', "range of k that -k auto chooses from, 'min..max'", '2..10');
  addMethodOptionFlags(cmd);
  addPrepFlags(cmd);
  addTransactionFlags(cmd, false, false);
  cmd
    .option('--from-transactions', 'the source is transaction lines: compute customer features first (see segkit features; name columns with --customer, --date, --amount …); the model records the feature SQL so assign re-scores later transactions')
    .option('--seed <n>', 'random seed (drawn and recorded when absent)')
    .option('-o, --out <file>', 'model file to write', 'segkit-model.json')
    .option('--assignments <file>', 'also write every customer\'s segment (.csv, .parquet or .jsonl)')
    .option('--probabilities', 'gmm/lpa: add every segment\'s probability (p_0 …) and the entropy to the assignments')
    .option('--outliers <method>', "find outliers before fitting: 'ecod' (Li et al. 2022, as PyOD); the detector is saved and scores new customers too")
    .option('--contamination <x>', 'with --outliers: share of training customers treated as outliers, in (0, 0.5] (default 0.1)')
    .option('--outlier-action <a>', "with --outliers: 'remove' (fit without them, then assign them to the nearest segment, flagged; default) or 'group' (segment -1, \"outliers\")")
    .option('--json', 'print the summary as JSON')
    .option('-q, --quiet', 'no progress output')
    .addHelpText('after', METHOD_GUIDE)
    .action(async (source: string, flags: FitFlags) => {
      const progress = createProgress(io, Boolean(flags.quiet || flags.json));
      try {
        // Flags first, so a usage error is reported before any data is read.
        const options: Record<string, unknown> = methodOptionsFromFlags(flags);
        if (typeof options.embedModel === 'string') options.embedModel = resolvePath(io, options.embedModel);
        const auto = flags.nClusters === 'auto';
        // lpa: a k range or several models fit the grid of models × k (lpa-grid-fit.ts).
        const kRangeGiven = !auto && flags.nClusters !== undefined && /\.\./.test(flags.nClusters);
        const models = parseModels(flags.models);
        if (kRangeGiven && flags.method !== 'lpa') throw new SegkitError('E_OPTION', msg.kRangeNeedsLpa(flags.method), { field: '-k' });
        const grid = flags.method === 'lpa' && (kRangeGiven || (models?.length ?? 0) > 1);
        if (flags.pick !== 'bic' && flags.pick !== 'icl') throw new SegkitError('E_OPTION', msg.keywordUnknown('--pick index', flags.pick, ['bic', 'icl']), { field: '--pick' });
        if (models?.length === 1) options.model = models[0];
        const gridKs = kRangeGiven ? (([a, b]) => Array.from({ length: b - a + 1 }, (_, i) => a + i))(parseKRange(flags.nClusters!, '-k')) : null;
        // hierarchical: '-k 4,12' gives nested broad and detailed segments (the finest are the model's segments).
        const levels = !auto && flags.nClusters?.includes(',') ? flags.nClusters.split(',').map((v) => numberFlag(v.trim(), '-k/--n-clusters', { integer: true, min: 1 })!) : null;
        if (levels && flags.method !== 'hierarchical') throw new SegkitError('E_OPTION', msg.kLevelsNeedHierarchical(flags.method), { field: '-k' });
        if (levels) options.levels = levels;
        const kFlag = auto || kRangeGiven || levels ? undefined : numberFlag(flags.nClusters, '-k/--n-clusters', { integer: true, min: 1 });
        if (kFlag !== undefined) options.nClusters = kFlag;
        const prep = prepOptionsFromFlags(flags);
        if (flags.outliers !== undefined && flags.outliers !== 'ecod') throw new SegkitError('E_OPTION', msg.keywordUnknown('--outliers method', flags.outliers, ['ecod']), { field: '--outliers' });
        const outliers = flags.outliers ? parseOptions(modelOutliersSchema, { method: 'ecod', ...(flags.contamination !== undefined ? { contamination: numberFlag(flags.contamination, '--contamination') } : {}), ...(flags.outlierAction !== undefined ? { action: flags.outlierAction } : {}) }, '--outliers') : undefined;
        const seed = numberFlag(flags.seed, '--seed', { integer: true, min: 0 }) ?? (auto || grid ? drawSeed() : undefined);
        const clusterer = getClusterer(flags.method);
        parseOptions(clusterer.schema, options, flags.method);
        if (auto) parseKRange(flags.kRange, '--k-range');
        // --from-transactions hook: features from transaction lines, plan kept in the model.
        const tx = flags.fromTransactions ? await transactionFrame(io, source, flags) : null;
        const frame = tx ? tx.frame : await readSource(io, source, flags, flags.id, progress);
        const idColumn = tx ? 'customer_id' : flags.id;
        // -k auto: choose k as `segkit select` does, then fit it and keep the evidence in the manifest.
        const chosen = auto
          ? await autoK(frame, { method: flags.method, options, prep, idColumn, weightColumn: flags.weight, kRange: flags.kRange, seed: seed!, onProgress: (p) => progress.update(p) })
          : null;
        if (chosen) options.nClusters = chosen.k;
        const lpa = grid
          ? await lpaGridFit(frame, { models: models ?? [1, 2, 3, 6], ks: gridKs ?? [Number(options.nClusters ?? 3)], options, prep, idColumn, weightColumn: flags.weight, seed: seed!, pick: flags.pick as 'bic' | 'icl', onProgress: (p) => progress.update(p) })
          : null;
        if (lpa) Object.assign(options, lpa.pick);
        const fitted = await fitModel(frame, {
          method: flags.method, options, prep, idColumn, weightColumn: flags.weight, seed, onProgress: (p) => progress.update(p), ...(outliers ? { outliers } : {}),
        });
        const withTx = tx ? { ...fitted, model: { ...fitted.model, features: tx.plan }, warnings: [...tx.warnings, ...fitted.warnings] } : fitted;
        const selection = chosen ? chosen.report : lpa ? { lpaGrid: lpa.grid, picked: flags.pick } : undefined;
        const result = selection ? { ...withTx, model: { ...withTx.model, manifest: { ...withTx.model.manifest, selection } } } : withTx;
        progress.stop();
        // Write the assignments first: if that fails, no model claims a run that left no output.
        if (flags.assignments) await writeAssignments(resolvePath(io, flags.assignments), result, Boolean(flags.probabilities));
        saveModel(result.model, resolvePath(io, flags.out));
        const k = result.model.segments.length;
        const inputColumns = result.model.manifest.columns.filter((c) => c.name !== result.model.manifest.idColumn).map((c) => c.name);
        const summary = summarizeSegments(frame, result.labels, k, inputColumns);
        if (flags.json) io.stdout(JSON.stringify({ model: flags.out, assignments: flags.assignments ?? null, k, segments: summary, metrics: result.model.metrics, prep: result.model.prepReport, warnings: result.warnings, seed: result.model.manifest.seed, seconds: result.model.manifest.fitSeconds, ...(chosen ? { selection: chosen.report.recommendation } : {}) }, null, 2) + '\n');
        else {
          if (lpa) io.stdout(`Latent profile models compared (${lpa.grid.cells.length} fits):\n\n${lpa.table}\nSaved: ${lpa.pick.model} with ${lpa.pick.nClusters} profiles (best by ${flags.pick.toUpperCase()}); refit another cell with --models <model> -k <n>.\n\n`);
          io.stdout(formatFitSummary(result.model, summary, flags.out, flags.assignments));
          const outside = result.labels.reduce((a, l) => a + (l < 0 ? 1 : 0), 0);
          if (outside > 0) io.stdout(`${result.noiseName}: ${outside} customers (${((100 * outside) / result.labels.length).toFixed(1)}%) belong to no segment (segment -1 in the assignments).\n`);
          if (chosen) io.stdout(`k = ${chosen.k} was chosen from ${flags.kRange} (${chosen.report.recommendation.agreement}): ${chosen.report.recommendation.reasons.at(-1)} The per-k evidence is in the model file (manifest.selection); 'segkit select' prints it as a table.\n`);
        }
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
