/**
 * Covariance models of a Gaussian mixture, named as mclust names them (Fraley & Raftery 2002, "Model-based
 * clustering, discriminant analysis, and density estimation", JASA 97; mclust's `mclustModelNames`):
 * VVV full and varying, EEE full and shared, VVI diagonal and varying, EEI diagonal and shared, VII spherical
 * and varying, EII spherical and shared. scikit-learn's four types are VVV (full), EEE (tied), VVI (diag)
 * and VII (spherical). The M-step for each (m-step.ts) is the maximum-likelihood estimate under that
 * constraint, plus `regCovar` on the diagonal as scikit-learn adds it (`_estimate_gaussian_covariances_*`).
 * @module
 */
import { precisionCholesky } from '../../math/cholesky.js';

/** mclust model names this module fits. */
export const COVARIANCE_MODELS = ['EII', 'VII', 'EEI', 'VVI', 'EEE', 'VVV'] as const;
export type CovarianceModel = (typeof COVARIANCE_MODELS)[number];

/** scikit-learn's covariance types and the mclust model each one is. */
export const SKLEARN_COVARIANCE_TYPES = { full: 'VVV', tied: 'EEE', diag: 'VVI', spherical: 'VII' } as const;
export type SklearnCovarianceType = keyof typeof SKLEARN_COVARIANCE_TYPES;

/** Shape of one component's covariance: a full matrix, a diagonal, or one variance. */
export function covarianceShape(m: CovarianceModel): 'full' | 'diag' | 'spherical' {
  return m === 'VVV' || m === 'EEE' ? 'full' : m === 'VVI' || m === 'EEI' ? 'diag' : 'spherical';
}

/** True when every component shares one covariance (the 'E' in the second and third letter). */
export function isShared(m: CovarianceModel): boolean {
  return m === 'EEE' || m === 'EEI' || m === 'EII';
}

/** Values in one covariance block. */
export function blockSize(m: CovarianceModel, d: number): number {
  const s = covarianceShape(m);
  return s === 'full' ? d * d : s === 'diag' ? d : 1;
}

/** Free parameters of a k-component, d-feature mixture (mclust's `nMclustParams`, scikit-learn's `_n_parameters`). */
export function nParameters(m: CovarianceModel, k: number, d: number): number {
  const s = covarianceShape(m);
  const perBlock = s === 'full' ? (d * (d + 1)) / 2 : s === 'diag' ? d : 1;
  return k - 1 + k * d + (isShared(m) ? 1 : k) * perBlock;
}

/** Mixture parameters in typed arrays. `cov` holds one block (shared models) or k blocks. */
export interface MixtureParams {
  readonly model: CovarianceModel;
  readonly k: number;
  readonly d: number;
  readonly weights: Float64Array;
  readonly means: Float64Array;
  readonly cov: Float64Array;
}

/** Allocates zeroed parameters. */
export function emptyParams(model: CovarianceModel, k: number, d: number): MixtureParams {
  return {
    model, k, d,
    weights: new Float64Array(k),
    means: new Float64Array(k * d),
    cov: new Float64Array((isShared(model) ? 1 : k) * blockSize(model, d)),
  };
}

/**
 * What the E-step evaluates densities with, per component: P (d×d upper, Σ⁻¹ = PPᵀ) for full models,
 * 1/σⱼ for diagonal ones, 1/σ for spherical ones, and log det P.
 */
export interface Factors {
  readonly shape: 'full' | 'diag' | 'spherical';
  readonly prec: Float64Array;
  readonly logDet: Float64Array;
}

/** A covariance block that was not positive definite and got `added` on its diagonal. */
export interface Regularised {
  /** Component index, or -1 for the shared covariance. */
  readonly component: number;
  readonly added: number;
}

/** Variances (and squared Cholesky pivots) at or below this share of the data's variance count as collapsed. */
export const COLLAPSE_RATIO = 1e-12;

/**
 * Precision factors of `p`. A block that is not positive definite, or has a variance or pivot at or
 * below COLLAPSE_RATIO·`scale` (a component collapsed onto a point or a line), gets a growing ridge
 * on its diagonal, `scale`·10⁻⁶ then ×10, until it factors; the ridge is written into `p.cov` so
 * that predict sees the same covariance, and reported in the returned list. Pass scale 0 for no floor.
 */
export function factorize(p: MixtureParams, scale: number): { factors: Factors; regularised: Regularised[] } {
  const { k, d, model, cov } = p;
  const shape = covarianceShape(model), shared = isShared(model);
  const size = blockSize(model, d), blocks = shared ? 1 : k;
  const per = shape === 'full' ? d * d : shape === 'diag' ? d : 1;
  const prec = new Float64Array(k * per);
  const logDet = new Float64Array(k);
  const work = new Float64Array(d * d);
  const regularised: Regularised[] = [];
  const floor = scale * COLLAPSE_RATIO;
  for (let b = 0; b < blocks; b++) {
    const o = b * size;
    let ld = factorBlock(cov, o, shape, d, prec, b * per, work, floor);
    let added = 0;
    for (let ridge = (scale > 0 ? scale : 1) * 1e-6, tries = 0; !Number.isFinite(ld); ridge *= 10, tries++) {
      if (tries === 60) throw new Error(`mixture: covariance block ${b} cannot be regularised (not finite)`);
      addDiagonal(cov, o, shape, d, ridge);
      added += ridge;
      ld = factorBlock(cov, o, shape, d, prec, b * per, work, floor);
    }
    if (added > 0) regularised.push({ component: shared ? -1 : b, added });
    logDet[b] = ld;
  }
  if (shared) for (let c = 1; c < k; c++) {
    prec.copyWithin(c * per, 0, per);
    logDet[c] = logDet[0];
  }
  return { factors: { shape, prec, logDet }, regularised };
}

function factorBlock(cov: Float64Array, o: number, shape: 'full' | 'diag' | 'spherical', d: number, prec: Float64Array, po: number, work: Float64Array, floor: number): number {
  if (shape === 'full') return precisionCholesky(cov, d, prec, work, o, po, floor);
  const m = shape === 'diag' ? d : 1;
  let ld = 0;
  for (let j = 0; j < m; j++) {
    const v = cov[o + j];
    if (!(v > floor) || !Number.isFinite(v)) return NaN;
    prec[po + j] = 1 / Math.sqrt(v);
    ld -= 0.5 * Math.log(v);
  }
  // A spherical block stands for d equal variances.
  return shape === 'spherical' ? ld * d : ld;
}

function addDiagonal(cov: Float64Array, o: number, shape: 'full' | 'diag' | 'spherical', d: number, ridge: number): void {
  if (shape === 'full') for (let j = 0; j < d; j++) cov[o + j * d + j] += ridge;
  else if (shape === 'diag') for (let j = 0; j < d; j++) cov[o + j] += ridge;
  else cov[o] += ridge;
}
