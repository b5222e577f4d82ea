import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { embedOnnx, meanPool } from '../../src/embed/onnx-embedder.js';
import { fitModel } from '../../src/model/fit-model.js';
import { predict } from '../../src/model/predict.js';
import { frameFromRecords } from '../../src/data/frame.js';
import { adjustedRandIndex } from '../../src/evaluate/ari.js';
import { createRng } from '../../src/math/rng.js';
import { tempDir } from '../helpers/temp.js';
import { expectSegkitError } from '../helpers/expect.js';
import { writeTinyBert, tinyWeights, TINY_HIDDEN, TINY_VOCAB } from '../helpers/tiny-bert.js';

describe('embed/onnx-embedder (tiny random-weight BERT built in JS)', () => {
  let dir: string, cleanup: () => void, model: string;
  before(() => {
    ({ dir, cleanup } = tempDir());
    process.env.SEGKIT_CACHE_DIR = join(dir, 'cache');
    model = writeTinyBert(dir);
  });
  after(() => {
    delete process.env.SEGKIT_CACHE_DIR;
    cleanup();
  });

  it('mean pooling over the attention mask and L2 normalisation equal a hand computation', async () => {
    const texts = ['age: 25, job: student', 'plan: gold, city: paris, unknownword'];
    const got = embedOnnx(model, texts);
    // By hand: the tokenizer's ids (WordPiece with [CLS] … [SEP]), tanh(E[id] · W), mean over real tokens, unit length.
    const { env, AutoTokenizer } = await import('@huggingface/transformers');
    env.allowRemoteModels = false;
    env.localModelPath = dir + '/';
    const tok = await AutoTokenizer.from_pretrained('tiny-bert');
    const { e, w } = tinyWeights();
    for (const [r, text] of texts.entries()) {
      const ids: number[] = (tok(text).input_ids.tolist()[0] as bigint[]).map(Number);
      assert.equal(ids[0], TINY_VOCAB.indexOf('[CLS]'));
      const mean = new Float64Array(TINY_HIDDEN);
      for (const id of ids)
        for (let j = 0; j < TINY_HIDDEN; j++) {
          let s = 0;
          for (let t = 0; t < TINY_HIDDEN; t++) s += Math.fround(e[id * TINY_HIDDEN + t]) * Math.fround(w[t * TINY_HIDDEN + j]);
          mean[j] += Math.tanh(s) / ids.length;
        }
      const norm = Math.hypot(...mean);
      for (let j = 0; j < TINY_HIDDEN; j++) assert.ok(Math.abs(got.data[r * TINY_HIDDEN + j] - mean[j] / norm) < 1e-5, `row ${r} dim ${j}`);
    }
  });

  it('meanPool ignores padded tokens', () => {
    // 2 rows × 3 tokens × 2 dims; row 1 has one padded token.
    const data = Float32Array.from([1, 2, 3, 4, 5, 6, 10, 20, 30, 40, 99, 99]);
    assert.deepEqual(Array.from(meanPool(data, [2, 3, 2], Int32Array.from([1, 1, 1, 1, 1, 0]))), [3, 4, 20, 30]);
  });

  it('caches per row: a second run reads the cache file and returns the same vectors', () => {
    const texts = Array.from({ length: 50 }, (_, i) => `age: ${i % 5 + 1}, plan: ${i % 2 ? 'gold' : 'basic'}`);
    const a = embedOnnx(model, texts);
    const cacheFile = join(dir, 'cache');
    assert.ok(existsSync(cacheFile));
    const b = embedOnnx(model, texts);
    assert.deepEqual(b.data, a.data);
  });

  it('embed-kmeans --embed-model: fits, saves the model hash, predicts new rows through the model', async () => {
    const rng = createRng(1);
    const kinds = [['student', 'paris'], ['manager', 'lyon'], ['retired', 'paris']];
    const rows = Array.from({ length: 90 }, (_, i) => ({ id: `c${i}`, job: kinds[i % 3][0], city: kinds[i % 3][1], age: 1 + rng.int(5) }));
    const r = await fitModel(frameFromRecords(rows), { method: 'embed-kmeans', options: { nClusters: 3, embedModel: model }, idColumn: 'id', seed: 2, prep: { features: ['job', 'city'] } });
    const state = JSON.parse(JSON.stringify(r.model.clusterer.state));
    assert.equal(state.embedding.kind, 'onnx');
    assert.equal(adjustedRandIndex(Int32Array.from(rows, (_, i) => i % 3), r.labels), 1);
    const p = predict(r.model, frameFromRecords([{ id: 'new', job: 'manager', city: 'lyon', age: 3 }]));
    assert.equal(p[0].segment, r.labels[1]);
  });

  it('bad model folders: a missing file is named; an output that is not 2-D/3-D is refused', () => {
    const broken = writeTinyBert(dir, 'broken');
    rmSync(join(broken, 'tokenizer.json'));
    expectSegkitError(() => embedOnnx(broken, ['a']), 'E_NOT_FOUND', /missing tokenizer\.json/);
    const flat = writeTinyBert(dir, 'flat', { outputRank: 2 });
    expectSegkitError(() => embedOnnx(flat, ['age: 1']), 'E_MODEL_FORMAT', /shape \[1\]/);
    assert.ok(statSync(model).isDirectory());
  });
});
