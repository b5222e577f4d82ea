/**
 * The LPA comparison grid: every model × number of profiles fitted, with all fit indices per cell and
 * the best cells by BIC and by ICL marked, as tidyLPA's `compare_solutions` reports them.
 * @module
 */
import type { Dataset } from '../data/dataset.js';
import type { FitContext } from './types.js';
import { SegkitError, type SegkitWarning } from '../errors.js';
import { msg } from '../messages.js';
import { createFitContext } from './types.js';
import type { CovarianceModel } from './mixture/covariance.js';
import { fitMixture } from './mixture/fit-mixture.js';
import type { FitIndices } from './mixture/fit-indices.js';
import { lpaModelName, lpaOptionsSchema, type LpaParams } from './lpa.js';
import { z } from 'zod';
import { parseOptions } from '../options.js';

/** One fitted cell of the grid. */
export interface LpaGridCell extends FitIndices {
  readonly model: CovarianceModel;
  readonly k: number;
  readonly nIter: number;
  readonly converged: boolean;
  /** Warnings of this fit (collapsed components, no convergence). */
  readonly warnings: readonly SegkitWarning[];
  /** Set when the fit failed (e.g. fewer distinct rows than profiles); indices are NaN. */
  readonly error?: string;
}

/** The whole comparison. */
export interface LpaGrid {
  readonly cells: LpaGridCell[];
  /** Index into `cells` of the lowest BIC (= highest mclust BIC), or -1. */
  readonly bestByBic: number;
  /** Index into `cells` of the highest ICL (mclust's sign), or -1. */
  readonly bestByIcl: number;
}

/** Grid options: the models and profile counts to try, and the options every fit shares. */
export interface LpaGridOptions {
  readonly models: readonly z.input<typeof lpaOptionsSchema>['model'][];
  readonly ks: readonly number[];
  /** Shared LPA options (nInit, maxIter, tol, regCovar, init); model and nClusters are set per cell. */
  readonly fit?: Omit<z.input<typeof lpaOptionsSchema>, 'model' | 'nClusters' | 'init'> & { init?: 'kmeans' | 'random' };
}

/** Fits every cell; each cell's random stream is forked from `ctx.rng` by its position, so cells are independent. */
export async function fitLpaGrid(data: Dataset, o: LpaGridOptions, ctx: FitContext): Promise<LpaGrid> {
  if (o.models.length === 0 || o.ks.length === 0) throw new SegkitError('E_OPTION', msg.lpaModelsEmpty(), { field: 'models' });
  // Every cell validated like a single lpa fit before any fitting, so a bad value names its field at once.
  const plan: LpaParams[] = [];
  for (const m of o.models) for (const k of o.ks) plan.push(parseOptions(lpaOptionsSchema, { ...(o.fit ?? {}), model: m, nClusters: k }, 'lpa'));
  const cells: LpaGridCell[] = [];
  for (let cell = 0; cell < plan.length; cell++) {
    const params = plan[cell], model = lpaModelName(params.model), k = params.nClusters;
    const warnings: SegkitWarning[] = [];
    const sub = createFitContext(ctx.rng.fork(cell), warnings, { ...(ctx.signal ? { signal: ctx.signal } : {}) });
    ctx.onProgress?.({ step: `LPA grid: ${model} with ${k} profiles`, done: cell, total: plan.length });
    try {
      const f = await fitMixture(data, { ...params, model }, sub, 'lpa');
      const dg = f.diagnostics as unknown as FitIndices & { nIter: number; converged: number };
      const { nIter, converged, ...rest } = dg;
      cells.push({ ...pickIndices(rest), model, k, nIter, converged: converged === 1, warnings });
    } catch (e) {
      if (!(e instanceof SegkitError) || e.code === 'E_ABORTED' || e.code === 'E_DATA_NONFINITE' || e.code === 'E_DATA_EMPTY') throw e;
      cells.push({ ...nanIndices(), model, k, nIter: 0, converged: false, warnings, error: e.message });
    }
  }
  let bestByBic = -1, bestByIcl = -1;
  cells.forEach((c, i) => {
    if (c.error) return;
    if (bestByBic < 0 || c.bic < cells[bestByBic].bic) bestByBic = i;
    if (bestByIcl < 0 || c.icl > cells[bestByIcl].icl) bestByIcl = i;
  });
  return { cells, bestByBic, bestByIcl };
}

const INDEX_KEYS = ['logLikelihood', 'nParameters', 'aic', 'bic', 'bicMclust', 'sabic', 'icl', 'entropy', 'minClassSize', 'minClassShare', 'minAvgPosterior', 'maxAvgPosterior', 'multiMembershipShare'] as const;

function pickIndices(d: Record<string, number>): FitIndices {
  return Object.fromEntries(INDEX_KEYS.map((k) => [k, d[k]])) as unknown as FitIndices;
}

function nanIndices(): FitIndices {
  return Object.fromEntries(INDEX_KEYS.map((k) => [k, NaN])) as unknown as FitIndices;
}
