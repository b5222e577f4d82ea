import { describe, it } from 'node:test';
import { readFileSync } from 'node:fs';
import { robustScaler } from '../../src/prep/robust-scaler.js';
import { checkTransformer, column, expectColumn } from '../conformance/transformer.js';
import { expectClose } from '../helpers/expect.js';

const fx = JSON.parse(readFileSync(new URL('../fixtures/prep/scalers.json', import.meta.url), 'utf8'));

checkTransformer(robustScaler);

describe('prep/robust-scaler', () => {
  it('centres [1, 2, 3, 4, 100] on the median 3 and scales by the IQR 4 − 2 = 2', () => {
    const s = robustScaler.fit(Float64Array.from([1, 2, 3, 4, 100]));
    expectClose([s.center, s.scale], [3, 2], { rtol: 0 });
  });
  for (const [name, x] of Object.entries(fx.input) as [string, (number | null)[]][]) {
    it(`matches RobustScaler on ${name}: centre, scale and values to 1e-12`, () => {
      const e = fx.expected[name].robust;
      const s = robustScaler.fit(column(x));
      expectClose([s.center, s.scale], [e.center, e.scale], { rtol: 1e-12 });
      expectColumn(robustScaler.transform(s, column(x)), e.y, { rtol: 1e-12, atol: 1e-13 }, name);
    });
  }
});
