import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { retrain } from '../../src/track/retrain.js';
import { alignByCoMembership } from '../../src/track/align.js';
import { modelHash } from '../../src/track/model-hash.js';
import { scoreFrame } from '../../src/model/predict.js';
import { decodeState, encodeState } from '../../src/model/state-codec.js';
import { parseModel } from '../../src/model/load.js';
import type { SegmentationModel } from '../../src/model/artifact.js';
import type { Frame } from '../../src/data/frame.js';
import { blobFrame, blobModel } from './helpers.js';

const FIELDS: Record<string, string[]> = {
  kmeans: ['centers'], kprototypes: ['means', 'modes', 'modeLevels'], kmedoids: ['medoidRows', 'medoidNumbers', 'medoidCodes', 'medoidLevels'],
  gmm: ['weights', 'means', 'covariances'], // full covariances: one per segment
  lpa: ['weights', 'means'], // EEI: one covariance shared by all segments
};

/** The model with segment ids permuted: old segment i becomes perm[i] (per-segment state, names, novelty). */
function permuteModel(m: SegmentationModel, perm: number[]): SegmentationModel {
  const state = decodeState<Record<string, unknown[]>>(m.clusterer.state);
  const permuted: Record<string, unknown[]> = {};
  for (const f of FIELDS[m.clusterer.method]) {
    permuted[f] = new Array(perm.length);
    perm.forEach((to, from) => (permuted[f][to] = state[f][from]));
  }
  const segments = m.segments.map((g) => ({ ...g, id: perm[g.id] })).sort((a, b) => a.id - b.id);
  const p99 = new Array(perm.length);
  perm.forEach((to, from) => (p99[to] = m.novelty!.distanceP99[from]));
  return { ...m, clusterer: { ...m.clusterer, state: encodeState({ ...state, ...permuted }) }, segments, novelty: { ...m.novelty!, distanceP99: p99 } };
}

describe('track/align and retrain', () => {
  let model: SegmentationModel, frame: Frame;
  before(async () => {
    model = await blobModel(90, 4, 3);
    frame = blobFrame(90, 4);
  });

  it('alignment by co-membership: hand case with a new and a vanished segment', () => {
    // Old ids 0,1 on 6 customers; new clusters: 2 ≈ old 0, 0 ≈ old 1 (one customer moved), 1 = new.
    const old = Int32Array.from([0, 0, 0, 1, 1, 1]);
    const neu = Int32Array.from([2, 2, 2, 0, 0, 1]);
    const a = alignByCoMembership(old, neu, [0, 1], 3);
    assert.deepEqual(a.mapping, [1, 2, 0]);
    assert.deepEqual(a.newSegments, [2]);
    assert.deepEqual(a.pairs.map((p) => [p.segment, p.newCluster, p.shared, p.jaccard]), [[0, 2, 3, 1], [1, 0, 2, 2 / 3]]);
    assert.equal(a.agreement, 5 / 6);
    assert.deepEqual(a.vanished, []);
    // An old segment that shares almost nothing with its partner is reported as vanished.
    const b = alignByCoMembership(Int32Array.from([0, 0, 0, 0, 1]), Int32Array.from([0, 0, 0, 0, 0]), [0, 1], 2);
    assert.deepEqual(b.vanished, [1]);
  });

  it('permute a model\'s segment ids, retrain on the same data: the ids come back (property)', async () => {
    await fc.assert(fc.asyncProperty(fc.shuffledSubarray([0, 1, 2, 3], { minLength: 4, maxLength: 4 }), fc.integer({ min: 0, max: 1000 }), async (perm, seed) => {
      const permuted = permuteModel(model, perm);
      const want = scoreFrame(permuted, frame).labels;
      const r = await retrain(permuted, frame, { seed });
      assert.deepEqual([...r.labels], [...want]);
      assert.deepEqual([...scoreFrame(r.model, frame).labels], [...want]);
      assert.deepEqual(r.model.segments.map((g) => g.name), permuted.segments.map((g) => g.name));
      assert.equal(r.alignment.agreement, 1);
      assert.ok(r.warmStart);
    }), { numRuns: 12 });
  });

  for (const method of ['kprototypes', 'kmedoids', 'gmm', 'lpa']) {
    it(`${method}: permuted ids come back (property)`, async () => {
      const m = await blobModel(90, 4, 3, method);
      const f = blobFrame(90, 4, 0, method === 'kprototypes');
      await fc.assert(fc.asyncProperty(fc.shuffledSubarray([0, 1, 2, 3], { minLength: 4, maxLength: 4 }), async (perm) => {
        const permuted = permuteModel(m, perm);
        const want = scoreFrame(permuted, f).labels;
        const r = await retrain(permuted, f);
        assert.equal(r.warmStart, method === 'gmm' || method === 'lpa');
        assert.deepEqual([...r.labels], [...want]);
        assert.deepEqual([...scoreFrame(r.model, f).labels], [...want]);
        assert.deepEqual(r.model.segments.map((g) => g.name), permuted.segments.map((g) => g.name));
      }), { numRuns: 6 });
    });
  }

  it('a method whose state cannot be renumbered yet is refused with a clear message', async () => {
    const m = await blobModel(60, 3, 1, 'lpa-kmeans');
    await assert.rejects(retrain(m, blobFrame(60, 3)), (e: any) => e.code === 'E_OPTION' && /'lpa-kmeans' is not supported yet/.test(e.message));
  });

  it('gmm: the posterior columns follow the renumbered ids', async () => {
    const m = permuteModel(await blobModel(90, 4, 3, 'gmm'), [2, 0, 3, 1]);
    const r = await retrain(m, blobFrame(90, 4));
    const p = r.probabilities!;
    for (let i = 0; i < p.rows; i++) {
      const row = Array.from(p.data.subarray(i * p.cols, (i + 1) * p.cols));
      assert.equal(row.indexOf(Math.max(...row)), r.labels[i]);
    }
  });

  it('records lineage; the new file loads; shifted data keeps the ids', async () => {
    const shifted = blobFrame(90, 4, 0.7);
    const r = await retrain(model, shifted, { oldPath: 'old.json' });
    assert.equal(r.model.lineage?.replaces.fileHash, modelHash(model));
    assert.equal(r.model.lineage?.replaces.path, 'old.json');
    const back = parseModel(JSON.stringify(r.model));
    assert.deepEqual(back.lineage, JSON.parse(JSON.stringify(r.model.lineage)));
    assert.deepEqual([...r.labels], [...r.oldLabels]);
    assert.deepEqual(r.model.segments.map((g) => g.name), model.segments.map((g) => g.name));
  });

  it('a larger k keeps the old ids and adds new ones', async () => {
    const r = await retrain(model, frame, { nClusters: 5, seed: 2 });
    assert.equal(r.model.segments.length, 5);
    assert.deepEqual(r.alignment.newSegments, [4]);
    assert.deepEqual(r.model.segments.slice(0, 4).map((g) => g.name), model.segments.map((g) => g.name));
    assert.equal(r.warmStart, false);
  });

  it('refuses different features, naming them, and a smaller k', async () => {
    const other = { ...frame, columns: [frame.columns[0], frame.columns[1], { ...frame.columns[2], name: 'z' }] } as Frame;
    await assert.rejects(retrain(model, other), (e: any) => e.code === 'E_FEATURE_MISMATCH' && /missing "y"; new "z"/.test(e.message));
    await assert.rejects(retrain(model, frame, { nClusters: 3 }), (e: any) => e.code === 'E_OPTION' && /k must be ≥ 4/.test(e.message));
  });
});
