import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, readdirSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadModel, parseModel } from '../../src/model/load.js';
import { saveModel, writeFileAtomic } from '../../src/model/save.js';
import { FORMAT_NAME, FORMAT_VERSION, type SegmentationModel } from '../../src/model/artifact.js';
import { msg } from '../../src/messages.js';
import { encodeState, decodeState } from '../../src/model/state-codec.js';
import { expectSegkitError } from '../helpers/expect.js';
import { tempDir } from '../helpers/temp.js';

function minimalModel(): SegmentationModel {
  return {
    format: FORMAT_NAME,
    formatVersion: FORMAT_VERSION,
    manifest: {
      segkitVersion: '0.1.0', createdAt: '2026-01-01T00:00:00.000Z', dataHash: 'abc', source: 'x.csv', rows: 2,
      columns: [{ name: 'a', kind: 'numeric' }], idColumn: null, method: 'kmeans', options: { nClusters: 1 }, prepOptions: {}, seed: 1, fitSeconds: 0.1,
    },
    pipeline: {},
    clusterer: { method: 'kmeans', options: { nClusters: 1 }, state: { centers: [[0]], nFeatures: 1, algorithm: 'lloyd' } },
    segments: [{ id: 0, name: 'Segment 1', size: 2, share: 1 }],
    metrics: { inertia: 1, silhouette: null },
    prepReport: {},
    warnings: [],
  };
}

describe('model/load', () => {
  let dir: string;
  let cleanup: () => void;
  before(() => ({ dir, cleanup } = tempDir()));
  after(() => cleanup());

  it('round-trips a saved model', () => {
    const p = join(dir, 'm.json');
    saveModel(minimalModel(), p);
    assert.deepEqual(loadModel(p), minimalModel());
  });
  it('rejects text that is not JSON (a truncated file)', async () => {
    const text = JSON.stringify(minimalModel());
    await expectSegkitError(() => parseModel(text.slice(0, text.length / 2), 'm.json'), 'E_MODEL_FORMAT', msg.modelNotJson('m.json'));
  });
  it('rejects a JSON file from another tool', async () => {
    await expectSegkitError(() => parseModel('{"n_clusters": 3}', 'other.json'), 'E_MODEL_FORMAT', msg.modelForeign('other.json'));
  });
  it('rejects another format version', async () => {
    await expectSegkitError(() => parseModel(JSON.stringify({ ...minimalModel(), formatVersion: 99 }), 'v.json'), 'E_MODEL_FORMAT', msg.modelVersion('v.json', 99, FORMAT_VERSION));
  });
  it('names the damaged field', async () => {
    const bad = { ...minimalModel(), segments: [{ id: 0, name: 'S', size: -1, share: 1 }] };
    const e = await expectSegkitError(() => parseModel(JSON.stringify(bad), 'd.json'), 'E_MODEL_FORMAT');
    assert.equal(e.where.field, 'segments.0.size');
  });
  it('rejects an unknown method', async () => {
    const bad = { ...minimalModel(), clusterer: { method: 'magic', options: {}, state: {} } };
    await expectSegkitError(() => parseModel(JSON.stringify(bad), 'u.json'), 'E_MODEL_FORMAT', /unknown method "magic"/);
  });
  it('reports a missing file as E_NOT_FOUND', async () => {
    await expectSegkitError(() => loadModel(join(dir, 'missing.json')), 'E_NOT_FOUND', msg.fileNotFound(join(dir, 'missing.json')));
  });
});

describe('model/save', () => {
  let dir: string;
  let cleanup: () => void;
  before(() => ({ dir, cleanup } = tempDir()));
  after(() => cleanup());

  it('leaves no temp file behind and no target when the write fails', async () => {
    mkdirSync(join(dir, 'sub'));
    await expectSegkitError(() => writeFileAtomic(join(dir, 'sub', 'missing-dir', 'x.json'), 'x'), 'E_WRITE');
    assert.deepEqual(readdirSync(join(dir, 'sub')), []);
  });
  it('replaces an existing file whole', () => {
    const p = join(dir, 'r.json');
    writeFileSync(p, 'old');
    writeFileAtomic(p, 'new');
    assert.deepEqual(readdirSync(dir).filter((f) => f.includes('r.json')), ['r.json']);
  });
});

describe('model/state-codec', () => {
  it('round-trips typed arrays exactly and non-finite numbers', () => {
    const s = { a: Float64Array.from([0.1, -2.5e-300, Math.PI]), b: Int32Array.from([-1, 7]), c: [{ d: new Float32Array([1.5]) }], e: Infinity, f: 'x' };
    const back = decodeState<any>(JSON.parse(JSON.stringify(encodeState(s))));
    assert.deepEqual(back, s);
  });
});
