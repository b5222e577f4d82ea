/**
 * Cholesky factor of a symmetric positive definite matrix, and the "precision Cholesky" that Gaussian
 * mixtures evaluate densities with: P = L⁻ᵀ (upper triangular) for Σ = L Lᵀ, so Σ⁻¹ = P Pᵀ and
 * log det P = −Σ log Lᵢᵢ (scikit-learn's `_compute_precision_cholesky`, read for the convention).
 * @module
 */

/**
 * Writes the lower Cholesky factor L of the d×d row-major matrix `a` into `l` (upper part zeroed).
 * Returns false when a squared pivot is not above `minPivot` (the matrix is not numerically positive definite).
 */
export function choleskyLower(a: Float64Array, d: number, l: Float64Array, aOffset = 0, lOffset = 0, minPivot = 0): boolean {
  for (let i = 0; i < d; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[aOffset + i * d + j];
      for (let t = 0; t < j; t++) s -= l[lOffset + i * d + t] * l[lOffset + j * d + t];
      if (i === j) {
        if (!(s > minPivot)) return false;
        l[lOffset + i * d + i] = Math.sqrt(s);
      } else {
        l[lOffset + i * d + j] = s / l[lOffset + j * d + j];
      }
    }
    for (let j = i + 1; j < d; j++) l[lOffset + i * d + j] = 0;
  }
  return true;
}

/**
 * Writes P = L⁻ᵀ (upper triangular, row-major d×d) for the covariance `cov` into `p` and returns
 * log det P; returns NaN (and leaves `p` undefined) when `cov` is not positive definite (a squared
 * pivot ≤ `minPivot`). `work` needs d·d entries.
 */
export function precisionCholesky(cov: Float64Array, d: number, p: Float64Array, work: Float64Array, covOffset = 0, pOffset = 0, minPivot = 0): number {
  if (!choleskyLower(cov, d, work, covOffset, 0, minPivot)) return NaN;
  let logDet = 0;
  // Solve L·M = I column by column (M = L⁻¹, lower), then P = Mᵀ.
  for (let c = 0; c < d; c++) {
    for (let i = 0; i < d; i++) {
      if (i < c) {
        p[pOffset + c * d + i] = 0; // M is lower triangular: M[i][c] = 0 for i < c
        continue;
      }
      let s = i === c ? 1 : 0;
      for (let t = c; t < i; t++) s -= work[i * d + t] * p[pOffset + c * d + t];
      p[pOffset + c * d + i] = s / work[i * d + i];
    }
  }
  for (let i = 0; i < d; i++) logDet -= Math.log(work[i * d + i]);
  return logDet;
}
