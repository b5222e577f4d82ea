/**
 * Starting parameters of a Gaussian mixture, as scikit-learn's `_initialize_parameters`: responsibilities
 * from one k-means run ('kmeans', hard labels), from uniform random numbers normalised per row
 * ('random'), or from the nearest of given means (explicit means, which then replace the estimated
 * means, as `means_init` does); then one M-step turns them into weights, means and covariances.
 * @module
 */
import { meanVariance, type Matrix } from '../../math/matrix.js';
import type { Rng } from '../../math/rng.js';
import { kmeansPlusPlus } from '../kmeans-init.js';
import { lloyd } from '../lloyd.js';
import { nearestCenter } from '../nearest-center.js';
import { emptyParams, type CovarianceModel, type MixtureParams } from './covariance.js';
import { mStep } from './m-step.js';
import { createChunkRunner } from './runner.js';

/** How to start: k-means labels, random responsibilities, or explicit means (k × d, row-major). */
export type MixtureInit = 'kmeans' | 'random' | Float64Array;

/** Initial responsibilities (rows × k). */
export async function initialResp(x: Matrix, k: number, init: MixtureInit, rng: Rng, rowWeights?: Float64Array, signal?: AbortSignal): Promise<Float64Array> {
  const n = x.rows;
  const resp = new Float64Array(n * k);
  if (init === 'random') {
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let c = 0; c < k; c++) s += resp[i * k + c] = rng.float();
      for (let c = 0; c < k; c++) resp[i * k + c] /= s;
    }
    return resp;
  }
  let labels: Int32Array;
  if (init === 'kmeans') {
    // scikit-learn: KMeans(n_clusters, n_init=1, random_state).fit(X).labels_, default tol 1e-4 × mean variance.
    const seeds = await kmeansPlusPlus(x, k, rng, rowWeights);
    labels = (await lloyd(x, seeds, { maxIter: 300, tol: 1e-4 * meanVariance(x), weights: rowWeights, signal })).labels;
  } else {
    labels = nearestCenter(x, { rows: k, cols: x.cols, data: init });
  }
  for (let i = 0; i < n; i++) resp[i * k + labels[i]] = 1;
  return resp;
}

/** Parameters from initial responsibilities (explicit means replace the estimated ones). */
export async function paramsFromResp(x: Matrix, resp: Float64Array, model: CovarianceModel, k: number, regCovar: number, init: MixtureInit, rowWeights?: Float64Array): Promise<MixtureParams> {
  const p = emptyParams(model, k, x.cols);
  await mStep(x, resp, p, regCovar, rowWeights, createChunkRunner(x, k, rowWeights));
  if (init instanceof Float64Array) p.means.set(init);
  return p;
}
