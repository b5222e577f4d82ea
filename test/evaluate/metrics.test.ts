import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { silhouette, silhouetteSamples } from '../../src/evaluate/silhouette.js';
import { daviesBouldin } from '../../src/evaluate/davies-bouldin.js';
import { calinskiHarabasz } from '../../src/evaluate/calinski-harabasz.js';
import { adjustedRandIndex } from '../../src/evaluate/ari.js';
import { adjustedMutualInfo, mutualInfo } from '../../src/evaluate/ami.js';
import { inertia } from '../../src/evaluate/inertia.js';
import { lgamma } from '../../src/evaluate/lgamma.js';
import { fromRows } from '../../src/math/matrix.js';
import { createRng } from '../../src/math/rng.js';
import { msg } from '../../src/messages.js';
import { expectClose, expectSegkitError } from '../helpers/expect.js';

const fixture = JSON.parse(readFileSync(new URL('../fixtures/evaluate/metrics.json', import.meta.url), 'utf8'));

describe('evaluate/metrics against scikit-learn', () => {
  for (const c of fixture.cases.filter((c: any) => c.kind === 'internal')) {
    it(`matches silhouette, Davies-Bouldin and Calinski-Harabasz on ${c.name} to 1e-9`, () => {
      const x = fromRows(c.input.x);
      const s = silhouette(x, c.input.labels);
      assert.equal(s.exact, true);
      expectClose(s.score, c.expected.silhouette, { rtol: 1e-9 });
      expectClose(silhouetteSamples(x, c.input.labels), c.expected.silhouetteSamples, { rtol: 1e-9, atol: 1e-12 });
      expectClose(daviesBouldin(x, c.input.labels), c.expected.daviesBouldin, { rtol: 1e-9 });
      expectClose(calinskiHarabasz(x, c.input.labels), c.expected.calinskiHarabasz, { rtol: 1e-9 });
    });
  }
  for (const c of fixture.cases.filter((c: any) => c.kind === 'external')) {
    it(`matches ARI, AMI and MI on ${c.name}`, () => {
      expectClose(adjustedRandIndex(c.input.a, c.input.b), c.expected.ari, { rtol: 1e-9, atol: 1e-15 });
      expectClose(mutualInfo(c.input.a, c.input.b), c.expected.mi, { rtol: 1e-9, atol: 1e-15 });
      // AMI subtracts two close numbers (MI − E[MI]); the Lanczos log-gamma keeps it within 1e-8.
      expectClose(adjustedMutualInfo(c.input.a, c.input.b), c.expected.ami, { rtol: 1e-8, atol: 1e-12 });
    });
  }
});

describe('evaluate/silhouette sampling', () => {
  it('samples every cluster, even a tiny one, and stays close to the exact score', () => {
    const rng = createRng(1);
    const n = 3000, rows: number[][] = [], labels: number[] = [];
    for (let i = 0; i < n; i++) {
      const c = i < 10 ? 2 : i % 2;
      rows.push([c * 5 + rng.normal(), c * 3 + rng.normal()]);
      labels.push(c);
    }
    const x = fromRows(rows);
    const exact = silhouette(x, labels);
    const s = silhouette(x, labels, { exactRows: 1000, sampleSize: 600, rng: createRng(2) });
    assert.equal(s.exact, false);
    assert.ok(s.sampleSize >= 600 && s.sampleSize <= 700, String(s.sampleSize));
    assert.ok(s.standardError > 0 && s.standardError < 0.05);
    assert.ok(Math.abs(s.score - exact.score) < 4 * s.standardError + 1e-3, `${s.score} vs ${exact.score} ± ${s.standardError}`);
  });
});

describe('evaluate/errors', () => {
  it('rejects labels of the wrong length', async () => {
    await expectSegkitError(() => silhouette(fromRows([[0], [1], [2]]), [0, 1]), 'E_DATA_SHAPE', msg.labelsLength('silhouette', 2, 3));
  });
  it('rejects a single cluster', async () => {
    await expectSegkitError(() => daviesBouldin(fromRows([[0], [1], [2]]), [0, 0, 0]), 'E_DATA_SHAPE', msg.clusterCountForMetric('daviesBouldin', 1, 3));
  });
  it('rejects labelings of different lengths', async () => {
    await expectSegkitError(() => adjustedRandIndex([0, 1], [0]), 'E_DATA_SHAPE', msg.labelingsLength('adjustedRandIndex', 2, 1));
  });
});

describe('evaluate/hand-computed', () => {
  it('computes inertia of a 3-point case by hand', () => {
    // (0-0)² + (2-1)² + (4-4)² = 1, weights 1, 2, 1 → 2.
    assert.equal(inertia(fromRows([[0], [2], [4]]), [0, 0, 1], fromRows([[1], [4]]), Float64Array.from([1, 2, 1])), 1 + 2 * 1);
  });
  it('computes log-gamma at known points', () => {
    expectClose(lgamma(1), 0, { atol: 1e-15 });
    expectClose(lgamma(10), Math.log(362880), { rtol: 1e-14 });
    expectClose(lgamma(0.5), Math.log(Math.sqrt(Math.PI)), { rtol: 1e-14 });
  });
});

describe('evaluate/properties', () => {
  const labelsArb = fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 3, maxLength: 80 });
  it('keeps silhouette in [-1, 1]', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.double({ min: -50, max: 50, noNaN: true }), fc.double({ min: -50, max: 50, noNaN: true }), fc.integer({ min: 0, max: 3 })), { minLength: 4, maxLength: 60 }), (pts) => {
        const labels = pts.map((p) => p[2]);
        const k = new Set(labels).size;
        if (k < 2 || k > pts.length - 1) return;
        const s = silhouetteSamples(fromRows(pts.map((p) => [p[0], p[1]])), labels);
        for (const v of s) assert.ok(v >= -1 - 1e-12 && v <= 1 + 1e-12);
      }),
      { seed: 42, numRuns: 200 },
    );
  });
  it('gives ARI = AMI = 1 for a relabelled copy, and a symmetric ARI', () => {
    fc.assert(
      fc.property(labelsArb, labelsArb, (a, b) => {
        const relabel = a.map((l) => (l * 7 + 3) % 11);
        expectClose(adjustedRandIndex(a, relabel), 1, { atol: 1e-12 });
        expectClose(adjustedMutualInfo(a, relabel), 1, { atol: 1e-9 });
        const m = Math.min(a.length, b.length);
        expectClose(adjustedRandIndex(a.slice(0, m), b.slice(0, m)), adjustedRandIndex(b.slice(0, m), a.slice(0, m)), { atol: 1e-12 });
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});
