/**
 * The EM loop of a Gaussian mixture (Dempster, Laird & Rubin 1977), with scikit-learn's iteration
 * and stopping rule (`BaseMixture.fit_predict`): E-step, M-step, stop when the per-row lower bound
 * (mean log-likelihood at the parameters before the M-step) changes by less than `tol`; then one last
 * E-step so labels and posteriors belong to the final parameters.
 * @module
 */
import type { Matrix } from '../../math/matrix.js';
import { SegkitError } from '../../errors.js';
import { msg } from '../../messages.js';
import { factorize, type Factors, type MixtureParams, type Regularised } from './covariance.js';
import { mStep } from './m-step.js';
import { eStepArgs, sumPartials } from './e-step.js';
import { chunkCount } from './chunks.js';
import { createChunkRunner } from './runner.js';

export interface EmOptions {
  readonly maxIter: number;
  /** Stop when |Δ mean log-likelihood| < tol. */
  readonly tol: number;
  readonly regCovar: number;
  /** Size of the data's variances, for the ridge given to a collapsed covariance. */
  readonly scale: number;
  readonly rowWeights?: Float64Array;
  readonly signal?: AbortSignal;
  readonly onIteration?: (iter: number, lowerBound: number) => void;
}

export interface EmResult {
  readonly params: MixtureParams;
  readonly factors: Factors;
  /** Posteriors (rows × k) at the final parameters. */
  readonly resp: Float64Array;
  /** Total log-likelihood at the final parameters. */
  readonly logLik: number;
  /** Mean log-likelihood before each M-step (scikit-learn's lower bound), one per iteration. */
  readonly history: number[];
  readonly nIter: number;
  readonly converged: boolean;
  /** The last change of the lower bound. */
  readonly lastChange: number;
  /** Covariance blocks that needed a ridge, with the iteration it happened in (0 = start). */
  readonly regularised: (Regularised & { iter: number })[];
}

/** Runs EM from `params` (changed in place). */
export async function runEm(x: Matrix, params: MixtureParams, o: EmOptions): Promise<EmResult> {
  const n = x.rows, k = params.k;
  let nEff = n;
  if (o.rowWeights) {
    nEff = 0;
    for (let i = 0; i < n; i++) nEff += o.rowWeights[i];
  }
  const regularised: (Regularised & { iter: number })[] = [];
  let fz = factorize(params, o.scale);
  for (const r of fz.regularised) regularised.push({ ...r, iter: 0 });
  // E- and M-steps run in fixed chunks, on the worker pool when x is in shared memory and large.
  const runner = createChunkRunner(x, k, o.rowWeights);
  const resp = runner.alloc(n * k);
  const partial = runner.alloc(chunkCount(n));
  const eStep = async (f: Factors) => {
    await runner.run('eStep', eStepArgs(x, params, f, resp, partial, o.rowWeights), partial.length);
    return sumPartials(partial);
  };
  const history: number[] = [];
  let lowerBound = -Infinity, change = Infinity, converged = false, iter = 0;
  for (iter = 1; iter <= o.maxIter; iter++) {
    if (o.signal?.aborted) throw new SegkitError('E_ABORTED', msg.aborted('Gaussian mixture'));
    const prev = lowerBound;
    lowerBound = (await eStep(fz.factors)) / nEff;
    history.push(lowerBound);
    await mStep(x, resp, params, o.regCovar, o.rowWeights, runner);
    fz = factorize(params, o.scale);
    for (const r of fz.regularised) regularised.push({ ...r, iter });
    change = lowerBound - prev;
    o.onIteration?.(iter, lowerBound);
    if (Math.abs(change) < o.tol) {
      converged = true;
      break;
    }
  }
  const logLik = await eStep(fz.factors);
  return { params, factors: fz.factors, resp, logLik, history, nIter: Math.min(iter, o.maxIter), converged, lastChange: change, regularised };
}
