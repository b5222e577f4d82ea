import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { kmedoidsClusterer } from '../../src/cluster/kmedoids.js';
import { metricRows, dissimilarity, type MetricName } from '../../src/cluster/kmedoids-metric.js';
import { distanceMatrix } from '../../src/cluster/kmedoids-matrix.js';
import { randomMedoids } from '../../src/cluster/kmedoids-build.js';
import { pamSwap, type SwapMode } from '../../src/cluster/kmedoids-swap.js';
import { rowsData } from '../../src/cluster/kmedoids-data.js';
import { fitGowerScale } from '../../src/math/gower.js';
import { createRng } from '../../src/math/rng.js';
import { checkClusterer } from '../conformance/clusterer.js';
import { dataset, fitKMedoids } from './kmedoids-helpers.js';

/** Small mixed tables with few distinct values, so ties and duplicate rows happen. */
const mixedTable = fc.integer({ min: 4, max: 25 }).chain((n) =>
  fc.record({
    num: fc.array(fc.array(fc.integer({ min: 0, max: 6 }).map((v) => v / 2), { minLength: 2, maxLength: 2 }), { minLength: n, maxLength: n }),
    cat: fc.array(fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 2, maxLength: 2 }), { minLength: n, maxLength: n }),
    k: fc.integer({ min: 1, max: 4 }),
    seed: fc.integer({ min: 0, max: 1000 }),
    swap: fc.constantFrom<SwapMode>('eager', 'steepest'),
    metric: fc.constantFrom<MetricName>('gower', 'euclidean'),
  }),
);

/** Prepared rows and the cost Σ min over medoids of d(i, m), computed directly. */
function setup(num: number[][], cat: number[][], metric: MetricName) {
  const data = metric === 'gower' ? dataset(num, cat) : dataset(num);
  const x = rowsData(data);
  const rows = metricRows(metric, metric === 'gower' ? fitGowerScale(x.num, 2) : null, x.num, x.cat);
  const cost = (medoids: ArrayLike<number>) => {
    let s = 0;
    for (let i = 0; i < rows.rows; i++) {
      let best = Infinity;
      for (let t = 0; t < medoids.length; t++) best = Math.min(best, dissimilarity(rows, i, rows, medoids[t]));
      s += best;
    }
    return s;
  };
  return { data, rows, cost };
}

describe('cluster/kmedoids: properties', () => {
  it('the cost never increases across swaps, and the end is a local optimum: no single swap lowers it', () => {
    fc.assert(
      fc.property(mixedTable, ({ num, cat, k, seed, swap, metric }) => {
        const { rows, cost } = setup(num, cat, metric);
        const n = rows.rows;
        if (k > n) return;
        const d = distanceMatrix(rows);
        let last = cost(randomMedoids(n, k, createRng(seed)));
        const start = randomMedoids(n, k, createRng(seed));
        const run = pamSwap(d, start, new Float64Array(n).fill(1), {
          mode: swap, maxIter: 100,
          onSwap: (m) => {
            const c = cost(m);
            assert.ok(c < last + 1e-12, `cost rose from ${last} to ${c}`);
            last = c;
          },
        });
        assert.ok(run.converged);
        const final = cost(run.medoids);
        const isMedoid = new Set(run.medoids);
        for (let t = 0; t < k; t++)
          for (let h = 0; h < n; h++) {
            if (isMedoid.has(h)) continue;
            const trial = Array.from(run.medoids);
            trial[t] = h;
            assert.ok(cost(trial) >= final - 1e-9 * Math.max(1, final), `swapping slot ${t} for row ${h} lowers ${final} to ${cost(trial)}`);
          }
      }),
      { numRuns: 150 },
    );
  });

  it('predict = the nearest medoid under the same dissimilarity, and distances are those dissimilarities', async () => {
    await fc.assert(
      fc.asyncProperty(mixedTable, async ({ num, cat, k, metric }) => {
        const { data, rows } = setup(num, cat, metric);
        const distinct = new Set(num.map((r, i) => `${r}|${metric === 'gower' ? cat[i] : ''}`)).size;
        if (k > distinct) return;
        const f = await fitKMedoids(data, { nClusters: k, metric });
        const labels = kmedoidsClusterer.predict(f.state, data);
        assert.deepEqual(Array.from(labels), Array.from(f.labels));
        const dist = kmedoidsClusterer.distances!(f.state, data);
        for (let i = 0; i < rows.rows; i++) {
          const ds = f.state.medoidRows.map((m: number) => dissimilarity(rows, i, rows, m));
          assert.deepEqual(Array.from(dist.data.subarray(i * k, i * k + k)), ds);
          assert.equal(labels[i], ds.indexOf(Math.min(...ds)), 'nearest medoid, first on ties');
        }
      }),
      { numRuns: 100 },
    );
  });

  it('embed (Gower): the L1 distance between embedded rows equals their Gower dissimilarity', async () => {
    await fc.assert(
      fc.asyncProperty(mixedTable, async ({ num, cat, k }) => {
        const { data, rows } = setup(num, cat, 'gower');
        const distinct = new Set(num.map((r, i) => `${r}|${cat[i]}`)).size;
        if (k > distinct) return;
        const f = await fitKMedoids(data, { nClusters: k });
        const e = kmedoidsClusterer.embed!(f.state, data);
        for (let i = 0; i < rows.rows; i++)
          for (let j = 0; j < rows.rows; j++) {
            let l1 = 0;
            for (let t = 0; t < e.cols; t++) l1 += Math.abs(e.data[i * e.cols + t] - e.data[j * e.cols + t]);
            assert.ok(Math.abs(l1 - dissimilarity(rows, i, rows, j)) < 1e-12, `rows ${i}, ${j}`);
          }
        const sub = kmedoidsClusterer.embed!(f.state, data, Int32Array.from([rows.rows - 1, 0]));
        assert.deepEqual(Array.from(sub.data.subarray(0, e.cols)), Array.from(e.data.subarray((rows.rows - 1) * e.cols, rows.rows * e.cols)));
      }),
      { numRuns: 50 },
    );
  });

  it('eager (FasterPAM) and steepest (PAM) costs stay within a few percent of each other on random data', async () => {
    const rng = createRng(3);
    const num = Array.from({ length: 300 }, () => [rng.normal(), rng.normal(), rng.normal()]);
    const cat = Array.from({ length: 300 }, () => [rng.int(3), rng.int(5)]);
    const data = dataset(num, cat);
    const a = await fitKMedoids(data, { nClusters: 6, swap: 'eager' });
    const b = await fitKMedoids(data, { nClusters: 6, swap: 'steepest' });
    assert.ok(Math.abs(a.diagnostics.cost - b.diagnostics.cost) / b.diagnostics.cost < 0.03, `${a.diagnostics.cost} vs ${b.diagnostics.cost}`);
  });
});

const badOptions = [{ nClusters: 0 }, { metric: 'manhattan' }, { init: 'kmeans++' }, { swap: 'best' }, { maxIter: 0 }, { algorithm: 'fast' }, { samples: 0 }, { sampleSize: 1 }, { sampleSize: 10_001 }];
checkClusterer(kmedoidsClusterer, { options: { nClusters: 3 }, dataKind: 'mixed', badOptions });
checkClusterer(kmedoidsClusterer, { options: { nClusters: 3, init: 'random' }, dataKind: 'numeric', badOptions });
checkClusterer(kmedoidsClusterer, { options: { nClusters: 3, algorithm: 'clara', sampleSize: 30 }, dataKind: 'categorical', badOptions });
