import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { dendrogramChart, outlierShareChart, somCharts } from '../../src/report/charts-method.js';
import { fitModel } from '../../src/model/fit-model.js';
import { frameFromRecords } from '../../src/data/frame.js';
import { decodeState } from '../../src/model/state-codec.js';
import { createRng } from '../../src/math/rng.js';

function blobs(n = 120) {
  const rng = createRng(4);
  return Array.from({ length: n }, (_, i) => ({ x: (i % 4) * 10 + rng.normal(), y: ((i >> 2) % 3) * 10 + rng.normal() }));
}

describe('report/charts-method', () => {
  it('dendrogram: one leaf per segment, three rules per join, one dashed cut per level at a height between merges', async () => {
    const r = await fitModel(frameFromRecords(blobs()), { method: 'hierarchical', options: { levels: [3, 6] }, seed: 1 });
    const state = decodeState(r.model.clusterer.state) as any;
    const names = r.model.segments.map((s) => s.name);
    const c = dendrogramChart(state, names)!;
    const [links, cuts, leaves] = (c.spec.layer as any[]).map((l) => l.data.values);
    assert.equal(leaves.length, 6);
    assert.deepEqual(new Set(leaves.map((l: any) => l.segment)), new Set(names));
    assert.equal(links.length, 3 * 5);
    assert.equal(cuts.length, 2);
    const heights = [...state.topMerges.height].sort((a: number, b: number) => b - a);
    // k = 3 is cut between the 2nd and 3rd highest merges; k = 6 between the 5th and 6th.
    assert.ok(cuts[0].y < heights[1] && cuts[0].y > heights[2]);
    assert.ok(cuts[1].y < heights[4] && cuts[1].y > heights[5]);
  });

  it('SOM: one cell per neuron in both views, hits summing to the rows', async () => {
    const r = await fitModel(frameFromRecords(blobs()), { method: 'som', options: { nClusters: 4, rows: 4, cols: 5, topology: 'hexagonal' }, seed: 1 });
    const state = decodeState(r.model.clusterer.state) as any;
    const [u, seg] = somCharts(state, r.model.segments.map((s) => s.name));
    const values = u.spec.data as any;
    assert.equal(values.values.length, 20);
    assert.equal(values.values.reduce((a: number, v: any) => a + v.hits, 0), 120);
    // Hexagonal: odd rows shifted by half a cell.
    assert.equal(values.values[5].x, 0.5);
    assert.equal(seg.id, 'som-segments');
  });

  it('outlier share: customers and value in and out of segments', () => {
    const c = outlierShareChart(Int32Array.from([0, 0, 1, -1]), 'outliers', Float64Array.from([1, 1, 1, 7]), 'revenue');
    const v = (c.spec.data as any).values;
    assert.deepEqual(v.map((x: any) => x.share), [75, 25, 30, 70]);
    assert.match(c.caption, /1 of 4 customers \(25\.0%\).*70\.0% of revenue/);
  });
});
