import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { principalProjection } from '../../src/report/projection.js';
import { createRng } from '../../src/math/rng.js';

describe('report/projection: the scatter sample', () => {
  it('is stratified by segment: a 0.5% segment keeps at least 50 points, large ones stay proportional', () => {
    const n = 20_000, d = 3, rng = createRng(5);
    const data = Float64Array.from({ length: n * d }, () => rng.normal());
    // 19,900 customers in segment 0, 100 in segment 1.
    const labels = Int32Array.from({ length: n }, (_, i) => (i % 200 === 0 ? 1 : 0));
    const p = principalProjection({ rows: n, cols: d, data }, labels, createRng(1), 3000);
    const counts = [0, 0];
    for (const q of p.points) counts[q.segment]++;
    assert.equal(p.total, n);
    assert.equal(counts[1], 50); // round(3000 × 0.005) = 15 < 50
    assert.equal(counts[0], Math.round((3000 * 19_900) / n));
    // Uniform sampling would give about 15 ± 4 points of segment 1.
  });

  it('keeps every customer at or below the limit, in row order', () => {
    const labels = Int32Array.from({ length: 300 }, (_, i) => i % 3);
    const rng = createRng(2);
    const data = Float64Array.from({ length: 600 }, () => rng.normal());
    const p = principalProjection({ rows: 300, cols: 2, data }, labels, createRng(1), 3000);
    assert.equal(p.points.length, 300);
    assert.deepEqual(p.points.map((q) => q.segment), [...labels]);
  });
});
