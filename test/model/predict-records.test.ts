import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fitModel } from '../../src/model/fit-model.js';
import { predict } from '../../src/model/predict.js';
import { predictRecords, recordsFrame } from '../../src/model/predict-records.js';
import type { Frame } from '../../src/data/frame.js';
import { msg } from '../../src/messages.js';
import { SegkitError } from '../../src/errors.js';

// A categorical column whose levels look like numbers (postal codes), beside a number.
const frame: Frame = {
  source: 'zips',
  rows: 6,
  columns: [
    { name: 'customer', kind: 'id', values: ['a', 'b', 'c', 'd', 'e', 'f'] },
    { name: 'zip', kind: 'categorical', values: ['02134', '02134', '02134', '10001', '10001', '10001'] },
    { name: 'spend', kind: 'numeric', values: new Float64Array([1, 2, 3, 50, 51, 52]) },
  ],
};

describe('model/predict-records', () => {
  it("scores JSON rows like predict on the training frame, with the model's ID", async () => {
    const { model, labels } = await fitModel(frame, { options: { nClusters: 2 }, seed: 3 });
    const rows = [0, 1, 2, 3, 4, 5].map((i) => ({ customer: 'abcdef'[i], zip: (frame.columns[1].values as string[])[i], spend: (frame.columns[2].values as Float64Array)[i] }));
    const out = predictRecords(model, rows, 'rows');
    assert.deepEqual(out.map((p) => p.segment), Array.from(labels));
    assert.deepEqual(out.map((p) => p.id), ['a', 'b', 'c', 'd', 'e', 'f']);
    assert.deepEqual(out.map(({ id: _, ...p }) => p), predict(model, frame));
  });

  it('reads a row the same alone and in any batch: "02134" stays a level even when every value looks numeric', async () => {
    const { model } = await fitModel(frame, { options: { nClusters: 2 }, seed: 3 });
    const alone = predictRecords(model, [{ zip: '02134', spend: 2 }], 'rows')[0];
    assert.deepEqual(alone.notes, []);
    assert.equal(alone.novel, false);
    const mixed = predictRecords(model, [{ zip: 'Paris', spend: 2 }, { zip: '02134', spend: 2 }, { zip: 10001, spend: '2' }], 'rows');
    assert.deepEqual(mixed[1], alone);
    assert.deepEqual(mixed[2].notes, []);
    assert.deepEqual(mixed[0].notes, [msg.unseenLevel('zip', 'Paris')]);
  });

  it('builds each input column for its kind; text in a numeric column is left for the coercion to name', async () => {
    const { model } = await fitModel(frame, { options: { nClusters: 2 }, seed: 3 });
    const f = recordsFrame(model, [{ zip: 2134, spend: 3, extra: 'x' }, { zip: null, spend: null }], 'rows');
    assert.deepEqual(f.columns.map((c) => [c.name, c.kind]), [['zip', 'categorical'], ['spend', 'numeric']]);
    assert.deepEqual(f.columns[0].values, ['2134', null]);
    assert.throws(
      () => predictRecords(model, [{ zip: '02134', spend: 1 }, { zip: '02134', spend: 'lots' }], 'rows'),
      (e: SegkitError) => e.code === 'E_DATA_TYPE' && e.message === msg.notANumber('rows', 2, 'spend', 'lots'),
    );
    assert.throws(() => predictRecords(model, [{ zip: '02134' }], 'rows'), (e: SegkitError) => e.code === 'E_FEATURE_MISMATCH');
  });
});
