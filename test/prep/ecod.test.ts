import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { fitEcod, scoreEcod, MAX_ECDF_POINTS } from '../../src/prep/ecod.js';
import { fromRows, matrix } from '../../src/math/matrix.js';
import { createRng } from '../../src/math/rng.js';
import { expectClose, expectSegkitError } from '../helpers/expect.js';

const fx = JSON.parse(readFileSync(new URL('../fixtures/ecod/ecod.json', import.meta.url), 'utf8'));

describe('prep/ecod', () => {
  it("equals PyOD's ECOD formula on the fixture: training scores, threshold, labels, skewness signs", () => {
    const f = fitEcod(fromRows(fx.X), fx.contamination);
    assert.deepEqual(f.state.skewSign, fx.skewSign);
    for (let i = 0; i < fx.train.length; i++) expectClose(f.scores[i], fx.train[i], { rtol: 1e-12 });
    expectClose(f.state.threshold, fx.threshold, { rtol: 1e-12 });
    assert.deepEqual(Array.from(f.outlier), fx.labels);
    assert.equal(f.outlier[5], 1, 'the planted outlier is flagged');
  });

  it("scores new rows as PyOD's decision_function on a one-row batch", () => {
    const f = fitEcod(fromRows(fx.X), fx.contamination);
    const s = scoreEcod(f.state, fromRows(fx.new));
    for (let i = 0; i < fx.newScores.length; i++) expectClose(s[i], fx.newScores[i], { rtol: 1e-12 });
  });

  it('hand case: one column 1..5, ECDFs k/n, a right-skew-free column takes both tails', () => {
    // x = [1,2,3,4,5]: skewness 0, so O = max(U_l + U_r, (U_l + U_r)/2) = U_l + U_r.
    const f = fitEcod(fromRows([[1], [2], [3], [4], [5]]), 0.2);
    const expected = [1, 2, 3, 4, 5].map((v) => -Math.log(v / 5) - Math.log((6 - v) / 5));
    for (let i = 0; i < 5; i++) expectClose(f.scores[i], expected[i], { rtol: 1e-15 });
  });

  it('a training row scored again as a new row gets a score near its training score (properties)', () => {
    fc.assert(fc.property(fc.integer({ min: 20, max: 200 }), fc.integer({ min: 1, max: 5 }), fc.integer(), (n, d, seed) => {
      const rng = createRng(seed >>> 0);
      const x = matrix(n, d, Float64Array.from({ length: n * d }, () => rng.normal()));
      const f = fitEcod(x, 0.1);
      for (const v of f.scores) assert.ok(v >= 0 && Number.isFinite(v));
      const again = scoreEcod(f.state, x);
      // (k+1)/(n+1) against k/n: the same ordering of rows up to ties, never negative.
      for (const v of again) assert.ok(v >= 0);
      const outliers = f.outlier.reduce((a, b) => a + b, 0);
      assert.ok(outliers <= Math.ceil(0.1 * n) + 1);
    }), { numRuns: 50 });
  });

  it(`thins columns above ${MAX_ECDF_POINTS} rows and stays within 0.01 of the exact score`, () => {
    const rng = createRng(3);
    const n = 50_000;
    const x = matrix(n, 2, Float64Array.from({ length: n * 2 }, (_, i) => (i % 2 ? Math.exp(rng.normal()) : rng.normal())));
    const f = fitEcod(x, 0.05);
    assert.ok(f.state.sorted[0].length < 6000, `${f.state.sorted[0].length} values kept`);
    const probe = matrix(200, 2, x.data.slice(0, 400));
    const approx = scoreEcod(f.state, probe);
    // Exact: score each probe row against the full columns with the same (k+1)/(n+1) rule.
    const cols = [0, 1].map((j) => Float64Array.from({ length: n }, (_, i) => x.data[i * 2 + j]).sort());
    for (let i = 0; i < 200; i++) {
      let s = 0;
      for (let j = 0; j < 2; j++) {
        const v = probe.data[i * 2 + j];
        let le = 0, ge = 0;
        for (const c of cols[j]) (le += c <= v ? 1 : 0), (ge += c >= v ? 1 : 0);
        const uL = -Math.log((le + 1) / (n + 1)), uR = -Math.log((ge + 1) / (n + 1));
        const sk = f.state.skewSign[j] < 0 ? uL : f.state.skewSign[j] > 0 ? uR : uL + uR;
        s += Math.max(sk, (uL + uR) / 2);
      }
      assert.ok(Math.abs(approx[i] - s) < 0.01, `row ${i}: ${approx[i]} vs ${s}`);
    }
  });

  it('refuses contamination outside (0, 0.5] and a column-count mismatch', () => {
    for (const c of [0, -0.1, 0.6, NaN]) expectSegkitError(() => fitEcod(fromRows([[1], [2]]), c), 'E_OPTION', /contamination/);
    const f = fitEcod(fromRows([[1, 2], [2, 3], [3, 5]]), 0.1);
    expectSegkitError(() => scoreEcod(f.state, fromRows([[1]])), 'E_FEATURE_MISMATCH', /2 columns/);
  });
});
