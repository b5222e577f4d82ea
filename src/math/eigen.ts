/**
 * Eigen decomposition of a real symmetric matrix by the cyclic Jacobi method (Golub & Van Loan,
 * "Matrix Computations", 4th ed., §8.5.2–8.5.3; the rotation formulas of Rutishauser 1966 as in
 * Numerical Recipes §11.1, which keep the rounding small). Jacobi is slower than Householder + QL
 * for large d, but for the few hundred features of a customer table it takes milliseconds, and it
 * finds small eigenvalues to high relative accuracy, which PCA's explained-variance ratios need.
 * @module
 */

/** Eigenvalues in decreasing order and the matching unit eigenvectors as the rows of `vectors`. */
export interface SymmetricEigen {
  readonly values: Float64Array;
  /** d × d row-major: row j is the eigenvector of `values[j]`. */
  readonly vectors: Float64Array;
}

/**
 * Eigenvalues and eigenvectors of the symmetric d × d row-major matrix `a` (only its upper
 * triangle is read; `a` is not changed). Deterministic: fixed sweep order, no randomness.
 * @throws {RangeError} when `a` is not d × d.
 */
export function symmetricEigen(a: Float64Array, d: number): SymmetricEigen {
  if (a.length !== d * d) throw new RangeError(`symmetricEigen: ${a.length} values for a ${d}x${d} matrix`);
  const m = new Float64Array(d * d);
  for (let i = 0; i < d; i++) for (let j = i; j < d; j++) m[i * d + j] = m[j * d + i] = a[i * d + j];
  // v holds the accumulated rotations, column j = eigenvector j.
  const v = new Float64Array(d * d);
  for (let i = 0; i < d; i++) v[i * d + i] = 1;
  let scale = 0;
  for (let i = 0; i < d * d; i++) scale = Math.max(scale, Math.abs(m[i]));
  for (let sweep = 0; sweep < 100 && scale > 0; sweep++) {
    let off = 0;
    for (let p = 0; p < d; p++) for (let q = p + 1; q < d; q++) off += m[p * d + q] * m[p * d + q];
    // Converged once the off-diagonal mass is at rounding level of the largest entry.
    if (Math.sqrt(off) <= 1e-15 * scale * d) break;
    for (let p = 0; p < d - 1; p++) {
      for (let q = p + 1; q < d; q++) {
        const apq = m[p * d + q];
        if (apq === 0) continue;
        const app = m[p * d + p], aqq = m[q * d + q];
        // t = tan θ, the smaller root of t² + 2θt − 1 = 0 (NR eq. 11.1.8–11.1.10).
        const theta = (aqq - app) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1), s = t * c, tau = s / (1 + c);
        m[p * d + p] = app - t * apq;
        m[q * d + q] = aqq + t * apq;
        m[p * d + q] = m[q * d + p] = 0;
        for (let r = 0; r < d; r++) {
          if (r === p || r === q) continue;
          const arp = m[r * d + p], arq = m[r * d + q];
          const np = arp - s * (arq + tau * arp), nq = arq + s * (arp - tau * arq);
          m[r * d + p] = m[p * d + r] = np;
          m[r * d + q] = m[q * d + r] = nq;
        }
        for (let r = 0; r < d; r++) {
          const vrp = v[r * d + p], vrq = v[r * d + q];
          v[r * d + p] = vrp - s * (vrq + tau * vrp);
          v[r * d + q] = vrq + s * (vrp - tau * vrq);
        }
      }
    }
  }
  const order = Array.from({ length: d }, (_, i) => i).sort((i, j) => m[j * d + j] - m[i * d + i] || i - j);
  const values = new Float64Array(d), vectors = new Float64Array(d * d);
  order.forEach((src, k) => {
    values[k] = m[src * d + src];
    for (let r = 0; r < d; r++) vectors[k * d + r] = v[r * d + src];
  });
  return { values, vectors };
}
