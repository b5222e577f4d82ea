import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { fitPca, transformPca, pcaNames } from '../../src/prep/pca.js';
import { covariance } from '../../src/prep/covariance.js';
import { fromRows, toRows } from '../../src/math/matrix.js';
import { SegkitError } from '../../src/errors.js';
import { expectClose } from '../helpers/expect.js';

const fx = JSON.parse(readFileSync(new URL('../fixtures/prep/pca.json', import.meta.url), 'utf8'));

describe('prep/pca', () => {
  for (const c of fx.cases) {
    it(`matches sklearn PCA(svd_solver='full') on ${c.name}: components with svd_flip's signs, variances to 1e-9, scores`, () => {
      const x = fromRows(c.input.x);
      const names = c.input.x[0].map((_: number, j: number) => `x${j}`);
      const { state, scores } = fitPca(x, names, c.input.nComponents, c.input.whiten);
      const e = c.expected;
      assert.equal(state.components.length, e.components.length);
      expectClose(state.explainedVariance, e.explainedVariance, { rtol: 1e-9, atol: 1e-12 });
      expectClose(state.ratios.slice(0, e.ratios.length), e.ratios, { rtol: 1e-9, atol: 1e-12 });
      expectClose(state.ratios, e.allRatios, { rtol: 1e-9, atol: 1e-12 });
      expectClose(state.mean, e.mean, { rtol: 1e-12, atol: 1e-12 });
      // A component of zero variance (rows < features) is any unit vector of the null space: skip it.
      for (let j = 0; j < e.components.length; j++) if (e.explainedVariance[j] > 1e-10) expectClose(state.components[j], e.components[j], { rtol: 1e-7, atol: 1e-9, label: `component ${j}` });
      const live = (m: number[][]) => m.map((r) => r.filter((_, j) => e.explainedVariance[j] > 1e-10)).flat();
      expectClose(live(toRows(scores)), live(e.scores), { rtol: 1e-7, atol: 1e-9, label: 'scores' });
      expectClose(live(toRows(transformPca(state, fromRows(c.input.new)))), live(e.newScores), { rtol: 1e-7, atol: 1e-9, label: 'new scores' });
      assert.deepEqual(pcaNames(state), e.components.map((_: unknown, j: number) => `PC${j + 1}`));
      // The state is plain JSON.
      assert.deepEqual(JSON.parse(JSON.stringify(state)), state);
    });
  }
  it('takes the fewest components reaching the share (hand case: variances 9, 4, 1 → 0.6 needs 1, 0.7 needs 2)', () => {
    // The 8 corners of the box ±3 × ±2 × ±1: uncorrelated columns, variances in the ratio 9 : 4 : 1.
    const corners: number[][] = [];
    for (const a of [3, -3]) for (const b of [2, -2]) for (const c of [1, -1]) corners.push([a, b, c]);
    const x = fromRows(corners);
    expectClose(covariance(x).cov, [72 / 7, 0, 0, 0, 32 / 7, 0, 0, 0, 8 / 7], { rtol: 1e-15 });
    const ratios = fitPca(x, ['a', 'b', 'c'], 3, false).state.ratios;
    expectClose(ratios, [9 / 14, 4 / 14, 1 / 14], { rtol: 1e-12 });
    assert.equal(fitPca(x, ['a', 'b', 'c'], 0.6, false).state.components.length, 1);
    assert.equal(fitPca(x, ['a', 'b', 'c'], 0.7, false).state.components.length, 2);
    assert.equal(fitPca(x, ['a', 'b', 'c'], 0.99, false).state.components.length, 3);
  });
  it('throws E_OPTION naming the field pca for more components than features or rows', () => {
    const x = fromRows([[1, 2], [3, 5], [4, 4]]);
    for (const k of [3, 5]) assert.throws(() => fitPca(x, ['a', 'b'], k, false), (e: unknown) => e instanceof SegkitError && e.code === 'E_OPTION' && e.where.field === 'pca' && /at most 2/.test(e.message));
    assert.throws(() => fitPca(fromRows([[1, 2]]), ['a', 'b'], 1, false), (e: unknown) => e instanceof SegkitError && e.where.field === 'pca');
  });
  it('covariance: blocked products equal the two-pass textbook sum across block edges (300 rows)', () => {
    fc.assert(fc.property(fc.integer({ min: 2, max: 600 }), fc.integer({ min: 1, max: 5 }), fc.integer(), (n, d, seed) => {
      let s = seed >>> 0;
      const rnd = () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32) * 10 - 5;
      const rows = Array.from({ length: n }, () => Array.from({ length: d }, rnd));
      const { mean, cov } = covariance(fromRows(rows));
      for (let p = 0; p < d; p++) for (let q = 0; q < d; q++) {
        let acc = 0;
        for (const r of rows) acc += (r[p] - mean[p]) * (r[q] - mean[q]);
        assert.ok(Math.abs(cov[p * d + q] - acc / (n - 1)) < 1e-9 * (1 + Math.abs(acc)));
      }
    }), { numRuns: 40 });
  });
  it('property: whitened training scores have unit sample variance and no correlation', () => {
    const c = fx.cases[0];
    const { scores } = fitPca(fromRows(c.input.x), ['a', 'b', 'c', 'd', 'e', 'f'], 3, true);
    const { cov } = covariance(scores);
    expectClose(cov, [1, 0, 0, 0, 1, 0, 0, 0, 1], { atol: 1e-10 });
  });
});
