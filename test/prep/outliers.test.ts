import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { outlierStep, outlierLimits, countOutside } from '../../src/prep/outliers.js';
import { checkTransformer } from '../conformance/transformer.js';

const noInverse = [{ reason: 'capping forgets how far beyond the limit a value was; flagging is the identity', checks: ['inverse' as const] }];
checkTransformer(outlierStep, { label: 'cap at z 2', options: { method: 'z', z: 2, action: 'cap' }, skip: noInverse });
checkTransformer(outlierStep, { label: 'cap at quantiles', options: { method: 'quantile', lower: 0.05, upper: 0.95, action: 'cap' }, skip: noInverse });
checkTransformer(outlierStep, { label: 'flag by MAD', options: { method: 'mad', threshold: 3.5, action: 'flag' }, skip: noInverse });

describe('prep/outliers', () => {
  it('MAD 0 (a mostly-zero spend column) falls back to the mean absolute deviation · √(π/2)', () => {
    const x = Float64Array.from([0, 0, 0, 0, 0, 0, 10]); // median 0, MAD 0, mean |x − 0| = 10/7
    const { lo, hi } = outlierLimits(x, { method: 'mad', threshold: 3.5, action: 'flag' });
    const spread = (10 / 7) * Math.sqrt(Math.PI / 2);
    assert.ok(Math.abs(hi - 3.5 * spread) < 1e-12 && Math.abs(lo + 3.5 * spread) < 1e-12);
    assert.deepEqual(countOutside({ method: 'mad', action: 'flag', lo, hi }, x), { below: 0, above: 1 });
  });
  it('property: capping keeps values inside the limits, leaves inside values alone, and is idempotent', () => {
    fc.assert(fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 2, maxLength: 200 }), fc.double({ min: 0.5, max: 4, noNaN: true }), (v, z) => {
      const x = Float64Array.from(v);
      const s = outlierStep.fit(x, { method: 'z', z, action: 'cap' });
      const y = outlierStep.transform(s, x);
      for (let i = 0; i < x.length; i++) {
        assert.ok(y[i] >= s.lo && y[i] <= s.hi);
        if (x[i] >= s.lo && x[i] <= s.hi) assert.equal(y[i], x[i]);
      }
      assert.deepEqual(outlierStep.transform(s, y), y);
    }));
  });
});
