import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { hungarian } from '../../src/track/hungarian.js';

/** Minimum total cost over every injective row → column map (brute force). */
function bruteForce(cost: number[], n: number, m: number): number {
  let best = Infinity;
  const used = new Array(m).fill(false);
  const go = (i: number, acc: number) => {
    if (i === n) return void (best = Math.min(best, acc));
    for (let j = 0; j < m; j++) if (!used[j]) (used[j] = true), go(i + 1, acc + cost[i * m + j]), (used[j] = false);
  };
  go(0, 0);
  return best;
}

describe('track/hungarian', () => {
  it('a hand case: the diagonal is not the optimum', () => {
    // Rows → columns: greedy row 0 takes column 0 (1), then row 1 must pay 100; optimal is 0→1, 1→0 (2 + 3).
    const a = hungarian(Float64Array.from([1, 2, 3, 100]), 2, 2);
    assert.deepEqual([...a], [1, 0]);
  });

  it('a rectangular case leaves the worst column out', () => {
    const a = hungarian(Float64Array.from([5, 1, 9, 2, 8, 0]), 2, 3);
    assert.deepEqual([...a], [1, 2]);
  });

  it('matches brute force on random matrices, square and rectangular (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 2 }), fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 48, maxLength: 48 }), (n, extra, pool) => {
      const m = n + extra;
      const cost = pool.slice(0, n * m);
      const a = hungarian(Float64Array.from(cost), n, m);
      assert.equal(new Set(a).size, n);
      const total = Array.from(a).reduce((s, j, i) => s + cost[i * m + j], 0);
      return total === bruteForce(cost, n, m);
    }), { numRuns: 300 });
  });
});
