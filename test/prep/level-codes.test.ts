import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fitPipeline, transformPipeline } from '../../src/prep/pipeline.js';
import type { Column, Frame } from '../../src/data/frame.js';
import { levelCodes, fitLevelCodes, UNSEEN_CODE } from '../../src/prep/level-codes.js';

function frame(n: number, extra: Column[] = []): Frame {
  const columns: Column[] = [
    { name: 'age', kind: 'numeric', values: Float64Array.from({ length: n }, (_, i) => 20 + (i % 40)) },
    { name: 'plan', kind: 'categorical', values: Array.from({ length: n }, (_, i) => (i % 9 === 0 ? null : ['basic', 'plus', 'pro'][i % 3])) },
    { name: 'churned', kind: 'boolean', values: Float64Array.from({ length: n }, (_, i) => (i === 4 ? NaN : i % 4 === 0 ? 1 : 0)) },
    ...extra,
  ];
  return { source: 'c.csv', rows: n, columns };
}

describe('prep/level-codes', () => {
  it('codes are level positions (sorted, (missing) last); unseen values get -1', () => {
    const s = fitLevelCodes(['b', 'a', null, 'b'], {});
    assert.deepEqual(s.levels, ['a', 'b', '(missing)']);
    const c = levelCodes(s, ['a', 'b', null, 'zzz']);
    assert.deepEqual(Array.from(c.codes), [0, 1, 2, UNSEEN_CODE]);
    assert.deepEqual(c.unseenRows, [3]);
  });

  it("encode 'codes' keeps categories beside the numbers; booleans become no/yes levels", () => {
    const f = fitPipeline(frame(60), { encode: 'codes' });
    assert.deepEqual(f.dataset.featureNames, ['age']);
    const c = f.dataset.categorical!;
    assert.deepEqual(c.names, ['plan', 'churned']);
    assert.deepEqual(c.levels, [['basic', 'plus', 'pro', '(missing)'], ['no', 'yes', '(missing)']]);
    assert.deepEqual(Array.from(c.data.subarray(0, 6)), [3, 1, 1, 0, 2, 0]); // row 0: plan missing, churned yes; row 2: pro, no
    assert.equal(c.data[4 * 2 + 1], 2); // row 4: churned missing
  });

  it("categoricalMissing 'mode' fills missing categories with the most frequent level", () => {
    const f = fitPipeline(frame(60), { encode: 'codes', categoricalMissing: 'mode' });
    assert.deepEqual(f.dataset.categorical!.levels[0], ['basic', 'plus', 'pro']);
  });

  it('transform of new rows notes unseen levels per row and codes them -1', () => {
    const f = fitPipeline(frame(60), { encode: 'codes' });
    const fresh: Frame = { source: 'new.csv', rows: 2, columns: [
      { name: 'age', kind: 'numeric', values: Float64Array.of(30, 40) },
      { name: 'plan', kind: 'categorical', values: ['enterprise', 'pro'] },
      { name: 'churned', kind: 'categorical', values: ['yes', 'no'] },
    ] };
    const t = transformPipeline(f.state, fresh);
    assert.deepEqual(Array.from(t.dataset.categorical!.data), [-1, 1, 2, 0]);
    assert.equal(t.notes[0].length, 1);
    assert.match(t.notes[0][0], /plan: level "enterprise" was not seen in training/);
    assert.deepEqual(t.unseen, [{ row: 1, column: 'plan', kind: 'unseen-level', value: 'enterprise' }]);
  });

  it('a column with thousands of distinct values warns and advises', () => {
    const n = 12_000;
    const f = fitPipeline(frame(n, [{ name: 'street', kind: 'categorical', values: Array.from({ length: n }, (_, i) => `street ${i % 11_000}`) }]), { encode: 'codes' });
    const w = f.warnings.find((x) => x.code === 'W_MANY_LEVELS');
    assert.ok(w, 'W_MANY_LEVELS expected');
    assert.match(w!.message, /"street" has 11,000 distinct values.*--exclude street/);
  });

  it('an all-missing categorical column is dropped with a warning, not encoded', () => {
    const f = fitPipeline(frame(30, [{ name: 'region', kind: 'categorical', values: Array(30).fill(null) }]), { encode: 'codes' });
    assert.ok(!f.dataset.categorical!.names.includes('region'));
    assert.ok(f.warnings.some((w) => w.code === 'W_DROPPED_COLUMN' && /region/.test(w.message)));
  });
});
