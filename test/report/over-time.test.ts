import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { driftChart } from '../../src/report/over-time.js';
import { renderSvg } from '../../src/report/render-svg.js';
import { driftReport } from '../../src/track/drift.js';
import { fitModel } from '../../src/model/fit-model.js';
import { readFrame } from '../../src/data/read-frame.js';
import { parseSourceSpec } from '../../src/data/source-spec.js';
import type { Frame } from '../../src/data/frame.js';

/** The first n rows of a frame. */
function head(f: Frame, n: number): Frame {
  return { ...f, rows: n, columns: f.columns.map((c) => ({ ...c, values: (c.values as any).slice(0, n) })) as Frame['columns'] };
}

describe('report/over-time: drift chart', () => {
  it("draws each feature's PSI and the segment shares' with the verdict colours and both thresholds", async () => {
    const mall = await readFrame(parseSourceSpec('data/samples/mall_customers.csv'));
    const { model } = await fitModel(mall, { options: { nClusters: 4 }, seed: 1 });
    // The mall file is sorted by income: its first 120 rows drift on income.
    const r = driftReport(model, mall, head(mall, 120));
    const c = driftChart(r);
    const [bars, rules] = (c.spec.layer as any[]).map((l) => l.data.values);
    assert.equal(bars.length, r.features.length + 1);
    assert.equal(bars.at(-1).what, 'segment shares');
    const income = bars.find((b: any) => b.what === 'Annual Income (k$)');
    assert.equal(income.verdict, 'retrain');
    assert.deepEqual(rules.map((x: any) => x.psi), [0.1, 0.25]);
    assert.match(c.title, new RegExp(`: ${r.verdict}$`));
    // The same table against itself: no drift.
    const same = driftChart(driftReport(model, mall, mall));
    assert.ok((same.spec.layer as any[])[0].data.values.every((b: any) => b.verdict === 'ok'));
    assert.match(await renderSvg(c.spec), /<svg/);
  });
});
