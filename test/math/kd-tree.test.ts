import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { buildKdTree, radiusQuery } from '../../src/math/kd-tree.js';

test('kd-tree radius query: hand-computed 1-D case, boundary inclusive', () => {
  const tree = buildKdTree(new Float64Array([0, 1, 2, 3, 10]), 5, 1);
  const hits: number[] = [];
  radiusQuery(tree, [1], 1, (r) => hits.push(r));
  assert.deepEqual(hits.sort(), [0, 1, 2]);
  assert.equal(radiusQuery(tree, [20], 5), 0);
});

test('kd-tree radius query equals brute force', () => {
  fc.assert(fc.property(
    fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 1e6 }),
    fc.double({ min: 0, max: 3, noNaN: true }),
    (d, n, seed, radius) => {
      let s = seed >>> 0;
      const rnd = () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
      const data = new Float64Array(n * d);
      for (let i = 0; i < data.length; i++) data[i] = Math.round(rnd() * 40) / 10; // ties included
      const tree = buildKdTree(data, n, d);
      const q = Array.from({ length: d }, () => rnd() * 4);
      const got: number[] = [];
      radiusQuery(tree, q, radius, (r) => got.push(r));
      const want: number[] = [];
      for (let i = 0; i < n; i++) {
        let t = 0;
        for (let j = 0; j < d; j++) t += (data[i * d + j] - q[j]) ** 2;
        if (t <= radius * radius) want.push(i);
      }
      assert.deepEqual(got.sort((a, b) => a - b), want);
    }), { numRuns: 200 });
});
