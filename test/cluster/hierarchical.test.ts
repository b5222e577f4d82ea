import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { hierarchicalClusterer } from '../../src/cluster/hierarchical.js';
import { toTree, type MergeTree } from '../../src/cluster/hierarchical-tree.js';
import { wardChain } from '../../src/cluster/hierarchical-ward.js';
import { matrixChain } from '../../src/cluster/hierarchical-matrix.js';
import { singleLinkageMst } from '../../src/cluster/hierarchical-single.js';
import { createFitContext } from '../../src/cluster/types.js';
import { createRng } from '../../src/math/rng.js';
import { fromRows, type Matrix } from '../../src/math/matrix.js';
import { datasetFromMatrix } from '../../src/data/dataset.js';
import { parseOptions } from '../../src/options.js';
import type { SegkitWarning } from '../../src/errors.js';
import { expectClose, expectSamePartition, expectSegkitError } from '../helpers/expect.js';
import { checkClusterer } from '../conformance/clusterer.js';

const fixture = JSON.parse(readFileSync(new URL('../fixtures/hierarchical/linkage.json', import.meta.url), 'utf8'));
const X: Matrix = fromRows(fixture.x);
type Linkage = 'ward' | 'average' | 'complete' | 'single';

function tree(x: Matrix, linkage: Linkage): MergeTree {
  const raw = linkage === 'ward' ? wardChain(x) : linkage === 'single' ? singleLinkageMst(x) : matrixChain(x, linkage);
  return toTree(raw, x.rows);
}

async function fit(x: Matrix, opts: Record<string, unknown>, weights?: Float64Array) {
  const warnings: SegkitWarning[] = [];
  const params = parseOptions(hierarchicalClusterer.schema, opts, 'hierarchical');
  const f = await hierarchicalClusterer.fit(datasetFromMatrix(x, undefined, weights), params, createFitContext(createRng(0), warnings));
  return { ...f, warnings };
}

/** scipy's Z rows as [a, b, height, size]. */
const zRows = (t: MergeTree) => Array.from(t.a, (a, i) => [a, t.b[i], t.height[i], t.size[i]]);

describe('cluster/hierarchical: hand-computed trees of 0, 1, 3, 7 on a line', () => {
  // Merge 1: rows 0 and 1 at distance 1 (all linkages). Merge 2: cluster 4 = {0, 1} with row 3 (value 3):
  //   single min(3, 2) = 2; complete max(3, 2) = 3; average (3 + 2)/2 = 2.5;
  //   ward sqrt(2·2·1/3)·|0.5 − 3| = 5/√3 (beats row 7 at 4 and {0,1}–7).
  // Merge 3: cluster 5 = {0, 1, 3} with row 7: single 4; complete 7; average (7 + 6 + 4)/3 = 17/3;
  //   ward sqrt(2·3·1/4)·|4/3 − 7| = √1.5·17/3.
  const x = fromRows([[0], [1], [3], [7]]);
  const expected: Record<Linkage, number[]> = {
    single: [1, 2, 4],
    complete: [1, 3, 7],
    average: [1, 2.5, 17 / 3],
    ward: [1, 5 / Math.sqrt(3), Math.sqrt(1.5) * 17 / 3],
  };
  for (const linkage of Object.keys(expected) as Linkage[]) {
    it(`${linkage}: merges (0,1), (2,4), (3,5) at the hand-computed heights`, () => {
      const t = tree(x, linkage);
      assert.deepEqual(Array.from(t.a), [0, 2, 3]);
      assert.deepEqual(Array.from(t.b), [1, 4, 5]);
      assert.deepEqual(Array.from(t.size), [2, 3, 4]);
      expectClose(t.height, expected[linkage], { rtol: 1e-14 });
    });
  }

  it('cuts into 2 segments with centroids, nodes and top merges in the state', async () => {
    const f = await fit(x, { nClusters: 2, linkage: 'ward' });
    assert.deepEqual(Array.from(f.labels), [0, 0, 0, 1]);
    assert.deepEqual(f.state.centroids, [[4 / 3], [7]]);
    assert.deepEqual(f.state.segmentNodes, [5, 3]);
    assert.deepEqual(f.state.topMerges, { first: 0, a: [0, 2, 3], b: [1, 4, 5], height: f.state.topMerges.height, size: [2, 3, 4] });
    expectClose(f.diagnostics.cutHeight, 5 / Math.sqrt(3), { rtol: 1e-14 });
    expectClose(f.diagnostics.nextMergeHeight, Math.sqrt(1.5) * 17 / 3, { rtol: 1e-14 });
    assert.equal(f.diagnostics.nMerges, 3);
  });
});

describe('cluster/hierarchical: scipy linkage and fcluster on 200 rows × 4 (fixture)', () => {
  for (const c of fixture.cases) {
    const linkage = c.linkage as Linkage;
    it(`${linkage}: same merge tree as scipy (ids and sizes exact, heights to 1e-9)`, () => {
      const t = tree(X, linkage);
      const got = zRows(t), want = c.Z as number[][];
      assert.deepEqual(got.map((r) => [r[0], r[1], r[3]]), want.map((r) => [r[0], r[1], r[3]]));
      expectClose(t.height, want.map((r) => r[2]), { rtol: 1e-9 });
    });
    it(`${linkage}: cuts by k equal fcluster(Z, k, 'maxclust') up to label permutation`, async () => {
      for (const [k, labels] of Object.entries(c.cuts as Record<string, number[]>)) {
        const f = await fit(X, { nClusters: Number(k), linkage });
        expectSamePartition(f.labels, labels);
        assert.equal(new Set(f.labels).size, Number(k));
      }
    });
    it(`${linkage}: cuts by height equal fcluster(Z, t, 'distance'), nClusters derived`, async () => {
      for (const h of c.heightCuts as { height: number; labels: number[] }[]) {
        const f = await fit(X, { height: h.height, linkage });
        expectSamePartition(f.labels, h.labels);
        assert.equal(f.diagnostics.nClusters, new Set(h.labels).size);
        assert.equal(hierarchicalClusterer.nClusters(f.state), new Set(h.labels).size);
      }
    });
    it(`${linkage}: levels [4, 12] equal scipy's two cuts and nest`, async () => {
      const f = await fit(X, { levels: [4, 12], linkage });
      expectSamePartition(f.labels, c.cuts['12']);
      const cols = hierarchicalClusterer.extraColumns!(f.state, datasetFromMatrix(X), f.labels);
      assert.deepEqual(cols.map((col) => [col.name, col.kind, col.description]), [
        ['level_4', 'int', 'segment among the 4 broad segments'],
        ['level_12', 'int', 'segment among the 12 detailed segments'],
      ]);
      expectSamePartition(cols[0].values, c.cuts['4']);
      assert.deepEqual(Array.from(cols[1].values), Array.from(f.labels));
    });
  }

  it('ward on 2,000 × 5: the same tree as scipy over many merges (exercises the neighbour cache)', () => {
    const L = fixture.large;
    const t = tree(fromRows(L.x), 'ward');
    assert.deepEqual(Array.from(t.a), L.a);
    assert.deepEqual(Array.from(t.b), L.b);
    assert.deepEqual(Array.from(t.size), L.size);
    expectClose(t.height, L.height, { rtol: 1e-9 });
  });

  it('ward keeps the whole tree of 199 merges as top merges, equal to scipy Z', async () => {
    const f = await fit(X, { nClusters: 4 });
    const z = fixture.cases.find((c: any) => c.linkage === 'ward').Z as number[][];
    assert.equal(f.state.topMerges.first, 0);
    assert.deepEqual(f.state.topMerges.a, z.map((r) => r[0]));
    assert.deepEqual(f.state.topMerges.size, z.map((r) => r[3]));
  });

  it('measures how many training rows lie nearer another segment centroid (ward, fixture)', async () => {
    // Recorded: the tree's labels and the nearest-centroid rule disagree on a few rows; predict uses the rule.
    const counts: Record<string, number> = {};
    for (const k of [4, 8, 12]) {
      const f = await fit(X, { nClusters: k });
      const p = hierarchicalClusterer.predict(f.state, datasetFromMatrix(X));
      let differ = 0;
      for (let i = 0; i < X.rows; i++) if (p[i] !== f.labels[i]) differ++;
      assert.equal(f.diagnostics.labelsNotNearestCentroid, differ);
      counts[k] = differ;
    }
    assert.deepEqual(counts, { 4: 4, 8: 14, 12: 18 }); // of 200 rows: 2%, 7%, 9%
  });
});

describe('cluster/hierarchical: options and refusals', () => {
  it('refuses average/complete linkage above maxMemoryMB, naming the memory and the ways out', async () => {
    const rng = createRng(3);
    const x: Matrix = { rows: 3000, cols: 2, data: Float64Array.from({ length: 6000 }, () => rng.normal()) };
    for (const linkage of ['average', 'complete']) {
      const e = await expectSegkitError(() => fit(x, { nClusters: 3, linkage, maxMemoryMB: 10 }), 'E_TOO_LARGE');
      assert.equal(e.where.field, 'maxMemoryMB');
      assert.match(e.message, new RegExp(`^${linkage} linkage on 3,000 rows needs the condensed distance matrix, n\\(n−1\\)/2 doubles = 35 MB, above maxMemoryMB=10\\.`));
      assert.match(e.message, /linkage 'ward'/);
      assert.match(e.message, /a sample of at most 1,619 rows/);
      assert.match(e.message, /raise maxMemoryMB to 35/);
    }
    // 1,619 rows fit in 10 MB, 1,620 do not; ward and single need no matrix.
    const at = (n: number) => ({ rows: n, cols: 2, data: x.data.subarray(0, 2 * n) });
    await fit(at(1619), { nClusters: 3, linkage: 'average', maxMemoryMB: 10 });
    await expectSegkitError(() => fit(at(1620), { nClusters: 3, linkage: 'average', maxMemoryMB: 10 }), 'E_TOO_LARGE');
    for (const linkage of ['ward', 'single']) assert.equal((await fit(x, { nClusters: 3, linkage, maxMemoryMB: 10 })).labels.length, 3000);
  });

  it('refuses politely when a raised maxMemoryMB asks for more than the engine can allocate', async () => {
    // 100,000 rows: 5·10⁹ doubles, beyond the largest typed array, whatever the machine's memory.
    const x: Matrix = { rows: 100_000, cols: 1, data: Float64Array.from({ length: 100_000 }, (_, i) => Math.sin(i)) };
    const e = await expectSegkitError(() => fit(x, { nClusters: 3, linkage: 'average', maxMemoryMB: 1e6 }), 'E_TOO_LARGE', /38,147 MB, and this process could not allocate it/);
    assert.equal(e.where.field, 'maxMemoryMB');
  });

  it('rejects height with nClusters, levels above the cut, and unordered levels', async () => {
    const e1 = await expectSegkitError(() => fit(X, { nClusters: 4, height: 2 }), 'E_OPTION');
    assert.equal(e1.where.field, 'height');
    const e2 = await expectSegkitError(() => fit(X, { nClusters: 8, levels: [4, 12] }), 'E_OPTION', /lists 12 segments, more than the 8 segments/);
    assert.equal(e2.where.field, 'levels');
    await expectSegkitError(() => fit(X, { height: 1e9, levels: [2] }), 'E_OPTION', /lists 2 segments, more than the 1 segments/);
    await expectSegkitError(() => fit(X, { levels: [12, 4] }), 'E_OPTION', /'levels' option of hierarchical must be ascending integers ≥ 1, each listed once/);
    await expectSegkitError(() => fit(X, { levels: [4, 4] }), 'E_OPTION');
    await expectSegkitError(() => fit(X, { levels: [4, 300] }), 'E_TOO_FEW_ROWS');
  });

  it('defaults to ward with 8 segments, and to the largest level when levels are given', async () => {
    assert.equal((await fit(X, {})).state.centroids.length, 8);
    const f = await fit(X, { levels: [3, 5] });
    assert.equal(f.state.centroids.length, 5);
    assert.equal(f.state.linkage, 'ward');
    assert.deepEqual(f.state.levels.map((l) => l.k), [3, 5]);
  });

  it('reports progress and stops with E_ABORTED when aborted between merges', async () => {
    const rng = createRng(4);
    const x: Matrix = { rows: 2100, cols: 3, data: Float64Array.from({ length: 6300 }, () => rng.normal()) };
    for (const linkage of ['ward', 'average', 'single']) {
      const ac = new AbortController();
      const steps: number[] = [];
      const ctx = createFitContext(createRng(0), [], { signal: ac.signal, onProgress: (p) => (steps.push(p.done), ac.abort()) });
      const params = parseOptions(hierarchicalClusterer.schema, { nClusters: 3, linkage }, 'hierarchical');
      await expectSegkitError(() => hierarchicalClusterer.fit(datasetFromMatrix(x), params, ctx), 'E_ABORTED');
      assert.deepEqual(steps, [0]);
    }
  });

  it('warns that row weights are ignored', async () => {
    const f = await fit(X, { nClusters: 3 }, new Float64Array(X.rows).fill(2));
    assert.deepEqual(f.warnings.map((w) => w.code), ['W_FALLBACK']);
  });
});

/** Textbook O(n³) agglomeration on the full matrix with Lance-Williams updates (the reference for the properties). */
function naiveHeights(x: Matrix, linkage: Linkage): number[] {
  const n = x.rows;
  const D = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => Math.hypot(...Array.from({ length: x.cols }, (_, t) => x.data[i * x.cols + t] - x.data[j * x.cols + t]))));
  const size = new Array(n).fill(1), alive = new Array(n).fill(true), heights: number[] = [];
  for (let step = 0; step < n - 1; step++) {
    let bi = -1, bj = -1, best = Infinity;
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (alive[i] && alive[j] && D[i][j] < best) [best, bi, bj] = [D[i][j], i, j];
    heights.push(best);
    for (let k = 0; k < n; k++) {
      if (!alive[k] || k === bi || k === bj) continue;
      const a = D[bi][k], b = D[bj][k], si = size[bi], sj = size[bj], sk = size[k];
      const v = linkage === 'single' ? Math.min(a, b) : linkage === 'complete' ? Math.max(a, b) : linkage === 'average' ? (si * a + sj * b) / (si + sj)
        : Math.sqrt(((si + sk) * a * a + (sj + sk) * b * b - sk * best * best) / (si + sj + sk));
      D[bi][k] = D[k][bi] = v;
    }
    size[bi] += size[bj];
    alive[bj] = false;
  }
  return heights.sort((p, q) => p - q);
}

describe('cluster/hierarchical: properties (fast-check)', () => {
  const data = fc.integer({ min: 2, max: 25 }).chain((n) =>
    fc.record({
      n: fc.constant(n),
      d: fc.integer({ min: 1, max: 3 }),
      seed: fc.integer({ min: 1, max: 1_000_000 }),
      linkage: fc.constantFrom<Linkage>('ward', 'average', 'complete', 'single'),
      k: fc.integer({ min: 1, max: n }),
    }));
  const matrixOf = (n: number, d: number, seed: number): Matrix => {
    const rng = createRng(seed);
    return { rows: n, cols: d, data: Float64Array.from({ length: n * d }, () => rng.normal() * 10) };
  };

  it('merge heights equal the textbook O(n³) algorithm (all linkages)', () => {
    fc.assert(fc.property(data, ({ n, d, seed, linkage }) => {
      const x = matrixOf(n, d, seed);
      expectClose(tree(x, linkage).height, naiveHeights(x, linkage), { rtol: 1e-9, atol: 1e-12 });
    }), { numRuns: 150 });
  });

  it('cutting at k gives k segments; levels nest; predict of a centroid returns its segment', async () => {
    await fc.assert(fc.asyncProperty(data, fc.integer({ min: 1, max: 25 }), async ({ n, d, seed, linkage, k }, k2) => {
      const x = matrixOf(n, d, seed);
      const coarse = Math.min(k, k2, n), fine = Math.max(k, Math.min(k2, n));
      const levels = coarse < fine ? [coarse, fine] : [fine];
      const f = await fit(x, { linkage, levels });
      assert.equal(new Set(f.labels).size, fine);
      const cols = hierarchicalClusterer.extraColumns!(f.state, datasetFromMatrix(x), f.labels);
      if (coarse < fine) {
        assert.equal(new Set(cols[0].values).size, coarse);
        // Nested: rows in one fine segment share one coarse segment.
        for (let i = 0; i < n; i++) assert.equal(cols[0].values[i], f.state.levels[0].parent[f.labels[i]]);
        const coarseOf = new Map<number, number>();
        for (let i = 0; i < n; i++) {
          if (!coarseOf.has(f.labels[i])) coarseOf.set(f.labels[i], cols[0].values[i]);
          assert.equal(cols[0].values[i], coarseOf.get(f.labels[i]));
        }
      } else assert.equal(cols.length, 0);
      const p = hierarchicalClusterer.predict(f.state, datasetFromMatrix(fromRows(f.state.centroids)));
      assert.deepEqual(Array.from(p), f.state.centroids.map((_, s) => s));
    }), { numRuns: 150 });
  });
});

for (const linkage of ['ward', 'average', 'complete', 'single']) {
  checkClusterer(hierarchicalClusterer, {
    options: { nClusters: 3, linkage },
    badOptions: [{ nClusters: 0 }, { linkage: 'centroid' }, { levels: [3, 2] }, { levels: [] }, { maxMemoryMB: 0 }, { height: -1 }],
    skip: [{
      reason: 'training labels come from the tree; predict uses the nearest segment centroid, which can differ for a few rows (documented rule; diagnostic labelsNotNearestCentroid)',
      checks: ['labels-equal-predict'],
    }],
  });
}
