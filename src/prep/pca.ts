/**
 * Principal component analysis as a pipeline step: the exact decomposition of the sample
 * covariance (eigenvectors by Jacobi, math/eigen.ts), equal to scikit-learn's
 * `PCA(svd_solver='full')` (sklearn/decomposition/_pca.py): explained variance with the n − 1
 * denominator, ratios over the total variance, optional whitening (scores divided by √variance),
 * and the sign of each component fixed as sklearn 1.2's `svd_flip` does (u-based: the training row
 * with the largest |score| on a component scores positive), so the numbers match sklearn's.
 * @module
 */
import { SegkitError } from '../errors.js';
import { msg } from '../messages.js';
import type { Matrix } from '../math/matrix.js';
import { symmetricEigen } from '../math/eigen.js';
import { covariance, type Moments } from './covariance.js';

/** The fitted PCA step: plain JSON. */
export interface PcaState {
  step: 'pca';
  /** Feature names going in (the prepared columns). */
  inputNames: string[];
  /** Column means of the training matrix. */
  mean: number[];
  /** k × d: row j is component j (unit length), in the order of `inputNames`. */
  components: number[][];
  /** Variance of each kept component (eigenvalue, n − 1 denominator). */
  explainedVariance: number[];
  /** Share of the total variance of every component, the dropped ones too (for the scree curve). */
  ratios: number[];
  whiten: boolean;
  /** What was asked: a count, or a share of variance in (0, 1). */
  asked: number;
}

/**
 * Fits PCA and returns the state and the training scores.
 * @param nComponents an integer ≥ 1 (that many components) or a share in (0, 1): the fewest
 * components whose cumulative ratio reaches it (≥; sklearn takes the first cumulative ratio strictly
 * above it, which differs only on an exact tie).
 * @param moments the column means and covariance of `x` when the caller has them (one pass over the data fewer).
 * @throws {SegkitError} E_OPTION (field 'pca') when more components are asked than features or rows allow.
 */
export function fitPca(x: Matrix, inputNames: readonly string[], nComponents: number, whiten: boolean, moments?: Moments): { state: PcaState; scores: Matrix } {
  const { rows: n, cols: d } = x;
  const most = Math.min(n, d);
  if (n < 2 || (nComponents >= 1 && nComponents > most))
    throw new SegkitError('E_OPTION', msg.pcaTooMany(nComponents, d, n), { field: 'pca' });
  const { mean, cov } = moments ?? covariance(x);
  const { values, vectors } = symmetricEigen(cov, d);
  let total = 0;
  for (let j = 0; j < d; j++) total += Math.max(0, values[j]);
  const ratios = Array.from(values, (v) => (total > 0 ? Math.max(0, v) / total : 0));
  let k = nComponents;
  if (nComponents < 1) {
    let cum = 0;
    k = 0;
    while (k < most && cum < nComponents) cum += ratios[k++];
  }
  const components = Array.from({ length: k }, (_, j) => Array.from(vectors.subarray(j * d, (j + 1) * d)));
  const explainedVariance = Array.from(values.subarray(0, k), (v) => Math.max(0, v));
  const state: PcaState = { step: 'pca', inputNames: [...inputNames], mean: Array.from(mean), components, explainedVariance, ratios: ratios.slice(0, most), whiten, asked: nComponents };
  // Scores once, unwhitened; their signs fix the components' (svd_flip), then whitening if asked.
  const scores = transformPca({ ...state, whiten: false }, x);
  flipSigns(state, scores);
  if (whiten) for (let j = 0; j < k; j++) {
    const f = state.explainedVariance[j] > 0 ? 1 / Math.sqrt(state.explainedVariance[j]) : 1;
    for (let i = 0; i < n; i++) scores.data[i * k + j] *= f;
  }
  return { state, scores };
}

/** Projects rows onto the saved components (whitened if asked). Assumes x has the fitted width. */
export function transformPca(s: PcaState, x: Matrix): Matrix {
  const { rows: n, cols: d, data } = x;
  const k = s.components.length;
  const w = new Float64Array(k * d);
  for (let j = 0; j < k; j++) {
    const f = s.whiten && s.explainedVariance[j] > 0 ? 1 / Math.sqrt(s.explainedVariance[j]) : 1;
    for (let c = 0; c < d; c++) w[j * d + c] = s.components[j][c] * f;
  }
  const mean = Float64Array.from(s.mean);
  const out = new Float64Array(new SharedArrayBuffer(n * k * 8));
  const row = new Float64Array(d);
  // Four components per pass over the centred row: each load of the row feeds four multiply-adds.
  const k4 = k - (k % 4);
  for (let i = 0; i < n; i++) {
    const o = i * d;
    for (let c = 0; c < d; c++) row[c] = data[o + c] - mean[c];
    for (let j = 0; j < k4; j += 4) {
      const w0 = j * d, w1 = w0 + d, w2 = w1 + d, w3 = w2 + d;
      let a0 = 0, a1 = 0, a2 = 0, a3 = 0;
      for (let c = 0; c < d; c++) {
        const v = row[c];
        a0 += v * w[w0 + c]; a1 += v * w[w1 + c]; a2 += v * w[w2 + c]; a3 += v * w[w3 + c];
      }
      out[i * k + j] = a0; out[i * k + j + 1] = a1; out[i * k + j + 2] = a2; out[i * k + j + 3] = a3;
    }
    for (let j = k4; j < k; j++) {
      let acc = 0;
      for (let c = 0; c < d; c++) acc += row[c] * w[j * d + c];
      out[i * k + j] = acc;
    }
  }
  return { rows: n, cols: k, data: out };
}

/** Output names: PC1, PC2, … */
export function pcaNames(s: PcaState): string[] {
  return s.components.map((_, j) => `PC${j + 1}`);
}

/**
 * sklearn 1.2 `svd_flip(U, Vt)`: for each component, the row where |U| is largest (the first such
 * row) gets a positive U. U's column j is the score column j divided by a positive constant, so the
 * scores decide; a flipped component flips its score column too.
 */
function flipSigns(s: PcaState, scores: Matrix): void {
  const k = scores.cols;
  for (let j = 0; j < k; j++) {
    let best = -1, at = 0;
    for (let i = 0; i < scores.rows; i++) {
      const a = Math.abs(scores.data[i * k + j]);
      if (a > best) (best = a), (at = i);
    }
    if (scores.data[at * k + j] >= 0) continue;
    s.components[j] = s.components[j].map((v) => -v);
    for (let i = 0; i < scores.rows; i++) scores.data[i * k + j] = -scores.data[i * k + j];
  }
}
