import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { meanVar, percentileFinite, percentileSorted, skewness, sortedFinite } from '../../src/prep/stats.js';
import { expectClose } from '../helpers/expect.js';

describe('prep/stats', () => {
  it('interpolates percentiles linearly as numpy: [1, 2, 3, 4] at 25 → 1.75, at 50 → 2.5', () => {
    // position q/100 · (n − 1): 0.75 → 1 + 0.75·1; 1.5 → 2 + 0.5·1.
    assert.equal(percentileSorted(Float64Array.of(1, 2, 3, 4), 25), 1.75);
    assert.equal(percentileFinite([4, NaN, 1, 3, 2], 50), 2.5);
  });
  it('computes the population variance and skewness of [1, 2, 3, 10]', () => {
    // mean 4; deviations −3, −2, −1, 6; m2 = 50/4 = 12.5; m3 = (−27 − 8 − 1 + 216)/4 = 45.
    const { mean, variance } = meanVar([1, 2, 3, 10]);
    expectClose([mean, variance], [4, 12.5], { rtol: 1e-15 });
    expectClose(skewness([1, 2, 3, 10]), 45 / 12.5 ** 1.5, { rtol: 1e-14 });
  });
  it('quickselect percentiles equal sorted percentiles, NaN skipped (property)', () => {
    const values = fc.array(fc.oneof(fc.double({ min: -1e3, max: 1e3, noNaN: true }), fc.constant(NaN), fc.integer({ min: -3, max: 3 })), { minLength: 1, maxLength: 60 });
    fc.assert(
      fc.property(values, fc.double({ min: 0, max: 100, noNaN: true }), (x, q) => {
        const s = sortedFinite(x);
        if (s.length > 0) assert.equal(percentileFinite(x, q), percentileSorted(s, q));
      }),
      { seed: 42, numRuns: 300 },
    );
  });
});
