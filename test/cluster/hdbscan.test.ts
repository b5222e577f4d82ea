import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { hdbscanClusterer } from '../../src/cluster/hdbscan.js';
import { coreDistances, mergesOf, primPath } from '../../src/cluster/hdbscan-tree.js';
import { primPathOnTree } from '../../src/cluster/hdbscan-prim-tree.js';
import { buildKdTree } from '../../src/math/kd-tree.js';
import { createFitContext } from '../../src/cluster/types.js';
import { createRng } from '../../src/math/rng.js';
import { fromRows } from '../../src/math/matrix.js';
import { datasetFromMatrix } from '../../src/data/dataset.js';
import { parseOptions } from '../../src/options.js';
import type { SegkitWarning } from '../../src/errors.js';
import { expectClose, expectSamePartition } from '../helpers/expect.js';
import { checkClusterer } from '../conformance/clusterer.js';

const fixture = JSON.parse(readFileSync(new URL('../fixtures/dbscan/hdbscan.json', import.meta.url), 'utf8'));

async function fit(x: number[][], opts: Record<string, unknown>, seed = 0) {
  const warnings: SegkitWarning[] = [];
  const params = parseOptions(hdbscanClusterer.schema, opts, 'hdbscan');
  const data = datasetFromMatrix(fromRows(x));
  const f = await hdbscanClusterer.fit(data, params, createFitContext(createRng(seed), warnings));
  return { ...f, data, warnings };
}

const strengthOf = (f: Awaited<ReturnType<typeof fit>>) => hdbscanClusterer.extraColumns!(f.state, f.data, f.labels)[0];

describe('cluster/hdbscan', () => {
  it('builds the mutual-reachability tree of a hand-computed line', () => {
    // Rows 0, 1, 3, 7 on a line, minSamples 2: core distances = nearest other row = 1, 1, 2, 4.
    // Mutual reachability from row 0: to 1 = max(1, 1, 1) = 1; Prim adds 1 (weight 1), then 3 (from 1:
    // max(1, 2, 2) = 2), then 7 (from 3: max(2, 4, 4) = 4).
    const x = Float64Array.from([0, 1, 3, 7]);
    const core = coreDistances(buildKdTree(x, 4, 1), 2);
    assert.deepEqual(Array.from(core), [1, 1, 2, 4]);
    const p = primPath(x, 4, 1, core);
    assert.deepEqual(Array.from(p.from), [1, 2, 3]);
    assert.deepEqual(Array.from(p.to), [0, 1, 2]);
    assert.deepEqual(Array.from(p.weight), [1, 2, 4]);
    const m = mergesOf(p, 4);
    // hclust encoding: (-2, -1) at 1, then (-3, 1) at 2, then (-4, 2) at 4.
    assert.deepEqual([Array.from(m.a), Array.from(m.b), Array.from(m.height), Array.from(m.size)], [[-2, -3, -4], [-1, 1, 2], [1, 2, 4], [2, 3, 4]]);
  });

  it("property: Prim's path equals R's prims on the full mutual-reachability matrix (ties on a grid)", () => {
    // R dbscan 1.1-11 src/R_prims_mst.cpp, transcribed as a plain loop over a stored matrix.
    const rPrims = (x: Float64Array, n: number, d: number, core: Float64Array) => {
      const mrd = (a: number, b: number) => {
        let s = 0;
        for (let j = 0; j < d; j++) s += (x[a * d + j] - x[b * d + j]) ** 2;
        return Math.max(Math.sqrt(s), core[a], core[b]);
      };
      const selected = new Array<boolean>(n).fill(false), fringe = new Array<number>(n).fill(Infinity);
      const out: number[][] = [];
      let c = 0, minId = n - 1;
      for (let e = 0; e < n - 1; e++) {
        let min = Infinity;
        for (let i = 0; i < n; i++) {
          if (i === c || selected[i]) continue;
          fringe[i] = Math.min(fringe[i], mrd(c, i));
          if (fringe[i] < min) { min = fringe[i]; minId = i; }
        }
        out.push([minId, c, min]);
        selected[c] = true;
        c = minId;
      }
      return out;
    };
    fc.assert(fc.property(
      fc.integer({ min: 1, max: 3 }), fc.integer({ min: 2, max: 120 }), fc.integer({ min: 0, max: 1e6 }), fc.integer({ min: 1, max: 6 }),
      (d, n, seed, minSamples) => {
        const rng = createRng(seed);
        const x = Float64Array.from({ length: n * d }, () => rng.int(6)); // integer grid: many equal weights
        const core = coreDistances(buildKdTree(x, n, d), minSamples);
        const p = primPath(x, n, d, core);
        const want = rPrims(x, n, d, core);
        assert.deepEqual(Array.from(p.from, (f, e) => [f, p.to[e], p.weight[e]]), want);
        // The tree-pruned version used by fit gives the very same path.
        const t = primPathOnTree(buildKdTree(x, n, d), core);
        assert.deepEqual([Array.from(t.from), Array.from(t.to), Array.from(t.weight)], [Array.from(p.from), Array.from(p.to), Array.from(p.weight)]);
      }), { numRuns: 200 });
  });

  it('property: the tree-pruned Prim path equals the plain scan on real-valued clumps', () => {
    fc.assert(fc.property(
      fc.integer({ min: 1, max: 4 }), fc.integer({ min: 2, max: 500 }), fc.integer({ min: 0, max: 1e6 }), fc.integer({ min: 1, max: 10 }),
      (d, n, seed, minSamples) => {
        const rng = createRng(seed);
        const x = new Float64Array(n * d);
        for (let i = 0; i < n; i++) {
          const clump = rng.int(5);
          for (let j = 0; j < d; j++) x[i * d + j] = rng.float() < 0.9 ? clump * 4 + rng.normal() : rng.float() * 30;
        }
        const tree = buildKdTree(x, n, d);
        const core = coreDistances(tree, minSamples);
        const p = primPath(x, n, d, core), t = primPathOnTree(tree, core);
        assert.deepEqual([Array.from(t.from), Array.from(t.to), Array.from(t.weight)], [Array.from(p.from), Array.from(p.to), Array.from(p.weight)]);
      }), { numRuns: 100 });
  });

  for (const c of fixture.cases) {
    it(`equals R dbscan::hdbscan (labels, membership_prob, coredist) on ${c.name}`, async () => {
      const f = await fit(c.input.x, { minClusterSize: c.input.minPts });
      expectSamePartition(f.labels, c.expected.labels);
      for (let i = 0; i < f.labels.length; i++) assert.equal(f.labels[i] < 0, c.expected.labels[i] < 0, `row ${i}: noise in one only`);
      expectClose(f.state.core, c.expected.coreDist, { rtol: 1e-12, atol: 1e-12, label: 'coredist' });
      const s = strengthOf(f);
      assert.equal(s.name, 'strength');
      expectClose(s.values, c.expected.membershipProb, { rtol: 1e-12, atol: 1e-12, label: 'membership_prob' });
    });
  }

  it('predict on every training row returns its training segment (fixtures; exact duplicates aside)', async () => {
    for (const c of fixture.cases) {
      const f = await fit(c.input.x, { minClusterSize: c.input.minPts });
      const p = hdbscanClusterer.predict(f.state, f.data);
      const seen = new Map<string, number>();
      c.input.x.forEach((r: number[]) => seen.set(r.join(), (seen.get(r.join()) ?? 0) + 1));
      let moved = 0;
      for (let i = 0; i < p.length; i++) {
        if (p[i] === f.labels[i]) continue;
        moved++;
        // Identical rows can end in different segments (one falls off with a small group); predict
        // cannot tell them apart and gives both the same answer.
        assert.ok(seen.get(c.input.x[i].join())! > 1, `${c.name} row ${i}: ${f.labels[i]} → ${p[i]}, not a duplicate`);
      }
      assert.equal(moved, c.name === 'grid-ties-m4' ? 1 : 0, c.name); // measured
    }
  });

  it('predicts new rows by mutual reachability: near a blob into it, far away as noise', async () => {
    const c = fixture.cases.find((c: any) => c.name === 'blobs-noise-2d-m10');
    const f = await fit(c.input.x, { minClusterSize: 10 });
    const train = f.labels;
    // Segments of the three blob centres (rows 0, 100, 200 are drawn around (0,0), (4,4), (-4,4)).
    const seg = (centre: number[]) => {
      const counts = new Map<number, number>();
      c.input.x.forEach((r: number[], i: number) => {
        if ((r[0] - centre[0]) ** 2 + (r[1] - centre[1]) ** 2 < 1 && train[i] >= 0) counts.set(train[i], (counts.get(train[i]) ?? 0) + 1);
      });
      return [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0];
    };
    const newRows = datasetFromMatrix(fromRows([[0.1, -0.1], [3.9, 4.2], [-4.1, 3.8], [30, 30], [-20, 0]]));
    const p = hdbscanClusterer.predict(f.state, newRows);
    assert.deepEqual(Array.from(p), [seg([0, 0]), seg([4, 4]), seg([-4, 4]), -1, -1]);
    const s = hdbscanClusterer.extraColumns!(f.state, newRows, p)[0].values;
    for (let i = 0; i < 3; i++) assert.ok(s[i] > 0.3 && s[i] <= 1, `strength ${s[i]}`);
    assert.equal(s[3], 0);
  });

  it("'leaf' selects the finest clusters: at least as many as 'eom'", async () => {
    const c = fixture.cases.find((c: any) => c.name === 'mall-3d-m5');
    const eom = await fit(c.input.x, { minClusterSize: 5 });
    const leaf = await fit(c.input.x, { minClusterSize: 5, clusterSelectionMethod: 'leaf' });
    assert.ok(leaf.state.nClusters >= eom.state.nClusters, `${leaf.state.nClusters} < ${eom.state.nClusters}`);
    // Leaf clusters are leaves of the tree: none has a child cluster that is also selected.
    assert.deepEqual(Array.from(hdbscanClusterer.predict(leaf.state, leaf.data)), Array.from(leaf.labels));
  });

  it('one dense blob: noise with a warning by default, one segment with allowSingleCluster', async () => {
    const rng = createRng(4);
    const x = Array.from({ length: 60 }, () => [rng.normal(), rng.normal()]);
    const plain = await fit(x, { minClusterSize: 40 });
    assert.ok(plain.labels.every((l) => l === -1));
    assert.ok(plain.warnings.some((w) => w.code === 'W_FEWER_CLUSTERS'));
    const single = await fit(x, { minClusterSize: 40, allowSingleCluster: true });
    assert.equal(single.state.nClusters, 1);
    assert.ok(single.labels.filter((l) => l === 0).length >= 40);
  });

  it('minSamples defaults to minClusterSize and can be set apart', async () => {
    const c = fixture.cases.find((c: any) => c.name === 'blobs-noise-2d-m10');
    const a = await fit(c.input.x, { minClusterSize: 10 });
    const b = await fit(c.input.x, { minClusterSize: 10, minSamples: 10 });
    assert.deepEqual(a.state, b.state);
    const loose = await fit(c.input.x, { minClusterSize: 10, minSamples: 2 });
    assert.equal(loose.state.minSamples, 2);
    // Core distance with minSamples 2 = distance to the nearest other row.
    const x = c.input.x as number[][];
    const nearest = x.map((r, i) => Math.min(...x.map((q, j) => (i === j ? Infinity : Math.hypot(r[0] - q[0], r[1] - q[1])))));
    expectClose(loose.state.core, nearest, { rtol: 1e-12 });
  });

  it('keeps a seeded sample of the rows above maxModelRows, and says so', async () => {
    const c = fixture.cases.find((c: any) => c.name === 'blobs-noise-2d-m10');
    const f = await fit(c.input.x, { minClusterSize: 10, maxModelRows: 120 }, 3);
    assert.equal(f.state.core.length, 120);
    assert.equal(f.state.rows.length, 240);
    assert.ok(f.warnings.some((w) => w.code === 'W_SAMPLED' && /120 of the 340/.test(w.message)));
    const again = await fit(c.input.x, { minClusterSize: 10, maxModelRows: 120 }, 3);
    assert.deepEqual(again.state, f.state);
  });

  it('property: predict on a training row returns its training segment', async () => {
    await fc.assert(fc.asyncProperty(
      fc.integer({ min: 1, max: 3 }), fc.integer({ min: 2, max: 80 }), fc.integer({ min: 0, max: 1e6 }),
      fc.integer({ min: 2, max: 8 }), fc.integer({ min: 1, max: 8 }),
      async (d, n, seed, minClusterSize, minSamples) => {
        const rng = createRng(seed);
        // Distinct rows (a duplicate may take its twin's place as nearest neighbour).
        const x = Array.from({ length: n }, (_, i) => Array.from({ length: d }, () => rng.float() * 10 + i * 1e-7));
        const f = await fit(x, { minClusterSize, minSamples });
        assert.deepEqual(Array.from(hdbscanClusterer.predict(f.state, f.data)), Array.from(f.labels));
      }), { numRuns: 120 });
  });
});

checkClusterer(hdbscanClusterer, {
  options: { minClusterSize: 5 },
  badOptions: [{ minClusterSize: 1 }, { minClusterSize: 2.5 }, { minSamples: 0 }, { clusterSelectionMethod: 'tallest' }, { allowSingleCluster: 'yes' }, { maxModelRows: 0 }],
  skip: [{ reason: 'HDBSCAN has no cluster count to exceed the rows: two rows are simply noise (as in R dbscan)', checks: ['too-few-rows'] }],
});
