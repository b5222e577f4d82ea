import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { kneedle } from '../../src/select/knee.js';
import { expectClose } from '../helpers/expect.js';

const ks = [1, 2, 3, 4, 5, 6, 7, 8];

describe('select/knee (Kneedle, Satopää et al. 2011)', () => {
  it('finds the corner of a piecewise-linear cost curve (slope −2, then −0.5 from k=4)', () => {
    // By hand: y' = (y − 2)/8, x' = (k − 1)/7, D = 1 − y' − x' = 0, .107, .214, .321, .241, .161, .080, 0.
    // The maximum is at k=4; T = .321 − 1/7 = .178, and D(6) = .161 < T confirms it.
    const k = kneedle(ks, [10, 8, 6, 4, 3.5, 3, 2.5, 2]);
    assert.equal(k.x, 4);
    assert.equal(k.index, 3);
    expectClose(k.difference, [0, 0.25 - 1 / 7, 0.5 - 2 / 7, 0.75 - 3 / 7, 0.8125 - 4 / 7, 0.875 - 5 / 7, 0.9375 - 6 / 7, 0], { atol: 1e-12 });
  });

  it('finds the elbow of a typical inertia curve (hand-computed: k=3)', () => {
    // y' = (y − 8)/92; D(2) = .509, D(3) = .584 (max), D(4) = .495, D(5) = .385 < .584 − 1/7 = .441.
    assert.equal(kneedle(ks, [100, 40, 20, 15, 12, 10, 9, 8]).x, 3);
  });

  it('finds no knee on a straight line or a flat curve', () => {
    assert.equal(kneedle(ks, ks.map((k) => 20 - 2 * k)).x, null);
    assert.equal(kneedle(ks, ks.map(() => 5)).x, null);
    assert.equal(kneedle([1, 2], [5, 1]).x, null);
  });

  it('needs the curve to fall by S·mean(Δx′) after a candidate: a high sensitivity refuses a weak knee', () => {
    const y = [10, 8, 6, 4, 3.5, 3, 2.5, 2];
    assert.equal(kneedle(ks, y, { sensitivity: 1 }).x, 4);
    assert.equal(kneedle(ks, y, { sensitivity: 3 }).x, null); // T = .321 − 3/7 < 0: D never falls below it
  });

  it('handles the other three shapes by mirroring', () => {
    const y = [10, 8, 6, 4, 3.5, 3, 2.5, 2];
    assert.equal(kneedle(ks, y.map((v) => -v), { direction: 'increasing', curve: 'concave' }).x, 4);
    // Reversed in x: increasing and convex, the corner is at x = 9 − 4 = 5.
    assert.equal(kneedle(ks, [...y].reverse(), { direction: 'increasing', curve: 'convex' }).x, 5);
    assert.equal(kneedle(ks, [...y].reverse().map((v) => -v), { direction: 'decreasing', curve: 'concave' }).x, 5);
  });

  it('does not depend on the units of x or y (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.01, max: 1, noNaN: true }), { minLength: 3, maxLength: 12 }),
        fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
        fc.double({ min: -1e3, max: 1e3, noNaN: true }),
        (drops, scale, shift) => {
          // A decreasing curve: cumulative sums of positive drops, subtracted.
          const y: number[] = [];
          let v = 0;
          for (const d of drops) y.push((v -= d));
          const x = y.map((_, i) => i + 2);
          const a = kneedle(x, y);
          const b = kneedle(x.map((t) => t * 3 + 7), y.map((t) => t * scale + shift));
          assert.equal(a.index, b.index);
          if (a.index >= 0) assert.ok(a.index > 0 && a.index < y.length - 1);
        },
      ),
      { numRuns: 300 },
    );
  });
});
