import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { gmmClusterer } from '../../src/cluster/gmm.js';
import { SKLEARN_COVARIANCE_TYPES, emptyParams, nParameters, type CovarianceModel } from '../../src/cluster/mixture/covariance.js';
import { runEm } from '../../src/cluster/mixture/em.js';
import { argmaxRows, toState } from '../../src/cluster/mixture/fit-mixture.js';
import { fitIndices } from '../../src/cluster/mixture/fit-indices.js';
import { meanVariance } from '../../src/cluster/mixture/init.js';
import { createFitContext } from '../../src/cluster/types.js';
import { createRng } from '../../src/math/rng.js';
import { fromRows, type Matrix } from '../../src/math/matrix.js';
import { datasetFromMatrix } from '../../src/data/dataset.js';
import { parseOptions } from '../../src/options.js';
import type { SegkitWarning } from '../../src/errors.js';
import { expectClose, expectSegkitError } from '../helpers/expect.js';
import { checkClusterer } from '../conformance/clusterer.js';

const dir = new URL('../fixtures/gmm/', import.meta.url);
const sk = JSON.parse(readFileSync(new URL('gmm_sklearn.json', dir), 'utf8'));
/** The shared fixture table (written by gmm_sklearn.py, read by mclust_lpa.R). */
export function sharedTable(): Matrix {
  const lines = readFileSync(new URL('table.csv', dir), 'utf8').trim().split('\n').slice(1);
  return fromRows(lines.map((l) => l.split(',').map(Number)));
}

async function fit(x: Matrix, opts: Record<string, unknown>, seed = 0) {
  const warnings: SegkitWarning[] = [];
  const params = parseOptions(gmmClusterer.schema, opts, 'gmm');
  const f = await gmmClusterer.fit(datasetFromMatrix(x), params, createFitContext(createRng(seed), warnings));
  return { ...f, warnings };
}

/** Parameters from a fixture's start values (weights, means, covariances in scikit-learn's shapes). */
function startParams(model: CovarianceModel, k: number, d: number, input: any) {
  const p = emptyParams(model, k, d);
  p.weights.set(input.weights);
  p.means.set(input.means.flat());
  p.cov.set([input.covariances].flat(3));
  return p;
}

describe('cluster/gmm', () => {
  const x = sharedTable();

  for (const c of sk.cases) {
    it(`matches scikit-learn GaussianMixture on ${c.name} (log-likelihood to 1e-8, labels, parameters, nIter)`, () => {
      const model = SKLEARN_COVARIANCE_TYPES[c.input.covarianceType as keyof typeof SKLEARN_COVARIANCE_TYPES];
      const p = startParams(model, c.input.k, x.cols, c.input);
      const r = runEm(x, p, { maxIter: c.input.maxIter, tol: c.input.tol, regCovar: c.input.regCovar, scale: meanVariance(x) });
      const e = c.expected;
      expectClose(r.logLik, e.logLikelihood, { rtol: 1e-8, label: 'logLik' });
      expectClose(r.history[r.history.length - 1], e.lowerBound, { rtol: 1e-8, label: 'lowerBound' });
      assert.equal(r.nIter, e.nIter);
      assert.equal(r.converged, e.converged);
      assert.deepEqual(Array.from(argmaxRows(r.resp, x.rows, c.input.k)), e.labels);
      expectClose(r.resp, e.proba.flat(), { atol: 1e-7, label: 'proba' });
      const s = toState(r.params);
      expectClose(s.weights, e.weights, { rtol: 1e-6, atol: 1e-9, label: 'weights' });
      expectClose(s.means.flat(), e.means.flat(), { rtol: 1e-6, atol: 1e-8, label: 'means' });
      expectClose([s.covariances].flat(3) as number[], [e.covariances].flat(3), { rtol: 1e-6, atol: 1e-8, label: 'covariances' });
      const fi = fitIndices(r.resp, x.rows, c.input.k, r.logLik, nParameters(model, c.input.k, x.cols));
      assert.equal(fi.nParameters, e.nParameters);
      expectClose(fi.bic, e.bic, { rtol: 1e-8, label: 'bic' });
      expectClose(fi.aic, e.aic, { rtol: 1e-8, label: 'aic' });
    });
  }
});
