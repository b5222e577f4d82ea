import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { surrogateTree } from '../../src/profile/surrogate-tree.js';
import { createRng } from '../../src/math/rng.js';
import type { Frame } from '../../src/data/frame.js';

describe('profile/surrogate-tree', () => {
  // Known rule: segment 1 ⇔ income > 50 and plan = 'pro'; segment 2 ⇔ income ≤ 50; else segment 0. Age is noise.
  const n = 600, rng = createRng(4);
  const income = Float64Array.from({ length: n }, () => Math.round(rng.float() * 100));
  const age = Float64Array.from({ length: n }, () => 20 + Math.round(rng.float() * 50));
  const plan = Array.from({ length: n }, () => ['basic', 'plus', 'pro'][rng.int(3)]);
  const labels = Int32Array.from({ length: n }, (_, i) => (income[i] <= 50 ? 2 : plan[i] === 'pro' ? 1 : 0));
  const frame: Frame = { source: 't', rows: n, columns: [{ name: 'income', kind: 'numeric', values: income }, { name: 'age', kind: 'numeric', values: age }, { name: 'plan', kind: 'categorical', values: plan }] };

  it('recovers a known rule exactly: accuracy 1, precision 1 and full coverage', () => {
    const t = surrogateTree(frame, labels, 3, ['income', 'age', 'plan'], createRng(1));
    assert.equal(t.accuracy, 1);
    const seg1 = t.rules.filter((r) => r.segment === 1);
    assert.equal(seg1.length, 1);
    assert.equal(seg1[0].precision, 1);
    assert.equal(seg1[0].coverage, 1);
    assert.match(seg1[0].text, /income > 50\.5? and plan = pro|plan = pro and income > 50\.5?/);
    assert.deepEqual(t.importance.map((x) => x.column).slice(0, 2).sort(), ['income', 'plan']);
    assert.ok(Math.abs(t.importance.find((x) => x.column === 'age')!.drop) < 1e-12); // the tree never uses age
  });

  it('rules of a segment cover its customers once: coverages sum to the leaf shares', () => {
    const t = surrogateTree(frame, labels, 3, ['age'], createRng(1), { maxDepth: 2 });
    assert.ok(t.accuracy < 1 && t.accuracy > 0);
    const rowsSum = t.rules.reduce((a, r) => a + r.rows, 0);
    assert.equal(rowsSum, n);
    for (const r of t.rules) assert.ok(r.precision > 0 && r.precision <= 1 && r.coverage >= 0 && r.coverage <= 1);
  });
});
