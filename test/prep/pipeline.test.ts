import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { fitPipeline, transformPipeline, type PipelineState } from '../../src/prep/pipeline.js';
import type { Column, Frame } from '../../src/data/frame.js';
import { frameFromRecords } from '../../src/data/frame.js';
import { msg } from '../../src/messages.js';
import { expectClose, expectSegkitError } from '../helpers/expect.js';

/** A telco-like frame: ID, flag, tenure, skewed charges with a blank, contract with blanks and a rare level, a date, and columns to drop. */
function telcoLike(n = 200): Frame {
  const num = (f: (i: number) => number) => Float64Array.from({ length: n }, (_, i) => f(i));
  const text = (f: (i: number) => string | null) => Array.from({ length: n }, (_, i) => f(i));
  const columns: Column[] = [
    { name: 'customerID', kind: 'id', values: text((i) => `C-${1000 + i}`) },
    { name: 'SeniorCitizen', kind: 'boolean', values: num((i) => (i % 3 === 0 ? 1 : 0)) },
    { name: 'tenure', kind: 'numeric', values: num((i) => i % 72) },
    { name: 'TotalCharges', kind: 'numeric', values: num((i) => (i === 5 ? NaN : Math.exp((i % 17) / 3) * 20)) },
    { name: 'Contract', kind: 'categorical', values: text((i) => (i === 7 ? 'Lifetime' : i % 10 === 0 ? null : ['Month-to-month', 'One year', 'Two year'][i % 3])) },
    { name: 'SignupDate', kind: 'date', values: num((i) => 19000 + i * 3) },
    { name: 'Z_Cost', kind: 'numeric', values: num(() => 3) },
    { name: 'Notes', kind: 'categorical', values: text((i) => `free text ${i}`) },
    { name: 'Churn', kind: 'numeric', values: num(() => NaN) },
  ];
  return { source: 'telco.csv', rows: n, columns };
}

const fitted = () => fitPipeline(telcoLike(), { idColumn: 'customerID' });
const byColumn = (f: ReturnType<typeof fitted>) => Object.fromEntries(f.report.columns.map((c) => [c.column, c]));

describe('prep/pipeline fit', () => {
  it('reports every automatic decision with its reason', () => {
    const r = byColumn(fitted());
    assert.deepEqual(r.customerID, { column: 'customerID', kind: 'id', actions: ['not used'], reason: 'customer ID' });
    assert.deepEqual(r.SeniorCitizen.actions, ['kept as 0/1']);
    assert.deepEqual(r.tenure.actions, ['standard scaling']);
    assert.deepEqual(r.TotalCharges.actions.slice(0, 2), ['imputed 1 missing with the median 287.8', 'log1p']);
    assert.match(r.TotalCharges.reason, /^numeric; skewness 1\.\d+ > 1, non-negative$/);
    assert.deepEqual(r.Contract.actions, ['one-hot (5 levels)', '1 rare levels grouped into (other)']);
    assert.deepEqual(r.SignupDate.actions, ['days since 1970-01-01', 'standard scaling']);
    assert.deepEqual([r.Z_Cost.actions, r.Z_Cost.reason], [['dropped'], 'constant (3)']);
    assert.deepEqual([r.Notes.actions, r.Notes.reason], [['dropped'], 'a distinct text value in every row (an ID?)']);
    assert.deepEqual([r.Churn.actions, r.Churn.reason], [['dropped'], 'every value is missing']);
  });

  it('warns about each dropped column, and names the features', () => {
    const f = fitted();
    assert.deepEqual(f.warnings, [
      { code: 'W_CONSTANT_FEATURE', message: msg.constantColumn('Z_Cost') },
      { code: 'W_DROPPED_COLUMN', message: msg.idLikeColumn('Notes') },
      { code: 'W_DROPPED_COLUMN', message: msg.allMissingDropped('Churn') },
    ]);
    // Missing contracts are a level of their own, after the sorted levels; the rare 'Lifetime'
    // (0.5% < 1%) is grouped as OneHotEncoder's infrequent category, last.
    assert.deepEqual(f.state.featureNames, [
      'SeniorCitizen', 'tenure', 'TotalCharges', 'Contract=Month-to-month', 'Contract=One year', 'Contract=Two year', 'Contract=(missing)', 'Contract=(other)', 'SignupDate',
    ]);
    assert.equal(f.report.features, 9);
  });

  it('standardises numbers and dates, and leaves booleans and one-hot columns 0/1', () => {
    const { numeric: x } = fitted().dataset;
    const col = (j: number) => Array.from({ length: x.rows }, (_, i) => x.data[i * x.cols + j]);
    for (const j of [1, 2, 8]) {
      const c = col(j);
      const mean = c.reduce((a, b) => a + b, 0) / c.length;
      expectClose([mean, Math.sqrt(c.reduce((a, b) => a + (b - mean) ** 2, 0) / c.length)], [0, 1], { rtol: 1e-12, atol: 1e-12 });
    }
    for (const j of [0, 3, 4, 5, 6, 7]) assert.ok(col(j).every((v) => v === 0 || v === 1));
  });

  it('uses log1p only on non-negative columns; Yeo-Johnson on skewed columns with negatives', () => {
    const n = 100;
    const frame: Frame = { source: 'x', rows: n, columns: [{ name: 'profit', kind: 'numeric', values: Float64Array.from({ length: n }, (_, i) => (i < 10 ? -5 : Math.exp(i / 12))) }] };
    const f = fitPipeline(frame, {});
    assert.match(f.report.columns[0].actions[0], /^Yeo-Johnson \(λ = -?\d/);
    assert.match(f.report.columns[0].reason, /has negatives/);
    const forced = fitPipeline(frame, { skew: 'log1p' });
    assert.deepEqual(forced.warnings, [{ code: 'W_FALLBACK', message: msg.skewFallback('profit') }]);
  });

  it('skips the skew step under quantile scaling, which is rank-based', () => {
    const f = fitPipeline(telcoLike(), { idColumn: 'customerID', scale: 'quantile', quantileOutput: 'normal' });
    assert.deepEqual(byColumn(f).TotalCharges.actions.slice(1), ['quantile (normal)']);
  });

  it('adds missing indicators, ordinal codes, an explicit order, and mode-filled categories', () => {
    const f = fitPipeline(telcoLike(), {
      idColumn: 'customerID', missingIndicator: true, scale: 'minmax', skew: 'none', categoricalMissing: 'mode',
      ordinalOrder: { Contract: ['Month-to-month', 'One year', 'Two year', 'Lifetime'] },
    });
    assert.deepEqual(f.state.featureNames, ['SeniorCitizen', 'tenure', 'TotalCharges', 'TotalCharges__missing', 'Contract', 'SignupDate']);
    const x = f.dataset.numeric;
    assert.equal(x.data[5 * x.cols + 3], 1);
    // Row 7 is 'Lifetime', code 3 of 0..3 → 1 after min-max; row 0 is missing → the mode 'Month-to-month' → 0.
    assert.deepEqual([x.data[7 * x.cols + 4], x.data[0 * x.cols + 4]], [1, 0]);
    for (const j of [1, 2, 4, 5]) for (let i = 0; i < x.rows; i++) assert.ok(x.data[i * x.cols + j] >= 0 && x.data[i * x.cols + j] <= 1);
  });
});

describe('prep/pipeline errors', () => {
  it('names an unknown column in features, exclude, idColumn and ordinalOrder', async () => {
    const names = telcoLike().columns.map((c) => c.name);
    await expectSegkitError(() => fitPipeline(telcoLike(), { features: ['tenure', 'Salary'] }), 'E_UNKNOWN_COLUMN', msg.unknownColumn('Salary', '--features', names));
    await expectSegkitError(() => fitPipeline(telcoLike(), { exclude: ['Salary'] }), 'E_UNKNOWN_COLUMN', msg.unknownColumn('Salary', '--exclude', names));
    await expectSegkitError(() => fitPipeline(telcoLike(), { idColumn: 'id' }), 'E_UNKNOWN_COLUMN', msg.unknownColumn('id', '--id', names));
    await expectSegkitError(() => fitPipeline(telcoLike(), { ordinalOrder: { Plan: ['a'] } }), 'E_UNKNOWN_COLUMN', msg.unknownColumn('Plan', "the 'ordinalOrder' option", names));
  });

  it('rejects an all-missing column chosen in features, and drops it with a warning otherwise', async () => {
    await expectSegkitError(() => fitPipeline(telcoLike(), { features: ['tenure', 'Churn'] }), 'E_DATA_EMPTY', msg.allMissing('telco.csv', 'Churn'));
    assert.deepEqual(fitPipeline(telcoLike(), { features: ['tenure'] }).state.featureNames, ['tenure']);
  });

  it('rejects an order that misses a training level, and an order on a numeric column', async () => {
    await expectSegkitError(() => fitPipeline(telcoLike(), { ordinalOrder: { Contract: ['One year', 'Two year'] } }), 'E_OPTION', msg.levelNotInOrder('Contract', '(missing)', ['One year', 'Two year']));
    await expectSegkitError(() => fitPipeline(telcoLike(), { ordinalOrder: { tenure: ['1'] } }), 'E_OPTION', msg.ordinalOrderNotText('tenure', 'numeric'));
  });

  it('rejects bad and unknown options with the field named', async () => {
    const e = await expectSegkitError(() => fitPipeline(telcoLike(), { scale: 'zscore' as never }), 'E_OPTION');
    assert.equal(e.where.field, 'scale');
    await expectSegkitError(() => fitPipeline(telcoLike(), { rareLevelShare: 2 }), 'E_OPTION', /rareLevelShare.*≤ 1\. Got 2\.$/);
    await expectSegkitError(() => fitPipeline(telcoLike(), { colour: 'red' } as never), 'E_UNKNOWN_OPTION');
  });

  it('rejects ±Infinity in training data with its row and column', async () => {
    const frame: Frame = { source: 'x.csv', rows: 3, columns: [{ name: 'a', kind: 'numeric', values: Float64Array.of(1, Infinity, 2) }] };
    await expectSegkitError(() => fitPipeline(frame, {}), 'E_DATA_NONFINITE', msg.nonFiniteInput('x.csv', 2, 'a', Infinity));
  });
});

describe('prep/pipeline transform', () => {
  const newRow = (over: Record<string, unknown> = {}) =>
    frameFromRecords([{ customerID: 'N1', SeniorCitizen: 'Yes', tenure: '12', TotalCharges: '100.5', Contract: 'Ten year', SignupDate: 19100, Z_Cost: 3, Notes: 'x', ...over }], 'new.jsonl');

  it('gives the same matrix after a JSON round trip of the state', () => {
    const f = fitted();
    const state = JSON.parse(JSON.stringify(f.state)) as PipelineState;
    assert.deepEqual(state, f.state);
    assert.deepEqual(Array.from(transformPipeline(state, telcoLike()).dataset.numeric.data), Array.from(f.dataset.numeric.data));
  });

  it('coerces numbers sent as text, encodes an unseen level as zeros, and reports it', () => {
    const t = transformPipeline(fitted().state, newRow());
    assert.deepEqual(t.notes, [[msg.unseenLevel('Contract', 'Ten year')]]);
    assert.deepEqual(t.unseen, [{ row: 1, column: 'Contract', kind: 'unseen-level', value: 'Ten year' }]);
    const row = Array.from(t.dataset.numeric.data);
    assert.equal(row[0], 1);
    assert.deepEqual(row.slice(3, 8), [0, 0, 0, 0, 0]);
  });

  it('reports imputed values and clipped negatives per row', () => {
    const t = transformPipeline(fitted().state, newRow({ TotalCharges: null, tenure: '', Contract: 'One year' }));
    assert.deepEqual(t.unseen.map((u) => [u.row, u.column, u.kind]), [[1, 'tenure', 'imputed'], [1, 'TotalCharges', 'imputed']]);
    const clipped = transformPipeline(fitted().state, newRow({ TotalCharges: -4, Contract: 'One year' }));
    assert.deepEqual(clipped.unseen, [{ row: 1, column: 'TotalCharges', kind: 'clipped', value: '-4' }]);
  });

  it('names a column the model needs that the new data lacks', async () => {
    await expectSegkitError(() => transformPipeline(fitted().state, frameFromRecords([{ tenure: 1 }], 'new.jsonl')), 'E_FEATURE_MISMATCH', msg.missingFeature('SeniorCitizen', 'new.jsonl'));
  });

  it('names the row, column and value of a number that does not parse', async () => {
    await expectSegkitError(() => transformPipeline(fitted().state, newRow({ TotalCharges: 'lots' })), 'E_DATA_TYPE', msg.notANumber('new.jsonl', 1, 'TotalCharges', 'lots'));
  });

  it('never lets a non-finite value into the dataset (property over random columns)', () => {
    const value = fc.oneof(fc.double({ min: -1e12, max: 1e12, noNaN: true }), fc.constant(NaN), fc.integer({ min: -5, max: 5 }));
    fc.assert(
      fc.property(fc.array(fc.tuple(value, value, fc.constantFrom('a', 'b', null)), { minLength: 3, maxLength: 40 }), fc.constantFrom('auto', 'yeo-johnson', 'log1p'), fc.constantFrom('standard', 'robust', 'minmax', 'quantile'), (rows, skew, scale) => {
        const frame: Frame = {
          source: 'r', rows: rows.length,
          columns: [
            { name: 'u', kind: 'numeric', values: Float64Array.from(rows, (r) => r[0]) },
            { name: 'v', kind: 'numeric', values: Float64Array.from(rows, (r) => r[1]) },
            { name: 'c', kind: 'categorical', values: rows.map((r) => r[2]) },
          ],
        };
        let f;
        try {
          f = fitPipeline(frame, { skew: skew as 'auto', scale: scale as 'standard', missingIndicator: true });
        } catch (e) {
          // Every column may be dropped (all missing or constant); that is the only error allowed.
          assert.equal((e as { code?: string }).code, 'E_DATA_EMPTY');
          return;
        }
        for (const v of f.dataset.numeric.data) assert.ok(Number.isFinite(v), String(v));
      }),
      { seed: 42, numRuns: 150 },
    );
  });
});
