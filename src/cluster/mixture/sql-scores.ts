/**
 * SQL form of a mixture's weighted log densities, log πₖ + log N(x | k), for `export-sql`: the same
 * factors the E-step uses (P with Σ⁻¹ = PPᵀ for full models, 1/σ for diagonal and spherical ones)
 * written out term by term. The generic part takes the argmax and the posterior by log-sum-exp.
 * @module
 */
import type { Dialect } from '../../data/sql-dialect.js';
import type { SqlScores } from '../types.js';
import { factorize } from './covariance.js';
import { logWeights } from './e-step.js';
import { fromState, type MixtureState } from './fit-mixture.js';

/** Per-component log πₖ + log N(x | k) over the feature expressions. */
export function mixtureSqlScores(state: MixtureState, features: readonly string[], d: Dialect): SqlScores {
  const p = fromState(state);
  const { factors: f } = factorize(p, 0);
  const logW = logWeights(p, f);
  const dim = p.d, n = d.num;
  const diff = (c: number, j: number) => `(${features[j]} - ${n(p.means[c * dim + j])})`;
  const exprs = Array.from({ length: p.k }, (_, c) => {
    const terms: string[] = [];
    if (f.shape === 'full') {
      const po = c * dim * dim;
      for (let j = 0; j < dim; j++) {
        const y = Array.from({ length: j + 1 }, (_, t) => `${diff(c, t)} * ${n(f.prec[po + t * dim + j])}`).join(' + ');
        terms.push(`power(${y}, 2)`);
      }
    } else if (f.shape === 'diag') {
      for (let j = 0; j < dim; j++) terms.push(`power(${diff(c, j)} * ${n(f.prec[c * dim + j])}, 2)`);
    } else {
      for (let j = 0; j < dim; j++) terms.push(`power(${diff(c, j)}, 2) * ${n(f.prec[c] * f.prec[c])}`);
    }
    return `(${n(logW[c])} - ${n(0.5)} * (${terms.join(' + ')}))`;
  });
  return { kind: 'log-density', exprs };
}
