import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { findSimilar, type SimilarityIndex } from '../../src/model/similar.js';
import { runCli, tempDir } from '../helpers/cli.js';
import { resolve } from 'node:path';

function indexOf(rows: number[][], labels?: number[]): SimilarityIndex {
  const d = rows[0].length;
  const vectors = Float32Array.from(rows.flat());
  const norms = Float64Array.from(rows, (_, i) => Math.hypot(...vectors.subarray(i * d, i * d + d)));
  return { ids: rows.map((_, i) => `c${i}`), rows: rows.length, dims: d, vectors, norms, labels: Int32Array.from(labels ?? rows.map(() => 0)) };
}

describe('model/similar', () => {
  it('finds the nearest customers in order, leaving the query customer out', () => {
    const idx = indexOf([[0, 0], [1, 0], [0, 2], [5, 5], [0.5, 0]]);
    const r = findSimilar(idx, [0, 0], { top: 3, exclude: 0 });
    assert.deepEqual(r.map((x) => x.id), ['c4', 'c1', 'c2']);
    assert.deepEqual(r.map((x) => x.score), [0.5, 1, 2]);
  });

  it('filters by segment and ranks by cosine when asked', () => {
    const idx = indexOf([[1, 0], [0, 1], [2, 0.1], [1, 1]], [0, 1, 1, 1]);
    assert.deepEqual(findSimilar(idx, [1, 0], { top: 2, segment: 1 }).map((x) => x.id), ['c3', 'c2']); // distances 1 and 1.005; c0 is in segment 0
    const cos = findSimilar(idx, [10, 0], { top: 1, metric: 'cosine' });
    assert.equal(cos[0].id, 'c0');
    assert.ok(Math.abs(cos[0].score - 1) < 1e-12);
  });

  it('equals a brute-force sort (property)', () => {
    fc.assert(fc.property(fc.array(fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 3, maxLength: 3 }), { minLength: 2, maxLength: 60 }), fc.integer({ min: 1, max: 10 }), (rows, top) => {
      const idx = indexOf(rows);
      const q = [1, -2, 3];
      const got = findSimilar(idx, q, { top }).map((x) => x.score);
      const want = rows.map((r) => Math.hypot(r[0] - 1, r[1] + 2, r[2] - 3)).sort((a, b) => a - b).slice(0, top);
      assert.equal(got.length, want.length);
      got.forEach((g, i) => assert.ok(Math.abs(g - want[i]) < 1e-9));
    }));
  });

  it('the CLI finds similar customers by ID and names an unknown one', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const csv = resolve('data/samples/mall_customers.csv');
      assert.equal((await runCli(['fit', csv, '-k', '4', '--seed', '2', '--out', 'm.json', '-q'], dir)).code, 0);
      const r = await runCli(['similar', 'm.json', csv, '--customer', '5', '--top', '4', '--same-segment', '--json'], dir);
      assert.equal(r.code, 0, r.stderr);
      const out = JSON.parse(r.stdout);
      assert.equal(out.similar.length, 4);
      assert.ok(out.similar.every((s: any) => s.segment === out.segment && s.id !== '5'));
      assert.ok(out.similar[0].distance <= out.similar[3].distance);
      const bad = await runCli(['similar', 'm.json', csv, '--customer', '999999'], dir);
      assert.equal(bad.code, 3);
      assert.match(bad.stderr, /Customer "999999" is not among the 200 customers/);
    } finally {
      cleanup();
    }
  });
});
