/**
 * The preprocessing pipeline: fitted once on training data, saved in the model, applied unchanged
 * to new customers.
 *
 *   frame ──1──> select columns ──2──> drop (all-missing, constant, ID-like) ──3──> per column:
 *     numeric/boolean/date: impute ─> [missing indicator] ─> skew (log1p | Yeo-Johnson) ─> scale
 *     categorical:          levels ((missing), (other)) ─> one-hot | ordinal (+ scale)
 *   ──4──> Dataset (matrix + feature names) and a report of every decision
 *
 * Scaling choice: numeric columns are scaled (standard by default) and one-hot and boolean columns
 * stay 0/1. A 0/1 column has a standard deviation of at most 0.5, so a category weighs at most half
 * of a standardised number; standardising it instead would blow rare levels up to huge values.
 * @module
 */
import { SegkitError, type SegkitWarning } from '../errors.js';
import { msg } from '../messages.js';
import type { Column, Frame } from '../data/frame.js';
import { isNumericColumn } from '../data/frame.js';
import type { Dataset } from '../data/dataset.js';
import { parseOptions } from '../options.js';
import { pipelineOptionsSchema, type PipelineOptions, type PipelineParams } from './pipeline-options.js';
import { fitLevels, levelOf, OTHER_LEVEL, type LevelsState } from './categorical-encoding.js';
import { coerceNumeric, coerceText } from './coerce.js';
import { percentileFinite, skewness, meanVar } from './stats.js';
import type { NumericStep } from './types.js';
import { fillMissing } from './affine.js';
import { standardScaler } from './standard-scaler.js';
import { robustScaler } from './robust-scaler.js';
import { minMaxScaler } from './minmax-scaler.js';
import { quantileTransformer } from './quantile-transformer.js';
import { log1p } from './log1p.js';
import { yeoJohnson } from './yeo-johnson.js';

const STEPS: Record<string, NumericStep<any>> = {
  standard: standardScaler, robust: robustScaler, minmax: minMaxScaler, quantile: quantileTransformer, log1p, 'yeo-johnson': yeoJohnson,
};

/** A fitted step: its name and plain-JSON state. */
export interface StepState { step: string; state: unknown }

/** How one numeric, boolean or date input column becomes features. */
export interface NumericPlan {
  name: string;
  kind: 'numeric' | 'boolean' | 'date';
  fill: number;
  indicator: boolean;
  steps: StepState[];
}

/** How one categorical input column becomes features. */
export interface CategoricalPlan {
  name: string;
  kind: 'categorical';
  levels: LevelsState;
  encode: 'onehot' | 'ordinal';
  steps: StepState[];
}

/** The fitted pipeline: plain JSON, saved in the model file. */
export interface PipelineState {
  version: 1;
  options: PipelineParams;
  columns: (NumericPlan | CategoricalPlan)[];
  featureNames: string[];
}

/** One line of the preprocessing report. */
export interface ColumnDecision { column: string; kind: string; actions: string[]; reason?: string }

/** What the pipeline decided, for people. */
export interface PrepReport { columns: ColumnDecision[]; features: number }

/** Result of fitting. */
export interface FittedPipeline { state: PipelineState; dataset: Dataset; report: PrepReport; warnings: SegkitWarning[] }

/**
 * Fits the pipeline on a training frame and transforms it.
 * @throws {SegkitError} E_OPTION, E_UNKNOWN_OPTION, E_UNKNOWN_COLUMN, E_DATA_EMPTY
 */
export function fitPipeline(frame: Frame, options: PipelineOptions = {}): FittedPipeline {
  const o = parseOptions(pipelineOptionsSchema, options, 'the preprocessing pipeline');
  const warnings: SegkitWarning[] = [];
  const report: ColumnDecision[] = [];
  // 1. Column selection.
  const names = frame.columns.map((c) => c.name);
  for (const [flag, list] of [['--features', o.features ?? []], ['--exclude', o.exclude]] as const)
    for (const c of list) if (!names.includes(c)) throw new SegkitError('E_UNKNOWN_COLUMN', msg.unknownColumn(c, flag, names), { file: frame.source, column: c });
  const explicit = new Set(o.features ?? []);
  const selected = frame.columns.filter((c) => (o.features ? explicit.has(c.name) : c.name !== o.idColumn && c.kind !== 'id') && !o.exclude.includes(c.name));
  for (const c of frame.columns) if (!selected.includes(c)) report.push({ column: c.name, kind: c.kind, actions: ['not used'], reason: c.name === o.idColumn || c.kind === 'id' ? 'customer ID' : 'excluded' });
  const plans: (NumericPlan | CategoricalPlan)[] = [];
  for (const c of selected) {
    // 2. Drops.
    const drop = dropReason(c, frame.rows);
    if (drop) {
      if (explicit.has(c.name) && drop.code === 'empty') throw new SegkitError('E_DATA_EMPTY', msg.allMissing(frame.source, c.name), { file: frame.source, column: c.name });
      warnings.push({ code: drop.code === 'constant' ? 'W_CONSTANT_FEATURE' : 'W_DROPPED_COLUMN', message: drop.message });
      report.push({ column: c.name, kind: c.kind, actions: ['dropped'], reason: drop.reason });
      continue;
    }
    // 3. Per-column plan.
    const { plan, decision } = isNumericColumn(c) ? planNumeric(c, o) : planCategorical(c as Column & { values: readonly (string | null)[] }, o);
    plans.push(plan);
    report.push(decision);
  }
  if (plans.length === 0) throw new SegkitError('E_DATA_EMPTY', msg.dataNoFeatures(frame.source), { file: frame.source });
  const featureNames = plans.flatMap(outputNames);
  const state: PipelineState = { version: 1, options: o, columns: plans, featureNames };
  // 4. Transform the training data with the fitted state.
  const { dataset } = transformPipeline(state, frame);
  return { state, dataset, report: { columns: report, features: featureNames.length }, warnings };
}

/** Output feature names of one plan. */
function outputNames(p: NumericPlan | CategoricalPlan): string[] {
  if (p.kind === 'categorical') return p.encode === 'onehot' ? p.levels.levels.map((l) => `${p.name}=${l}`) : [p.name];
  return p.indicator ? [p.name, `${p.name}__missing`] : [p.name];
}

function dropReason(c: Column, rows: number): { code: 'empty' | 'constant' | 'id'; reason: string; message: string } | null {
  if (isNumericColumn(c)) {
    let min = Infinity, max = -Infinity;
    for (const v of c.values) if (!Number.isNaN(v)) (min = v < min ? v : min), (max = v > max ? v : max);
    if (min === Infinity) return { code: 'empty', reason: 'every value is missing', message: msg.allMissingDropped(c.name) };
    if (min === max) return { code: 'constant', reason: `constant (${min})`, message: msg.constantColumn(c.name) };
    return null;
  }
  const distinct = new Set<string>();
  let nonMissing = 0;
  for (const v of c.values) if (v !== null) (distinct.add(v), nonMissing++);
  if (nonMissing === 0) return { code: 'empty', reason: 'every value is missing', message: msg.allMissingDropped(c.name) };
  if (distinct.size === 1 && nonMissing === rows) return { code: 'constant', reason: 'a single level', message: msg.constantColumn(c.name) };
  if (distinct.size === rows && rows > 20) return { code: 'id', reason: 'a distinct text value in every row (an ID?)', message: msg.idLikeColumn(c.name) };
  return null;
}

function planNumeric(c: Column & { kind: "numeric" | "boolean" | "date"; values: Float64Array }, o: PipelineParams): { plan: NumericPlan; decision: ColumnDecision } {
  const actions: string[] = [];
  const reasons: string[] = [];
  const stats = meanVar(c.values);
  const missing = c.values.length - stats.n;
  const fill = o.impute === 'median' ? percentileFinite(c.values, 50) : stats.mean;
  if (missing > 0) actions.push(`imputed ${missing} missing with the ${o.impute} ${fmt(fill)}`);
  const indicator = o.missingIndicator && missing > 0;
  if (indicator) actions.push(`added ${c.name}__missing`);
  let x: Float64Array<ArrayBufferLike> = fillMissing(c.values, fill);
  const steps: StepState[] = [];
  const apply = (name: string) => {
    const st = STEPS[name].fit(x);
    steps.push({ step: name, state: st });
    x = STEPS[name].transform(st, x);
  };
  if (c.kind === 'numeric') {
    const skew = skewness(x);
    let min = Infinity;
    for (const v of c.values) if (v < min) min = v;
    let skewStep: string | null = null;
    if (o.skew === 'auto' && Math.abs(skew) > o.skewThreshold) skewStep = min >= 0 && skew > 0 ? 'log1p' : 'yeo-johnson';
    else if (o.skew === 'log1p') skewStep = min >= 0 ? 'log1p' : 'yeo-johnson';
    else if (o.skew === 'yeo-johnson') skewStep = 'yeo-johnson';
    if (skewStep) {
      apply(skewStep);
      actions.push(skewStep === 'log1p' ? 'log1p' : `Yeo-Johnson (λ = ${fmt((steps[steps.length - 1].state as { lambda: number }).lambda)})`);
      reasons.push(o.skew === 'auto' ? `skewness ${fmt(skew)}${skewStep === 'log1p' ? ', non-negative' : min < 0 ? ', has negatives' : ''}` : `--skew ${o.skew}`);
    }
  }
  // Booleans stay 0/1 (see the module doc); numbers and dates are scaled.
  if (c.kind !== 'boolean' && o.scale !== 'none') {
    apply(o.scale);
    actions.push(`${o.scale} scaling`);
  }
  if (c.kind === 'boolean') actions.push('kept as 0/1');
  if (c.kind === 'date') actions.unshift('days since 1970-01-01');
  return {
    plan: { name: c.name, kind: c.kind, fill, indicator, steps },
    decision: { column: c.name, kind: c.kind, actions, ...(reasons.length ? { reason: reasons.join('; ') } : {}) },
  };
}

function planCategorical(c: Column & { values: readonly (string | null)[] }, o: PipelineParams): { plan: CategoricalPlan; decision: ColumnDecision } {
  const levels = fitLevels(c.values, o.rareLevelShare, o.maxLevels);
  const actions = [o.encode === 'onehot' ? `one-hot (${levels.levels.length} levels)` : `ordinal (${levels.levels.length} levels)`];
  if (levels.grouped.length > 0) actions.push(`${levels.grouped.length} rare levels grouped into ${OTHER_LEVEL}`);
  const steps: StepState[] = [];
  if (o.encode === 'ordinal' && o.scale !== 'none') {
    const codes = Float64Array.from(c.values, (v) => levels.levels.indexOf(levelOf(levels, v) ?? levels.mode));
    steps.push({ step: o.scale, state: STEPS[o.scale].fit(codes) });
    actions.push(`${o.scale} scaling`);
  }
  return { plan: { name: c.name, kind: 'categorical', levels, encode: o.encode, steps }, decision: { column: c.name, kind: 'categorical', actions } };
}

/** Result of transforming new data. */
export interface Transformed {
  dataset: Dataset;
  /** Per row, notes on unseen levels (empty arrays for most rows). */
  notes: string[][];
}

/**
 * Applies a fitted pipeline to a frame.
 * @throws {SegkitError} E_FEATURE_MISMATCH (a needed column is missing), E_DATA_TYPE (a value that is not a number)
 */
export function transformPipeline(state: PipelineState, frame: Frame): Transformed {
  const n = frame.rows;
  const d = state.featureNames.length;
  // Shared memory: the clustering kernels can then split passes over worker threads without a copy.
  const out = new Float64Array(new SharedArrayBuffer(n * d * 8));
  const notes: string[][] = Array.from({ length: n }, () => []);
  let col = 0;
  for (const p of state.columns) {
    const c = frame.columns.find((x) => x.name === p.name);
    if (!c) throw new SegkitError('E_FEATURE_MISMATCH', msg.missingFeature(p.name, frame.source), { file: frame.source, column: p.name });
    if (p.kind === 'categorical') {
      const values = coerceText(c);
      const index = new Map(p.levels.levels.map((l, i) => [l, i]));
      const codes = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const lv = levelOf(p.levels, values[i]);
        if (lv === null) notes[i].push(msg.unseenLevel(p.name, values[i] ?? ''));
        codes[i] = lv === null ? -1 : index.get(lv)!;
      }
      if (p.encode === 'onehot') {
        for (let i = 0; i < n; i++) if (codes[i] >= 0) out[i * d + col + codes[i]] = 1;
        col += p.levels.levels.length;
      } else {
        const mode = index.get(p.levels.mode)!;
        let x: Float64Array<ArrayBufferLike> = codes.map((v) => (v < 0 ? mode : v));
        for (const s of p.steps) x = STEPS[s.step].transform(s.state, x);
        for (let i = 0; i < n; i++) out[i * d + col] = x[i];
        col += 1;
      }
      continue;
    }
    const raw = coerceNumeric(c, p.kind, frame.source);
    let x: Float64Array<ArrayBufferLike> = fillMissing(raw, p.fill);
    for (const s of p.steps) x = STEPS[s.step].transform(s.state, x);
    for (let i = 0; i < n; i++) out[i * d + col] = x[i];
    if (p.indicator) for (let i = 0; i < n; i++) out[i * d + col + 1] = Number.isNaN(raw[i]) ? 1 : 0;
    col += p.indicator ? 2 : 1;
  }
  return { dataset: { numeric: { rows: n, cols: d, data: out }, featureNames: state.featureNames }, notes };
}

function fmt(v: number): string {
  return Number.isInteger(v) ? String(v) : v.toPrecision(4);
}
