import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fitPipeline, transformPipeline } from '../../src/prep/pipeline.js';
import type { Frame } from '../../src/data/frame.js';
import { frameFromRecords } from '../../src/data/frame.js';
import { msg } from '../../src/messages.js';
import { expectClose, expectSegkitError } from '../helpers/expect.js';

/** A telco-like frame: an ID, a skewed non-negative amount with a blank, a yes/no flag, a category with a rare level. */
function telcoLike(): Frame {
  const n = 200;
  const amount = new Float64Array(n), flag = new Float64Array(n), tenure = new Float64Array(n), constant = new Float64Array(n).fill(3);
  const contract: (string | null)[] = [], ids: string[] = [], notes: (string | null)[] = [];
  for (let i = 0; i < n; i++) {
    amount[i] = i === 5 ? NaN : Math.exp((i % 17) / 3);
    flag[i] = i % 3 === 0 ? 1 : 0;
    tenure[i] = i % 72;
    contract.push(i === 7 ? 'Lifetime' : i % 10 === 0 ? null : ['Month-to-month', 'One year', 'Two year'][i % 3]);
    ids.push(String(1000 + i));
    notes.push(`free text ${i}`);
  }
  return {
    source: 'telco.csv', rows: n,
    columns: [
      { name: 'customerID', kind: 'id', values: ids },
      { name: 'TotalCharges', kind: 'numeric', values: amount },
      { name: 'Partner', kind: 'boolean', values: flag },
      { name: 'tenure', kind: 'numeric', values: tenure },
      { name: 'Contract', kind: 'categorical', values: contract },
      { name: 'Z_Cost', kind: 'numeric', values: constant },
      { name: 'Notes', kind: 'categorical', values: notes },
    ],
  };
}

describe('prep/pipeline', () => {
  it('reports every automatic decision and drops constant and ID-like columns with warnings', () => {
    const f = fitPipeline(telcoLike(), { idColumn: 'customerID' });
    const byCol = Object.fromEntries(f.report.columns.map((c) => [c.column, c]));
    assert.deepEqual(byCol.customerID.actions, ['not used']);
    assert.ok(byCol.TotalCharges.actions.some((a) => a.startsWith('imputed 1 missing with the median')));
    assert.ok(byCol.TotalCharges.actions.includes('log1p'), JSON.stringify(byCol.TotalCharges));
    assert.match(byCol.TotalCharges.reason!, /skewness .*non-negative/);
    assert.deepEqual(byCol.Partner.actions, ['kept as 0/1']);
    assert.deepEqual(byCol.tenure.actions, ['standard scaling']);
    assert.deepEqual(byCol.Z_Cost.actions, ['dropped']);
    assert.deepEqual(byCol.Notes.actions, ['dropped']);
    assert.deepEqual(f.warnings.map((w) => w.code), ['W_CONSTANT_FEATURE', 'W_DROPPED_COLUMN']);
    // (missing) is a level, the single rare 'Lifetime' level (0.5%) keeps its name.
    assert.deepEqual(f.state.featureNames, [
      'TotalCharges', 'Partner', 'tenure', 'Contract=(missing)', 'Contract=Lifetime', 'Contract=Month-to-month', 'Contract=One year', 'Contract=Two year',
    ]);
    assert.equal(f.dataset.numeric.rows, 200);
    for (const v of f.dataset.numeric.data) assert.ok(Number.isFinite(v));
  });

  it('groups several rare levels into (other)', () => {
    const values = Array.from({ length: 300 }, (_, i) => (i < 3 ? `rare${i}` : i % 2 ? 'a' : 'b'));
    const f = fitPipeline(frameFromRecords(values.map((v, i) => ({ c: v, x: i }))), {});
    assert.deepEqual(f.state.featureNames.filter((n) => n.startsWith('c=')), ['c=a', 'c=b', 'c=(other)']);
  });

  it('transforms new rows with the saved state, after a JSON round trip, and flags unseen levels', () => {
    const f = fitPipeline(telcoLike(), { idColumn: 'customerID' });
    const state = JSON.parse(JSON.stringify(f.state));
    const again = transformPipeline(state, telcoLike());
    assert.deepEqual(Array.from(again.dataset.numeric.data), Array.from(f.dataset.numeric.data));
    const fresh = frameFromRecords([{ TotalCharges: '100.5', Partner: 'Yes', tenure: 12, Contract: 'Ten year', Notes: 'x', Z_Cost: 3 }]);
    const t = transformPipeline(state, fresh);
    assert.deepEqual(t.notes[0], [msg.unseenLevel('Contract', 'Ten year')]);
    const row = Array.from(t.dataset.numeric.data);
    expectClose(row.slice(3), [0, 0, 0, 0, 0]);
    assert.equal(row[1], 1);
  });

  it('names a missing column at transform time', async () => {
    const f = fitPipeline(telcoLike(), { idColumn: 'customerID' });
    await expectSegkitError(() => transformPipeline(f.state, frameFromRecords([{ TotalCharges: 1 }], 'new.jsonl')), 'E_FEATURE_MISMATCH', msg.missingFeature('Partner', 'new.jsonl'));
  });

  it('names the row, column and value of a number that does not parse', async () => {
    const f = fitPipeline(telcoLike(), { idColumn: 'customerID' });
    const bad = frameFromRecords([{ TotalCharges: 'lots', Partner: 1, tenure: 1, Contract: 'One year' }], 'new.jsonl');
    await expectSegkitError(() => transformPipeline(f.state, bad), 'E_DATA_TYPE', msg.notANumber('new.jsonl', 1, 'TotalCharges', 'lots'));
  });

  it('rejects an unknown column in features, and an explicitly chosen all-missing column', async () => {
    await expectSegkitError(() => fitPipeline(telcoLike(), { features: ['tenure', 'Salary'] }), 'E_UNKNOWN_COLUMN', /"Salary" in --features/);
    const frame: Frame = { source: 'x.csv', rows: 3, columns: [{ name: 'a', kind: 'numeric', values: Float64Array.from([NaN, NaN, NaN]) }, { name: 'b', kind: 'numeric', values: Float64Array.from([1, 2, 3]) }] };
    await expectSegkitError(() => fitPipeline(frame, { features: ['a', 'b'] }), 'E_DATA_EMPTY', msg.allMissing('x.csv', 'a'));
    const auto = fitPipeline(frame, {});
    assert.deepEqual(auto.state.featureNames, ['b']);
    assert.equal(auto.warnings[0].message, msg.allMissingDropped('a'));
  });

  it('rejects bad options with the field named', async () => {
    const e = await expectSegkitError(() => fitPipeline(telcoLike(), { scale: 'zscore' as any }), 'E_OPTION');
    assert.equal(e.where.field, 'scale');
    await expectSegkitError(() => fitPipeline(telcoLike(), { colour: 'red' } as any), 'E_UNKNOWN_OPTION');
  });

  it('adds missing indicators and uses the chosen scaler and encoding', () => {
    const f = fitPipeline(telcoLike(), { idColumn: 'customerID', missingIndicator: true, scale: 'minmax', encode: 'ordinal', skew: 'none' });
    assert.deepEqual(f.state.featureNames, ['TotalCharges', 'TotalCharges__missing', 'Partner', 'tenure', 'Contract']);
    const x = f.dataset.numeric;
    for (let i = 0; i < x.rows; i++) for (const j of [0, 3, 4]) assert.ok(x.data[i * x.cols + j] >= -1e-12 && x.data[i * x.cols + j] <= 1 + 1e-12);
    assert.equal(x.data[5 * x.cols + 1], 1);
  });
});
