import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { chiSquareSf } from '../../src/math/chi-square.js';
import { kruskalWallis } from '../../src/profile/kruskal-wallis.js';
import { chiSquareTest } from '../../src/profile/chi-square-test.js';
import { profileSegments } from '../../src/profile/segment-profile.js';
import type { Frame } from '../../src/data/frame.js';
import { expectClose, expectSegkitError } from '../helpers/expect.js';

const fx = JSON.parse(readFileSync(new URL('../fixtures/profile/profile.json', import.meta.url), 'utf8'));
const x = Float64Array.from(fx.x, (v: number | null) => (v === null ? NaN : v));
const labels = Int32Array.from(fx.labels);
const frame: Frame = { source: 'fx', rows: x.length, columns: [{ name: 'spend', kind: 'numeric', values: x }, { name: 'plan', kind: 'categorical', values: fx.cat }] };

describe('profile: statistics against scipy (fixtures)', () => {
  it('chi-square upper tail equals scipy.stats.chi2.sf', () => {
    for (const [v, df, want] of fx.chi2_sf) expectClose(chiSquareSf(v, df), want, { rtol: 1e-10, label: `sf(${v}, ${df})` });
  });
  it('Kruskal-Wallis H and p with the tie correction equal scipy.stats.kruskal', () => {
    const r = kruskalWallis(x, labels, 3);
    expectClose(r.h, fx.kruskal.h, { rtol: 1e-12 });
    expectClose(r.p, fx.kruskal.p, { rtol: 1e-9 });
    expectClose(r.epsilonSquared, fx.kruskal.h / (r.n - 1), { rtol: 1e-12 });
  });
  it('chi-square test of independence equals scipy.stats.chi2_contingency(correction=False)', () => {
    const p = profileSegments(frame, labels, 3, ['spend', 'plan']);
    const t = p.tests.categorical.plan;
    expectClose(t.chi2, fx.chi2.chi2, { rtol: 1e-12 });
    expectClose(t.p, fx.chi2.p, { rtol: 1e-9 });
    assert.equal(t.dof, fx.chi2.dof);
  });
  it('segment quartiles equal numpy.percentile (linear)', () => {
    const p = profileSegments(frame, labels, 3, ['spend', 'plan']);
    for (let g = 0; g < 3; g++) {
      const s = p.segments[g].numeric.spend;
      expectClose([s.q1, s.median, s.q3], fx.quartiles[String(g)], { rtol: 1e-12 });
    }
  });
});

describe('profile: hand-computed cases and properties', () => {
  const small: Frame = { source: 's', rows: 6, columns: [
    { name: 'income', kind: 'numeric', values: Float64Array.of(10, 20, 30, 70, 80, 90) },
    { name: 'channel', kind: 'categorical', values: ['web', 'web', 'store', 'store', 'store', 'store'] },
    { name: 'revenue', kind: 'numeric', values: Float64Array.of(1, 1, 1, 1, 1, 95) },
  ] };
  const l = Int32Array.of(0, 0, 0, 1, 1, 1);

  it('z, lift, value share and the distinguishing features', () => {
    const p = profileSegments(small, l, 2, ['income', 'channel', 'revenue'], 'revenue');
    // Overall mean 50, population sd √(Σ(x−50)²/6) = √(5800/6).
    const sd = Math.sqrt(5800 / 6);
    expectClose(p.segments[1].numeric.income.z, (80 - 50) / sd, { rtol: 1e-12 });
    assert.deepEqual(p.segments[0].categorical.channel[0], { level: 'web', share: 2 / 3, lift: (2 / 3) / (2 / 6) });
    assert.deepEqual(p.segments[1].value, { total: 97, share: 97 / 100 });
    assert.equal(p.segments[1].distinguishing[0].feature, 'income');
    assert.match(p.segments[0].distinguishing.map((d) => d.text).join(' | '), /channel = web \(67% vs 33% of all\)/);
    assert.equal(p.segments[0].numeric.revenue, undefined); // the value column is reported as value, not as a feature
  });

  it('a value column that is not numeric or does not exist is named', async () => {
    await expectSegkitError(() => profileSegments(small, l, 2, ['income'], 'channel'), 'E_DATA_TYPE');
    await expectSegkitError(() => profileSegments(small, l, 2, ['income'], 'nope'), 'E_UNKNOWN_COLUMN');
  });

  it('Kruskal-Wallis p is in [0, 1], ε² in [0, 1], and identical groups give H ≈ 0 (property)', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 8, maxLength: 80 }), (vals) => {
      const xs = Float64Array.from([...vals, ...vals]);
      const ls = Int32Array.from([...vals.map(() => 0), ...vals.map(() => 1)]);
      const r = kruskalWallis(xs, ls, 2);
      if (Number.isNaN(r.h)) return; // all values equal
      assert.ok(Math.abs(r.h) < 1e-9 && r.p > 0.999);
      const q = kruskalWallis(Float64Array.from(vals), Int32Array.from(vals.map((_, i) => i % 3)), 3);
      if (!Number.isNaN(q.h)) assert.ok(q.p >= 0 && q.p <= 1 && q.epsilonSquared >= 0 && q.epsilonSquared <= 1 + 1e-12);
    }));
  });

  it('a 2 × 2 table by hand', () => {
    // [[10, 20], [30, 40]]: expected [[12, 18], [28, 42]], χ² = 4/12 + 4/18 + 4/28 + 4/42.
    const t = chiSquareTest([10, 20, 30, 40], 2, 2);
    expectClose(t.chi2, 4 / 12 + 4 / 18 + 4 / 28 + 4 / 42, { rtol: 1e-12 });
    assert.equal(t.dof, 1);
  });
});
