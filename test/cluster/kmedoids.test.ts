import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { metricRows } from '../../src/cluster/kmedoids-metric.js';
import { distanceMatrix } from '../../src/cluster/kmedoids-matrix.js';
import { buildMedoids } from '../../src/cluster/kmedoids-build.js';
import { assignNearest } from '../../src/cluster/kmedoids-assign.js';
import { pickRowsData, rowsData } from '../../src/cluster/kmedoids-data.js';
import { fitGowerScale } from '../../src/math/gower.js';
import { dataset, fitKMedoids } from './kmedoids-helpers.js';
import { expectClose, expectSamePartition } from '../helpers/expect.js';

const fixture = JSON.parse(readFileSync(new URL('../fixtures/kmedoids/pam.json', import.meta.url), 'utf8'));

const fit = fitKMedoids;

const sorted = (a: ArrayLike<number>) => Array.from(a).sort((x, y) => x - y);

describe('cluster/kmedoids: against R cluster::pam (fixtures)', () => {
  for (const c of fixture.cases) {
    const data = dataset(c.numeric, c.codes, c.levels);
    const metric = c.metric;

    it(`${c.name}: BUILD picks pam's medoids with pam's build cost`, () => {
      const x = rowsData(data);
      const scale = metric === 'gower' ? fitGowerScale(x.num, x.cat?.cols ?? 0) : null;
      const rows = metricRows(metric, scale, x.num, x.cat);
      const med = buildMedoids(distanceMatrix(rows), c.k, null);
      assert.deepEqual(sorted(med), c.build.medoids);
      const m = pickRowsData(x, med);
      expectClose(assignNearest(rows, metricRows(metric, scale, m.num, m.cat)).cost, c.build.cost, { rtol: 1e-12 });
    });

    it(`${c.name}: BUILD + steepest swaps = pam(variant = "original"): medoids, clustering, cost`, async () => {
      const f = await fit(data, { nClusters: c.k, metric, swap: 'steepest' });
      assert.deepEqual(sorted(f.state.medoidRows), c.pam.medoids);
      expectSamePartition(f.labels, c.pam.clustering);
      expectClose(f.diagnostics.cost, c.pam.cost, { rtol: 1e-12 });
    });

    it(`${c.name}: from pam's start, steepest = "original" and eager = "faster"`, async () => {
      const steep = await fit(data, { nClusters: c.k, metric, init: c.start, swap: 'steepest' });
      assert.deepEqual(sorted(steep.state.medoidRows), c.pamFromStart.medoids);
      expectClose(steep.diagnostics.cost, c.pamFromStart.cost, { rtol: 1e-12 });
      const eager = await fit(data, { nClusters: c.k, metric, init: c.start, swap: 'eager' });
      assert.deepEqual(sorted(eager.state.medoidRows), c.fasterFromStart.medoids);
      expectSamePartition(eager.labels, c.fasterFromStart.clustering);
      expectClose(eager.diagnostics.cost, c.fasterFromStart.cost, { rtol: 1e-12 });
    });

    it(`${c.name}: the defaults (BUILD + FasterPAM) reach pam's cost`, async () => {
      const f = await fit(data, { nClusters: c.k });
      assert.equal(f.state.metric, metric, "metric 'auto' picks gower exactly when there are level codes");
      expectClose(f.diagnostics.cost, c.pam.cost, { rtol: 1e-12 });
    });
  }
});

describe('cluster/kmedoids: hand-computed case', () => {
  // 1-D points 0 1 2 | 10 11 12. Total distances: row 2 and row 3 both 30, the least; BUILD takes
  // the later (pam's tie rule), row 3 (=10). Next, row 1 (=1) gains 9 + 9 + 7 = 25, the most.
  // Cost 1+0+1+0+1+2 = 5. Swapping 10 for 11 gives 1+0+1+1+0+1 = 4, and nothing better exists.
  const data = dataset([[0], [1], [2], [10], [11], [12]]);
  it('BUILD, one swap, final medoids, labels and cost', async () => {
    const rows = metricRows('euclidean', null, data.numeric);
    assert.deepEqual(Array.from(buildMedoids(distanceMatrix(rows), 2, null)), [3, 1]);
    for (const swap of ['eager', 'steepest']) {
      const f = await fit(data, { nClusters: 2, swap });
      assert.deepEqual(f.state.medoidRows, [4, 1]);
      assert.deepEqual(Array.from(f.labels), [1, 1, 1, 0, 0, 0]);
      assert.equal(f.diagnostics.cost, 4);
      assert.equal(f.diagnostics.swaps, 1);
      assert.deepEqual(f.state.medoidNumbers, [[11], [1]]);
    }
  });
  it('row weights count in the cost: a heavy row 5 (=12) pulls its medoid to 12', async () => {
    const w = dataset([[0], [1], [2], [10], [11], [12]]);
    const f = await fit({ ...w, weights: Float64Array.from([1, 1, 1, 1, 1, 10]) }, { nClusters: 2 });
    // with 12 as medoid: 2 + 1 = 3 for rows 3, 4; with 11: 1 + 0 + 10 = 11
    assert.deepEqual(sorted(f.state.medoidRows), [1, 5]);
    assert.equal(f.diagnostics.cost, 1 + 0 + 1 + 2 + 1);
  });
});
