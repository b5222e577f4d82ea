import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { gmmClusterer } from '../../src/cluster/gmm.js';
import { SKLEARN_COVARIANCE_TYPES, emptyParams, nParameters, type CovarianceModel } from '../../src/cluster/mixture/covariance.js';
import { runEm } from '../../src/cluster/mixture/em.js';
import { argmaxRows, toState } from '../../src/cluster/mixture/fit-mixture.js';
import { fitIndices, rowEntropies } from '../../src/cluster/mixture/fit-indices.js';
import { meanVariance } from '../../src/math/matrix.js';
import { createFitContext } from '../../src/cluster/types.js';
import { createRng } from '../../src/math/rng.js';
import { fromRows, type Matrix } from '../../src/math/matrix.js';
import { datasetFromMatrix } from '../../src/data/dataset.js';
import { parseOptions } from '../../src/options.js';
import type { SegkitWarning } from '../../src/errors.js';
import { expectClose, expectSegkitError } from '../helpers/expect.js';
import { checkClusterer, threeBlobs } from '../conformance/clusterer.js';
import { fitModel } from '../../src/model/fit-model.js';
import { frameFromRecords } from '../../src/data/frame.js';

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
    it(`matches scikit-learn GaussianMixture on ${c.name} (log-likelihood to 1e-8, labels, parameters, nIter)`, async () => {
      const model = SKLEARN_COVARIANCE_TYPES[c.input.covarianceType as keyof typeof SKLEARN_COVARIANCE_TYPES];
      const p = startParams(model, c.input.k, x.cols, c.input);
      const r = await runEm(x, p, { maxIter: c.input.maxIter, tol: c.input.tol, regCovar: c.input.regCovar, scale: meanVariance(x) });
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

  it('fits one component to the hand-computed mean and covariance for every type', async () => {
    // Square (0,0),(2,0),(0,2),(2,2): mean (1,1), variances 1, no covariance, so each row has
    // log N = −log 2π − ½·2 and the total is −4 log 2π − 4 (regCovar 0 keeps the numbers exact).
    for (const covarianceType of ['full', 'tied', 'diag', 'spherical']) {
      const f = await fit(fromRows([[0, 0], [2, 0], [0, 2], [2, 2]]), { nClusters: 1, covarianceType, regCovar: 0, tol: 1e-12 });
      expectClose(f.diagnostics.logLikelihood, -4 * Math.log(2 * Math.PI) - 4, { rtol: 1e-14, label: covarianceType });
      expectClose(f.state.means.flat(), [1, 1], { rtol: 1e-14 });
      expectClose([f.state.covariances].flat(3) as number[], covarianceType === 'spherical' ? [1] : covarianceType === 'diag' ? [1, 1] : [1, 0, 0, 1], { rtol: 1e-14, atol: 1e-15 });
      // Iteration 1 reaches the optimum, iteration 2 sees no change.
      assert.equal(f.diagnostics.nIter, 2);
      // One component: entropy 1, every posterior 1, nobody in two segments.
      assert.equal(f.diagnostics.entropy, 1);
      assert.equal(f.diagnostics.multiMembershipShare, 0);
    }
  });

  it('computes the fit indices by their definitions on a hand-made posterior table', () => {
    // 4 rows, 2 segments; posteriors chosen by hand. log L = −10, p = 5, n = 4.
    const resp = Float64Array.from([0.9, 0.1, 0.6, 0.4, 0.35, 0.65, 0, 1]);
    const fi = fitIndices(resp, 4, 2, -10, 5);
    const ent = -(0.9 * Math.log(0.9) + 0.1 * Math.log(0.1) + 0.6 * Math.log(0.6) + 0.4 * Math.log(0.4) + 0.35 * Math.log(0.35) + 0.65 * Math.log(0.65));
    expectClose(fi.entropy, 1 - ent / (4 * Math.log(2)), { rtol: 1e-14 });
    expectClose(fi.bic, 20 + 5 * Math.log(4), { rtol: 1e-14 });
    expectClose(fi.bicMclust, -20 - 5 * Math.log(4), { rtol: 1e-14 });
    expectClose(fi.aic, 30, { rtol: 1e-14 });
    expectClose(fi.sabic, 20 + 5 * Math.log(6 / 24), { rtol: 1e-14 });
    expectClose(fi.icl, fi.bicMclust + 2 * (Math.log(0.9) + Math.log(0.6) + Math.log(0.65) + Math.log(1)), { rtol: 1e-14 });
    assert.equal(fi.minClassSize, 2);
    assert.equal(fi.minClassShare, 0.5);
    expectClose(fi.minAvgPosterior, 0.75, { rtol: 1e-14 }); // segment 0: (0.9 + 0.6) / 2
    expectClose(fi.maxAvgPosterior, 0.825, { rtol: 1e-14 }); // segment 1: (0.65 + 1) / 2
    assert.equal(fi.multiMembershipShare, 0.5); // rows 2 and 3 have both posteriors ≥ 0.30
    const re = rowEntropies(resp, 4, 2);
    expectClose(re, [-(0.9 * Math.log(0.9) + 0.1 * Math.log(0.1)), -(0.6 * Math.log(0.6) + 0.4 * Math.log(0.4)), -(0.35 * Math.log(0.35) + 0.65 * Math.log(0.65)), 0], { rtol: 1e-15 });
  });

  it('gives finite posteriors that sum to 1 for rows far from every component (log-sum-exp)', async () => {
    const f = await fit(threeBlobs().numeric, { nClusters: 3 });
    const far = fromRows([[1e6, -1e6], [1e150, 0], [-3e4, 5e4], [1e300, -1e300]]);
    const pr = gmmClusterer.predictProba!(f.state, datasetFromMatrix(far));
    for (let i = 0; i < far.rows; i++) {
      let s = 0;
      for (let c = 0; c < 3; c++) {
        assert.ok(Number.isFinite(pr.data[i * 3 + c]), `row ${i}: ${pr.data[i * 3 + c]}`);
        s += pr.data[i * 3 + c];
      }
      expectClose(s, 1, { rtol: 1e-12 });
    }
  });

  it('regularises a collapsed component, warns, and never gives NaN', async () => {
    // Component 1 starts on five identical rows: its covariance is exactly 0 with regCovar 0.
    const rows = [[0, 0], [1, 0.3], [0.2, 1], [1.1, 1.2], [0.5, 0.4], [-0.4, 0.8]];
    for (let i = 0; i < 5; i++) rows.push([10, 10]);
    for (const covarianceType of ['full', 'tied', 'diag', 'spherical']) {
      const f = await fit(fromRows(rows), { nClusters: 2, covarianceType, regCovar: 0, init: [[0, 0], [10, 10]] });
      if (covarianceType !== 'tied') assert.ok(f.warnings.some((w) => w.code === 'W_COVARIANCE_REGULARISED' && /component 1/.test(w.message)), `${covarianceType}: ${JSON.stringify(f.warnings)}`);
      for (const v of Object.values(f.diagnostics)) assert.ok(!Number.isNaN(v), `${covarianceType}: NaN diagnostic`);
      assert.ok(([f.state.covariances].flat(3) as number[]).every(Number.isFinite));
      assert.deepEqual(Array.from(f.labels), [0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1]);
    }
  });

  it('refuses more components than distinct rows with E_TOO_FEW_ROWS', async () => {
    const e = await expectSegkitError(() => fit(fromRows([[1, 1], [1, 1], [2, 2], [2, 2], [1, 1]]), { nClusters: 3 }), 'E_TOO_FEW_ROWS');
    assert.match(e.message, /only 2/);
    assert.equal(e.where.field, 'nClusters');
  });

  it('warns with the last change when maxIter is reached', async () => {
    const f = await fit(x, { nClusters: 3, maxIter: 2, tol: 0 });
    assert.equal(f.diagnostics.converged, 0);
    const w = f.warnings.find((w) => w.code === 'W_NOT_CONVERGED');
    assert.ok(w, JSON.stringify(f.warnings));
    assert.match(w.message, new RegExp(`last change of the mean log-likelihood was ${f.diagnostics.lastChange.toPrecision(3).replace(/[.+-]/g, '\\$&')}`));
  });

  it('treats integer row weights as repeated rows', async () => {
    const rows = [[0, 0], [1, 0.5], [4, 4], [5, 4.5], [4.2, 3.1], [0.3, 1.2]];
    const w = [1, 3, 2, 1, 1, 2];
    const rep = rows.flatMap((r, i) => Array.from({ length: w[i] }, () => r));
    const init = [[0, 0], [4, 4]];
    const warnings: SegkitWarning[] = [];
    const params = parseOptions(gmmClusterer.schema, { nClusters: 2, init, covarianceType: 'diag' }, 'gmm');
    const a = await gmmClusterer.fit(datasetFromMatrix(fromRows(rows), undefined, Float64Array.from(w)), params, createFitContext(createRng(0), warnings));
    const b = await gmmClusterer.fit(datasetFromMatrix(fromRows(rep)), params, createFitContext(createRng(0), warnings));
    expectClose(a.diagnostics.logLikelihood, b.diagnostics.logLikelihood, { rtol: 1e-12 });
    expectClose(a.state.means.flat(), b.state.means.flat(), { rtol: 1e-12 });
  });

  it('keeps the best of nInit restarts', async () => {
    const one = await fit(x, { nClusters: 4, init: 'random' }, 5);
    const five = await fit(x, { nClusters: 4, init: 'random', nInit: 5 }, 5);
    assert.ok(five.diagnostics.logLikelihood >= one.diagnostics.logLikelihood - 1e-9);
  });

  it('tells the user to use kprototypes or one-hot encoding when the data has categorical columns', async () => {
    const records = Array.from({ length: 30 }, (_, i) => ({ id: `c${i}`, spend: (i * 37) % 11, visits: (i * 7) % 5, plan: ['basic', 'plus', 'pro'][i % 3] }));
    const e = await expectSegkitError(() => fitModel(frameFromRecords(records), { method: 'gmm', options: { nClusters: 2 }, seed: 1, idColumn: 'id' }), 'E_OPTION');
    assert.match(e.message, /kprototypes/);
    assert.match(e.message, /onehot/);
  });

  describe('properties', () => {
    // Coordinates on a 0.01 grid in [−50, 50]: real spread, many ties.
    const coord = fc.integer({ min: -5000, max: 5000 }).map((v) => v / 100);
    const pts = fc.array(fc.tuple(coord, coord), { minLength: 8, maxLength: 50 });
    const types = fc.constantFrom<CovarianceModel>('VVV', 'EEE', 'VVI', 'EEI', 'VII', 'EII');
    it('EM never decreases the log-likelihood (regCovar 0, no ridge)', async () => {
      await fc.assert(
        fc.asyncProperty(pts, fc.integer({ min: 1, max: 3 }), types, fc.integer(), async (p, k, model, seed) => {
          const xm = fromRows(p);
          const { initialResp, paramsFromResp } = await import('../../src/cluster/mixture/init.js');
          const resp = await initialResp(xm, k, 'random', createRng(seed));
          const params = await paramsFromResp(xm, resp, model, k, 0, 'random');
          const r = await runEm(xm, params, { maxIter: 40, tol: 0, regCovar: 0, scale: meanVariance(xm) || 1 });
          fc.pre(r.regularised.length === 0);
          const h = [...r.history, r.logLik / xm.rows];
          for (let i = 1; i < h.length; i++) assert.ok(h[i] >= h[i - 1] - 1e-9 * Math.abs(h[i - 1]), `${model} step ${i}: ${h[i - 1]} → ${h[i]}`);
        }),
        { seed: 42, numRuns: 100 },
      );
    });
    it('posteriors sum to 1 and predict is their argmax', async () => {
      await fc.assert(
        fc.asyncProperty(pts, fc.integer({ min: 1, max: 4 }), fc.constantFrom('full', 'tied', 'diag', 'spherical'), async (p, k, covarianceType) => {
          const xm = fromRows(p);
          const distinct = new Set(p.map((r) => r.join(','))).size;
          fc.pre(distinct >= k);
          const f = await fit(xm, { nClusters: k, covarianceType }, 3);
          const d = datasetFromMatrix(xm);
          const pr = gmmClusterer.predictProba!(f.state, d);
          for (let i = 0; i < xm.rows; i++) {
            let s = 0;
            for (let c = 0; c < k; c++) s += pr.data[i * k + c];
            expectClose(s, 1, { rtol: 1e-12 });
          }
          assert.deepEqual(Array.from(gmmClusterer.predict(f.state, d)), Array.from(argmaxRows(pr.data, xm.rows, k)));
          assert.deepEqual(Array.from(f.labels), Array.from(argmaxRows(pr.data, xm.rows, k)));
        }),
        { seed: 7, numRuns: 100 },
      );
    });
  });
});

for (const covarianceType of ['full', 'tied', 'diag', 'spherical'])
  checkClusterer(
    { ...gmmClusterer, name: `gmm (${covarianceType})` },
    {
      options: { nClusters: 3, covarianceType },
      badOptions: [{ nClusters: 0 }, { covarianceType: 'diagonal' }, { regCovar: -1 }, { tol: -1 }, { nInit: 0 }, { maxIter: 1.5 }, { init: 'kmeans++' }],
    },
  );


describe('cluster/mixture unrolled kernels', () => {
  it('give bit-identical results to the plain loops (log density, scatter, weighted sums)', async () => {
    const { fullLogProbKernel, fullScatterKernel, weightedSumsKernel } = await import('../../src/cluster/mixture/full-kernels.js');
    const rng = createRng(9);
    for (const d of [1, 3, 7]) {
      const n = 50, k = 2, c = 1;
      const xs = Float64Array.from({ length: n * d }, () => rng.normal() * 3);
      const resp = Float64Array.from({ length: n * k }, () => rng.float());
      const w = Float64Array.from({ length: n }, () => rng.float() * 2);
      const means = Float64Array.from({ length: k * d }, () => rng.normal());
      const prec = Float64Array.from({ length: k * d * d }, (_, t) => (Math.floor((t % (d * d)) / d) <= t % d ? rng.normal() : 0));
      // Log density: the loop of e-step.ts.
      const out = new Float64Array(n * k), ref = new Float64Array(n * k);
      fullLogProbKernel(d)(xs, 0, n, means, c * d, prec, c * d * d, out, k, c, 0.25);
      for (let i = 0; i < n; i++) {
        let q = 0;
        for (let j = 0; j < d; j++) {
          let y = 0;
          for (let a = 0; a <= j; a++) y += (xs[i * d + a] - means[c * d + a]) * prec[c * d * d + a * d + j];
          q += y * y;
        }
        ref[i * k + c] = 0.25 - 0.5 * q;
      }
      assert.deepEqual(out, ref);
      // Scatter and weighted sums: the loops of m-step.ts.
      for (const wt of [undefined, w]) {
        const cov = new Float64Array(d * d), covRef = new Float64Array(d * d);
        fullScatterKernel(d)(xs, 0, n, resp, k, c, wt ?? null, means, c * d, cov, 0);
        const sums = new Float64Array(k * d), sumsRef = new Float64Array(k * d);
        const nk = weightedSumsKernel(d)(xs, 0, n, resp, k, c, wt ?? null, sums, c * d);
        let nkRef = 0;
        for (let i = 0; i < n; i++) {
          const r = resp[i * k + c] * (wt === undefined ? 1 : wt[i]);
          nkRef += r;
          for (let j = 0; j < d; j++) sumsRef[c * d + j] += r * xs[i * d + j];
          for (let a = 0; a < d; a++) {
            const ra = r * (xs[i * d + a] - means[c * d + a]);
            for (let b = a; b < d; b++) covRef[a * d + b] += ra * (xs[i * d + b] - means[c * d + b]);
          }
        }
        assert.deepEqual(cov, covRef);
        assert.deepEqual(sums, sumsRef);
        assert.equal(nk, nkRef);
      }
    }
  });
});

describe('cluster/mixture worker pool', () => {
  it('gives bit-identical EM results (E- and M-steps) in the main thread and on the worker pool', async () => {
    // 40,000 × 6 rows and k = 5: above the parallel threshold when the data is in shared memory.
    const n = 40_000, d = 6, k = 5, rng = createRng(11);
    const plain = new Float64Array(n * d);
    for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) plain[i * d + j] = (i % k) * 2 + rng.normal();
    const shared = new Float64Array(new SharedArrayBuffer(n * d * 8));
    shared.set(plain);
    const { createChunkRunner } = await import('../../src/cluster/mixture/runner.js');
    assert.equal(createChunkRunner({ rows: n, cols: d, data: plain }, k).parallel, false);
    const { getPool } = await import('../../src/math/pool.js');
    const poolExists = getPool(new URL('../../src/cluster/mixture/worker-boot.mjs', import.meta.url)) !== null;
    assert.equal(createChunkRunner({ rows: n, cols: d, data: shared }, k).parallel, poolExists);
    const run = async (data: Float64Array) => {
      const xm = { rows: n, cols: d, data };
      const resp = new Float64Array(n * k);
      for (let i = 0; i < n; i++) resp[i * k + ((i * 7) % k)] = 1;
      const { paramsFromResp } = await import('../../src/cluster/mixture/init.js');
      return runEm(xm, await paramsFromResp(xm, resp, 'VVV', k, 1e-6, 'kmeans'), { maxIter: 5, tol: 0, regCovar: 1e-6, scale: 1 });
    };
    const a = await run(plain), b = await run(shared);
    assert.equal(a.logLik, b.logLik);
    assert.deepEqual(a.history, b.history);
    assert.deepEqual(Array.from(a.resp), Array.from(b.resp));
    assert.deepEqual(a.params.cov, b.params.cov);
  });
});
