/**
 * The fitted preprocessing pipeline as SQL expressions, step for step the same arithmetic as
 * `transformPipeline` (prep/pipeline.ts) so that the database computes the same features:
 *
 *   inputs   one expression per input column over the source table: the raw number (numeric: CAST;
 *            boolean: yes/no/true/false/1/0 text or a boolean; date: days since 1970-01-01) or the
 *            level text ('(missing)', '(other)', NULL = unseen)
 *   features one expression per numeric feature over the inputs: impute → [log1p | Yeo-Johnson] →
 *            scale, one-hot 0/1, ordinal code → scale, 0/1 missing indicators
 *   codes    level codes (-1 = unseen) for methods that compare categories directly
 *   matrix   with whole-matrix steps (prune, weights, PCA), the features above become `prepared`
 *            (aliased `_p<n>`) and `features` are column picks, products and linear combinations of them
 *
 * Quantile scaling has no SQL form here (its normal output needs Φ⁻¹): export refuses it by name.
 * @module
 */
import { SegkitError } from '../../errors.js';
import { msg } from '../../messages.js';
import type { Dialect } from '../../data/sql-dialect.js';
import type { PipelineState } from '../../prep/pipeline.js';
import type { CategoricalPlan, NumericPlan } from '../../prep/pipeline-plan.js';
import type { StepState } from '../../prep/steps.js';
import type { MatrixStepState } from '../../prep/matrix-steps.js';
import { MISSING_LEVEL, OTHER_LEVEL } from '../../prep/categorical-encoding.js';

/** The pipeline in SQL: input expressions (aliased `_i<n>`) and feature/code expressions over them. */
export interface PipelineSql {
  readonly inputs: readonly { alias: string; expr: string }[];
  readonly features: readonly string[];
  readonly codes: readonly string[];
  /** With whole-matrix steps: the per-column features, computed one level below `features` as `_p<n>`. */
  readonly prepared?: readonly { alias: string; expr: string }[];
}

const TRUE_TEXT = ['1', 'true', 't', 'yes', 'y'];
const FALSE_TEXT = ['0', 'false', 'f', 'no', 'n'];

/** Compiles a fitted pipeline. @throws {SegkitError} E_OPTION for a step without a SQL form. */
export function pipelineSql(state: PipelineState, d: Dialect): PipelineSql {
  const inputs: { alias: string; expr: string }[] = [];
  const features: string[] = [];
  const codes: string[] = [];
  for (const p of state.columns) {
    const alias = `_i${inputs.length}`;
    const col = d.ident(p.name);
    if (p.kind === 'categorical') {
      const text = p.fromBoolean ? `CASE ${booleanCase(d, col)} WHEN 1 THEN 'yes' WHEN 0 THEN 'no' END` : `CAST(${col} AS VARCHAR)`;
      inputs.push({ alias, expr: levelExpr(p, text, d) });
      const a = d.ident(alias);
      if (p.encode === 'codes') codes.push(caseCodes(p, a, d, '-1'));
      else if (p.encode === 'onehot') for (const l of p.levels.levels) features.push(`CASE WHEN ${a} = ${d.lit(l)} THEN ${d.num(1)} ELSE ${d.num(0)} END`);
      else features.push(applySteps(`CAST(${caseCodes(p, a, d, String(Math.max(0, p.levels.levels.indexOf(p.levels.mode))))} AS ${d.double})`, p.steps, p.name, d));
      continue;
    }
    inputs.push({ alias, expr: rawNumber(p, col, d) });
    const a = d.ident(alias);
    features.push(applySteps(`COALESCE(${a}, ${d.num(p.fill)})`, p.steps, p.name, d));
    if (p.indicator) features.push(`CASE WHEN ${a} IS NULL THEN ${d.num(1)} ELSE ${d.num(0)} END`);
  }
  if (!state.matrixSteps?.length) return { inputs, features, codes };
  const prepared = features.map((expr, j) => ({ alias: `_p${j}`, expr }));
  return { inputs, features: matrixSql(state.matrixSteps, prepared.map((p) => d.ident(p.alias)), d), codes, prepared };
}

/** The whole-matrix steps over the prepared-feature aliases: picks, products and linear combinations. */
function matrixSql(steps: readonly MatrixStepState[], x: string[], d: Dialect): string[] {
  for (const s of steps) {
    if (s.step === 'prune') x = s.keep.map((j) => x[j]);
    else if (s.step === 'weights') x = x.map((e, j) => (s.factors[j] === 1 ? e : `(${e}) * ${d.num(s.factors[j])}`));
    else {
      const cur = x;
      x = s.components.map((comp, k) => {
        const f = s.whiten && s.explainedVariance[k] > 0 ? 1 / Math.sqrt(s.explainedVariance[k]) : 1;
        return comp.map((w, c) => `((${cur[c]}) - ${d.num(s.mean[c])}) * ${d.num(w * f)}`).join(' + ');
      });
    }
  }
  return x;
}

/** `CASE <lowered text> …`: 1, 0 or NULL from a boolean or yes/no text column. */
function booleanCase(d: Dialect, col: string): string {
  const t = `lower(trim(CAST(${col} AS VARCHAR)))`;
  return `CASE WHEN ${t} IN (${TRUE_TEXT.map(d.lit).join(', ')}) THEN 1 WHEN ${t} IN (${FALSE_TEXT.map(d.lit).join(', ')}) THEN 0 END`;
}

function rawNumber(p: NumericPlan, col: string, d: Dialect): string {
  if (p.kind === 'boolean') return `CAST(${booleanCase(d, col)} AS ${d.double})`;
  if (p.kind === 'date') return d.daysSinceEpoch(col);
  return `CAST(${col} AS ${d.double})`;
}

/** Level text of a value: itself, '(other)', the missing level, or NULL when never seen in training. */
function levelExpr(p: CategoricalPlan, text: string, d: Dialect): string {
  const s = p.levels;
  const known = s.levels.filter((l) => l !== OTHER_LEVEL);
  const missingKey = s.fillMissing ?? MISSING_LEVEL;
  // The missing key only counts when it is a known level (or grouped), exactly as the Map lookup does.
  const missingLevel = known.includes(missingKey) ? d.lit(missingKey) : s.grouped.includes(missingKey) ? d.lit(OTHER_LEVEL) : 'NULL';
  const parts = [`CASE WHEN ${text} IS NULL THEN ${missingLevel}`];
  if (known.length > 0) parts.push(`WHEN ${text} IN (${known.map(d.lit).join(', ')}) THEN ${text}`);
  if (s.grouped.length > 0) parts.push(`WHEN ${text} IN (${s.grouped.map(d.lit).join(', ')}) THEN ${d.lit(OTHER_LEVEL)}`);
  return `${parts.join(' ')} END`;
}

/** Position of the level (as levelIndex numbers them), or `otherwise` for NULL (unseen). */
function caseCodes(p: CategoricalPlan, a: string, d: Dialect, otherwise: string): string {
  const whens = p.levels.levels.map((l, i) => `WHEN ${d.lit(l)} THEN ${i}`).join(' ');
  return `CASE ${a} ${whens} ELSE ${otherwise} END`;
}

const EPS = Number.EPSILON;

/** The saved numeric steps, in order, as nested SQL. */
function applySteps(x: string, steps: readonly StepState[], column: string, d: Dialect): string {
  for (const s of steps) {
    const st = s.state as Record<string, number>;
    switch (s.step) {
      case 'standard': x = `((${x}) - ${d.num(st.mean)}) / ${d.num(st.scale)}`; break;
      case 'robust': x = `((${x}) - ${d.num(st.center)}) / ${d.num(st.scale)}`; break;
      case 'minmax': x = `((${x}) - ${d.num(st.min)}) / ${d.num(st.range)}`; break;
      case 'log1p': x = `ln(${d.num(1)} + GREATEST(${x}, ${d.num(0)}))`; break;
      case 'yeo-johnson': x = yeoJohnsonSql(x, st.lambda, d, st.mean, st.scale); break;
      // Capping is a clamp; flagged values pass unchanged (the flag itself is not part of the score).
      case 'outliers': if ((s.state as { action: string }).action === 'cap') x = `LEAST(GREATEST(${x}, ${d.num(st.lo)}), ${d.num(st.hi)})`; break;
      default: throw new SegkitError('E_OPTION', msg.noSqlForStep(column, s.step), { column, field: 'scale' });
    }
  }
  return x;
}

/** Yeo-Johnson with λ known: the branch for λ ≈ 0 or 2 is chosen here, as the transform does per value. */
function yeoJohnsonSql(x: string, l: number, d: Dialect, mean?: number, scale?: number): string {
  const pos = Math.abs(l) < EPS ? `ln(${d.num(1)} + (${x}))` : `(power((${x}) + ${d.num(1)}, ${d.num(l)}) - ${d.num(1)}) / ${d.num(l)}`;
  const neg = Math.abs(l - 2) > EPS ? `-(power(${d.num(1)} - (${x}), ${d.num(2 - l)}) - ${d.num(1)}) / ${d.num(2 - l)}` : `-ln(${d.num(1)} - (${x}))`;
  const y = `CASE WHEN (${x}) >= ${d.num(0)} THEN ${pos} ELSE ${neg} END`;
  return mean === undefined ? y : `((${y}) - ${d.num(mean)}) / ${d.num(scale ?? 1)}`;
}
