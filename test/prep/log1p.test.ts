import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { log1p } from '../../src/prep/log1p.js';
import { checkTransformer } from '../conformance/transformer.js';

checkTransformer(log1p, { samples: ['ties', 'skewed'] });

describe('prep/log1p', () => {
  it('maps 0 → 0 and e − 1 → 1, and clips a negative value at predict time to 0', () => {
    const y = log1p.transform(log1p.fit(Float64Array.of(0, 1)), Float64Array.of(0, Math.E - 1, -5));
    assert.deepEqual(Array.from(y), [0, 1, 0]);
  });
  it('keeps a missing value missing', () => {
    assert.ok(Number.isNaN(log1p.transform({ kind: 'log1p' }, Float64Array.of(NaN))[0]));
  });
});
