import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { dbscanClusterer } from '../../src/cluster/dbscan.js';
import { dbscanLabels } from '../../src/cluster/dbscan-core.js';
import { kDistance } from '../../src/cluster/k-distance.js';
import { createFitContext } from '../../src/cluster/types.js';
import { createRng } from '../../src/math/rng.js';
import { fromRows } from '../../src/math/matrix.js';
import { datasetFromMatrix } from '../../src/data/dataset.js';
import { parseOptions } from '../../src/options.js';
import type { SegkitWarning } from '../../src/errors.js';
import { msg } from '../../src/messages.js';
import { expectClose, expectSegkitError } from '../helpers/expect.js';
import { readFrame } from '../../src/data/read-frame.js';
import { parseSourceSpec } from '../../src/data/source-spec.js';
import { fitModel } from '../../src/model/fit-model.js';
import { exportSql } from '../../src/model/sql/export-sql.js';
import { checkClusterer } from '../conformance/clusterer.js';

/** Border rows whose predicted segment differs from the training label, per fixture (measured). */
const MOVED_BORDERS: Record<string, number> = { 'grid-ties-eps1': 1, 'grid-ties-eps1.5-ms6': 3 };

const fixture = JSON.parse(readFileSync(new URL('../fixtures/dbscan/dbscan.json', import.meta.url), 'utf8'));

async function fit(x: number[][], opts: Record<string, unknown>, weights?: number[] | null, seed = 0) {
  const warnings: SegkitWarning[] = [];
  const params = parseOptions(dbscanClusterer.schema, opts, 'dbscan');
  const data = datasetFromMatrix(fromRows(x), undefined, weights ? Float64Array.from(weights) : undefined);
  const f = await dbscanClusterer.fit(data, params, createFitContext(createRng(seed), warnings));
  return { ...f, data, warnings };
}

describe('cluster/dbscan', () => {
  it('labels core, border and noise points on a line as worked out by hand', async () => {
    // eps 10, minSamples 4 (the point itself counts). B = 30,32,36,40 and A = 2,6,9,12 are all core
    // (4 or 5 points within 10). 20 has only 12, 20, 30 within 10: a border point of both A and B.
    // B holds row 0, so it is cluster 0 and reaches 20 first (scikit-learn gives the same). 100 is noise.
    const x = [30, 32, 36, 40, 20, 2, 6, 9, 12, 100].map((v) => [v]);
    const f = await fit(x, { eps: 10, minSamples: 4 });
    assert.deepEqual(Array.from(f.labels), [0, 0, 0, 0, 0, 1, 1, 1, 1, -1]);
    const core = dbscanLabels(fromRows(x), 10, 4).core;
    assert.deepEqual(Array.from(core), [1, 1, 1, 1, 0, 1, 1, 1, 1, 0]);
    // Predict takes the nearest core point within eps: 12 (distance 8) beats 30 (distance 10), so the
    // border point predicts into A although training put it in B.
    const p = dbscanClusterer.predict(f.state, f.data);
    assert.deepEqual(Array.from(p), [0, 0, 0, 0, 1, 1, 1, 1, 1, -1]);
    assert.deepEqual(Array.from(dbscanClusterer.predict(f.state, datasetFromMatrix(fromRows([[41], [50], [50.5], [-8], [-8.5]])))), [0, 0, -1, 1, -1]);
    assert.equal(f.diagnostics.nCore, 8);
    assert.equal(f.diagnostics.nNoise, 1);
  });

  for (const c of fixture.cases) {
    it(`equals scikit-learn's labels and core samples on ${c.name}`, async () => {
      const f = await fit(c.input.x, { eps: c.input.eps, minSamples: c.input.minSamples }, c.input.weights);
      // Same numbering rule as scikit-learn (clusters in the row order of their first core point): equal outright.
      assert.deepEqual(Array.from(f.labels), c.expected.labels);
      const r = dbscanLabels(fromRows(c.input.x), c.input.eps, c.input.minSamples, c.input.weights ? Float64Array.from(c.input.weights) : undefined);
      const coreIdx = Array.from(r.core).flatMap((v, i) => (v ? [i] : []));
      assert.deepEqual(coreIdx, c.expected.coreSampleIndices);
      assert.equal(f.diagnostics.nCore, c.expected.coreSampleIndices.length);
    });

    it(`predict on the training rows of ${c.name}: cores and noise keep their label, borders go to a cluster within eps`, async () => {
      const f = await fit(c.input.x, { eps: c.input.eps, minSamples: c.input.minSamples }, c.input.weights);
      const p = dbscanClusterer.predict(f.state, f.data);
      const core = new Set<number>(c.expected.coreSampleIndices);
      let moved = 0;
      for (let i = 0; i < p.length; i++) {
        if (p[i] === f.labels[i]) continue;
        moved++;
        // Only a border point may move, and only to another cluster it borders (never to or from noise).
        assert.ok(!core.has(i) && f.labels[i] >= 0 && p[i] >= 0, `row ${i}: ${f.labels[i]} → ${p[i]}`);
      }
      // Measured (fixture README): borders move only on the integer grid, where a border point is often
      // exactly as far from core points of two clusters.
      assert.equal(moved, MOVED_BORDERS[c.name] ?? 0, `${moved} border points moved`);
    });

    if (c.expected.kDistance) {
      it(`k-distance curve equals scikit-learn's NearestNeighbors on ${c.name}`, () => {
        const k = kDistance(fromRows(c.input.x), c.input.minSamples);
        expectClose(k.distances, [...c.expected.kDistance].sort((a: number, b: number) => a - b), { rtol: 1e-12, atol: 1e-12 });
        // A row is core exactly when its k-distance is ≤ eps (unweighted).
        const nCore = k.distances.filter((v) => v <= c.input.eps).length;
        assert.equal(nCore, c.expected.coreSampleIndices.length);
      });
    }
  }

  it("eps 'auto' takes the knee of the k-distance curve and finds the three blobs", async () => {
    const c = fixture.cases.find((c: any) => c.name === 'blobs-noise-2d');
    const f = await fit(c.input.x, { minSamples: 5 });
    const k = kDistance(fromRows(c.input.x), 5);
    assert.equal(f.state.eps, k.suggestedEps);
    assert.ok(k.suggestedEps > 0.3 && k.suggestedEps < 1.5, `suggested eps ${k.suggestedEps}`);
    // The 300 blob rows (3 × 100) fall in three big clusters.
    const sizes = new Map<number, number>();
    for (const l of f.labels) sizes.set(l, (sizes.get(l) ?? 0) + 1);
    const big = [...sizes.entries()].filter(([l, s]) => l >= 0 && s >= 80);
    assert.equal(big.length, 3, JSON.stringify([...sizes]));
  });

  it("eps 'auto' recovers seeded blobs and their background noise (6 blobs in 3-D, 5% noise)", async () => {
    for (const minSamples of [5, 10, 20]) {
      const rng = createRng(21);
      const centers = Array.from({ length: 6 }, () => [rng.float() * 20 - 10, rng.float() * 20 - 10, rng.float() * 20 - 10]);
      const x: number[][] = [];
      for (let i = 0; i < 3000; i++)
        x.push(rng.float() < 0.05 ? [0, 1, 2].map(() => rng.float() * 24 - 12) : centers[rng.int(6)].map((c) => c + 0.5 * rng.normal()));
      const f = await fit(x, { minSamples });
      assert.equal(f.state.nClusters, 6, `minSamples ${minSamples}: eps ${f.state.eps}`);
      assert.ok(f.diagnostics.noiseShare > 0.03 && f.diagnostics.noiseShare < 0.08, `noise share ${f.diagnostics.noiseShare}`);
    }
  });

  it('warns with the k-distance suggestion when eps makes every row noise', async () => {
    const c = fixture.cases.find((c: any) => c.name === 'blobs-noise-2d');
    const f = await fit(c.input.x, { eps: 0.001, minSamples: 5 });
    assert.ok(f.labels.every((l) => l === -1));
    const suggested = kDistance(fromRows(c.input.x), 5).suggestedEps;
    assert.deepEqual(f.warnings, [{ code: 'W_FEWER_CLUSTERS', message: msg.dbscanAllNoise(0.001, 5, suggested, false) }]);
    assert.match(f.warnings[0].message, /every row is noise.*suggests eps=0\.\d+/);
    assert.equal(f.state.coreLabels.length, 0);
    assert.ok(dbscanClusterer.predict(f.state, f.data).every((l) => l === -1)); // a model without core points predicts noise
  });

  it('warns with the k-distance suggestion when eps makes one segment', async () => {
    const c = fixture.cases.find((c: any) => c.name === 'blobs-noise-2d');
    const f = await fit(c.input.x, { eps: 50, minSamples: 5 });
    assert.equal(f.state.nClusters, 1);
    const suggested = kDistance(fromRows(c.input.x), 5).suggestedEps;
    assert.deepEqual(f.warnings, [{ code: 'W_FEWER_CLUSTERS', message: msg.dbscanOneCluster(50, 5, suggested, false) }]);
    const good = await fit(c.input.x, { eps: 0.5, minSamples: 5 });
    assert.deepEqual(good.warnings, []);
  });

  it('keeps a seeded sample of the core points above maxCorePoints, and says so', async () => {
    const c = fixture.cases.find((c: any) => c.name === 'blobs-noise-2d');
    const f = await fit(c.input.x, { eps: 0.5, minSamples: 5, maxCorePoints: 50 }, null, 3);
    assert.equal(f.state.coreLabels.length, 50);
    assert.equal(f.state.corePoints.length, 100);
    assert.equal(f.state.coreSampled, true);
    assert.ok(f.warnings.some((w) => w.code === 'W_SAMPLED' && /265 core points.*sample of 50/.test(w.message)));
    const again = await fit(c.input.x, { eps: 0.5, minSamples: 5, maxCorePoints: 50 }, null, 3);
    assert.deepEqual(again.state, f.state);
    // The kept core points still predict into their own segment.
    const kept = datasetFromMatrix({ rows: 50, cols: 2, data: Float64Array.from(f.state.corePoints) });
    assert.deepEqual(Array.from(dbscanClusterer.predict(f.state, kept)), f.state.coreLabels);
  });

  it('property: equals a brute-force DBSCAN (scikit-learn\'s loop over all pairs), with ties and weights', () => {
    // The reference: neighbourhoods by all pairs, then _dbscan_inner's expansion in row order.
    const naive = (x: Float64Array, n: number, d: number, eps: number, ms: number, w?: Float64Array) => {
      const nb: number[][] = [];
      for (let i = 0; i < n; i++) {
        nb.push([]);
        for (let j = 0; j < n; j++) {
          let s = 0;
          for (let t = 0; t < d; t++) s += (x[i * d + t] - x[j * d + t]) ** 2;
          if (s <= eps * eps) nb[i].push(j);
        }
      }
      const core = nb.map((l) => l.reduce((a, j) => a + (w ? w[j] : 1), 0) >= ms);
      const labels = new Array<number>(n).fill(-1);
      let c = 0;
      for (let i = 0; i < n; i++) {
        if (labels[i] !== -1 || !core[i]) continue;
        const stack = [i];
        while (stack.length) {
          const p = stack.pop()!;
          if (labels[p] !== -1 && p !== i) continue;
          labels[p] = c;
          if (core[p]) for (const j of nb[p]) if (labels[j] === -1) stack.push(j);
        }
        c++;
      }
      return { labels, core: core.map((v) => (v ? 1 : 0)) };
    };
    fc.assert(fc.property(
      fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 400 }), fc.integer({ min: 0, max: 1e6 }),
      fc.double({ min: 0.05, max: 3, noNaN: true }), fc.integer({ min: 1, max: 12 }), fc.boolean(), fc.boolean(),
      (d, n, seed, eps, minSamples, grid, weighted) => {
        const rng = createRng(seed);
        const x = new Float64Array(n * d);
        // Clumps plus background, on a 0.1 grid when `grid` (many distances exactly equal to eps).
        for (let i = 0; i < n; i++) {
          const clump = rng.int(4);
          for (let t = 0; t < d; t++) {
            const v = rng.float() < 0.8 ? clump * 3 + rng.normal() * 0.5 : rng.float() * 15;
            x[i * d + t] = grid ? Math.round(v * 10) / 10 : v;
          }
        }
        const w = weighted ? Float64Array.from({ length: n }, () => rng.float() * 2) : undefined;
        const got = dbscanLabels({ rows: n, cols: d, data: x }, grid ? Math.round(eps * 10) / 10 || 0.1 : eps, minSamples, w);
        const want = naive(x, n, d, grid ? Math.round(eps * 10) / 10 || 0.1 : eps, minSamples, w);
        assert.deepEqual(Array.from(got.core), want.core);
        assert.deepEqual(Array.from(got.labels), want.labels);
      }), { numRuns: 300 });
  });

  it('property: predict on a training core point returns its own segment', async () => {
    await fc.assert(fc.asyncProperty(
      fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 120 }), fc.integer({ min: 0, max: 1e6 }),
      fc.double({ min: 0.05, max: 2, noNaN: true }), fc.integer({ min: 1, max: 8 }),
      async (d, n, seed, eps, minSamples) => {
        const rng = createRng(seed);
        const x = Array.from({ length: n }, () => Array.from({ length: d }, () => Math.round(rng.float() * 50) / 10));
        const f = await fit(x, { eps, minSamples });
        const core = dbscanLabels(fromRows(x), eps, minSamples).core;
        const p = dbscanClusterer.predict(f.state, f.data);
        for (let i = 0; i < n; i++) if (core[i]) assert.equal(p[i], f.labels[i], `core row ${i}`);
        for (let i = 0; i < n; i++) if (f.labels[i] === -1) assert.equal(p[i], -1, `noise row ${i}`);
      }), { numRuns: 150 });
  });
});

describe('cluster/dbscan and hdbscan in a model', () => {
  it('fit on the mall sample; export-sql refuses both methods clearly (no SQL scores: segments come from core points, not centers)', async () => {
    const frame = await readFrame(parseSourceSpec(new URL('../../data/samples/mall_customers.csv', import.meta.url).pathname, {}));
    for (const method of ['dbscan', 'hdbscan']) {
      const r = await fitModel(frame, { method, options: {}, seed: 1 });
      assert.ok(r.labels.some((l) => l === -1), `${method}: the sample has outliers`);
      await expectSegkitError(() => exportSql(r.model, { dialect: 'duckdb' }), 'E_OPTION', msg.noSqlForMethod(method));
    }
  });
});

checkClusterer(dbscanClusterer, {
  options: { eps: 3, minSamples: 5 },
  badOptions: [{ eps: 0 }, { eps: -1 }, { eps: 'big' }, { minSamples: 0 }, { minSamples: 2.5 }, { maxCorePoints: 0 }],
  skip: [{ reason: 'DBSCAN has no cluster count to exceed the rows: two rows are simply noise (as in scikit-learn)', checks: ['too-few-rows'] }],
});
