import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { renderRows, checkRendering } from '../../src/embed/render-text.js';
import { fitHashedTfidf, embedHashedTfidf } from '../../src/embed/hashed-tfidf.js';
import { embedKmeansClusterer } from '../../src/cluster/embed-kmeans.js';
import { fitModel } from '../../src/model/fit-model.js';
import { predict } from '../../src/model/predict.js';
import { frameFromRecords } from '../../src/data/frame.js';
import { createRng } from '../../src/math/rng.js';
import { adjustedRandIndex } from '../../src/evaluate/ari.js';
import { expectSegkitError } from '../helpers/expect.js';
import { checkClusterer } from '../conformance/clusterer.js';

const frame = frameFromRecords([
  { id: 'a', age: 58, job: 'management', vip: null },
  { id: 'b', age: 33.25, job: null, vip: 'yes' },
]);

/** 240 customers in three kinds whose words differ. */
function customers(n = 240, seed = 2) {
  const rng = createRng(seed);
  const jobs = [['management', 'executive'], ['blue-collar', 'technician'], ['student', 'unemployed']];
  return Array.from({ length: n }, (_, i) => {
    const g = i % 3;
    return { id: `c${i}`, job: jobs[g][rng.int(2)], plan: ['gold', 'basic', 'none'][g], city: ['Paris', 'Lyon', 'Nice', 'Lille'][rng.int(4)] };
  });
}

describe('embed/render-text', () => {
  it('renders "Name: value" pairs in column order, missing values as unknown, numbers as written', () => {
    assert.deepEqual(renderRows(frame, { columns: ['age', 'job', 'vip'], template: null }), [
      'age: 58, job: management, vip: unknown',
      'age: 33.25, job: unknown, vip: yes',
    ]);
  });

  it('fills a template and refuses unknown {Column} fields and personal data in it', () => {
    assert.deepEqual(renderRows(frame, { columns: ['age', 'job'], template: 'A {age}-year-old {job}.' }), ['A 58-year-old management.', 'A 33.25-year-old unknown.']);
    expectSegkitError(() => checkRendering('{age} {salary}', ['age', 'job'], [], 'f.csv'), 'E_UNKNOWN_COLUMN', /salary/);
    expectSegkitError(() => checkRendering('{age} {job}', ['age', 'job'], ['job'], 'f.csv'), 'E_OPTION', /personal data/);
    expectSegkitError(() => checkRendering(null, ['age'], ['email'], 'f.csv'), 'E_UNKNOWN_COLUMN', /email/);
  });
});

describe('embed/hashed-tfidf', () => {
  it('is deterministic, unit length, and embeds training rows the same way as new rows', () => {
    const texts = customers().map((c) => `job: ${c.job}, plan: ${c.plan}, city: ${c.city}`);
    const a = fitHashedTfidf(texts, { buckets: 1024, dims: 8 }, createRng(5));
    const b = fitHashedTfidf(texts, { buckets: 1024, dims: 8 }, createRng(5));
    assert.deepEqual(a.x.data, b.x.data);
    const again = embedHashedTfidf(a.state, texts);
    for (let i = 0; i < a.x.data.length; i++) assert.ok(Math.abs(again.data[i] - a.x.data[i]) < 1e-12);
    for (let r = 0; r < a.x.rows; r++) {
      let s = 0;
      for (let c = 0; c < 8; c++) s += a.x.data[r * 8 + c] ** 2;
      assert.ok(Math.abs(s - 1) < 1e-9);
    }
    // Explained shares decrease and sum below 1.
    const e = a.state.explained;
    for (let i = 1; i < e.length; i++) assert.ok(e[i] <= e[i - 1] + 1e-12);
    assert.ok(e.reduce((x, y) => x + y, 0) <= 1 + 1e-9);
  });

  it('refuses more dimensions than rows', () => {
    expectSegkitError(() => fitHashedTfidf(['a', 'b', 'c'], { buckets: 256, dims: 3 }, createRng(1)), 'E_OPTION', /dimensions/);
  });
});

describe('cluster/embed-kmeans', () => {
  it('recovers three kinds of customers from their text alone, and predict on the training rows gives the training labels', async () => {
    const rows = customers();
    const r = await fitModel(frameFromRecords(rows), { method: 'embed-kmeans', options: { nClusters: 3, dims: 8 }, idColumn: 'id', seed: 3 });
    const truth = Int32Array.from(rows, (_, i) => i % 3);
    assert.ok(adjustedRandIndex(truth, r.labels) > 0.9, `ARI ${adjustedRandIndex(truth, r.labels)}`);
    const p = predict(r.model, frameFromRecords(rows));
    assert.deepEqual(p.map((x) => x.segment), Array.from(r.labels));
    // The personal-data column never reaches the text: the model renders job and plan only.
    const pii = await fitModel(frameFromRecords(rows), { method: 'embed-kmeans', options: { nClusters: 3, dims: 8 }, idColumn: 'id', seed: 3, prep: { text: { pii: ['city'] } } });
    assert.deepEqual((pii.model.manifest.prepOptions as any).text.pii, ['city']);
    // The rendered text of a row is viewable for audit, and has no city in it.
    const seen = predict(pii.model, frameFromRecords([rows[0]]))[0].text!;
    assert.equal(seen, `job: ${rows[0].job}, plan: ${rows[0].plan}`);
  });

  checkClusterer(embedKmeansClusterer, {
    options: { nClusters: 3, dims: 6, buckets: 256, nInit: 4 },
    badOptions: [{ nClusters: 0 }, { dims: 1 }, { buckets: 1000 }],
    dataKind: 'text',
  } as any);
});
