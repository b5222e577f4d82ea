import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { frameFromRecords } from '../../src/data/frame.js';
import { fitPipeline } from '../../src/prep/pipeline.js';
import { correlationHeatmap, explainedVarianceChart, loadingsHeatmap, prepCharts, scatterMatrixChart } from '../../src/report/charts-prep.js';
import { renderSvg } from '../../src/report/render-svg.js';
import { buildReport } from '../../src/report/report-model.js';
import { readFrame } from '../../src/data/read-frame.js';
import { parseSourceSpec } from '../../src/data/source-spec.js';
import { fitModel } from '../../src/model/fit-model.js';

const frame = frameFromRecords(Array.from({ length: 50 }, (_, i) => ({ a: i, b: 2 * i + (i % 3), c: (i * 7) % 11, d: (i * 5) % 13 })));
const fitted = fitPipeline(frame, { skew: 'none', pca: 0.95, pruneCorrelated: 0.95 });
const m = fitted.report.matrix!;

describe('report/charts-prep', () => {
  it('scree data: one bar per component, cumulative ending at 100%, kept ones marked', () => {
    const c = explainedVarianceChart(m.pca!);
    const v = (c.spec.data as { values: any[] }).values;
    assert.equal(v.length, m.pca!.ratios.length);
    assert.ok(Math.abs(v.at(-1).cumulative - 100) < 1e-9);
    assert.deepEqual(v.map((x) => x.kept), m.pca!.ratios.map((_, j) => (j < m.pca!.kept ? 'kept' : 'dropped')));
  });
  it('loadings heatmap: components × features cells; correlation heatmap marks the dropped feature', () => {
    const l = (loadingsHeatmap(m.pca!, 2).spec.data as { values: any[] }).values;
    assert.equal(l.length, Math.min(2, m.pca!.kept) * m.pca!.features.length);
    const r = (correlationHeatmap(m.correlation!, ['b']).spec.data as { values: any[] }).values;
    assert.equal(r.length, 16);
    assert.ok(r.some((x) => x.a === 'b (dropped)'));
    assert.deepEqual(m.pruned!.dropped.map((d) => d.feature), ['b']);
  });
  it('every chart renders to SVG (valid Vega-Lite), the scatter matrix included', async () => {
    const labels = Int32Array.from({ length: 50 }, (_, i) => i % 3);
    const scatter = scatterMatrixChart(fitted.dataset.numeric.cols >= 3 ? fitted.dataset.numeric : frameMatrix(), [0, 1, 2], ['PC1', 'PC2', 'PC3'], labels, ['A', 'B', 'C'], 20);
    assert.equal((scatter.spec.data as { values: any[] }).values.length, 17); // stride ⌈50/20⌉ = 3 → rows 0, 3, …, 48
    for (const c of [...prepCharts(m), scatter]) assert.match(await renderSvg(c.spec), /^<svg/);
  });
  it('the report of a PCA model carries the prep charts (scree, loadings, correlations, PC1–PC3 by segment); others do not', async () => {
    const frame = await readFrame(parseSourceSpec('data/samples/mall_customers.csv'));
    const { model } = await fitModel(frame, { options: { nClusters: 4 }, prep: { pca: 3 }, seed: 2 });
    const ids = buildReport(model, frame).report.charts.map((c) => c.id);
    for (const id of ['pca-explained-variance', 'pca-loadings', 'correlation-heatmap', 'scatter-matrix']) assert.ok(ids.includes(id), id);
    const plain = (await fitModel(frame, { options: { nClusters: 4 }, seed: 2 })).model;
    assert.ok(!buildReport(plain, frame).report.charts.some((c) => c.id.startsWith('pca') || c.id === 'scatter-matrix'));
  });
});

function frameMatrix() {
  return { rows: 50, cols: 3, data: Float64Array.from({ length: 150 }, (_, i) => i % 7) };
}
