/** Issue 15 through the pipeline: outliers, pruning, weights and PCA as saved steps; old models unchanged. */
import { describe, it } from 'node:test';
import fc from 'fast-check';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fitPipeline, transformPipeline } from '../../src/prep/pipeline.js';
import { frameFromRecords, type Frame } from '../../src/data/frame.js';
import { readFrame } from '../../src/data/read-frame.js';
import { parseSourceSpec } from '../../src/data/source-spec.js';
import { fitModel } from '../../src/model/fit-model.js';
import { scoreFrame } from '../../src/model/predict.js';
import { saveModel } from '../../src/model/save.js';
import { loadModel, parseModel } from '../../src/model/load.js';
import { msg } from '../../src/messages.js';
import { fromRows } from '../../src/math/matrix.js';
import { correlationMatrix, rankColumns } from '../../src/prep/correlation.js';
import { fitPrune } from '../../src/prep/correlation-prune.js';
import { outlierLimits } from '../../src/prep/outliers.js';
import { fitPca } from '../../src/prep/pca.js';
import { expectClose, expectSegkitError } from '../helpers/expect.js';
import { tempDir } from '../helpers/temp.js';

/** 60 customers: b ≈ 2a (r ≈ 0.99), c independent, a category; row 0 has an extreme c. */
function wide(n = 60): Frame {
  const rows = Array.from({ length: n }, (_, i) => ({
    a: i, b: 2 * i + ((i * 7) % 5) - 2, c: i === 0 ? 500 : ((i * 37) % 59) - 29 + i / 100, plan: ['basic', 'plus', 'pro'][i % 3],
  }));
  return frameFromRecords(rows, 'wide.csv');
}
const noSkew = { skew: 'none' as const };

describe('prep/reduction: whole-matrix steps in the pipeline', () => {
  it('PCA: features become PC1…, new rows go through the same steps (transform of the training frame = fit output)', () => {
    const f = fitPipeline(wide(), { ...noSkew, pca: 2 });
    assert.deepEqual(f.state.featureNames, ['PC1', 'PC2']);
    assert.deepEqual(f.dataset.featureNames, ['PC1', 'PC2']);
    assert.equal(f.dataset.numeric.cols, 2);
    const again = transformPipeline(JSON.parse(JSON.stringify(f.state)), wide());
    expectClose(again.dataset.numeric.data, f.dataset.numeric.data, { rtol: 1e-12, atol: 1e-12 });
    // The report: ratios sum to 1, the cumulative curve ends at 1, loadings over the 6 prepared features.
    const pca = f.report.matrix!.pca!;
    expectClose(pca.cumulative.at(-1)!, 1, { rtol: 1e-12 });
    assert.deepEqual(pca.features, ['a', 'b', 'c', 'plan=basic', 'plan=plus', 'plan=pro']);
    assert.equal(pca.loadings.length, 2);
    assert.equal(f.report.matrix!.correlation!.names.length, 6);
  });
  it('PCA after pruning and weights (covariance reused: sub-matrix × w_p·w_q) equals PCA of the pruned, weighted matrix', () => {
    const f = fitPipeline(wide(), { ...noSkew, pruneCorrelated: 0.9, weights: { c: 3, plan: 0.5 }, pca: 3 });
    const pre = fitPipeline(wide(), { ...noSkew, pruneCorrelated: 0.9, weights: { c: 3, plan: 0.5 } });
    const direct = fitPca(pre.dataset.numeric, pre.state.featureNames, 3, false);
    const pca = f.state.matrixSteps!.at(-1)!;
    assert.equal(pca.step, 'pca');
    if (pca.step !== 'pca') return;
    expectClose(pca.explainedVariance, direct.state.explainedVariance, { rtol: 1e-12 });
    expectClose(pca.components.flat(), direct.state.components.flat(), { rtol: 1e-10, atol: 1e-12 });
    expectClose(f.dataset.numeric.data, direct.scores.data, { rtol: 1e-10, atol: 1e-12 });
  });
  it('PCA 0.9 keeps the fewest components reaching 90% of the variance', () => {
    const f = fitPipeline(wide(), { ...noSkew, pca: 0.9 });
    const { cumulative, kept } = f.report.matrix!.pca!;
    assert.ok(cumulative[kept - 1] >= 0.9 && (kept === 1 || cumulative[kept - 2] < 0.9));
  });
  it('weights multiply the scaled column (hand check: b × 3), and the unweighted columns are unchanged', () => {
    const plain = fitPipeline(wide(), noSkew).dataset.numeric;
    const w = fitPipeline(wide(), { ...noSkew, weights: { b: 3 } });
    const d = plain.cols;
    for (let i = 0; i < plain.rows; i++) {
      expectClose(w.dataset.numeric.data[i * d + 1], 3 * plain.data[i * d + 1], { rtol: 1e-15 });
      expectClose(w.dataset.numeric.data[i * d + 2], plain.data[i * d + 2], { rtol: 0 });
    }
    assert.deepEqual(w.report.matrix!.weights, { b: 3 });
  });
  it("a categorical column's weight applies to each of its one-hot features", () => {
    // The feature's own weight wins over its column's, in either order.
    const w = fitPipeline(wide(), { ...noSkew, weights: { 'plan=pro': 2, plan: 0.5 } });
    assert.deepEqual(w.report.matrix!.weights, { 'plan=basic': 0.5, 'plan=plus': 0.5, 'plan=pro': 2 });
  });
  it('pruning drops b (|r| ≈ 0.99 with a, higher mean |r| to the rest) and says why', () => {
    const f = fitPipeline(wide(), { ...noSkew, pruneCorrelated: 0.9 });
    const dropped = f.report.matrix!.pruned!.dropped;
    assert.deepEqual(dropped.map((x) => [x.feature, x.partner]), [['b', 'a']]);
    assert.ok(dropped[0].correlation > 0.99);
    assert.ok(dropped[0].meanAbs > dropped[0].partnerMeanAbs);
    assert.deepEqual(f.state.featureNames, ['a', 'c', 'plan=basic', 'plan=plus', 'plan=pro']);
    assert.match(f.report.columns.find((c) => c.column === 'b')!.actions.at(-1)!, /^dropped by correlation pruning \(r = 0\.99\d+ with a\)$/);
  });
  it('prune rule by hand: the pair with the largest |r| goes first; a tie in mean |r| drops the later column', () => {
    // x0–x1 r = 0.95 (x0 mean |r| = (0.95 + 0.7)/2 > x1's (0.95 + 0.1)/2): drop x0; then x1–x2 0.1 < 0.8: stop.
    const r = Float64Array.from([1, 0.95, 0.7, 0.95, 1, 0.1, 0.7, 0.1, 1]);
    const s = fitPrune(r, ['x0', 'x1', 'x2'], 0.8);
    assert.deepEqual(s.keep, [1, 2]);
    assert.deepEqual(s.dropped.map((d) => d.feature), ['x0']);
    const tie = fitPrune(Float64Array.from([1, -0.9, -0.9, 1]), ['p', 'q'], 0.9);
    assert.deepEqual(tie.dropped.map((d) => [d.feature, d.partner, d.correlation]), [['q', 'p', -0.9]]);
    assert.deepEqual(fitPrune(r, ['x0', 'x1', 'x2'], 1).dropped, []);
  });
  it('Spearman = Pearson on average ranks (hand case with a tie: ranks 1, 2.5, 2.5, 4)', () => {
    const x = fromRows([[1, 10], [5, 20], [5, 20], [7, 1000]]);
    assert.deepEqual(Array.from(rankColumns(x).data), [1, 1, 2.5, 2.5, 2.5, 2.5, 4, 4]);
    expectClose(correlationMatrix(x, 'spearman')[1], 1, { rtol: 1e-15 });
    assert.ok(correlationMatrix(x, 'pearson')[1] < 0.9);
  });
  it('property: average ranks equal the brute-force mean position of each tied value', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: -5, max: 5 }), { minLength: 1, maxLength: 60 }), (v) => {
      const ranks = rankColumns(fromRows(v.map((a) => [a]))).data;
      const sorted = [...v].sort((a, b) => a - b);
      v.forEach((a, i) => {
        const pos = sorted.flatMap((b, p) => (b === a ? [p + 1] : []));
        assert.equal(ranks[i], pos.reduce((s, p) => s + p, 0) / pos.length);
      });
    }));
  });
  it('outlier limits by hand: z (population std), quantile (numpy linear), MAD (median ± t·MAD/0.6745)', () => {
    const x = Float64Array.from([1, 2, 3, 4, 100]);
    // mean 22, population variance (441+400+361+324+6084)/5 = 1522.
    expectClose(Object.values(outlierLimits(x, { method: 'z', z: 2, action: 'cap' })), [22 - 2 * Math.sqrt(1522), 22 + 2 * Math.sqrt(1522)], { rtol: 1e-14 });
    // positions 0.1·4 = 0.4 → 1.4; 0.9·4 = 3.6 → 4 + 0.6·96 = 61.6.
    expectClose(Object.values(outlierLimits(x, { method: 'quantile', lower: 0.1, upper: 0.9, action: 'cap' })), [1.4, 61.6], { rtol: 1e-14 });
    // median 3, |x − 3| = 2 1 0 1 97 → MAD 1.
    const k = 3.5 / 0.6744897501960817;
    expectClose(Object.values(outlierLimits(x, { method: 'mad', threshold: 3.5, action: 'flag' })), [3 - k, 3 + k], { rtol: 1e-14 });
  });
  it('capping clamps before scaling, counts per column, and notes the capped rows at predict', () => {
    const f = fitPipeline(wide(), { ...noSkew, outliers: { method: 'quantile', lower: 0.05, upper: 0.95 } });
    const o = f.report.outliers!;
    assert.equal(o.action, 'cap');
    const c = o.columns.find((x) => x.column === 'c')!;
    assert.equal(c.above, 3); // 60 distinct values: the 5% quantile lies between the 3rd and 4th, the 95% between the 57th and 58th
    assert.equal(c.below, 3);
    assert.ok(o.rows >= 6);
    // The scaler saw capped values: the extreme row maps to the same value as the upper limit.
    const t = transformPipeline(f.state, frameFromRecords([{ a: 30, b: 60, c: 1e9, plan: 'pro' }, { a: 30, b: 60, c: c.hi, plan: 'pro' }]));
    const d = t.dataset.numeric.cols;
    assert.equal(t.dataset.numeric.data[2], t.dataset.numeric.data[d + 2]);
    assert.deepEqual(t.unseen.map((u) => [u.row, u.column, u.kind]), [[1, 'c', 'outlier']]);
    assert.equal(t.notes[0][0], msg.outlierNote('c', 1e9, true));
    assert.deepEqual(Array.from(t.outliers!), [1, 0]);
  });
  it("the report line gives a log1p column's limits on its own scale too (expm1 of the learned limits)", () => {
    const frame = frameFromRecords(Array.from({ length: 100 }, (_, i) => ({ spend: Math.exp(i / 10) - 1 })));
    const f = fitPipeline(frame, { outliers: { method: 'z', z: 2 } });
    const c = f.report.columns[0];
    const { lo, hi } = f.report.outliers!.columns[0];
    assert.ok(c.actions.includes('log1p'));
    assert.ok(c.actions.some((a) => a.includes(`i.e. [${Math.expm1(lo).toPrecision(4)}, ${Math.expm1(hi).toPrecision(4)}] before log1p`)), c.actions.join(' | '));
  });
  it('flagging (MAD) keeps values and flags row 1 (c = 500)', () => {
    const f = fitPipeline(wide(), { ...noSkew, outliers: { method: 'mad' } });
    const plain = fitPipeline(wide(), noSkew);
    expectClose(f.dataset.numeric.data, plain.dataset.numeric.data, { rtol: 0 });
    assert.equal(f.report.outliers!.columns.find((x) => x.column === 'c')!.above, 1);
    assert.equal(f.report.outliers!.rows, 1);
  });
  it('bad input: each a SegkitError naming its field', async () => {
    const w = wide();
    const e1 = await expectSegkitError(() => fitPipeline(w, { pca: 7 }), 'E_OPTION', msg.pcaTooMany(7, 6, 60));
    assert.equal(e1.where.field, 'pca');
    assert.equal((await expectSegkitError(() => fitPipeline(w, { pca: 2.5 }), 'E_OPTION', msg.pcaBadValue(2.5))).where.field, 'pca');
    assert.equal((await expectSegkitError(() => fitPipeline(w, { pca: 0 }), 'E_OPTION')).where.field, 'pca');
    assert.equal((await expectSegkitError(() => fitPipeline(w, { weights: { zz: 2 } }), 'E_UNKNOWN_COLUMN', /"zz"/)).where.field, 'weights.zz');
    assert.equal((await expectSegkitError(() => fitPipeline(w, { weights: { a: 0 } }), 'E_OPTION', msg.weightNotPositive('a', 0))).where.field, 'weights.a');
    assert.equal((await expectSegkitError(() => fitPipeline(w, { weights: { a: -1 } }), 'E_OPTION')).where.field, 'weights.a');
    for (const t of [0, 1.2, -0.5]) assert.equal((await expectSegkitError(() => fitPipeline(w, { pruneCorrelated: t }), 'E_OPTION')).where.field, 'pruneCorrelated');
    assert.equal((await expectSegkitError(() => fitPipeline(w, { outliers: { method: 'quantile', lower: 0.9, upper: 0.1 } }), 'E_OPTION', msg.outlierLimitsOrder(0.9, 0.1))).where.field, 'outliers.lower');
    assert.equal((await expectSegkitError(() => fitPipeline(w, { outliers: { method: 'z', z: -1 } }), 'E_OPTION')).where.field, 'outliers.z');
  });
  it('a weight on a feature that pruning dropped is skipped with a warning', () => {
    const f = fitPipeline(wide(), { ...noSkew, pruneCorrelated: 0.9, weights: { b: 2, a: 2 } });
    assert.deepEqual(f.warnings.map((x) => x.message).filter((m) => m.includes('weight')), [msg.weightOnPruned('b')]);
    assert.deepEqual(f.report.matrix!.weights, { a: 2 });
  });
  it('a model with every step saves, loads and predicts its training rows as fitted; profiles stay in the original columns', async () => {
    const frame = await readFrame(parseSourceSpec('data/samples/cc_general.csv'));
    const prep = { pruneCorrelated: 0.8, weights: { BALANCE: 2 }, pca: 0.9, whiten: false, outliers: { method: 'z' as const, z: 3 } };
    const { model, labels } = await fitModel(frame, { options: { nClusters: 5 }, prep, seed: 7 });
    const { dir, cleanup } = tempDir();
    try {
      saveModel(model, join(dir, 'm.json'));
      const loaded = loadModel(join(dir, 'm.json'));
      assert.deepEqual(Array.from(scoreFrame(loaded, frame).labels), Array.from(labels));
    } finally { cleanup(); }
    assert.ok(Object.keys(model.segments[0]!.profile!.means).includes('PURCHASES'));
    assert.ok(!Object.keys(model.segments[0]!.profile!.means).some((k) => k.startsWith('PC')));
  });
  it('a damaged or newer pipeline state is refused with E_MODEL_FORMAT, not a crash', async () => {
    const f = fitPipeline(wide(), { ...noSkew, pca: 2 });
    const unknown = { ...f.state, matrixSteps: [{ ...f.state.matrixSteps![0], step: 'umap' }] } as any;
    await expectSegkitError(() => transformPipeline(unknown, wide()), 'E_MODEL_FORMAT', /unknown whole-matrix step 'umap'/);
    const narrow = { ...f.state, matrixSteps: [{ ...f.state.matrixSteps![0], inputNames: ['a'] }] } as any;
    await expectSegkitError(() => transformPipeline(narrow, wide()), 'E_MODEL_FORMAT', /expects 1 features/);
  });
  it('a model file saved before these steps existed loads and predicts its own training segments', async () => {
    const model = parseModel(readFileSync(new URL('../fixtures/prep/model-before-issue15.json', import.meta.url), 'utf8'));
    const frame = await readFrame(parseSourceSpec('data/samples/mall_customers.csv'));
    const sizes = new Array(model.segments.length).fill(0);
    for (const l of scoreFrame(model, frame).labels) sizes[l]++;
    assert.deepEqual(sizes, model.segments.map((s) => s.size));
  });
});
