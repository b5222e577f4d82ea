/** Issue 15, item 5: the Hex template's scaler → PCA(2) → k-means, as one fit, equals scikit-learn's. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { readFrame } from '../../src/data/read-frame.js';
import { parseSourceSpec } from '../../src/data/source-spec.js';
import { frameFromRecords } from '../../src/data/frame.js';
import { fitModel } from '../../src/model/fit-model.js';
import { scoreFrame } from '../../src/model/predict.js';
import { fitPipeline, transformPipeline } from '../../src/prep/pipeline.js';
import { decodeState } from '../../src/model/state-codec.js';
import { expectClose } from '../helpers/expect.js';

const fx = JSON.parse(readFileSync(new URL('../fixtures/prep/hex-flow.json', import.meta.url), 'utf8'));
// The template only imputes and scales: no skew step.
const prep = { pca: 2, skew: 'none' as const };

describe('prep/hex-flow: cc_general, median impute → StandardScaler → PCA(2) → KMeans(5) vs scikit-learn', () => {
  it('same components, scores, centers, labels and inertia; new customers predicted through the same steps', async () => {
    const frame = await readFrame(parseSourceSpec('data/samples/cc_general.csv'));
    const p = fitPipeline(frame, { ...prep, idColumn: 'CUST_ID' });
    const pca = p.state.matrixSteps!.find((s) => s.step === 'pca')!;
    assert.equal(pca.step, 'pca');
    if (pca.step !== 'pca') return;
    assert.deepEqual(pca.inputNames, fx.columns);
    for (let j = 0; j < 2; j++) expectClose(pca.components[j], fx.expected.components[j], { rtol: 1e-8, atol: 1e-10, label: `PC${j + 1}` });
    expectClose(pca.ratios.slice(0, 2), fx.expected.explainedVarianceRatio, { rtol: 1e-9 });
    expectClose(p.dataset.numeric.data.subarray(0, 20), fx.expected.firstScores.flat(), { rtol: 1e-8, atol: 1e-10 });

    const { model, labels } = await fitModel(frame, { options: { nClusters: 5, init: fx.init, algorithm: 'lloyd' }, prep, seed: 1 });
    assert.deepEqual(Array.from(labels), fx.expected.labels);
    assert.equal(model.metrics.inertia !== undefined, true);
    expectClose(model.metrics.inertia as number, fx.expected.inertia, { rtol: 1e-9 });
    const centers = (decodeState(model.clusterer.state) as { centers: number[][] }).centers;
    expectClose(centers.flat(), fx.expected.centers.flat(), { rtol: 1e-9, atol: 1e-12 });

    const fresh = frameFromRecords(fx.new);
    expectClose(transformPipeline(p.state, fresh).dataset.numeric.data, fx.newScores.flat(), { rtol: 1e-9, atol: 1e-12 });
    assert.deepEqual(Array.from(scoreFrame(model, fresh).labels), fx.newLabels);
  });
});
