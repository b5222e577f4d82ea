/**
 * What K-Modes and K-Prototypes share around the core iteration: turning a Dataset into flat
 * arrays, the data checks, restarts, the plain-JSON state, and predict/distances.
 * @module
 */
import type { Dataset } from '../data/dataset.js';
import type { FitContext, Fitted, SqlScores } from './types.js';
import type { Dialect } from '../data/sql-dialect.js';
import { mismatchSql, sqDistSequentialSql } from './sql-scores.js';
import { SegkitError, type SegkitWarning } from '../errors.js';
import { msg } from '../messages.js';
import { labelsCost, rowCost, type MixedData, type Prototypes } from './kmodes-core.js';
import { runRestarts } from './kmodes-restarts.js';
import { chooseGamma, type GammaRule } from './kprototypes-gamma.js';

/**
 * Runs of nInit 'auto' after Cao: Cao's start plus 4 from Huang's. On the bank-like bench table the
 * best cost fell from 282,300 (Cao alone) to 262,095 (5 runs) and 261,605 (10 runs): most of the gain
 * at half the time (bench/RESULTS.md).
 */
export const CAO_AUTO_RUNS = 5;

/** Explicit initial prototypes: numeric means (K-Prototypes) and modes as level names or codes. */
export interface ExplicitPrototypes {
  means?: number[][];
  modes: (string | number)[][];
}

/** Options both methods share (validated by their schemas). */
export interface MixedParams {
  nClusters: number;
  init: 'cao' | 'huang' | 'kmodes++' | 'random' | ExplicitPrototypes;
  nInit: 'auto' | number;
  maxIter: number;
  gamma?: number | GammaRule;
}

/** What K-Modes / K-Prototypes learn: plain data. */
export interface MixedState {
  /** k × numeric features: the means (empty rows for K-Modes). */
  readonly means: number[][];
  /** k × categorical columns: the level code of each mode. */
  readonly modes: number[][];
  /** The same modes as level names, for people reading the model file. */
  readonly modeLevels: string[][];
  /** Weight of one categorical mismatch against squared numeric distance. */
  readonly gamma: number;
  readonly gammaRule: GammaRule | 'given';
  readonly numericFeatures: string[];
  readonly categoricalColumns: string[];
}

/** Flat view of a dataset (no copy of the big arrays). */
export function mixedData(data: Dataset): MixedData {
  const c = data.categorical;
  return {
    rows: data.numeric.rows,
    num: data.numeric.data,
    nNum: data.numeric.cols,
    cat: c?.data ?? new Int32Array(0),
    nCat: c?.cols ?? 0,
    nLevels: c?.levels.map((l) => l.length) ?? [],
    ...(data.weights ? { weights: data.weights } : {}),
  };
}

/** Checks shared by fit: rows, finite numbers, columns of the right kinds, k ≤ distinct rows. */
export function checkMixedFit(data: Dataset, k: number, method: 'kmodes' | 'kprototypes'): void {
  const x = data.numeric;
  if (x.rows === 0) throw new SegkitError('E_DATA_EMPTY', msg.dataEmpty('The data'));
  if (!data.categorical || data.categorical.cols === 0) throw new SegkitError('E_DATA_EMPTY', msg.needsCategorical(method), { field: 'method' });
  if (method === 'kmodes' && x.cols > 0) throw new SegkitError('E_OPTION', msg.kmodesGotNumbers(data.featureNames), { field: 'method' });
  if (method === 'kprototypes' && x.cols === 0) throw new SegkitError('E_OPTION', msg.kprototypesNoNumbers(), { field: 'method' });
  for (let i = 0; i < x.data.length; i++)
    if (!Number.isFinite(x.data[i])) {
      const r = Math.floor(i / x.cols), column = data.featureNames[i % x.cols];
      throw new SegkitError('E_DATA_NONFINITE', msg.dataNonFinite(r + 1, column, x.data[i]), { row: r + 1, column });
    }
  if (x.rows < k) throw new SegkitError('E_TOO_FEW_ROWS', msg.tooFewRows(method, k, x.rows), { field: 'nClusters' });
  const distinct = distinctRowsAtMost(data, k);
  if (distinct < k) throw new SegkitError('E_TOO_FEW_ROWS', msg.fewerDistinctRows(method, k, distinct), { field: 'nClusters' });
}

/** Distinct rows (numbers and codes), counted only up to `cap`: an early exit keeps it cheap. */
function distinctRowsAtMost(data: Dataset, cap: number): number {
  const x = data.numeric, c = data.categorical!;
  const seen = new Set<string>();
  for (let i = 0; i < x.rows && seen.size < cap; i++)
    seen.add(`${x.data.subarray(i * x.cols, (i + 1) * x.cols).join(',')}|${c.data.subarray(i * c.cols, (i + 1) * c.cols).join(',')}`);
  return seen.size;
}

/** Fits K-Modes or K-Prototypes: best of nInit runs by cost. */
export async function fitMixed(data: Dataset, o: MixedParams, ctx: FitContext, method: 'kmodes' | 'kprototypes'): Promise<Fitted<MixedState>> {
  checkMixedFit(data, o.nClusters, method);
  const x = mixedData(data);
  const k = o.nClusters;
  const gammaChoice = method === 'kmodes' ? { gamma: 1, rule: 'given' as const } : typeof o.gamma === 'number' ? { gamma: o.gamma, rule: 'given' as const } : chooseGamma(x, o.gamma ?? 'balanced');
  const gamma = gammaChoice.gamma;
  const explicit = typeof o.init === 'object' ? explicitPrototypes(o.init, data, method) : null;
  const nInit = o.nInit === 'auto' ? (explicit ? 1 : o.init === 'cao' ? CAO_AUTO_RUNS : 10) : o.nInit;
  const warnings: SegkitWarning[] = [];
  const warn = (code: SegkitWarning['code'], message: string) => (warnings.push({ code, message }), ctx.warn(code, message));
  ctx.onProgress?.({ step: `${method}: ${nInit} restart(s)`, done: 0, total: nInit });
  if (ctx.signal?.aborted) throw new SegkitError('E_ABORTED', msg.aborted(method));
  const b = await runRestarts(x, k, gamma, explicit ?? (o.init as Exclude<MixedParams['init'], ExplicitPrototypes>), nInit, {
    maxIter: o.maxIter, rng: ctx.rng, signal: ctx.signal,
    onRestart: (r, e) => ctx.onProgress?.({ step: `${method} restart ${r + 1}/${nInit}, epoch`, done: e, total: o.maxIter }),
  });
  if (!b.converged) warn('W_NOT_CONVERGED', msg.notConverged(o.maxIter));
  if (b.refilled > 0) warn('W_EMPTY_CLUSTER_RELOCATED', msg.clusterRefilled(b.refilled));
  const parts = costParts(x, b.prototypes, b.labels, gamma);
  const state = toState(b.prototypes, x, data, gamma, gammaChoice.rule);
  return {
    state,
    labels: b.labels,
    diagnostics: {
      cost: b.cost, numericCost: parts.numeric, categoricalCost: parts.categorical,
      categoricalShare: b.cost > 0 ? parts.categorical / b.cost : 0,
      gamma, nIter: b.nIter, converged: b.converged ? 1 : 0, nInit,
    },
    warnings,
  };
}

/** The numeric and the γ-weighted categorical part of the cost. */
function costParts(x: MixedData, p: Prototypes, labels: Int32Array, gamma: number): { numeric: number; categorical: number } {
  let numeric = 0, categorical = 0;
  const noCat: MixedData = { ...x, nCat: 0 };
  for (let i = 0; i < x.rows; i++) {
    const w = x.weights ? x.weights[i] : 1;
    const num = rowCost(noCat, i, p, labels[i], 0);
    numeric += w * num;
    categorical += w * (rowCost(x, i, p, labels[i], gamma) - num);
  }
  return { numeric, categorical };
}

function toState(p: Prototypes, x: MixedData, data: Dataset, gamma: number, gammaRule: MixedState['gammaRule']): MixedState {
  const d = x.nNum, m = x.nCat, levels = data.categorical!.levels;
  const means = Array.from({ length: p.k }, (_, c) => Array.from(p.means.subarray(c * d, c * d + d)));
  const modes = Array.from({ length: p.k }, (_, c) => Array.from(p.modes.subarray(c * m, c * m + m)));
  return {
    means, modes, modeLevels: modes.map((row) => row.map((code, j) => levels[j][code])),
    gamma, gammaRule, numericFeatures: [...data.featureNames], categoricalColumns: [...data.categorical!.names],
  };
}

/** Prototypes of a saved state. */
export function statePrototypes(s: MixedState): Prototypes {
  return { k: s.modes.length, means: Float64Array.from(s.means.flat()), modes: Int32Array.from(s.modes.flat()) };
}

/** Checks new data against the state's columns. */
function checkMixedPredict(s: MixedState, data: Dataset, method: string): MixedData {
  if (data.numeric.cols !== s.numericFeatures.length) throw new SegkitError('E_FEATURE_MISMATCH', msg.featureMismatch(data.numeric.cols, method, s.numericFeatures.length));
  const cats = data.categorical?.cols ?? 0;
  if (cats !== s.categoricalColumns.length) throw new SegkitError('E_FEATURE_MISMATCH', msg.featureMismatch(cats, `${method} (categorical columns)`, s.categoricalColumns.length));
  return mixedData(data);
}

/** Cheapest prototype of each row; an unseen level (code -1) mismatches every mode. */
export function predictMixed(s: MixedState, data: Dataset, method: string): Int32Array {
  return labelsCost(checkMixedPredict(s, data, method), statePrototypes(s), s.gamma).labels;
}

/** rows × k costs, mapped by `f` (sqrt for K-Prototypes: the distance in the one-hot embedding). */
export function mixedDistances(s: MixedState, data: Dataset, method: string, f: (cost: number) => number) {
  const x = checkMixedPredict(s, data, method);
  const p = statePrototypes(s);
  const out = new Float64Array(x.rows * p.k);
  for (let i = 0; i < x.rows; i++) for (let c = 0; c < p.k; c++) out[i * p.k + c] = f(rowCost(x, i, p, c, s.gamma));
  return { rows: x.rows, cols: p.k, data: out };
}

/** Explicit prototypes as flat arrays; levels may be given by name or by code. */
function explicitPrototypes(init: ExplicitPrototypes, data: Dataset, method: string): Prototypes {
  const k = init.modes.length, d = data.numeric.cols, cat = data.categorical!;
  const m = cat.cols;
  if (init.modes.some((r) => r.length !== m)) throw new SegkitError('E_OPTION', msg.initShape(method, 'modes', k, m, `rows of ${init.modes.map((r) => r.length).join('/')}`), { field: 'init' });
  const means = init.means ?? [];
  if (d > 0 && (means.length !== k || means.some((r) => r.length !== d || r.some((v) => !Number.isFinite(v)))))
    throw new SegkitError('E_OPTION', msg.initShape(method, 'means (finite numbers)', k, d, `${means.length} rows`), { field: 'init' });
  const modes = new Int32Array(k * m);
  init.modes.forEach((row, c) => row.forEach((v, j) => {
    const code = typeof v === 'number' ? v : cat.levels[j].indexOf(v);
    if (!Number.isInteger(code) || code < 0 || code >= cat.levels[j].length) throw new SegkitError('E_OPTION', msg.initLevel(method, cat.names[j], String(v), cat.levels[j]), { field: 'init' });
    modes[c * m + j] = code;
  }));
  return { k, means: Float64Array.from(means.flat()), modes };
}

/**
 * One-hot embedding scaled by √(γ/2) beside the numbers: two rows differing in one category are then
 * √γ apart, so squared Euclidean distance equals the K-Prototypes cost between rows (K-Modes: γ = 1,
 * the squared distance is the number of differing columns).
 */
export function mixedEmbedding(s: MixedState, data: Dataset, method: string, rows?: Int32Array) {
  const x = checkMixedPredict(s, data, method);
  const levels = data.categorical!.levels;
  const offsets: number[] = [];
  let width = x.nNum;
  for (const l of levels) (offsets.push(width), (width += l.length));
  const pick = rows ?? Int32Array.from({ length: x.rows }, (_, i) => i);
  const out = new Float64Array(pick.length * width);
  const scale = Math.sqrt(s.gamma / 2);
  for (let r = 0; r < pick.length; r++) {
    const i = pick[r];
    for (let j = 0; j < x.nNum; j++) out[r * width + j] = x.num[i * x.nNum + j];
    for (let j = 0; j < x.nCat; j++) {
      const code = x.cat[i * x.nCat + j];
      if (code >= 0) out[r * width + offsets[j] + code] = scale;
    }
  }
  return { rows: pick.length, cols: width, data: out };
}

/** Per-segment cost in SQL, summed in rowCost's order: numbers one by one, then γ × mismatches. */
export function mixedSqlScores(s: MixedState, input: { features: readonly string[]; codes: readonly string[] }, d: Dialect, reported: 'sqrt' | 'identity'): SqlScores {
  const exprs = s.modes.map((modes, c) => {
    const mis = mismatchSql(input.codes, modes, d);
    return s.numericFeatures.length === 0 ? `(${d.num(0)} + ${d.num(s.gamma)} * ${mis})` : `(${sqDistSequentialSql(input.features, s.means[c], d)} + ${d.num(s.gamma)} * ${mis})`;
  });
  return { kind: 'distance', exprs, reported };
}
