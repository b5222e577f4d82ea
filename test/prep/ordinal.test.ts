import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ordinalEncoder } from '../../src/prep/ordinal.js';

const fx = JSON.parse(readFileSync(new URL('../fixtures/prep/encoders.json', import.meta.url), 'utf8'));
const o = fx.expected.ordinal;

describe('prep/ordinal against OrdinalEncoder', () => {
  it('codes the sorted levels as OrdinalEncoder() does', () => {
    const s = ordinalEncoder.fit(o.train);
    assert.deepEqual(Array.from(ordinalEncoder.transform(s, o.train).data), o.sorted);
    assert.deepEqual(ordinalEncoder.featureNames(s, 'education'), ['education']);
  });
  it('codes an explicit order as OrdinalEncoder(categories=[order]) and gives unknowns the mode code', () => {
    const s = ordinalEncoder.fit(o.train, { order: o.order });
    const enc = ordinalEncoder.transform(s, o.test);
    // scikit-learn writes -1 (unknown_value) for 'doctorate'; segkit writes the code of the most
    // frequent training level and reports the row.
    const known = o.ordered.map((v: number, i: number) => (v === -1 ? o.order.indexOf(s.mode) : v));
    assert.deepEqual(Array.from(enc.data), known);
    assert.deepEqual(enc.unseenRows, [o.test.indexOf('doctorate')]);
    assert.equal(s.mode, 'secondary');
  });
});
