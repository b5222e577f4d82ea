/**
 * Steps over the whole prepared matrix, after the per-column plans (pipeline.ts):
 *
 *   prepared features ──> [prune correlated] ──> [weights] ──> [PCA] ──> the clusterer's matrix
 *
 * Pruning first (correlation does not change with scaling or weights), weights next so PCA sees the
 * weighted distances, PCA last. Each fitted step is plain JSON, saved in the pipeline state in this
 * order, and applied again, unchanged, to new customers. The report keeps what people need to read
 * the result: the correlation matrix, what was dropped and why, and the components with their
 * explained variance and loadings.
 * @module
 */
import { SegkitError, type SegkitWarning } from '../errors.js';
import { msg } from '../messages.js';
import type { Matrix } from '../math/matrix.js';
import type { PipelineParams } from './pipeline-options.js';
import { correlationMatrix } from './correlation.js';
import { covariance, selectMoments } from './covariance.js';
import { applyPrune, fitPrune, pruneNames, type PrunedFeature, type PruneState } from './correlation-prune.js';
import { applyWeights, fitWeights, type WeightsState } from './feature-weights.js';
import { fitPca, pcaNames, transformPca, type PcaState } from './pca.js';

/** One fitted whole-matrix step. */
export type MatrixStepState = PruneState | WeightsState | PcaState;

/** Correlation matrices wider than this are left out of the report (a heatmap stops being readable, the model file grows as d²). */
export const MAX_REPORTED_CORRELATION = 100;

/** What the whole-matrix steps did, for the report and the charts (plain JSON). */
export interface MatrixReport {
  /** Correlations of the prepared features (before pruning); absent above {@link MAX_REPORTED_CORRELATION} features. */
  correlation?: { method: 'pearson' | 'spearman'; names: string[]; values: number[][] };
  pruned?: { threshold: number; dropped: PrunedFeature[] };
  weights?: Record<string, number>;
  pca?: {
    /** Explained-variance ratio of every component (kept or not) and its running sum. */
    ratios: number[];
    cumulative: number[];
    kept: number;
    whiten: boolean;
    /** Input features, and per kept component its loadings in that order. */
    features: string[];
    loadings: number[][];
    /** Per kept component, its largest loadings by |value| (at most 4), the gist of what it measures. */
    top: { component: string; ratio: number; loadings: { feature: string; loading: number }[] }[];
  };
}

/** Fits the steps the options ask for, in order, and returns the transformed training matrix. */
export function fitMatrixSteps(x: Matrix, names: string[], o: PipelineParams, warnings: SegkitWarning[]): { steps: MatrixStepState[]; x: Matrix; names: string[]; report: MatrixReport } {
  const steps: MatrixStepState[] = [];
  const report: MatrixReport = {};
  const hasWeights = Object.keys(o.weights).length > 0;
  if (o.pruneCorrelated === null && o.pca === null && !hasWeights) return { steps, x, names, report };
  let dropped: string[] = [];
  // One pass for the covariance serves the Pearson correlations and PCA: pruning takes a sub-matrix
  // of it and weights scale it (selectMoments), so the data is read once more only for the scores.
  let moments = x.rows >= 2 && (o.pca !== null || (o.pruneCorrelated !== null && o.correlation === 'pearson')) ? covariance(x) : undefined;
  const d0 = names.length;
  let keep = names.map((_, j) => j);
  if ((o.pruneCorrelated !== null || o.pca !== null) && x.rows >= 2) {
    const r = correlationMatrix(x, o.correlation, moments?.cov);
    if (d0 <= MAX_REPORTED_CORRELATION) report.correlation = { method: o.correlation, names: [...names], values: Array.from({ length: d0 }, (_, p) => Array.from(r.subarray(p * d0, (p + 1) * d0))) };
    if (o.pruneCorrelated !== null) {
      const s = fitPrune(r, names, o.pruneCorrelated);
      report.pruned = { threshold: o.pruneCorrelated, dropped: s.dropped };
      dropped = s.dropped.map((p) => p.feature);
      if (s.dropped.length > 0) ((x = applyPrune(s, x)), (names = pruneNames(s)), (keep = s.keep), steps.push(s));
    }
  }
  let factors: number[] | undefined;
  if (hasWeights) {
    const { state, skipped } = fitWeights(o.weights, names, dropped);
    for (const name of skipped) warnings.push({ code: 'W_DROPPED_COLUMN', message: msg.weightOnPruned(name) });
    report.weights = Object.fromEntries(state.inputNames.flatMap((n, j) => (state.factors[j] !== 1 ? [[n, state.factors[j]]] : [])));
    ((x = applyWeights(state, x)), (factors = state.factors), steps.push(state));
  }
  if (o.pca !== null) {
    if (moments && (keep.length < d0 || factors)) moments = selectMoments(moments, d0, keep, factors);
    const { state, scores } = fitPca(x, names, o.pca, o.whiten, moments);
    report.pca = pcaReport(state);
    ((x = scores), (names = pcaNames(state)), steps.push(state));
  }
  return { steps, x, names, report };
}

/** Applies saved steps in order. Assumes `x` has the width the first step was fitted on. */
export function applyMatrixSteps(steps: readonly MatrixStepState[], x: Matrix, source = 'model'): Matrix {
  for (const s of steps) {
    // A model file from a newer segkit may hold a step this one does not know: refuse it by name.
    if (s.step !== 'prune' && s.step !== 'weights' && s.step !== 'pca') throw new SegkitError('E_MODEL_FORMAT', msg.modelInvalid(source, `unknown whole-matrix step '${(s as { step: unknown }).step}'`));
    if (s.inputNames.length !== x.cols) throw new SegkitError('E_MODEL_FORMAT', msg.modelInvalid(source, `the '${s.step}' step expects ${s.inputNames.length} features, the steps before it give ${x.cols}`));
    x = s.step === 'prune' ? applyPrune(s, x) : s.step === 'weights' ? applyWeights(s, x) : transformPca(s, x);
  }
  return x;
}

function pcaReport(s: PcaState): NonNullable<MatrixReport['pca']> {
  let c = 0;
  const cumulative = s.ratios.map((r) => (c += r));
  const top = s.components.map((comp, j) => ({
    component: `PC${j + 1}`,
    ratio: s.ratios[j],
    loadings: comp.map((loading, f) => ({ feature: s.inputNames[f], loading }))
      .sort((a, b) => Math.abs(b.loading) - Math.abs(a.loading)).slice(0, 4),
  }));
  return { ratios: s.ratios, cumulative, kept: s.components.length, whiten: s.whiten, features: s.inputNames, loadings: s.components, top };
}
