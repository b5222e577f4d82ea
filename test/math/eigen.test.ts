import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { symmetricEigen } from '../../src/math/eigen.js';
import { expectClose } from '../helpers/expect.js';

describe('math/eigen', () => {
  it('finds the eigenpairs of [[2, 1], [1, 2]] by hand: 3 with (1, 1)/√2, 1 with (1, −1)/√2', () => {
    const { values, vectors } = symmetricEigen(Float64Array.from([2, 1, 1, 2]), 2);
    expectClose(values, [3, 1], { rtol: 1e-15 });
    const r = Math.SQRT1_2;
    expectClose(Array.from(vectors.subarray(0, 2), Math.abs), [r, r], { rtol: 1e-15 });
    assert.ok(Math.abs(vectors[0] * vectors[2] + vectors[1] * vectors[3]) < 1e-15);
  });
  it('returns a diagonal matrix as is, sorted in decreasing order', () => {
    const { values } = symmetricEigen(Float64Array.from([1, 0, 0, 0, 5, 0, 0, 0, 3]), 3);
    assert.deepEqual(Array.from(values), [5, 3, 1]);
  });
  it('rejects a matrix of the wrong size', () => {
    assert.throws(() => symmetricEigen(new Float64Array(5), 2), RangeError);
  });
  it('property: A·v = λ·v, orthonormal vectors, trace preserved (random symmetric up to 12×12)', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 12 }), fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: 144, maxLength: 144 }), (d, vals) => {
      const a = new Float64Array(d * d);
      for (let i = 0; i < d; i++) for (let j = i; j < d; j++) a[i * d + j] = a[j * d + i] = vals[i * 12 + j];
      const { values, vectors } = symmetricEigen(a, d);
      let norm = 0, trace = 0, sum = 0;
      for (let i = 0; i < d * d; i++) norm = Math.max(norm, Math.abs(a[i]));
      for (let i = 0; i < d; i++) (trace += a[i * d + i]), (sum += values[i]);
      assert.ok(Math.abs(trace - sum) <= 1e-10 * (1 + norm * d));
      for (let k = 0; k < d; k++) {
        if (k > 0) assert.ok(values[k - 1] >= values[k]);
        for (let i = 0; i < d; i++) {
          let av = 0;
          for (let j = 0; j < d; j++) av += a[i * d + j] * vectors[k * d + j];
          assert.ok(Math.abs(av - values[k] * vectors[k * d + i]) <= 1e-10 * (1 + norm * d));
        }
        for (let l = 0; l < d; l++) {
          let dot = 0;
          for (let i = 0; i < d; i++) dot += vectors[k * d + i] * vectors[l * d + i];
          assert.ok(Math.abs(dot - (k === l ? 1 : 0)) < 1e-12);
        }
      }
    }), { numRuns: 200 });
  });
});
