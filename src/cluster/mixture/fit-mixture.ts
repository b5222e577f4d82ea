/**
 * Fitting, predicting and the plain-JSON state shared by the `gmm` and `lpa` clusterers: restarts,
 * warnings, fit indices, and the conversion between the JSON state and typed-array parameters.
 * @module
 */
import type { Dataset } from '../../data/dataset.js';
import type { Matrix } from '../../math/matrix.js';
import type { FitContext, Fitted } from '../types.js';
import { SegkitError, type SegkitWarning } from '../../errors.js';
import { msg } from '../../messages.js';
import { checkFitData, checkPredictData } from '../check-data.js';
import { covarianceShape, emptyParams, factorize, isShared, nParameters, type CovarianceModel, type MixtureParams } from './covariance.js';
import { eStep } from './e-step.js';
import { runEm, type EmResult } from './em.js';
import { initialResp, paramsFromResp, type MixtureInit } from './init.js';
import { meanVariance } from '../../math/matrix.js';
import { fitIndices } from './fit-indices.js';

/** Options of one mixture fit, fully defaulted. */
export interface MixtureFitParams {
  readonly nClusters: number;
  readonly model: CovarianceModel;
  readonly init: 'kmeans' | 'random' | number[][];
  readonly nInit: number;
  readonly maxIter: number;
  readonly tol: number;
  readonly regCovar: number;
}

/**
 * A fitted mixture, plain JSON. `covariances` has scikit-learn's `covariances_` shape for the model:
 * VVV k×d×d, EEE d×d, VVI k×d, VII k; and EEI d (one shared diagonal), EII one number.
 */
export interface MixtureState {
  readonly model: CovarianceModel;
  readonly nFeatures: number;
  readonly weights: number[];
  readonly means: number[][];
  readonly covariances: number | number[] | number[][] | number[][][];
}

/** Fits with `o.nInit` restarts and keeps the one with the highest final log-likelihood. */
export async function fitMixture(data: Dataset, o: MixtureFitParams, ctx: FitContext, method: string): Promise<Fitted<MixtureState> & { resp: Float64Array; run: EmResult }> {
  const x = data.numeric, k = o.nClusters, d = x.cols;
  checkFitData(data, k, method);
  const distinct = distinctRowsAtMost(x, k);
  if (distinct < k) throw new SegkitError('E_TOO_FEW_ROWS', msg.mixtureFewDistinctRows(method, k, distinct), { field: 'nClusters' });
  const init: MixtureInit = Array.isArray(o.init) ? explicitMeans(o.init, k, d, method) : o.init;
  const scale = meanVariance(x) || 1;
  const warnings: SegkitWarning[] = [];
  const warn = (code: SegkitWarning['code'], message: string) => {
    warnings.push({ code, message });
    ctx.warn(code, message);
  };
  let best: EmResult | null = null;
  for (let r = 0; r < o.nInit; r++) {
    if (ctx.signal?.aborted) throw new SegkitError('E_ABORTED', msg.aborted(method));
    const resp0 = await initialResp(x, k, init, ctx.rng.fork(r), data.weights, ctx.signal);
    const params = await paramsFromResp(x, resp0, o.model, k, o.regCovar, init, data.weights);
    const run = await runEm(x, params, {
      maxIter: o.maxIter, tol: o.tol, regCovar: o.regCovar, scale, rowWeights: data.weights, signal: ctx.signal,
      onIteration: (iter) => ctx.onProgress?.({ step: `${method} restart ${r + 1}/${o.nInit}, EM iteration`, done: iter, total: o.maxIter }),
    });
    if (!best || run.logLik > best.logLik) best = run;
  }
  const b = best!;
  if (!b.converged) warn('W_NOT_CONVERGED', msg.mixtureNotConverged(method, o.maxIter, b.lastChange, o.tol));
  if (b.regularised.length > 0) {
    const comps = [...new Set(b.regularised.map((r) => r.component))];
    const added = Math.max(...b.regularised.map((r) => r.added));
    warn('W_COVARIANCE_REGULARISED', msg.mixtureRegularised(method, comps, added, b.regularised[0].iter));
  }
  const labels = argmaxRows(b.resp, x.rows, k);
  const indices = fitIndices(b.resp, x.rows, k, b.logLik, nParameters(o.model, k, d), data.weights);
  return {
    state: toState(b.params),
    labels,
    diagnostics: {
      ...indices,
      nIter: b.nIter,
      converged: b.converged ? 1 : 0,
      lowerBound: b.history[b.history.length - 1],
      ...(Number.isFinite(b.lastChange) ? { lastChange: b.lastChange } : {}),
      nInit: o.nInit,
    },
    warnings,
    resp: b.resp,
    run: b,
  };
}

/** Posteriors (rows × k) of new rows under a fitted state. */
export function mixtureProba(state: MixtureState, data: Dataset, method: string): Matrix {
  checkPredictData(data, state.nFeatures, method);
  const p = fromState(state);
  const { factors } = factorize(p, 0); // no floor: the stored covariances factored in fit
  const resp = new Float64Array(data.numeric.rows * p.k);
  eStep(data.numeric, p, factors, resp);
  return { rows: data.numeric.rows, cols: p.k, data: resp };
}

/** Hard labels: the segment of highest posterior (first on ties). */
export function mixturePredict(state: MixtureState, data: Dataset, method: string): Int32Array {
  const pr = mixtureProba(state, data, method);
  return argmaxRows(pr.data, pr.rows, pr.cols);
}

/** Index of the largest value in each row of a rows × k array. */
export function argmaxRows(a: Float64Array, rows: number, k: number): Int32Array {
  const out = new Int32Array(rows);
  for (let i = 0; i < rows; i++) {
    let b = 0;
    for (let c = 1; c < k; c++) if (a[i * k + c] > a[i * k + b]) b = c;
    out[i] = b;
  }
  return out;
}

/** Typed parameters → plain JSON state. */
export function toState(p: MixtureParams): MixtureState {
  const { k, d, model, cov } = p;
  const rows = (a: Float64Array, n: number, m: number, o = 0) => Array.from({ length: n }, (_, i) => Array.from(a.subarray(o + i * m, o + i * m + m)));
  const shape = covarianceShape(model), shared = isShared(model);
  let covariances: MixtureState['covariances'];
  if (shape === 'full') covariances = shared ? rows(cov, d, d) : Array.from({ length: k }, (_, c) => rows(cov, d, d, c * d * d));
  else if (shape === 'diag') covariances = shared ? Array.from(cov) : rows(cov, k, d);
  else covariances = shared ? cov[0] : Array.from(cov);
  return { model, nFeatures: d, weights: Array.from(p.weights), means: rows(p.means, k, d), covariances };
}

/** Plain JSON state → typed parameters. */
export function fromState(s: MixtureState): MixtureParams {
  const k = s.weights.length, d = s.nFeatures;
  const p = emptyParams(s.model, k, d);
  p.weights.set(s.weights);
  s.means.forEach((m, c) => p.means.set(m, c * d));
  const flat = [s.covariances].flat(3) as number[];
  if (flat.length !== p.cov.length) throw new SegkitError('E_MODEL_FORMAT', msg.mixtureStateShape(s.model, p.cov.length, flat.length));
  p.cov.set(flat);
  return p;
}

function explicitMeans(init: number[][], k: number, d: number, method: string): Float64Array {
  if (init.length !== k || init.some((r) => r.length !== d))
    throw new SegkitError('E_OPTION', msg.optionInvalid('init', method, `a ${k} × ${d} matrix of initial means (nClusters × nFeatures)`, `${init.length} × ${init[0]?.length ?? 0}`), { field: 'init' });
  const out = new Float64Array(k * d);
  init.forEach((r, i) => out.set(r, i * d));
  for (let i = 0; i < out.length; i++)
    if (!Number.isFinite(out[i])) throw new SegkitError('E_OPTION', msg.optionInvalid('init', method, 'finite numbers', out[i]), { field: 'init' });
  return out;
}

/** Number of distinct rows, counting only up to `cap`. */
function distinctRowsAtMost(x: Matrix, cap: number): number {
  const seen = new Set<string>();
  for (let i = 0; i < x.rows && seen.size < cap; i++) seen.add(x.data.subarray(i * x.cols, (i + 1) * x.cols).join(','));
  return seen.size;
}
