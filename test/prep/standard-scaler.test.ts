import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { standardScaler } from '../../src/prep/standard-scaler.js';
import { checkTransformer, column, expectColumn } from '../conformance/transformer.js';
import { expectClose } from '../helpers/expect.js';

const fx = JSON.parse(readFileSync(new URL('../fixtures/prep/scalers.json', import.meta.url), 'utf8'));

checkTransformer(standardScaler, { inverseTol: 1e-12 });

describe('prep/standard-scaler', () => {
  it('scales [1, 2, 3, 6] by mean 3 and population std √3.5', () => {
    // mean = 12/4 = 3; variance = (4 + 1 + 0 + 9)/4 = 3.5.
    const s = standardScaler.fit(Float64Array.from([1, 2, 3, 6]));
    expectClose([s.mean, s.scale], [3, Math.sqrt(3.5)], { rtol: 1e-15 });
  });
  for (const [name, x] of Object.entries(fx.input) as [string, (number | null)[]][]) {
    it(`matches StandardScaler on ${name}: mean, scale and values to 1e-12`, () => {
      const e = fx.expected[name].standard;
      const s = standardScaler.fit(column(x));
      expectClose([s.mean, s.scale], [e.mean, e.scale], { rtol: 1e-12 });
      expectColumn(standardScaler.transform(s, column(x)), e.y, { rtol: 1e-12, atol: 1e-13 }, name);
    });
  }
  it('gives a constant column scale 1, so it maps to 0 (sklearn _is_constant_feature)', () => {
    const s = standardScaler.fit(Float64Array.from([0.1, 0.1, 0.1]));
    assert.equal(s.scale, 1);
  });
  it('inverse(standardize(x)) returns x to 1e-12 relative to the column magnitude (property)', () => {
    const col = fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 2, maxLength: 100 });
    fc.assert(
      fc.property(col, (x) => {
        const s = standardScaler.fit(Float64Array.from(x));
        const back = standardScaler.inverse!(s, standardScaler.transform(s, Float64Array.from(x)));
        const size = Math.max(1, ...x.map(Math.abs));
        x.forEach((v, i) => assert.ok(Math.abs(back[i] - v) <= 1e-12 * size, `${back[i]} vs ${v}`));
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});
