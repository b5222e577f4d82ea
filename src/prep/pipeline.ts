/**
 * The preprocessing pipeline: fitted once on training data, saved in the model file as plain
 * JSON, applied unchanged to new customers.
 *
 *   fitPipeline(frame, options)
 *     │ 1. options ── zod schema (pipeline-options.ts) ─> E_OPTION / E_UNKNOWN_OPTION
 *     │ 2. columns ── features / exclude / idColumn / ordinalOrder ─> E_UNKNOWN_COLUMN
 *     │ 3. drops ──── all missing (W_DROPPED_COLUMN, or E_DATA_EMPTY if chosen in features),
 *     │               constant (W_CONSTANT_FEATURE), ID-like text (W_DROPPED_COLUMN)
 *     │ 4. plans ──── numeric/boolean/date: impute ─> [__missing] ─> [log1p | Yeo-Johnson] ─> [outliers] ─> scale
 *     │               categorical:        levels ((missing), (other)) ─> one-hot | ordinal ─> [scale]
 *     │                                   or ─> level codes (a CodeMatrix beside the numbers, for K-Modes,
 *     │                                   K-Prototypes and Gower; unseen values get code -1)
 *     │ 5. transformPipeline(state, frame) ─> Dataset, and a report line per column
 *     └ 6. whole-matrix steps (matrix-steps.ts): [prune correlated] ─> [weights] ─> [PCA], fitted on the
 *          prepared training matrix; featureNames become the survivors, or PC1, PC2, …
 *
 *   transformPipeline(state, frame)
 *       each plan: find column (E_FEATURE_MISMATCH) ─> coerce text to numbers (E_DATA_TYPE)
 *       ─> apply saved steps ─> finite check (E_DATA_NONFINITE) ─> matrix + notes on unseen levels,
 *       imputed values, clipped negatives and values outside the outlier limits ─> whole-matrix steps
 *
 * Outlier limits (option `outliers`) are learned per numeric column after imputation and the skew
 * step and before scaling, so the scaler is fitted on capped values, as the seeds cap then scale.
 * PCA acts on the whole numeric matrix, one-hot and 0/1 columns included; with encode 'codes' the
 * level codes stay beside it, untouched.
 *
 * Weighting of one-hot against numbers (k-means sees squared distances): numeric columns are
 * scaled (standard by default) while one-hot and boolean columns stay 0/1. A 0/1 column has a
 * standard deviation of at most 0.5, so one category weighs at most half of a standardised
 * number, and two customers differing in one level are √2 apart, about one standard deviation
 * on one number. Standardising 0/1 columns instead would blow a 1%-level up to ±10 and let rare
 * levels dominate the clustering; leaving them 0/1 is also what Huang's k-prototypes suggests
 * via γ ≈ the numeric std. Users wanting a different weight can pass `encode: 'ordinal'` or
 * weight features downstream.
 * @module
 */
import { SegkitError, type SegkitWarning } from '../errors.js';
import { msg } from '../messages.js';
import type { Frame, NumericColumn, TextColumn } from '../data/frame.js';
import { isNumericColumn } from '../data/frame.js';
import type { Dataset } from '../data/dataset.js';
import { parseOptions } from '../options.js';
import { pipelineOptionsSchema, type PipelineOptions, type PipelineParams } from './pipeline-options.js';
import { dropReason, fmt, planCategorical, planNumeric, type CategoricalPlan, type ColumnDecision, type NumericPlan } from './pipeline-plan.js';
import { oneHotEncoder } from './one-hot.js';
import { ordinalEncoder } from './ordinal.js';
import { coerceNumeric, coerceText } from './coerce.js';
import { levelCodes } from './level-codes.js';
import { OTHER_LEVEL } from './categorical-encoding.js';
import type { CodeMatrix } from '../data/dataset.js';
import { STEPS } from './steps.js';
import { checkRendering, renderRows, type TextRendering } from '../embed/render-text.js';
import { applyMatrixSteps, fitMatrixSteps, type MatrixReport, type MatrixStepState } from './matrix-steps.js';
import type { OutlierState } from './outliers.js';

export type { NumericPlan, CategoricalPlan, ColumnDecision } from './pipeline-plan.js';

/** The fitted pipeline: plain JSON, saved in the model file. */
export interface PipelineState {
  version: 1;
  /** The validated options it was fitted with. */
  options: PipelineParams;
  /** One plan per input column used, in output order. */
  columns: (NumericPlan | CategoricalPlan)[];
  /** Output feature names of the numeric matrix: `age`, `job=admin.`, `job=(other)`, `income__missing`. */
  featureNames: string[];
  /** Columns delivered as level codes (encode 'codes'), in code-matrix order; absent when none. */
  codeColumns?: string[];
  /**
   * Whole-matrix steps applied after the per-column plans, in order (prune, weights, PCA); absent
   * when none (and in models saved before they existed). With them, `featureNames` are their output.
   */
  matrixSteps?: MatrixStepState[];
}

/** What the pipeline decided, for people: one line per input column, used or not. */
export interface PrepReport {
  columns: ColumnDecision[];
  features: number;
  /** Outlier limits: training values outside them per column, and rows with any such value. */
  outliers?: { method: string; action: 'cap' | 'flag'; rows: number; columns: { column: string; below: number; above: number; lo: number; hi: number }[] };
  /** Correlations, pruned features, weights, PCA: see matrix-steps.ts. */
  matrix?: MatrixReport;
}

/** Result of {@link fitPipeline}. */
export interface FittedPipeline { state: PipelineState; dataset: Dataset; report: PrepReport; warnings: SegkitWarning[] }

/** Something the transform did to one value of one row (1-based `row`, as in error messages). */
export interface RowNote {
  row: number;
  column: string;
  /**
   * `unseen-level`: a level the model never saw; `imputed`: a missing value filled; `clipped`: a
   * negative value set to 0 before log1p; `outlier`: a value outside the saved outlier limits (capped or flagged).
   */
  kind: 'unseen-level' | 'imputed' | 'clipped' | 'outlier';
  /** The value as received (null when missing). */
  value: string | null;
}

/** Result of {@link transformPipeline}. */
export interface Transformed {
  dataset: Dataset;
  /** Per row, readable notes on unseen levels (an empty array for most rows). */
  notes: string[][];
  /** Every unseen level, imputed value and clipped value, ordered by row: sparse, so large frames stay cheap. */
  unseen: RowNote[];
  /** Per row, 1 when a value lies outside the saved outlier limits; absent without an outliers step. */
  outliers?: Uint8Array;
}

/**
 * Fits the pipeline on a training frame and transforms it.
 * @param options Pipeline options; see `pipelineOptionsSchema` for each field and its default.
 * @returns The plain-JSON state, the training Dataset, a report line per column and warnings.
 * @throws {SegkitError} E_OPTION, E_UNKNOWN_OPTION, E_UNKNOWN_COLUMN, E_DATA_EMPTY, E_DATA_NONFINITE
 * @example
 *   const { state, dataset, report } = fitPipeline(frame, { idColumn: 'customerID', scale: 'robust' });
 *   const { dataset: scored, notes } = transformPipeline(state, newFrame);
 */
export function fitPipeline(frame: Frame, options: PipelineOptions = {}): FittedPipeline {
  // 1. Options.
  const o = parseOptions(pipelineOptionsSchema, options, 'the preprocessing pipeline');
  checkReductionOptions(o);
  const warnings: SegkitWarning[] = [];
  const report: ColumnDecision[] = [];
  // 2. Column selection.
  const names = frame.columns.map((c) => c.name);
  // Named as the CLI flags are (the codebase's convention for msg.unknownColumn); ordinalOrder has no flag.
  const named: [string, string, readonly string[]][] = [
    ['features', '--features', o.features ?? []], ['exclude', '--exclude', o.exclude], ['idColumn', '--id', o.idColumn === null ? [] : [o.idColumn]],
    ['ordinalOrder', "the 'ordinalOrder' option", Object.keys(o.ordinalOrder)],
  ];
  for (const [field, label, list] of named)
    for (const c of list) if (!names.includes(c)) throw new SegkitError('E_UNKNOWN_COLUMN', msg.unknownColumn(c, label, names), { file: frame.source, column: c, field });
  const chosen = new Set(o.features ?? []);
  const isId = (c: Frame['columns'][number]) => c.name === o.idColumn || (c.kind === 'id' && !chosen.has(c.name));
  const used = (c: Frame['columns'][number]) => !isId(c) && !o.exclude.includes(c.name) && (o.features === null || chosen.has(c.name));
  const plans: (NumericPlan | CategoricalPlan)[] = [];
  for (const c of frame.columns) {
    if (!used(c)) {
      report.push({ column: c.name, kind: c.kind, actions: ['not used'], reason: isId(c) ? 'customer ID' : o.exclude.includes(c.name) ? 'in exclude' : 'not in features' });
      continue;
    }
    if (o.ordinalOrder[c.name] && isNumericColumn(c)) throw new SegkitError('E_OPTION', msg.ordinalOrderNotText(c.name, c.kind), { file: frame.source, column: c.name, field: 'ordinalOrder' });
    // 3. Drops.
    const drop = dropReason(c, frame.rows);
    if (drop) {
      if (chosen.has(c.name) && drop.code === 'empty') throw new SegkitError('E_DATA_EMPTY', msg.allMissing(frame.source, c.name), { file: frame.source, column: c.name });
      warnings.push({ code: drop.code === 'constant' ? 'W_CONSTANT_FEATURE' : 'W_DROPPED_COLUMN', message: drop.message });
      report.push({ column: c.name, kind: c.kind, actions: ['dropped'], reason: drop.reason });
      continue;
    }
    // 4. Plans.
    if (isNumericColumn(c)) checkFinite(c.values, c.name, frame.source);
    const { plan, decision } =
      o.encode === 'codes' && c.kind === 'boolean' && isNumericColumn(c) ? booleanAsLevels(c, o, frame.source)
      : isNumericColumn(c) ? planNumeric(c, o, warnings) : planCategorical(c as TextColumn, o, frame.source);
    if (plan.kind === 'categorical') warnManyLevels(plan, warnings);
    plans.push(plan);
    report.push(decision);
  }
  if (plans.length === 0) throw new SegkitError('E_DATA_EMPTY', msg.dataNoFeatures(frame.source), { file: frame.source });
  const featureNames = plans.flatMap(outputNames);
  const codeColumns = plans.filter((p) => p.kind === 'categorical' && p.encode === 'codes').map((p) => p.name);
  const state: PipelineState = { version: 1, options: o, columns: plans, featureNames, ...(codeColumns.length > 0 ? { codeColumns } : {}) };
  // 5. The training data goes through the same code path as new data.
  if (o.text) checkRendering(o.text.template, plans.map((p) => p.name), o.text.pii, frame.source);
  const { dataset, outliers } = applyPipeline(state, frame, false);
  const prepReport: PrepReport = { columns: report, features: featureNames.length, ...(o.outliers ? { outliers: outlierReport(report, o.outliers, outliers) } : {}) };
  // 6. Whole-matrix steps, fitted on the prepared training matrix.
  const m = fitMatrixSteps(dataset.numeric, featureNames, o, warnings);
  if (m.steps.length === 0 && Object.keys(m.report).length === 0) return { state, dataset, report: prepReport, warnings };
  const fitted: PipelineState = { ...state, featureNames: m.names, ...(m.steps.length > 0 ? { matrixSteps: m.steps } : {}) };
  // The column's own report line says it was pruned, and why.
  for (const x of m.report.pruned?.dropped ?? []) report.find((c) => c.column === x.feature)?.actions.push(`dropped by correlation pruning (r = ${fmt(x.correlation)} with ${x.partner})`);
  return {
    state: fitted,
    dataset: { ...dataset, numeric: m.x, featureNames: m.names },
    report: { ...prepReport, features: m.names.length, matrix: m.report },
    warnings,
  };
}

/** Rules the schema cannot state alone; each error names its field. */
function checkReductionOptions(o: PipelineParams): void {
  if (o.pca !== null && o.pca > 1 && !Number.isInteger(o.pca)) throw new SegkitError('E_OPTION', msg.pcaBadValue(o.pca), { field: 'pca' });
  if (o.outliers?.method === 'quantile' && !(o.outliers.lower < o.outliers.upper))
    throw new SegkitError('E_OPTION', msg.outlierLimitsOrder(o.outliers.lower, o.outliers.upper), { field: 'outliers.lower' });
}

/** Per column, the training values outside the limits (counted before capping) and the rows with any. */
function outlierReport(decisions: readonly ColumnDecision[], o: NonNullable<PipelineParams['outliers']>, rows: Uint8Array | undefined): NonNullable<PrepReport['outliers']> {
  const columns = decisions.flatMap((c) => (c.outliers ? [{ column: c.column, ...c.outliers }] : []));
  let n = 0;
  if (rows) for (const r of rows) n += r;
  return { method: o.method, action: o.action, rows: n, columns };
}

/**
 * Applies a fitted pipeline to a frame; extra columns are ignored.
 * @throws {SegkitError} E_FEATURE_MISMATCH (a column the model needs is absent), E_DATA_TYPE (a value
 * that is not a number), E_DATA_NONFINITE (±Infinity, or a value the steps cannot map to a finite number),
 * E_MODEL_FORMAT (an unknown step in the state)
 */
export function transformPipeline(state: PipelineState, frame: Frame): Transformed {
  return applyPipeline(state, frame, true);
}

/** The transform; `collect` false skips the notes, which a fit on millions of rows does not need. */
function applyPipeline(state: PipelineState, frame: Frame, collect: boolean): Transformed {
  const n = frame.rows;
  // Width of the per-column output; the whole-matrix steps map it to featureNames at the end.
  const prepared = state.matrixSteps?.length ? state.columns.flatMap(outputNames) : state.featureNames;
  const d = prepared.length;
  let outliers: Uint8Array | undefined;
  // Shared memory: the clustering kernels split passes over worker threads without a copy.
  const out = new Float64Array(new SharedArrayBuffer(n * d * 8));
  const notes: string[][] = collect ? Array.from({ length: n }, () => []) : [];
  const unseen: RowNote[] = [];
  const note = (r: RowNote) => collect && unseen.push(r);
  const codeColumns = state.codeColumns ?? [];
  const codes = codeColumns.length > 0 ? new Int32Array(new SharedArrayBuffer(n * codeColumns.length * 4)) : null;
  const codeLevels: string[][] = [];
  let col = 0;
  for (const p of state.columns) {
    const c = frame.columns.find((x) => x.name === p.name);
    if (!c) throw new SegkitError('E_FEATURE_MISMATCH', msg.missingFeature(p.name, frame.source), { file: frame.source, column: p.name });
    let x: Float64Array, width: number, raw: Float64Array | null = null;
    if (p.kind === 'categorical' && p.encode === 'codes') {
      const values = p.fromBoolean ? booleanText(coerceNumeric(c, 'boolean', frame.source)) : coerceText(c);
      const enc = levelCodes(p.levels, values);
      const j = codeLevels.length, m = codeColumns.length;
      for (let i = 0; i < n; i++) codes![i * m + j] = enc.codes[i];
      codeLevels.push(p.levels.levels);
      if (collect) for (const i of enc.unseenRows) {
        notes[i].push(msg.unseenLevelCode(p.name, values[i] ?? '(missing)'));
        note({ row: i + 1, column: p.name, kind: 'unseen-level', value: values[i] });
      }
      if (collect && p.levels.fillMissing !== undefined) values.forEach((v, i) => v === null && note({ row: i + 1, column: p.name, kind: 'imputed', value: null }));
      continue;
    }
    if (p.kind === 'categorical') {
      const values = coerceText(c);
      const enc = (p.encode === 'onehot' ? oneHotEncoder : ordinalEncoder).transform(p.levels, values);
      if (collect) for (const i of enc.unseenRows) {
        const v = values[i] ?? '(missing)';
        notes[i].push(p.encode === 'onehot' ? msg.unseenLevel(p.name, v) : msg.unseenLevelOrdinal(p.name, v, p.levels.mode));
        note({ row: i + 1, column: p.name, kind: 'unseen-level', value: values[i] });
      }
      if (collect && p.levels.fillMissing !== undefined) values.forEach((v, i) => v === null && note({ row: i + 1, column: p.name, kind: 'imputed', value: null }));
      (x = enc.data), (width = enc.width);
    } else {
      raw = coerceNumeric(c, p.kind, frame.source);
      checkFinite(raw, p.name, frame.source);
      const clips = p.steps.some((s) => s.step === 'log1p');
      x = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const v = raw[i];
        if (Number.isNaN(v)) note({ row: i + 1, column: p.name, kind: 'imputed', value: null });
        else if (clips && v < 0) note({ row: i + 1, column: p.name, kind: 'clipped', value: String(v) });
        x[i] = Number.isNaN(v) ? p.fill : v;
      }
      width = 1;
      if (p.indicator) {
        for (let i = 0; i < n; i++) out[i * d + col + 1] = Number.isNaN(raw[i]) ? 1 : 0;
      }
    }
    for (const s of p.steps) {
      const step = STEPS[s.step];
      if (!step) throw new SegkitError('E_MODEL_FORMAT', msg.modelInvalid(frame.source, `unknown preprocessing step '${s.step}' for column "${p.name}"`));
      if (s.step === 'outliers') outliers = markOutliers(s.state as OutlierState, x, outliers ?? new Uint8Array(n), collect ? (i, capped) => {
        const v = raw ? raw[i] : x[i];
        notes[i].push(msg.outlierNote(p.name, v, capped));
        note({ row: i + 1, column: p.name, kind: 'outlier', value: String(v) });
      } : null);
      x = step.transform(s.state, x);
      // Yeo-Johnson with λ > 1 can overflow on values far beyond the training range.
      for (let i = 0; i < n; i++) if (!Number.isFinite(x[i])) throw new SegkitError('E_DATA_NONFINITE', msg.transformNonFinite(frame.source, i + 1, p.name, s.step), { file: frame.source, row: i + 1, column: p.name });
    }
    for (let i = 0; i < n; i++) for (let j = 0; j < width; j++) out[i * d + col + j] = x[i * width + j];
    col += width + (p.kind !== 'categorical' && p.indicator ? 1 : 0);
  }
  unseen.sort((a, b) => a.row - b.row);
  const categorical: CodeMatrix | undefined = codes ? { rows: n, cols: codeColumns.length, data: codes, names: codeColumns, levels: codeLevels } : undefined;
  const numeric = state.matrixSteps?.length ? applyMatrixSteps(state.matrixSteps, { rows: n, cols: d, data: out }, frame.source) : { rows: n, cols: d, data: out };
  const text = state.options.text ? renderRows(frame, textRendering(state)) : undefined;
  return { dataset: { numeric, featureNames: state.featureNames, ...(categorical ? { categorical } : {}), ...(text ? { text } : {}) }, notes, unseen, ...(outliers ? { outliers } : {}) };
}

/** The columns a pipeline renders into text (the used ones minus personal data) and its template. */
export function textRendering(state: PipelineState): TextRendering {
  const t = state.options.text!;
  return { columns: state.columns.map((p) => p.name).filter((c) => !t.pii.includes(c)), template: t.template };
}

/** Marks rows with a value outside the limits, and reports each when asked. */
function markOutliers(s: OutlierState, x: Float64Array, rows: Uint8Array, report: ((i: number, capped: boolean) => void) | null): Uint8Array {
  for (let i = 0; i < x.length; i++) {
    if (!(x[i] < s.lo || x[i] > s.hi)) continue;
    rows[i] = 1;
    report?.(i, s.action === 'cap');
  }
  return rows;
}

/** ±Infinity would pass through every step and poison the distances: reject it with its place. */
function checkFinite(x: Float64Array, column: string, source: string): void {
  for (let i = 0; i < x.length; i++)
    if (x[i] === Infinity || x[i] === -Infinity) throw new SegkitError('E_DATA_NONFINITE', msg.nonFiniteInput(source, i + 1, column, x[i]), { file: source, row: i + 1, column });
}

/** Distinct values above which a categorical column is suspicious (an identifier, free text, a timestamp). */
export const MANY_LEVELS = 1000;

function warnManyLevels(p: CategoricalPlan, warnings: SegkitWarning[]): void {
  const other = p.levels.levels.includes(OTHER_LEVEL) ? 1 : 0;
  const distinct = p.levels.levels.length - other + p.levels.grouped.length;
  if (distinct >= MANY_LEVELS) warnings.push({ code: 'W_MANY_LEVELS', message: msg.manyLevels(p.name, distinct, p.levels.grouped.length) });
}

/**
 * Under level codes a yes/no column is a two-level category ('no', 'yes'), so K-Prototypes weighs it
 * with γ like any other category instead of as a 0/1 number.
 */
function booleanAsLevels(c: NumericColumn, o: PipelineParams, source: string): { plan: CategoricalPlan; decision: ColumnDecision } {
  const { plan, decision } = planCategorical({ name: c.name, kind: 'categorical', values: booleanText(c.values) } as TextColumn, o, source);
  return { plan: { ...plan, fromBoolean: true }, decision: { ...decision, kind: 'boolean', reason: `boolean as the levels no/yes; ${decision.reason}` } };
}

function booleanText(x: Float64Array): (string | null)[] {
  return Array.from(x, (v) => (Number.isNaN(v) ? null : v !== 0 ? 'yes' : 'no'));
}

/** Output feature names of one plan. */
function outputNames(p: NumericPlan | CategoricalPlan): string[] {
  if (p.kind === 'categorical') return p.encode === 'codes' ? [] : (p.encode === 'onehot' ? oneHotEncoder : ordinalEncoder).featureNames(p.levels, p.name);
  return p.indicator ? [p.name, `${p.name}__missing`] : [p.name];
}
