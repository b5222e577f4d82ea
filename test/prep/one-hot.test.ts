import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { oneHotEncoder } from '../../src/prep/one-hot.js';
import { fitLevels, levelOf, modeOf, MISSING_LEVEL, OTHER_LEVEL } from '../../src/prep/categorical-encoding.js';

const fx = JSON.parse(readFileSync(new URL('../fixtures/prep/encoders.json', import.meta.url), 'utf8'));

/** scikit-learn's names for missing and infrequent categories, in segkit's spelling. */
const rename = (name: string) => (name === 'None' ? MISSING_LEVEL : name === 'infrequent_sklearn' ? OTHER_LEVEL : name);
const options = (p: { min_frequency?: number; max_categories?: number }) => ({ minShare: p.min_frequency ?? 0, maxLevels: p.max_categories ?? Infinity });

describe('prep/one-hot against OneHotEncoder(handle_unknown="ignore")', () => {
  for (const c of fx.expected.onehot) {
    it(`matches on ${c.column} with ${JSON.stringify(c.params)}: levels, names and rows, unknowns all zero`, () => {
      const s = oneHotEncoder.fit(c.train, options(c.params));
      assert.deepEqual(oneHotEncoder.featureNames(s, c.column), c.featureNames.map((n: string) => `${c.column}=${rename(n)}`));
      assert.deepEqual([...s.grouped].sort(), (c.infrequent ?? []).map((v: string | null) => v ?? MISSING_LEVEL).sort());
      const enc = oneHotEncoder.transform(s, c.test);
      const rows = Array.from({ length: c.test.length }, (_, i) => Array.from(enc.data.subarray(i * enc.width, (i + 1) * enc.width)));
      assert.deepEqual(rows, c.expected);
      const unseen = c.test.map((v: string | null, i: number) => (levelOf(s, v) === null ? i : -1)).filter((i: number) => i >= 0);
      assert.deepEqual(enc.unseenRows, unseen);
      for (const i of unseen) assert.ok(rows[i].every((v) => v === 0));
    });
  }
});

describe('prep/categorical-encoding', () => {
  it('sorts the missing level after the others and (other) last', () => {
    const s = fitLevels(['b', null, 'a', 'a', 'c', 'b', 'a', 'b', null, 'a'], { minShare: 0.15 });
    assert.deepEqual(s.levels, ['a', 'b', MISSING_LEVEL, OTHER_LEVEL]);
    assert.deepEqual(s.grouped, ['c']);
    assert.equal(s.mode, 'a');
  });
  it('fills missing values with the mode when asked (ties: the smallest level)', () => {
    assert.equal(modeOf(['b', 'a', null, 'b', 'a']), 'a');
    const s = fitLevels(['b', 'a', null, 'b', 'a'], { missing: 'mode' });
    assert.deepEqual(s.levels, ['a', 'b']);
    assert.equal(levelOf(s, null), 'a');
  });
  it('groups even a single rare level, as min_frequency does', () => {
    const values = Array.from({ length: 200 }, (_, i) => (i === 0 ? 'rare' : i % 2 ? 'x' : 'y'));
    assert.deepEqual(fitLevels(values, { minShare: 0.01 }).levels, ['x', 'y', OTHER_LEVEL]);
  });
});
