import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import fc from 'fast-check';
import { tempDir } from '../helpers/temp.js';
import { openStore, type StoreDb } from '../../src/track/store.js';
import { recordSnapshot } from '../../src/track/snapshot.js';
import { migrations, customersInto, writeIntoTable, segmentDistribution, adjustedRandFromTable } from '../../src/track/transitions.js';
import { adjustedRandIndex } from '../../src/evaluate/ari.js';
import { blobModel } from './helpers.js';
import type { SegmentationModel } from '../../src/model/artifact.js';

const snap = (model: SegmentationModel, asOf: string, rows: [string, number][]) =>
  ({ model, asOf, ids: rows.map((r) => r[0]), labels: Int32Array.from(rows, (r) => r[1]), confidence: Float64Array.from(rows, (_, i) => i / 10), dataHash: 'h' });

describe('track/transitions: hand-computed migrations', () => {
  let dir: string, cleanup: () => void, model: SegmentationModel, db: StoreDb;
  before(async () => {
    ({ dir, cleanup } = tempDir());
    model = await blobModel();
    db = await openStore(join(dir, 's.duckdb'));
    await recordSnapshot(db, snap(model, '2024-01-31', [['a', 0], ['b', 0], ['c', 1], ['d', 1], ['e', 2]]));
    await recordSnapshot(db, snap(model, '2024-02-29', [['a', 0], ['b', 1], ['c', 1], ['d', 2], ['f', 2]]));
  });
  after(async () => {
    await db.close();
    cleanup();
  });

  it('transition matrix, row percentages, entered/left, new/lost, ARI', async () => {
    const m = await migrations(db, { from: '2024-01-31', to: '2024-02-29' });
    assert.deepEqual(m.segments.map((s) => s.id), [0, 1, 2]);
    assert.deepEqual(m.segments.map((s) => s.name), model.segments.map((s) => s.name));
    // a: 0→0, b: 0→1, c: 1→1, d: 1→2; e lost, f new.
    assert.deepEqual(m.counts, [[1, 1, 0], [0, 1, 1], [0, 0, 0]]);
    assert.deepEqual(m.rowPercent, [[50, 50, 0], [0, 50, 50], [0, 0, 0]]);
    assert.deepEqual(m.entered, [0, 1, 1]);
    assert.deepEqual(m.left, [1, 1, 0]);
    assert.equal(m.common, 4);
    assert.equal(m.newCustomers, 1);
    assert.equal(m.lostCustomers, 1);
    // By hand: Σ C(n_ij,2) = 0, Σ C(a_i,2) = 2, Σ C(b_j,2) = 1, E = 2·1/C(4,2) = 1/3, max = 3/2 → (0 − 1/3)/(3/2 − 1/3) = −2/7.
    assert.ok(Math.abs(m.ari - -2 / 7) < 1e-15);
    assert.ok(Math.abs(m.ari - adjustedRandIndex([0, 0, 1, 1], [0, 1, 1, 2])) < 1e-15);
  });

  it('--into lists who entered a segment (new customers included) and writes a table', async () => {
    const name2 = model.segments[2].name;
    const r = await customersInto(db, { from: '2024-01-31', to: '2024-02-29' }, name2);
    assert.deepEqual(r.customers.map((c) => [c.customerId, c.fromSegment, c.toSegment]), [['d', 1, 2], ['f', null, 2]]);
    assert.equal(await writeIntoTable(db, { from: '2024-01-31', to: '2024-02-29' }, name2, 'campaign'), 2);
    assert.deepEqual(await db.query('SELECT customer_id FROM campaign ORDER BY 1'), [{ customer_id: 'd' }, { customer_id: 'f' }]);
    await assert.rejects(customersInto(db, { from: '2024-01-31', to: '2024-02-29' }, 'Nope'), (e: any) => e.code === 'E_NOT_FOUND' && /No segment named 'Nope'/.test(e.message));
  });

  it('refuses dates in the wrong order and unknown dates', async () => {
    await assert.rejects(migrations(db, { from: '2024-02-29', to: '2024-01-31' }), (e: any) => e.code === 'E_OPTION' && /must be an earlier date/.test(e.message));
    await assert.rejects(migrations(db, { from: '2024-01-01', to: '2024-02-29' }), (e: any) => e.code === 'E_NOT_FOUND' && /2024-01-31, 2024-02-29/.test(e.message));
  });

  it('segment distribution over all snapshots', async () => {
    const d = await segmentDistribution(db);
    assert.deepEqual(d.map((r) => [r.asOf, r.segment, r.count, r.share]), [
      ['2024-01-31', 0, 2, 0.4], ['2024-01-31', 1, 2, 0.4], ['2024-01-31', 2, 1, 0.2],
      ['2024-02-29', 0, 1, 0.2], ['2024-02-29', 1, 2, 0.4], ['2024-02-29', 2, 2, 0.4],
    ]);
  });

  it('ARI from the table equals ARI from the labels (property)', () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 4 })), { minLength: 1, maxLength: 60 }), (pairs) => {
      const t = Array.from({ length: 4 }, () => new Array(5).fill(0));
      for (const [a, b] of pairs) t[a][b]++;
      const want = adjustedRandIndex(pairs.map((p) => p[0]), pairs.map((p) => p[1]));
      return Math.abs(adjustedRandFromTable(t) - want) < 1e-12;
    }), { numRuns: 300 });
  });
});
