import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { minMaxScaler } from '../../src/prep/minmax-scaler.js';
import { checkTransformer, column, expectColumn } from '../conformance/transformer.js';

const fx = JSON.parse(readFileSync(new URL('../fixtures/prep/scalers.json', import.meta.url), 'utf8'));

checkTransformer(minMaxScaler);

describe('prep/minmax-scaler', () => {
  for (const [name, x] of Object.entries(fx.input) as [string, (number | null)[]][]) {
    it(`matches MinMaxScaler on ${name} to 1e-12`, () => {
      // scikit-learn computes x·(1/range) − min/range, we (x − min)/range: equal to rounding.
      const s = minMaxScaler.fit(column(x));
      expectColumn(minMaxScaler.transform(s, column(x)), fx.expected[name].minmax.y, { rtol: 1e-12, atol: 1e-15 }, name);
    });
  }
  it('maps the training data into [0, 1] (property)', () => {
    const col = fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 100 });
    fc.assert(
      fc.property(col, (x) => {
        const y = minMaxScaler.transform(minMaxScaler.fit(Float64Array.from(x)), Float64Array.from(x));
        y.forEach((v) => assert.ok(v >= 0 && v <= 1 + 1e-15, String(v)));
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});
