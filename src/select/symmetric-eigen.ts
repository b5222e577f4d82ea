/**
 * Eigenvectors of a small symmetric matrix by cyclic Jacobi rotations (Golub & Van Loan, Matrix
 * Computations, 4th ed., §8.5): accurate to rounding for the d × d covariance of the gap statistic's
 * principal-component box, where d is the feature count (tens), so no LAPACK is needed.
 * @module
 */

/** Eigenvalues (descending) and eigenvectors (columns of the row-major d × d `vectors`). */
export interface SymmetricEigen {
  readonly values: Float64Array;
  readonly vectors: Float64Array;
}

/** Eigen-decomposition of the symmetric row-major d × d matrix `a` (not modified). */
export function symmetricEigen(a: Float64Array, d: number): SymmetricEigen {
  const m = a.slice();
  const v = new Float64Array(d * d);
  for (let i = 0; i < d; i++) v[i * d + i] = 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0, diag = 0;
    for (let p = 0; p < d; p++) {
      diag += m[p * d + p] * m[p * d + p];
      for (let q = p + 1; q < d; q++) off += m[p * d + q] * m[p * d + q];
    }
    if (off <= 1e-30 * diag || off === 0) break;
    for (let p = 0; p < d; p++)
      for (let q = p + 1; q < d; q++) {
        const apq = m[p * d + q];
        if (apq === 0) continue;
        // Rotation angle that zeroes m[p][q] (the stable formulas of GVL algorithm 8.5.1).
        const theta = (m[q * d + q] - m[p * d + p]) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1), s = t * c;
        for (let k = 0; k < d; k++) {
          const mkp = m[k * d + p], mkq = m[k * d + q];
          m[k * d + p] = c * mkp - s * mkq;
          m[k * d + q] = s * mkp + c * mkq;
        }
        for (let k = 0; k < d; k++) {
          const mpk = m[p * d + k], mqk = m[q * d + k];
          m[p * d + k] = c * mpk - s * mqk;
          m[q * d + k] = s * mpk + c * mqk;
        }
        for (let k = 0; k < d; k++) {
          const vkp = v[k * d + p], vkq = v[k * d + q];
          v[k * d + p] = c * vkp - s * vkq;
          v[k * d + q] = s * vkp + c * vkq;
        }
      }
  }
  const order = Array.from({ length: d }, (_, i) => i).sort((i, j) => m[j * d + j] - m[i * d + i]);
  const values = Float64Array.from(order, (i) => m[i * d + i]);
  const vectors = new Float64Array(d * d);
  order.forEach((src, dst) => {
    // Sign convention: the largest-magnitude entry of each vector is positive, so the box is reproducible.
    let big = 0;
    for (let k = 0; k < d; k++) if (Math.abs(v[k * d + src]) > Math.abs(big)) big = v[k * d + src];
    const sign = big < 0 ? -1 : 1;
    for (let k = 0; k < d; k++) vectors[k * d + dst] = sign * v[k * d + src];
  });
  return { values, vectors };
}
