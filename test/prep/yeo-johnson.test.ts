import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { yeoJohnson, yeoJohnsonTransform } from '../../src/prep/yeo-johnson.js';
import { brentMinimize } from '../../src/prep/brent.js';
import { checkTransformer, column, expectColumn } from '../conformance/transformer.js';
import { expectClose } from '../helpers/expect.js';

const fx = JSON.parse(readFileSync(new URL('../fixtures/prep/yeo-johnson.json', import.meta.url), 'utf8'));

checkTransformer(yeoJohnson, { inverseTol: 1e-10 });
checkTransformer(yeoJohnson, { label: 'standardize', options: { standardize: true }, inverseTol: 1e-10 });

describe('prep/yeo-johnson', () => {
  for (const [name, x] of Object.entries(fx.input) as [string, (number | null)[]][]) {
    it(`matches PowerTransformer(yeo-johnson) on ${name}: λ within 1e-7, values within the error that implies`, () => {
      const e = fx.expected[name];
      const s = yeoJohnson.fit(column(x));
      // scipy's brent stops at a relative x-tolerance of 1.48e-8 on an objective that is flat to
      // rounding near its minimum; ours (1e-12) lands on the same flat stretch, so λ agrees to
      // ~1e-8 absolute (largest seen: 2.3e-8), not to the last digit.
      expectClose(s.lambda, e.lambda, { rtol: 0, atol: 1e-7 });
      // ∂y/∂λ ≈ y·log(1 + |x|) for the power branch, so a λ error δ moves y by a relative
      // δ·log(1 + max|x|) ≤ 1e-7 · log(1 + 1.1e5) ≈ 1.2e-6; values are compared at that bound.
      const maxAbs = Math.max(...x.filter((v): v is number => v !== null).map(Math.abs));
      const rtol = 1e-7 * Math.log1p(maxAbs) + 1e-12;
      expectColumn(yeoJohnson.transform(s, column(x)), e.y, { rtol, atol: 1e-12 }, name);
      const std = yeoJohnson.fit(column(x), { standardize: true });
      // Standardised values are O(1), so the same shift is absolute there.
      expectColumn(yeoJohnson.transform(std, column(x)), e.standardized, { rtol, atol: rtol }, `${name} standardized`);
    });
  }
  it('uses log1p at λ = 0 and −log1p(−x) at λ = 2 (the limits of the general formula)', () => {
    assert.deepEqual(Array.from(yeoJohnsonTransform([3, -3], 0)), [Math.log1p(3), -(Math.pow(4, 2) - 1) / 2]);
    assert.deepEqual(Array.from(yeoJohnsonTransform([3, -3], 2)), [(16 - 1) / 2, -Math.log1p(3)]);
  });
  it('Brent finds the minimum of (x − 2)² + 1 and of cos on [3, 4] (π) to √ε', () => {
    // Near a minimum f changes by ½f''δ², so rounding of f (ε·|f|) hides δ below ~√ε ≈ 1.5e-8.
    expectClose(brentMinimize((x) => (x - 2) ** 2 + 1, -2, 2), 2, { rtol: 3e-8 });
    expectClose(brentMinimize(Math.cos, 3, 4), Math.PI, { rtol: 3e-8 });
  });
});
