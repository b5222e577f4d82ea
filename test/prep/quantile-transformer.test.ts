import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { quantileTransformer } from '../../src/prep/quantile-transformer.js';
import { normalCdf, normalPpf } from '../../src/prep/normal.js';
import { checkTransformer, column, expectColumn } from '../conformance/transformer.js';
import { expectClose } from '../helpers/expect.js';

const fx = JSON.parse(readFileSync(new URL('../fixtures/prep/quantile-transformer.json', import.meta.url), 'utf8'));

checkTransformer(quantileTransformer, { label: 'uniform', inverseTol: 1e-12 });
checkTransformer(quantileTransformer, { label: 'normal', options: { output: 'normal' }, inverseTol: 1e-9 });

describe('prep/quantile-transformer', () => {
  for (const [name, x] of Object.entries(fx.input) as [string, (number | null)[]][]) {
    for (const output of ['uniform', 'normal'] as const) {
      it(`matches QuantileTransformer(${output}) on ${name}: forward to 1e-12, inverse to 1e-9`, () => {
        // Forward: the same landmarks and interpolation arithmetic as numpy, and AS 241 for Φ⁻¹ in
        // place of Cephes ndtri (both ~1e-16 relative). Inverse (normal): Φ by Marsaglia's series is
        // accurate to ~1e-15 absolute, which the landmark interpolation can magnify near steep
        // landmarks, hence 1e-9.
        const e = fx.expected[name][output];
        const s = quantileTransformer.fit(column(x), { output });
        const y = quantileTransformer.transform(s, column(x));
        expectColumn(y, e.y, { rtol: 1e-12, atol: 1e-14 }, `${name} ${output}`);
        expectColumn(quantileTransformer.inverse!(s, y), e.inverse, { rtol: 1e-9, atol: 1e-9 }, `${name} ${output} inverse`);
      });
    }
  }
  it('uses min(1000, n) landmarks', () => {
    assert.equal(quantileTransformer.fit(column(fx.input.lognormal1200)).quantiles.length, 1000);
    assert.equal(quantileTransformer.fit(column(fx.input.Age)).quantiles.length, 200);
  });
  it('maps ties to the middle of their ranks: [1, 2, 2, 2, 3] → [0, 0.5, 0.5, 0.5, 1]', () => {
    // Landmarks at 0, ¼, ½, ¾, 1 are 1, 2, 2, 2, 3. Forward interpolation takes the last landmark
    // equal to 2 (¾), backward the first (¼); their mean is ½. (With [1, 2, 2, 3] the landmark at
    // 1/3 rounds to 1.9999999999999998 in numpy and here, and 2 maps to 2/3 in both.)
    const s = quantileTransformer.fit(Float64Array.of(1, 2, 2, 2, 3));
    expectClose(quantileTransformer.transform(s, Float64Array.of(1, 2, 2, 2, 3)), [0, 0.5, 0.5, 0.5, 1], { rtol: 0 });
  });
  it('computes Φ⁻¹ and Φ to within rounding at known points', () => {
    expectClose(normalPpf(0.975), 1.959963984540054, { rtol: 1e-15 });
    expectClose(normalPpf(1e-7), -5.199337582192817, { rtol: 1e-15 });
    expectClose(normalCdf(1.959963984540054), 0.975, { rtol: 1e-15 });
    assert.equal(normalPpf(0.5), 0);
  });
  it('gives a monotone output in the input, uniform and normal (property)', () => {
    const col = fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 100 });
    fc.assert(
      fc.property(col, fc.constantFrom('uniform' as const, 'normal' as const), (x, output) => {
        const s = quantileTransformer.fit(Float64Array.from(x), { output });
        const probe = Float64Array.from([...x, ...x.map((v) => v * 1.5 + 1)]).sort();
        const y = quantileTransformer.transform(s, probe);
        for (let i = 1; i < y.length; i++) assert.ok(y[i] >= y[i - 1], `${probe[i - 1]} → ${y[i - 1]}, ${probe[i]} → ${y[i]}`);
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});
