/**
 * Fit-time decisions of the pipeline for one column: whether to drop it, and the plan (fill value,
 * indicator, skew step, scaler, levels) that `transformPipeline` applies. Every decision is written
 * into a report line with its reason. Assumes validated options.
 * @module
 */
import { SegkitError, type SegkitWarning } from '../errors.js';
import { msg } from '../messages.js';
import { isNumericColumn, type NumericColumn, type TextColumn } from '../data/frame.js';
import type { PipelineParams } from './pipeline-options.js';
import { OTHER_LEVEL, MISSING_LEVEL, type LevelsState } from './categorical-encoding.js';
import { oneHotEncoder } from './one-hot.js';
import { ordinalEncoder } from './ordinal.js';
import { imputer } from './impute.js';
import { skewness } from './stats.js';
import { STEPS, type StepName, type StepState } from './steps.js';
import { countOutside, type OutlierState } from './outliers.js';

/** How one numeric, boolean or date input column becomes features. */
export interface NumericPlan {
  name: string;
  kind: 'numeric' | 'boolean' | 'date';
  /** Imputed value of a missing entry (SimpleImputer statistic). */
  fill: number;
  /** Whether a `<name>__missing` 0/1 column follows. */
  indicator: boolean;
  steps: StepState[];
}

/** How one categorical input column becomes features. */
export interface CategoricalPlan {
  name: string;
  kind: 'categorical';
  levels: LevelsState;
  /** 'codes': the column goes to the dataset's code matrix, not the numeric matrix. */
  encode: 'onehot' | 'ordinal' | 'codes';
  /** A yes/no column given to a method that takes level codes: its levels are 'no' and 'yes'. */
  fromBoolean?: true;
  /** Scaling of the ordinal code (empty for one-hot and codes). */
  steps: StepState[];
}

/** One line of the preprocessing report: what happened to a column and why. */
export interface ColumnDecision {
  column: string;
  kind: string;
  actions: string[];
  reason: string;
  /** Outlier limits of the column (on the scale after the skew step) and the training values beyond them. */
  outliers?: { below: number; above: number; lo: number; hi: number };
}

/** Why a column is dropped, or null to keep it. ID-like needs > 20 rows, so tiny samples are not mistaken. */
export function dropReason(c: NumericColumn | TextColumn, rows: number): { code: 'empty' | 'constant' | 'id'; reason: string; message: string } | null {
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
  // A single level with some missing rows is kept: the '(missing)' level still separates customers.
  if (distinct.size === 1 && nonMissing === rows) return { code: 'constant', reason: 'a single level', message: msg.constantColumn(c.name) };
  if (distinct.size === rows && rows > 20) return { code: 'id', reason: 'a distinct text value in every row (an ID?)', message: msg.idLikeColumn(c.name) };
  return null;
}

/** Plans a numeric, boolean or date column: impute → [indicator] → [skew] → scale. */
export function planNumeric(c: NumericColumn, o: PipelineParams, warnings: SegkitWarning[]): { plan: NumericPlan; decision: ColumnDecision } {
  const actions: string[] = [];
  const reasons: string[] = [c.kind === 'date' ? 'date' : c.kind];
  let missing = 0, min = Infinity;
  for (const v of c.values) if (Number.isNaN(v)) missing++; else if (v < min) min = v;
  const { fill } = imputer.fit(c.values, { strategy: o.impute });
  if (missing > 0) actions.push(`imputed ${missing} missing with the ${o.impute} ${fmt(fill)}`);
  const indicator = o.missingIndicator && missing > 0;
  if (indicator) actions.push(`added ${c.name}__missing`);
  let x: Float64Array = imputer.transform({ fill }, c.values);
  const steps: StepState[] = [];
  const apply = (step: StepName, options: object = {}) => {
    const state = STEPS[step].fit(x, options);
    steps.push({ step, state });
    x = STEPS[step].transform(state, x);
    return state;
  };
  if (c.kind === 'date') actions.push('days since 1970-01-01');
  if (c.kind === 'numeric' && o.skew !== 'none') {
    const skew = skewness(x);
    let step: StepName | null = null;
    if (o.scale === 'quantile') reasons.push('skew step skipped: quantile scaling is rank-based, so a monotone transform first changes nothing');
    else if (o.skew === 'auto' && Math.abs(skew) > o.skewThreshold) {
      step = min >= 0 && skew > 0 ? 'log1p' : 'yeo-johnson';
      reasons.push(`skewness ${fmt(skew)} > ${o.skewThreshold}${step === 'log1p' ? ', non-negative' : min < 0 ? ', has negatives' : ', left-skewed'}`);
    } else if (o.skew === 'log1p' || o.skew === 'yeo-johnson') {
      step = o.skew === 'log1p' && min < 0 ? 'yeo-johnson' : o.skew;
      if (step !== o.skew) warnings.push({ code: 'W_FALLBACK', message: msg.skewFallback(c.name) });
      reasons.push(`skew '${o.skew}' asked${step !== o.skew ? '; has negatives, so Yeo-Johnson' : ''}`);
    }
    if (step === 'log1p') (apply('log1p'), actions.push('log1p'));
    if (step === 'yeo-johnson') actions.push(`Yeo-Johnson (λ = ${fmt((apply('yeo-johnson') as { lambda: number }).lambda)})`);
  }
  // Outlier limits on the values the scaler will see (after the skew step), so it is fitted on capped values.
  let outliers: ColumnDecision['outliers'];
  if (o.outliers && c.kind === 'numeric') {
    const before = x, earlier = [...steps];
    const s = apply('outliers', o.outliers) as OutlierState;
    outliers = { ...countOutside(s, before), lo: s.lo, hi: s.hi };
    const what = s.action === 'cap' ? 'capped' : 'flagged';
    // Limits are learned after the skew step; say them on the column's own scale (the skew steps invert).
    let limits: Float64Array = Float64Array.from([s.lo, s.hi]);
    for (const e of [...earlier].reverse()) limits = STEPS[e.step].inverse?.(e.state, limits) ?? limits;
    const raw = Array.from(limits);
    const scale = earlier.length > 0 ? `, i.e. [${fmt(raw[0])}, ${fmt(raw[1])}] before ${earlier.map((e) => e.step).join(', ')}` : '';
    actions.push(`${what} ${outliers.below} low and ${outliers.above} high values (${o.outliers.method} limits [${fmt(s.lo)}, ${fmt(s.hi)}]${scale})`);
  }
  // Booleans stay 0/1, on the same footing as one-hot columns (see pipeline.ts); the rest is scaled.
  if (c.kind === 'boolean') actions.push('kept as 0/1');
  else if (o.scale !== 'none') (apply(o.scale, { output: o.quantileOutput }), actions.push(scaleLabel(o)));
  return { plan: { name: c.name, kind: c.kind, fill, indicator, steps }, decision: { column: c.name, kind: c.kind, actions, reason: reasons.join('; '), ...(outliers ? { outliers } : {}) } };
}

/** Plans a categorical column: levels ((missing), (other)) → one-hot, or ordinal code → scale. */
export function planCategorical(c: TextColumn, o: PipelineParams, source: string): { plan: CategoricalPlan; decision: ColumnDecision } {
  const order = o.ordinalOrder[c.name];
  const encode = order ? 'ordinal' : o.encode;
  const levelOptions = { minShare: o.rareLevelShare, maxLevels: o.maxLevels, missing: o.categoricalMissing };
  if (order) {
    const missingAs = o.categoricalMissing === 'level' ? MISSING_LEVEL : null;
    for (const v of c.values) {
      const k = v ?? missingAs;
      if (k !== null && !order.includes(k)) throw new SegkitError('E_OPTION', msg.levelNotInOrder(c.name, k, order), { file: source, column: c.name, field: 'ordinalOrder' });
    }
  }
  const levels = encode === 'ordinal' ? ordinalEncoder.fit(c.values, { ...levelOptions, ...(order ? { order } : {}) }) : oneHotEncoder.fit(c.values, levelOptions);
  const label = { onehot: 'one-hot', ordinal: 'ordinal', codes: 'level codes' }[encode];
  const actions = [`${label} (${levels.levels.length} levels${order ? ', given order' : ''})`];
  if (levels.grouped.length > 0) actions.push(`${levels.grouped.length} rare levels grouped into ${OTHER_LEVEL}`);
  if (levels.fillMissing !== undefined && c.values.includes(null)) actions.push(`missing filled with the mode "${levels.fillMissing}"`);
  const steps: StepState[] = [];
  if (encode === 'ordinal' && o.scale !== 'none') {
    const codes = ordinalEncoder.transform(levels, c.values).data;
    steps.push({ step: o.scale, state: STEPS[o.scale].fit(codes, { output: o.quantileOutput }) });
    actions.push(scaleLabel(o));
  }
  const reason = order ? 'categorical; ordinalOrder given' : `categorical; ${levels.grouped.length > 0 ? `levels below ${o.rareLevelShare * 100}% of rows or beyond the ${o.maxLevels - 1} largest are rare` : 'no rare levels'}`;
  return { plan: { name: c.name, kind: 'categorical', levels, encode, steps }, decision: { column: c.name, kind: c.kind, actions, reason } };
}

function scaleLabel(o: PipelineParams): string {
  return o.scale === 'quantile' ? `quantile (${o.quantileOutput})` : `${o.scale} scaling`;
}

/** Short number for report lines. */
export function fmt(v: number): string {
  return Number.isInteger(v) ? String(v) : v.toPrecision(4);
}
