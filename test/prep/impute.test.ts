import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { imputer, missingIndicator, mostFrequent } from '../../src/prep/impute.js';
import { checkTransformer, column, expectColumn } from '../conformance/transformer.js';
import { expectClose } from '../helpers/expect.js';

const fx = JSON.parse(readFileSync(new URL('../fixtures/prep/impute.json', import.meta.url), 'utf8'));
const STRATEGIES = { mean: 'mean', median: 'median', most_frequent: 'most-frequent', constant: 'constant' } as const;

for (const strategy of Object.values(STRATEGIES))
  checkTransformer(imputer, {
    label: strategy,
    options: { strategy, fillValue: -1.5 },
    skip: [
      { reason: 'imputation fills NaN by design', checks: ['nan'] },
      { reason: 'which values were missing is not kept, so there is no inverse', checks: ['inverse'] },
    ],
  });

describe('prep/impute', () => {
  for (const [name, x] of Object.entries(fx.input) as [string, (number | null)[]][]) {
    for (const [sk, strategy] of Object.entries(STRATEGIES)) {
      it(`matches SimpleImputer(strategy='${sk}') on ${name} to 1e-12`, () => {
        const e = fx.expected[name][sk];
        const s = imputer.fit(column(x), { strategy, fillValue: -1.5 });
        expectClose(s.fill, e.fill, { rtol: 1e-12 });
        expectColumn(imputer.transform(s, column(x)), e.y, { rtol: 1e-12, atol: 0 }, name);
      });
    }
    it(`matches MissingIndicator on ${name}`, () => {
      assert.deepEqual(Array.from(missingIndicator(column(x))), fx.expected[name].indicator);
    });
  }
  it('breaks a most-frequent tie towards the smallest value, as scipy.stats.mode', () => {
    assert.equal(mostFrequent([3, 1, NaN, 3, 1, 2]), 1);
  });
  it('learns NaN from an all-missing column (the pipeline drops such columns first)', () => {
    assert.ok(Number.isNaN(imputer.fit(Float64Array.of(NaN, NaN)).fill));
  });
});
