import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { trainAutoencoder, encode } from '../../src/embed/autoencoder.js';
import { autoencoderKmeansClusterer } from '../../src/cluster/autoencoder-kmeans.js';
import { createFitContext } from '../../src/cluster/types.js';
import { datasetFromMatrix } from '../../src/data/dataset.js';
import { createRng } from '../../src/math/rng.js';
import { adjustedRandIndex } from '../../src/evaluate/ari.js';
import { parseOptions } from '../../src/options.js';
import { expectSegkitError } from '../helpers/expect.js';
import { checkClusterer } from '../conformance/clusterer.js';

/** Four well-separated blobs in 6-D (n rows), labels i % 4. */
function blobs(n = 400, seed = 3) {
  const rng = createRng(seed);
  const centers = Array.from({ length: 4 }, () => Array.from({ length: 6 }, () => rng.normal() * 4));
  const data = new Float64Array(n * 6);
  for (let i = 0; i < n; i++) for (let j = 0; j < 6; j++) data[i * 6 + j] = centers[i % 4][j] + rng.normal() * 0.3;
  return { x: { rows: n, cols: 6, data }, truth: Int32Array.from({ length: n }, (_, i) => i % 4) };
}

const options = { hidden: 16, bottleneck: 2, epochs: 60, batchSize: 32, learningRate: 0.01, validationShare: 0.1, patience: 8 };

describe('embed/autoencoder', () => {
  it('the reconstruction error falls, the best epoch is kept, and the same seed gives the same weights', () => {
    const { x } = blobs();
    const a = trainAutoencoder(x, options, createRng(1));
    const b = trainAutoencoder(x, options, createRng(1));
    assert.deepEqual(a.encoder, b.encoder);
    const first = a.history[0].train, bestVal = a.history[a.bestEpoch - 1].validation;
    assert.ok(a.history.at(-1)!.train < first / 4, `train error ${first} → ${a.history.at(-1)!.train}`);
    assert.equal(bestVal, Math.min(...a.history.map((h) => h.validation)));
  });

  it('autoencoder-kmeans recovers well-separated blobs through a 2-D bottleneck (ARI ≥ 0.9) and predict = training labels', async () => {
    const { x, truth } = blobs();
    const params = parseOptions(autoencoderKmeansClusterer.schema, { ...options, nClusters: 4 }, 'autoencoder-kmeans');
    const f = await autoencoderKmeansClusterer.fit(datasetFromMatrix(x), params, createFitContext(createRng(5), []));
    assert.ok(adjustedRandIndex(truth, f.labels) >= 0.9, `ARI ${adjustedRandIndex(truth, f.labels)}`);
    assert.deepEqual(Array.from(autoencoderKmeansClusterer.predict(f.state, datasetFromMatrix(x))), Array.from(f.labels));
    assert.equal(encode(f.state.encoder, x).cols, 2);
  });

  it('refuses a bottleneck as wide as the data', async () => {
    const { x } = blobs(40);
    const params = parseOptions(autoencoderKmeansClusterer.schema, { nClusters: 2, bottleneck: 6 }, 'autoencoder-kmeans');
    await expectSegkitError(() => autoencoderKmeansClusterer.fit(datasetFromMatrix(x), params, createFitContext(createRng(1), [])), 'E_OPTION', /bottleneck/);
  });

  checkClusterer(autoencoderKmeansClusterer, {
    options: { nClusters: 3, bottleneck: 1, hidden: 8, epochs: 30, batchSize: 16, learningRate: 0.01 },
    badOptions: [{ nClusters: 0 }, { bottleneck: 0 }, { validationShare: 0.9 }],
    skip: [{ reason: 'the mini-batch order and validation split follow row positions, so a permutation trains another network', checks: ['row-permutation'] }],
  });
});
