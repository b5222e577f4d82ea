import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { buildKdTree, radiusQuery, radiusCount, knnQuery } from '../../src/math/kd-tree.js';

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

/** Seeded rows on a 0.1 grid (ties included), for the brute-force comparisons below. */
function gridData(n: number, d: number, seed: number): { data: Float64Array; rnd: () => number } {
  let s = seed >>> 0;
  const rnd = () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
  const data = new Float64Array(n * d);
  for (let i = 0; i < data.length; i++) data[i] = Math.round(rnd() * 40) / 10;
  return { data, rnd };
}

test('kd-tree radiusCount equals the brute-force count, and stops at stopAt', () => {
  fc.assert(fc.property(
    fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 300 }), fc.integer({ min: 0, max: 1e6 }),
    fc.double({ min: 0, max: 3, noNaN: true }), fc.integer({ min: 1, max: 40 }),
    (d, n, seed, radius, stopAt) => {
      const { data, rnd } = gridData(n, d, seed);
      const tree = buildKdTree(data, n, d);
      const qi = Math.floor(rnd() * n);
      let want = 0;
      for (let i = 0; i < n; i++) {
        let t = 0;
        for (let j = 0; j < d; j++) t += (data[i * d + j] - data[qi * d + j]) ** 2;
        if (t <= radius * radius) want++;
      }
      assert.equal(radiusCount(tree, data, qi, radius), want);
      const capped = radiusCount(tree, data, qi, radius, stopAt);
      assert.ok(want >= stopAt ? capped >= stopAt : capped === want);
    }), { numRuns: 200 });
});

test('kd-tree kNN: hand-computed 1-D case, ties broken by the lower row', () => {
  const data = new Float64Array([0, 1, 2, 3, 10]);
  const tree = buildKdTree(data, 5, 1);
  const r = knnQuery(tree, [1.5], 0, 3);
  assert.deepEqual(Array.from(r.index), [1, 2, 0]); // 1 and 2 tie at 0.5; then 0 and 3 tie at 1.5: row 0
  assert.deepEqual(Array.from(r.dist), [0.5, 0.5, 1.5]);
  const far = knnQuery(tree, [20], 0, 2, undefined, 9);
  assert.deepEqual(Array.from(far.index), [-1, -1]);
  const edge = knnQuery(tree, [20], 0, 2, undefined, 10); // distance exactly 10 is inside
  assert.deepEqual(Array.from(edge.index), [4, -1]);
  assert.deepEqual(Array.from(edge.dist), [10, Infinity]);
});

test('kd-tree kNN equals brute force (indices and distances, ties by lower row)', () => {
  fc.assert(fc.property(
    fc.integer({ min: 1, max: 5 }), fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 1e6 }),
    fc.integer({ min: 1, max: 12 }), fc.option(fc.double({ min: 0, max: 3, noNaN: true }), { nil: undefined }),
    (d, n, seed, k, maxDist) => {
      const { data, rnd } = gridData(n, d, seed);
      const tree = buildKdTree(data, n, d);
      const q = Array.from({ length: d }, () => Math.round(rnd() * 40) / 10);
      const got = knnQuery(tree, q, 0, k, undefined, maxDist);
      const all = Array.from({ length: n }, (_, i) => {
        let t = 0;
        for (let j = 0; j < d; j++) t += (data[i * d + j] - q[j]) ** 2;
        return { i, t };
      }).filter((r) => maxDist === undefined || r.t <= maxDist * maxDist)
        .sort((a, b) => a.t - b.t || a.i - b.i).slice(0, k);
      const wantIdx = all.map((r) => r.i), wantDist = all.map((r) => Math.sqrt(r.t));
      while (wantIdx.length < k) { wantIdx.push(-1); wantDist.push(Infinity); }
      assert.deepEqual(Array.from(got.index), wantIdx);
      assert.deepEqual(Array.from(got.dist), wantDist);
    }), { numRuns: 300 });
});

test('kd-tree children are split by a plane: some dimension has every left point ≤ every right point', () => {
  // DBSCAN's leaf-local shortcut (dbscan-core.ts) relies on it: a ball strictly inside a node's box
  // cannot reach points outside the node.
  fc.assert(fc.property(
    fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 1e6 }),
    (d, n, seed) => {
      const { data } = gridData(n, d, seed);
      const t = buildKdTree(data, n, d);
      for (let id = 0; id < t.nodes; id++) {
        const a = t.left[id], b = t.right[id];
        if (a < 0) continue;
        let split = false;
        for (let j = 0; j < d && !split; j++) split = t.hi[a * d + j] <= t.lo[b * d + j];
        assert.ok(split, `node ${id}`);
      }
    }), { numRuns: 200 });
});
