import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { kmodesClusterer } from '../../src/cluster/kmodes.js';
import { kprototypesClusterer } from '../../src/cluster/kprototypes.js';
import { runKModes, labelsCost, rowCost, type MixedData } from '../../src/cluster/kmodes-core.js';
import { caoInit, plusPlusInit, randomInit } from '../../src/cluster/kmodes-init.js';
import { mixedData, statePrototypes } from '../../src/cluster/kmodes-fit.js';
import { chooseGamma } from '../../src/cluster/kprototypes-gamma.js';
import { runRestarts, PARALLEL_MIN_VALUES } from '../../src/cluster/kmodes-restarts.js';
import { createFitContext, type AnyClusterer } from '../../src/cluster/types.js';
import { createRng } from '../../src/math/rng.js';
import type { Dataset } from '../../src/data/dataset.js';
import { parseOptions } from '../../src/options.js';
import type { SegkitWarning } from '../../src/errors.js';
import { expectClose, expectSegkitError } from '../helpers/expect.js';
import { checkClusterer, blobsOf } from '../conformance/clusterer.js';

const fixture = JSON.parse(readFileSync(new URL('../fixtures/kmodes/kmodes.json', import.meta.url), 'utf8'));

/** A dataset from plain rows: numbers and level codes (levels named by their code). */
function dataset(num: number[][], cat: number[][], levels: number[]): Dataset {
  const n = cat.length, d = num[0]?.length ?? 0, m = cat[0].length;
  return {
    numeric: { rows: n, cols: d, data: Float64Array.from(num.flat()) },
    featureNames: Array.from({ length: d }, (_, j) => `x${j}`),
    categorical: {
      rows: n, cols: m, data: Int32Array.from(cat.flat()), names: Array.from({ length: m }, (_, j) => `c${j}`),
      levels: levels.map((l) => Array.from({ length: l }, (_, v) => String(v))),
    },
  };
}

async function fit(c: AnyClusterer, data: Dataset, opts: Record<string, unknown>, seed = 0) {
  const warnings: SegkitWarning[] = [];
  const f = await c.fit(data, parseOptions(c.schema, opts, c.name), createFitContext(createRng(seed), warnings));
  return { ...f, warnings };
}

describe('cluster/kmodes: against the Python kmodes package (fixtures)', () => {
  for (const c of fixture.cases.filter((c: any) => c.labels)) {
    it(`${c.name}: same labels, prototypes, cost and iterations`, async () => {
      const clusterer = c.method === 'kmodes' ? kmodesClusterer : kprototypesClusterer;
      const opts: Record<string, unknown> = { nClusters: c.k, init: c.init, maxIter: 100, nInit: 1 };
      if (c.method === 'kprototypes') opts.gamma = c.gammaGiven ? c.gamma : 'huang';
      const f = await fit(clusterer, dataset(c.num, c.cat, c.levels), opts);
      assert.deepEqual(Array.from(f.labels), c.labels);
      assert.deepEqual(f.state.modes, c.modes);
      if (c.means) expectClose(f.state.means.flat(), c.means.flat(), { rtol: 1e-9, atol: 1e-12 });
      expectClose(f.state.gamma, c.method === 'kmodes' ? 1 : c.gamma, { rtol: 1e-12 });
      expectClose(f.diagnostics.cost, c.cost, { rtol: 1e-9 });
      assert.equal(f.diagnostics.nIter, c.nIter);
    });
  }

  it('the epoch costs follow kmodes epoch by epoch', () => {
    const c = fixture.cases.find((c: any) => c.name === 'kmodes-medium-explicit');
    const x = mixedData(dataset(c.num, c.cat, c.levels));
    const init = { k: c.k, means: new Float64Array(0), modes: Int32Array.from(c.init.modes.flat()) };
    const run = runKModes(x, init, 1, { maxIter: 100, rng: createRng(0) });
    expectClose(run.epochCosts, c.epochCosts, { rtol: 1e-12 });
  });

  it("with Cao's initialisation and 10 restarts reaches a cost no worse than kmodes' best of 3 × 10 restarts", async () => {
    const c = fixture.cases.find((c: any) => c.name === 'kprototypes-cao-best');
    const f = await fit(kprototypesClusterer, dataset(c.num, c.cat, c.levels), { nClusters: c.k, gamma: c.gamma, init: 'cao', nInit: 10 });
    assert.ok(f.diagnostics.cost <= c.bestKmodesCost * (1 + 1e-9), `segkit ${f.diagnostics.cost} vs kmodes ${c.bestKmodesCost}`);
  });
});

describe('cluster/kmodes: hand-computed cases', () => {
  it('K-Modes on six rows: modes, ties to the smallest code, cost = mismatches', async () => {
    // Rows 0-2 share levels (0,0,·), rows 3-5 share (1,1,·); third column breaks ties.
    const cat = [[0, 0, 0], [0, 0, 1], [0, 0, 1], [1, 1, 2], [1, 1, 2], [1, 1, 0]];
    const f = await fit(kmodesClusterer, dataset([], cat, [2, 2, 3]), { nClusters: 2, init: { modes: [[0, 0, 0], [1, 1, 0]] } });
    assert.deepEqual(Array.from(f.labels), [0, 0, 0, 1, 1, 1]);
    assert.deepEqual(f.state.modes, [[0, 0, 1], [1, 1, 2]]);
    assert.deepEqual(f.state.modeLevels, [['0', '0', '1'], ['1', '1', '2']]);
    assert.equal(f.diagnostics.cost, 2); // rows 0 and 5 differ in the third column
  });

  it('K-Prototypes cost = squared distance + γ × mismatches', () => {
    const x = mixedData(dataset([[0, 0], [3, 4]], [[0, 1], [1, 1]], [2, 2]));
    const p = { k: 1, means: Float64Array.from([0, 0]), modes: Int32Array.from([0, 1]) };
    assert.equal(rowCost(x, 0, p, 0, 2.5), 0);
    assert.equal(rowCost(x, 1, p, 0, 2.5), 25 + 2.5);
  });

  it("Cao picks the densest row first, then the densest far row", () => {
    // Density: rows with level 0 in both columns are the most common.
    const cat = [[0, 0], [0, 0], [0, 1], [1, 1], [2, 2]];
    const p = caoInit(mixedData(dataset([], cat, [3, 3])), 2, 1);
    assert.deepEqual(Array.from(p.modes), [0, 0, 1, 1]); // row 0, then row 3 (dens 0.3 × 2 mismatches beats row 4's 0.2 × 2)
  });

  it('kmodes++ seeding is seeded, picks k distinct rows and never a row already at cost 0', () => {
    const cat = [[0, 0], [0, 0], [0, 0], [1, 1], [2, 2], [2, 2]];
    const x = mixedData(dataset([], cat, [3, 3]));
    const a = plusPlusInit(x, 3, 1, createRng(5)), b = plusPlusInit(x, 3, 1, createRng(5));
    assert.deepEqual(a, b);
    const rows = [0, 1, 2].map((c) => `${a.modes[c * 2]},${a.modes[c * 2 + 1]}`);
    assert.equal(new Set(rows).size, 3); // rows at cost 0 to a chosen prototype have weight 0
  });

  it("balanced γ makes both parts cost the same with one segment; 'huang' is 0.5 × mean std", () => {
    const num = [[1, 10], [3, 10], [5, 40], [7, 40]];
    const x = mixedData(dataset(num, [[0], [0], [0], [1]], [2]));
    // Σ Var = 5 + 225 = 230; mismatch at the mode = 1 − 3/4 = 0.25 → γ = 920.
    expectClose(chooseGamma(x, 'balanced').gamma, 920, { rtol: 1e-12 });
    expectClose(chooseGamma(x, 'huang').gamma, 0.5 * (Math.sqrt(5) + 15) / 2, { rtol: 1e-12 });
  });

  it('reports each part of the K-Prototypes cost', async () => {
    const f = await fit(kprototypesClusterer, blobsOf('mixed'), { nClusters: 3, init: 'cao' });
    expectClose(f.diagnostics.numericCost + f.diagnostics.categoricalCost, f.diagnostics.cost, { rtol: 1e-12 });
    assert.ok(f.diagnostics.categoricalShare > 0 && f.diagnostics.categoricalShare < 1);
  });
});

describe('cluster/kmodes: properties', () => {
  const mixedArb = fc.record({
    n: fc.integer({ min: 6, max: 40 }), d: fc.integer({ min: 0, max: 3 }), m: fc.integer({ min: 1, max: 4 }),
    k: fc.integer({ min: 1, max: 4 }), seed: fc.integer({ min: 0, max: 1e6 }), gamma: fc.double({ min: 0.1, max: 5, noNaN: true }),
  });
  const build = (a: { n: number; d: number; m: number; seed: number }): MixedData => {
    const rng = createRng(a.seed);
    const num = Float64Array.from({ length: a.n * a.d }, () => Math.round(rng.normal() * 100) / 10);
    const cat = Int32Array.from({ length: a.n * a.m }, () => rng.int(3));
    return { rows: a.n, num, nNum: a.d, cat, nCat: a.m, nLevels: Array(a.m).fill(3) };
  };

  it('the cost never increases from one epoch to the next, except at the stopping epoch', () => {
    fc.assert(fc.property(mixedArb, (a) => {
      const x = build(a);
      const run = runKModes(x, randomInit(x, Math.min(a.k, a.n), createRng(a.seed)), a.gamma, { maxIter: 50, rng: createRng(1) });
      const c = run.epochCosts;
      // kmodes stops at the first epoch whose cost did not decrease; every earlier epoch decreased it.
      for (let i = 1; i < c.length - 1; i++) assert.ok(c[i] < c[i - 1], `epoch ${i}: ${c[i]} ≥ ${c[i - 1]}`);
    }), { numRuns: 60 });
  });

  it('predict equals the cheapest prototype under the same cost', async () => {
    await fc.assert(fc.asyncProperty(mixedArb, async (a) => {
      const x = build({ ...a, d: Math.max(1, a.d) });
      const data: Dataset = {
        numeric: { rows: x.rows, cols: x.nNum, data: x.num as Float64Array }, featureNames: Array.from({ length: x.nNum }, (_, j) => `x${j}`),
        categorical: { rows: x.rows, cols: x.nCat, data: x.cat as Int32Array, names: Array.from({ length: x.nCat }, (_, j) => `c${j}`), levels: Array(x.nCat).fill(['a', 'b', 'c']) },
      };
      let f;
      try {
        f = await fit(kprototypesClusterer, data, { nClusters: a.k, gamma: a.gamma, init: 'huang', nInit: 2 }, a.seed);
      } catch (e) {
        if ((e as { code?: string }).code === 'E_TOO_FEW_ROWS') return; // fewer distinct rows than k
        throw e;
      }
      const p = statePrototypes(f.state);
      const pred = kprototypesClusterer.predict(f.state, data);
      for (let i = 0; i < x.rows; i++) {
        let best = Infinity;
        for (let c = 0; c < p.k; c++) best = Math.min(best, rowCost(x, i, p, c, f.state.gamma));
        assert.equal(rowCost(x, i, p, pred[i], f.state.gamma), best);
      }
      assert.deepEqual(Array.from(pred), Array.from(labelsCost(x, p, f.state.gamma).labels));
    }), { numRuns: 40 });
  });
});

describe('cluster/kmodes: restarts in worker threads', () => {
  it('give exactly the sequential result (same best run, prototypes, labels, cost)', async () => {
    const n = 100_000, m = 10, rng = createRng(3);
    const modes = Array.from({ length: 6 }, () => Array.from({ length: m }, () => rng.int(5)));
    const shared = new Int32Array(new SharedArrayBuffer(n * m * 4));
    for (let i = 0; i < n; i++) {
      const g = rng.int(6);
      for (let j = 0; j < m; j++) shared[i * m + j] = rng.float() < 0.4 ? rng.int(5) : modes[g][j];
    }
    const base = { rows: n, num: new Float64Array(0), nNum: 0, nCat: m, nLevels: Array(m).fill(5) };
    assert.ok(n * m >= PARALLEL_MIN_VALUES);
    const inWorkers = await runRestarts({ ...base, cat: shared }, 6, 1, 'cao', 4, { maxIter: 100, rng: createRng(11) });
    const inMain = await runRestarts({ ...base, cat: Int32Array.from(shared) }, 6, 1, 'cao', 4, { maxIter: 100, rng: createRng(11) });
    assert.equal(inWorkers.cost, inMain.cost);
    assert.deepEqual(Array.from(inWorkers.prototypes.modes), Array.from(inMain.prototypes.modes));
    assert.deepEqual(inWorkers.labels, inMain.labels);
    assert.equal(inWorkers.nIter, inMain.nIter);
  });
});

describe('cluster/kmodes: bad input', () => {
  it('k above the number of distinct rows names both numbers', async () => {
    const cat = Array.from({ length: 50 }, (_, i) => [i % 3, 0]);
    const e = await expectSegkitError(() => fit(kmodesClusterer, dataset([], cat, [3, 1]), { nClusters: 5 }), 'E_TOO_FEW_ROWS');
    assert.match(e.message, /nClusters=5/);
    assert.match(e.message, /only 3 distinct rows/);
  });

  it('no categorical columns: the error names the method and what it needs', async () => {
    const d = blobsOf('numeric');
    for (const c of [kmodesClusterer, kprototypesClusterer]) {
      const e = await expectSegkitError(() => fit(c, d, { nClusters: 3 }), 'E_DATA_EMPTY');
      assert.match(e.message, new RegExp(`'${c.name}' clusters categorical columns`));
    }
  });

  it('numbers given to kmodes point to kprototypes; no numbers for kprototypes point to kmodes', async () => {
    const e = await expectSegkitError(() => fit(kmodesClusterer, blobsOf('mixed'), { nClusters: 3 }), 'E_OPTION');
    assert.match(e.message, /"x0", "x1" are numeric.*kprototypes/);
    const e2 = await expectSegkitError(() => fit(kprototypesClusterer, blobsOf('categorical'), { nClusters: 3 }), 'E_OPTION');
    assert.match(e2.message, /--method kmodes/);
  });

  it('an unseen level (code -1) at predict mismatches every mode instead of failing', async () => {
    const d = blobsOf('categorical');
    const f = await fit(kmodesClusterer, d, { nClusters: 3 });
    const one = { ...d, numeric: { rows: 1, cols: 0, data: new Float64Array(0) }, categorical: { ...d.categorical!, rows: 1, data: Int32Array.from([-1, -1, -1]) } };
    const dist = kmodesClusterer.distances!(f.state, one);
    assert.deepEqual(Array.from(dist.data), [3, 3, 3]);
    assert.equal(kmodesClusterer.predict(f.state, one)[0], 0);
  });

  it('explicit prototypes with a level that does not exist are rejected naming the column', async () => {
    const e = await expectSegkitError(() => fit(kmodesClusterer, blobsOf('categorical'), { nClusters: 1, init: { modes: [['a', 'zzz', 'a']] } }), 'E_OPTION');
    assert.match(e.message, /"zzz" is not a level of column "c1"/);
  });
});

checkClusterer(kmodesClusterer, { options: { nClusters: 3 }, badOptions: [{ nClusters: 0 }, { init: 'kmeans++' }, { maxIter: 0 }], dataKind: 'categorical' });
checkClusterer(kprototypesClusterer, { options: { nClusters: 3 }, badOptions: [{ nClusters: 0 }, { gamma: -1 }, { nInit: 0 }], dataKind: 'mixed' });
