import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { lpaClusterer } from '../../src/cluster/lpa.js';
import { fitLpaGrid } from '../../src/cluster/lpa-grid.js';
import { formatLpaTable } from '../../src/cluster/lpa-table.js';
import { lpaKmeansClusterer } from '../../src/cluster/lpa-kmeans.js';
import { kmeansClusterer } from '../../src/cluster/kmeans.js';
import { nParameters, type CovarianceModel } from '../../src/cluster/mixture/covariance.js';
import { runEm } from '../../src/cluster/mixture/em.js';
import { argmaxRows, mixtureProba, toState } from '../../src/cluster/mixture/fit-mixture.js';
import { fitIndices } from '../../src/cluster/mixture/fit-indices.js';
import { paramsFromResp } from '../../src/cluster/mixture/init.js';
import { meanVariance } from '../../src/math/matrix.js';
import { createFitContext } from '../../src/cluster/types.js';
import { createRng } from '../../src/math/rng.js';
import { fromRows, type Matrix } from '../../src/math/matrix.js';
import { datasetFromMatrix } from '../../src/data/dataset.js';
import { parseOptions } from '../../src/options.js';
import type { SegkitWarning } from '../../src/errors.js';
import { expectClose, expectSegkitError } from '../helpers/expect.js';
import { checkClusterer } from '../conformance/clusterer.js';

const dir = new URL('../fixtures/gmm/', import.meta.url);
const mc = JSON.parse(readFileSync(new URL('mclust_lpa.json', dir), 'utf8'));
function sharedTable(): Matrix {
  const lines = readFileSync(new URL('table.csv', dir), 'utf8').trim().split('\n').slice(1);
  return fromRows(lines.map((l) => l.split(',').map(Number)));
}

async function fit(c: typeof lpaClusterer | typeof lpaKmeansClusterer, x: Matrix, opts: Record<string, unknown>, seed = 0) {
  const warnings: SegkitWarning[] = [];
  const params = parseOptions(c.schema, opts, c.name);
  const f = await (c as any).fit(datasetFromMatrix(x), params, createFitContext(createRng(seed), warnings));
  return { ...f, warnings } as Awaited<ReturnType<typeof lpaClusterer.fit>> & { warnings: SegkitWarning[] };
}

describe('cluster/lpa', () => {
  const x = sharedTable();

  for (const c of mc.cases) {
    it(`matches R mclust ${c.model} from mclust's classification (log-likelihood and BIC to 1e-6, ICL to 1e-3, labels, parameters)`, async () => {
      const k = c.k, model = c.model as CovarianceModel;
      const resp = new Float64Array(x.rows * k);
      c.input.classification.forEach((g: number, i: number) => (resp[i * k + g] = 1));
      // mclust's me(): M-step from the classification, then EM; no regularisation.
      const p = await paramsFromResp(x, resp, model, k, 0, 'kmeans');
      const r = await runEm(x, p, { maxIter: 100000, tol: 1e-14, regCovar: 0, scale: meanVariance(x) });
      assert.equal(r.converged, true);
      const e = c.expected;
      const fi = fitIndices(r.resp, x.rows, k, r.logLik, nParameters(model, k, x.cols));
      assert.equal(fi.nParameters, e.nParameters);
      expectClose(fi.logLikelihood, e.logLikelihood, { atol: 1e-6, label: 'logLik' });
      expectClose(fi.bicMclust, e.bicMclust, { atol: 1e-6, label: 'bic' });
      expectClose(fi.bic, -e.bicMclust, { atol: 1e-6, label: 'bic (scikit-learn sign)' });
      // ICL depends on the posteriors, not only on log L. EM converges slowly here: when the log-likelihood
      // has settled to 1e-10, posteriors still move by ~1e-5 (mclust stops at 437 iterations for EEI; run
      // to a fixed point, both agree on log L to 4e-11 and on ICL to 6e-5). Hence 1e-3 for ICL.
      expectClose(fi.icl, e.icl, { atol: 1e-3, label: 'icl' });
      assert.deepEqual(Array.from(argmaxRows(r.resp, x.rows, k)), e.labels);
      const s = toState(r.params);
      expectClose(s.weights, e.weights, { atol: 1e-5, label: 'weights' }); // parameters, like ICL, only to ~1e-5 (see above)
      expectClose(s.means.flat(), e.means, { atol: 1e-5, label: 'means' });
    });
  }

  it('takes tidyLPA model numbers as the mclust models they name', async () => {
    for (const [n, name] of [[1, 'EEI'], [2, 'VVI'], [3, 'EEE'], [6, 'VVV']] as const) {
      const a = await fit(lpaClusterer, x, { nClusters: 3, model: n }, 4);
      const b = await fit(lpaClusterer, x, { nClusters: 3, model: name }, 4);
      assert.equal(a.state.model, name);
      assert.deepEqual(a.state, b.state);
      assert.equal(a.diagnostics.nParameters, nParameters(name, 3, 4));
    }
    await expectSegkitError(() => parseOptions(lpaClusterer.schema, { model: 4 }, 'lpa'), 'E_OPTION');
  });

  it('counts parameters as mclust does for the spherical models', () => {
    // EII: 1 variance; VII: one per profile; plus (k−1) weights and k·d means.
    assert.equal(nParameters('EII', 3, 4), 2 + 12 + 1);
    assert.equal(nParameters('VII', 3, 4), 2 + 12 + 3);
    assert.equal(nParameters('EEI', 3, 4), 2 + 12 + 4);
    assert.equal(nParameters('VVI', 3, 4), 2 + 12 + 12);
    assert.equal(nParameters('EEE', 3, 4), 2 + 12 + 10);
    assert.equal(nParameters('VVV', 3, 4), 2 + 12 + 30);
  });

  it('fits the model grid, one cell per model and k, best by BIC and ICL marked', async () => {
    const ks = [1, 2, 3, 4];
    const g = await fitLpaGrid(datasetFromMatrix(x), { models: [1, 2, 3, 6], ks }, createFitContext(createRng(1), []));
    assert.equal(g.cells.length, 16);
    assert.deepEqual(g.cells.map((c) => `${c.model}${c.k}`).slice(0, 4), ['EEI1', 'EEI2', 'EEI3', 'EEI4']);
    const bics = g.cells.map((c) => c.bic), icls = g.cells.map((c) => c.icl);
    assert.equal(g.bestByBic, bics.indexOf(Math.min(...bics)));
    assert.equal(g.bestByIcl, icls.indexOf(Math.max(...icls)));
    for (const c of g.cells) {
      expectClose(c.bicMclust, -c.bic, { rtol: 1e-14 });
      assert.equal(c.nParameters, nParameters(c.model, c.k, 4));
    }
    const lines = formatLpaTable(g);
    assert.match(lines[0], /^Model +k +LogLik +Params +AIC +BIC +SABIC +ICL +Entropy/);
    assert.equal(lines.length, 2 + 16 + 4);
    assert.match(lines[2 + g.bestByBic], /BIC/);
    assert.match(lines[2 + g.bestByIcl], /ICL/);
    assert.match(lines[2], /^EEI \(1\) +1 /);
  });

  it('reaches mclust\'s optimum (or a better one) for each model with 12 random restarts', async () => {
    const g = await fitLpaGrid(datasetFromMatrix(x), { models: ['EEI', 'VVI', 'EEE', 'VVV'], ks: [3], fit: { nInit: 12, tol: 1e-8, init: 'random' } }, createFitContext(createRng(1), []));
    for (const m of mc.cases) {
      const cell = g.cells.find((c) => c.model === m.model)!;
      // At least as good as mclust from its hierarchical start. (For VVV, random starts find a higher
      // optimum, 2·logL − p·log n = −2468.1 against mclust's −2486.9; k-means starts stop at −2498.1.)
      assert.ok(cell.bicMclust >= m.expected.bicMclust - 1e-3, `${m.model}: ${cell.bicMclust} vs mclust ${m.expected.bicMclust}`);
    }
  });

  it('rejects bad grid options with E_OPTION naming the field', async () => {
    const ctx = createFitContext(createRng(1), []);
    const d = datasetFromMatrix(x);
    assert.equal((await expectSegkitError(() => fitLpaGrid(d, { models: ['EEI', 'VEV' as any], ks: [2] }, ctx), 'E_OPTION')).where.field, 'model');
    assert.equal((await expectSegkitError(() => fitLpaGrid(d, { models: ['EEI'], ks: [0] }, ctx), 'E_OPTION')).where.field, 'nClusters');
    assert.equal((await expectSegkitError(() => fitLpaGrid(d, { models: ['EEI'], ks: [2], fit: { tol: -1 } }, ctx), 'E_OPTION')).where.field, 'tol');
    assert.equal((await expectSegkitError(() => fitLpaGrid(d, { models: [], ks: [2] }, ctx), 'E_OPTION')).where.field, 'models');
  });

  it('records a failed cell (more profiles than distinct rows) instead of failing the grid', async () => {
    const small = fromRows([[0, 0], [0, 0], [1, 1], [5, 5], [5, 5.5]]);
    const g = await fitLpaGrid(datasetFromMatrix(small), { models: ['EII'], ks: [2, 5] }, createFitContext(createRng(1), []));
    assert.equal(g.cells[1].error !== undefined, true);
    assert.match(g.cells[1].error!, /distinct rows/);
    assert.equal(g.bestByBic, 0);
    assert.match(formatLpaTable(g)[3], /failed/);
  });

  describe('lpa-kmeans', () => {
    it('keeps both stages; predict runs both and equals the training labels', async () => {
      const f = await fit(lpaKmeansClusterer, x, { nProfiles: 5, nClusters: 3, model: 'VVI' }, 2);
      const s = f.state as any;
      assert.equal(s.stage2Input, 'posteriors');
      assert.equal(s.profiles.weights.length, 5);
      assert.equal(s.segments.centers.length, 3);
      const d = datasetFromMatrix(x);
      assert.deepEqual(Array.from(lpaKmeansClusterer.predict(s, d)), Array.from(f.labels));
      // Stage 2 is exactly k-means' nearest center on the stage-1 posteriors.
      const post = mixtureProba(s.profiles, d, 'lpa');
      assert.deepEqual(Array.from(kmeansClusterer.predict(s.segments, datasetFromMatrix(post))), Array.from(f.labels));
      // Segment centers are points of the probability simplex.
      for (const c of s.segments.centers) expectClose(c.reduce((a: number, b: number) => a + b, 0), 1, { rtol: 1e-12 });
    });
  });
});

checkClusterer(lpaClusterer, {
  options: { nClusters: 3, model: 'VVV' },
  badOptions: [{ nClusters: 0 }, { model: 'VEV' }, { model: 5 }, { regCovar: -1 }],
});
checkClusterer({ ...lpaClusterer, name: 'lpa (EEI)' }, { options: { nClusters: 3, model: 1 }, badOptions: [{ tol: -1 }] });
checkClusterer(lpaKmeansClusterer, {
  options: { nClusters: 3, nProfiles: 3, model: 'VVI' },
  badOptions: [{ nClusters: 0 }, { nProfiles: 0 }, { model: 'XYZ' }, { kmeansNInit: 0 }],
});
