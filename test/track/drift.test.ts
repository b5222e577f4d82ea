import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { psi, quantileEdges, binCounts, PSI_EPSILON } from '../../src/track/psi.js';
import { ksTwoSample, chiSquareHomogeneity } from '../../src/track/two-sample-tests.js';
import { driftReport } from '../../src/track/drift.js';
import type { SegmentationModel } from '../../src/model/artifact.js';
import { blobFrame, blobModel } from './helpers.js';

const fixture = JSON.parse(readFileSync('test/fixtures/track/drift_tests.json', 'utf8'));
const close = (a: number, b: number, tol: number) => assert.ok(Math.abs(a - b) <= tol, `${a} vs ${b}`);

describe('track/psi and two-sample tests', () => {
  it('PSI: hand-computed cases', () => {
    // Shares 0.5/0.3/0.2 → 0.4/0.4/0.2: (−0.1)·ln 0.8 + 0.1·ln(4/3) + 0.
    close(psi([50, 30, 20], [40, 40, 20]), -0.1 * Math.log(0.8) + 0.1 * Math.log(4 / 3), 1e-15);
    assert.equal(psi([1, 2, 3], [2, 4, 6]), 0);
    // An empty expected bin is floored at ε: (0.5 − 1)·ln(0.5/1) + (0.5 − ε)·ln(0.5/ε).
    close(psi([10, 0], [5, 5]), -0.5 * Math.log(0.5) + (0.5 - PSI_EPSILON) * Math.log(0.5 / PSI_EPSILON), 1e-12);
  });

  it('PSI is ≥ 0 and symmetric in its arguments (property)', () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.nat(50), fc.nat(50)), { minLength: 1, maxLength: 12 }), (bins) => {
      const e = bins.map((b) => b[0]), a = bins.map((b) => b[1]);
      const p = psi(e, a);
      return p >= -1e-12 && Math.abs(p - psi(a, e)) < 1e-9;
    }));
  });

  it('decile edges equal numpy\'s; bins hold values in (lo, hi] and NaNs apart', () => {
    for (const c of fixture.ks) {
      const edges = quantileEdges(Float64Array.from(c.a));
      const want = (c.deciles as number[]).filter((q, i, all) => i === 0 || q > all[i - 1]);
      assert.equal(edges.length, want.length);
      edges.forEach((e, i) => close(e, want[i], 1e-12));
    }
    assert.deepEqual([...binCounts(Float64Array.from([1, 2, 2, 3, NaN, 9]), [2, 3])], [3, 1, 1, 1]);
  });

  it('KS statistic equals scipy; p-value equals the Stephens-corrected Kolmogorov tail and is near scipy\'s asymp', () => {
    for (const c of fixture.ks) {
      const r = ksTwoSample(Float64Array.from(c.a), Float64Array.from(c.b));
      close(r.statistic, c.statistic, 1e-12);
      close(r.pValue, c.pStephens, 1e-9);
      close(r.pValue, c.pScipyAsymp, 0.02);
    }
  });

  it('chi-square homogeneity equals scipy chi2_contingency (no correction)', () => {
    for (const c of fixture.chiSquare) {
      const r = chiSquareHomogeneity(c.a, c.b);
      close(r.statistic, c.statistic, 1e-9);
      close(r.pValue, c.pValue, 1e-9);
      assert.equal(r.df, c.df);
    }
  });
});

describe('track/drift report', () => {
  let model: SegmentationModel;
  before(async () => (model = await blobModel(200, 4, 5)));

  it('the training data against itself: PSI 0, p = 1, verdict ok', () => {
    const f = blobFrame(200, 4);
    const r = driftReport(model, f, f);
    assert.equal(r.verdict, 'ok');
    for (const x of r.features) (assert.equal(x.psi, 0), assert.equal(x.test.statistic, 0));
    close(r.segments.psi, 0, 1e-12);
  });

  it('a shifted population: retrain; thresholds move the verdict; bad thresholds refused', () => {
    const r = driftReport(model, blobFrame(200, 4), blobFrame(200, 4, 6));
    assert.equal(r.verdict, 'retrain');
    const x = r.features.find((f) => f.name === 'x')!;
    assert.equal(x.verdict, 'retrain');
    assert.ok(x.test.pValue < 1e-4);
    assert.equal(r.features.find((f) => f.name === 'y')!.psi, 0);
    assert.equal(driftReport(model, blobFrame(200, 4), blobFrame(200, 4, 6), { watch: 50, retrain: 100 }).verdict, 'ok');
    assert.throws(() => driftReport(model, blobFrame(200, 4), blobFrame(200, 4), { watch: 0.3, retrain: 0.2 }), (e: any) => e.code === 'E_OPTION');
  });
});
