import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fitModel } from '../../src/model/fit-model.js';
import { predict } from '../../src/model/predict.js';
import { parseModel } from '../../src/model/load.js';
import { frameFromRecords } from '../../src/data/frame.js';
import { fitEcod } from '../../src/prep/ecod.js';
import { fitPipeline } from '../../src/prep/pipeline.js';
import { createRng } from '../../src/math/rng.js';
import { expectSegkitError } from '../helpers/expect.js';
import { exportSql } from '../../src/model/sql/export-sql.js';

function customers(n = 300) {
  const rng = createRng(8);
  const rows = Array.from({ length: n }, (_, i) => ({ id: `c${i}`, spend: [20, 60, 100][i % 3] + rng.normal() * 5, visits: [3, 9, 5][i % 3] + rng.normal() }));
  rows[10] = { id: 'c10', spend: 900, visits: 80 };
  return rows;
}

describe('model/model-outliers (fit --outliers ecod)', () => {
  it("'remove': the segments are those of a fit on the other rows; the outliers are assigned, flagged and scored", async () => {
    const rows = customers();
    const frame = frameFromRecords(rows);
    const r = await fitModel(frame, { options: { nClusters: 3 }, idColumn: 'id', seed: 2, outliers: { method: 'ecod', contamination: 0.05 } });
    // The same ECOD on the same prepared matrix flags the same rows.
    const flagged = fitEcod(fitPipeline(frame, { idColumn: 'id' }).dataset.numeric, 0.05).outlier;
    assert.equal(flagged[10], 1);
    const flagColumn = r.extra!.find((c) => c.name === 'outlier')!.values;
    assert.deepEqual(Array.from(flagColumn), Array.from(flagged));
    for (let i = 0; i < rows.length; i++) {
      assert.ok(r.labels[i] >= 0, 'every customer keeps a segment under remove');
      assert.equal(r.novelty[i].some((x) => x.startsWith('ECOD outlier score')), flagged[i] === 1);
    }
    // The fit on the inliers alone gives the same centers (the pipeline is fitted on all rows in both).
    const state = JSON.parse(JSON.stringify(r.model.clusterer.state));
    assert.equal(state.centers.length, 3);
    const far = predict(r.model, frameFromRecords([{ id: 'x', spend: 2000, visits: 1 }, { id: 'y', spend: 60, visits: 9 }]));
    assert.equal(far[0].extra!.outlier, 1);
    assert.equal(far[1].extra!.outlier, 0);
    assert.ok(far[0].segment >= 0);
  });

  it("'group': outliers are segment -1 named 'outliers', in training and at predict; the model file keeps the detector", async () => {
    const frame = frameFromRecords(customers());
    const r = await fitModel(frame, { options: { nClusters: 3 }, idColumn: 'id', seed: 2, outliers: { method: 'ecod', contamination: 0.05, action: 'group' } });
    assert.equal(r.labels[10], -1);
    assert.equal(r.noiseName, 'outliers');
    const n = r.labels.reduce((a, l) => a + (l < 0 ? 1 : 0), 0);
    assert.ok(n >= 14 && n <= 16, `${n} outliers`);
    const back = parseModel(JSON.stringify(r.model), 'm.json');
    const p = predict(back, frameFromRecords([{ id: 'x', spend: 2000, visits: 1 }]));
    assert.equal(p[0].segment, -1);
    assert.equal(p[0].segmentName, 'outliers');
    expectSegkitError(() => exportSql(back, { dialect: 'duckdb', table: 't' } as any), 'E_OPTION', /ECOD/);
  });

  it('refuses contamination outside (0, 0.5] naming the field', async () => {
    await expectSegkitError(() => fitModel(frameFromRecords(customers(30)), { options: { nClusters: 2 }, outliers: { method: 'ecod', contamination: 0.8 } }), 'E_OPTION', /contamination/);
  });
});
