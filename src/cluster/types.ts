/**
 * The clusterer contract every algorithm implements (ARCHITECTURE.md, "The algorithm interface").
 * Options are validated once at the edge with the clusterer's zod `schema`; `fit` receives a fully
 * defaulted object. State is plain data that survives JSON (typed arrays are encoded by `model/`).
 * @module
 */
import type { z } from 'zod';
import type { Dataset } from '../data/dataset.js';
import type { Matrix } from '../math/matrix.js';
import type { Rng } from '../math/rng.js';
import type { SegkitWarning, WarningCode } from '../errors.js';
import type { Dialect } from '../data/sql-dialect.js';

/** Progress report from a long-running step. */
export interface Progress {
  readonly step: string;
  readonly done: number;
  readonly total: number;
}

/** Everything a fit may use besides data and options. */
export interface FitContext {
  /** The only source of randomness. Fork per task (`rng.fork(restart)`). */
  readonly rng: Rng;
  /** Checked once per iteration; an aborted signal gives `E_ABORTED`. */
  readonly signal?: AbortSignal;
  /** Progress callback for long loops. */
  readonly onProgress?: (p: Progress) => void;
  /** Records a recoverable problem. */
  warn(code: WarningCode, message: string): void;
}

/** A fitted clusterer. */
export interface Fitted<State> {
  /** Everything predict needs, plain data. */
  readonly state: State;
  /** Training labels; equal to `predict(state, data)`. -1 = noise / unassigned. */
  readonly labels: Int32Array;
  /** Numbers about the fit: inertia, nIter, converged (0|1), … */
  readonly diagnostics: Readonly<Record<string, number>>;
  /** Recoverable problems met during the fit. */
  readonly warnings: readonly SegkitWarning[];
}

/** One clustering algorithm. */
export interface Clusterer<Options extends object, State> {
  /** Registry key and CLI/API value: 'kmeans', 'minibatch-kmeans', … */
  readonly name: string;
  /**
   * How the method takes categorical columns. 'encoded' (the default when absent): one-hot or
   * ordinal columns inside the numeric matrix. 'codes': level codes in `Dataset.categorical`
   * (methods that compare categories by equality: K-Modes, K-Prototypes, Gower). 'none': the
   * method models numbers only (Gaussian mixtures): categorical columns are an error that points
   * to a mixed-data method, unless the user asked for an encoding explicitly. 'text': each row
   * rendered as a sentence in `Dataset.text` (text-embedding methods), categories encoded as usual.
   */
  readonly categoricalInput?: 'encoded' | 'codes' | 'none' | 'text';
  /**
   * True for methods that leave some rows out of every segment (DBSCAN, HDBSCAN): label -1 is then
   * named "outliers" in summaries, reports and predictions instead of "unassigned".
   */
  readonly noise?: boolean;
  /** Options schema: each field's rule, default and doc. Parsing gives a fully defaulted object. */
  readonly schema: z.ZodType<Options, any>;
  /** Learns the state from data. Options are already validated. */
  fit(data: Dataset, options: Options, ctx: FitContext): Promise<Fitted<State>>;
  /** Hard assignment of rows; pure. */
  predict(state: State, data: Dataset): Int32Array;
  /** Soft assignment (rows × clusters) where the method has one. */
  predictProba?(state: State, data: Dataset): Matrix;
  /** Distance of each row to each cluster (rows × clusters) where the method has centers. */
  distances?(state: State, data: Dataset): Matrix;
  /**
   * Rows as points of a Euclidean space in which the method's own distance is the Euclidean one, for
   * the internal metrics (silhouette, Davies-Bouldin, Calinski-Harabasz). Absent: the numeric matrix
   * is that space (k-means). `rows` limits it to some rows (a sample of large data).
   */
  embed?(state: State, data: Dataset, rows?: Int32Array): Matrix;
  /**
   * SQL expressions scoring a row against each cluster, for `export-sql`: `features` are SQL
   * expressions of the numeric features (in matrix order), `codes` of the level codes (-1 = unseen).
   * The generic part takes the argmin (distances) or argmax (log-densities) and the confidence.
   */
  sqlScores?(state: State, input: { features: readonly string[]; codes: readonly string[] }, d: Dialect): SqlScores;
  /**
   * Per-row outputs beside the segment, for methods that have them: the segment at each nested level
   * (hierarchical `-k 4,12`), the neuron of a self-organizing map, HDBSCAN's membership strength.
   * `predict`, `assign` and the HTTP API add them as columns/fields under their `name`.
   */
  extraColumns?(state: State, data: Dataset, labels: Int32Array): ExtraColumn[];
  /** Number of clusters in a fitted state. */
  nClusters(state: State): number;
}

/** One per-row output beside the segment (see `Clusterer.extraColumns`). */
export interface ExtraColumn {
  /** Column/field name: snake_case, e.g. 'level_4', 'neuron', 'strength'. */
  readonly name: string;
  /** 'int' columns are ids (-1 = none); 'float' columns are measures. */
  readonly kind: 'int' | 'float';
  readonly values: Int32Array | Float64Array;
  /** One line for --help, the report and the OpenAPI document. */
  readonly description: string;
}

/**
 * Per-cluster scores in SQL. 'distance': lower is better; `reported` maps the score to the distance
 * reported and used for confidence (k-means scores squared distances, so 'sqrt'). 'log-density':
 * log(weight) + log density, higher is better; confidence is the posterior.
 */
export type SqlScores = (
  | { kind: 'distance'; exprs: string[]; reported: 'sqrt' | 'identity' }
  | { kind: 'log-density'; exprs: string[] }
) & {
  /**
   * Intermediate columns for multi-stage methods, computed level by level before the scores: each
   * level's expressions may use the features, the codes and the aliases of earlier levels.
   */
  prelude?: { alias: string; expr: string }[][];
};

/** A clusterer with its option and state types erased, as kept in the registry. */
export type AnyClusterer = Clusterer<any, any>;

/** Builds a FitContext that collects warnings into the given array. */
export function createFitContext(
  rng: Rng,
  warnings: SegkitWarning[],
  extra: { signal?: AbortSignal; onProgress?: (p: Progress) => void } = {},
): FitContext {
  return {
    rng,
    ...extra,
    warn(code, message) {
      warnings.push({ code, message });
    },
  };
}
