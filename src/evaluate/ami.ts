/**
 * Adjusted mutual information with the arithmetic-mean normaliser, and plain mutual information.
 * Vinh, Epps & Bailey, "Information theoretic measures for clusterings comparison", JMLR 2010;
 * the expected mutual information uses the hypergeometric model with log-gamma terms, as
 * scikit-learn's `expected_mutual_information`. Equal to scikit-learn's
 * `adjusted_mutual_info_score(average_method='arithmetic')`.
 * @module
 */
import { contingency, type Contingency } from './contingency.js';
import { lgamma } from './lgamma.js';

/** Mutual information (nats) of two labelings. */
export function mutualInfo(a: ArrayLike<number>, b: ArrayLike<number>): number {
  return mi(contingency(a, b, 'mutualInfo'));
}

/** AMI of two labelings; 1 = identical up to renaming, ≈0 = chance. */
export function adjustedMutualInfo(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const t = contingency(a, b, 'adjustedMutualInfo');
  const ka = t.rowSums.length, kb = t.colSums.length;
  if ((ka === 1 && kb === 1) || (ka === 0 && kb === 0)) return 1;
  const m = mi(t);
  const e = expectedMutualInfo(t);
  const norm = (entropy(t.rowSums, t.n) + entropy(t.colSums, t.n)) / 2;
  let den = norm - e;
  // Avoid 0/0 as scikit-learn does, keeping the sign.
  den = den < 0 ? Math.min(den, -Number.EPSILON) : Math.max(den, Number.EPSILON);
  return (m - e) / den;
}

function mi(t: Contingency): number {
  const n = t.n;
  let s = 0;
  for (let c = 0; c < t.cells.length; c++) {
    const nij = t.cells[c];
    s += (nij / n) * (Math.log(nij) + Math.log(n) - Math.log(t.rowSums[t.cellRow[c]]) - Math.log(t.colSums[t.cellCol[c]]));
  }
  return Math.max(0, s);
}

function entropy(counts: Float64Array, n: number): number {
  let h = 0;
  for (const c of counts) if (c > 0) h -= (c / n) * Math.log(c / n);
  return h;
}

/** E[MI] under the hypergeometric model of random labelings with the same marginals. */
function expectedMutualInfo(t: Contingency): number {
  const n = t.n;
  const lgN = lgamma(n + 1);
  let emi = 0;
  for (const ai of t.rowSums) {
    const lga = lgamma(ai + 1), lgNa = lgamma(n - ai + 1);
    for (const bj of t.colSums) {
      const lgb = lgamma(bj + 1), lgNb = lgamma(n - bj + 1);
      const start = Math.max(1, ai + bj - n);
      const end = Math.min(ai, bj);
      for (let nij = start; nij <= end; nij++) {
        const term = (nij / n) * (Math.log(n * nij) - Math.log(ai * bj));
        const lg = lga + lgb + lgNa + lgNb - lgN - lgamma(nij + 1) - lgamma(ai - nij + 1) - lgamma(bj - nij + 1) - lgamma(n - ai - bj + nij + 1);
        emi += term * Math.exp(lg);
      }
    }
  }
  return emi;
}
