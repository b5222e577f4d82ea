import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { fitGowerScale, gowerDistance, gowerMatrix, gowerRows, gowerRowToRows } from '../../src/math/gower.js';
import { expectClose } from '../helpers/expect.js';

const fixture = JSON.parse(readFileSync(new URL('../fixtures/gower/daisy.json', import.meta.url), 'utf8'));

const numMatrix = (rows: (number | null)[][]) => {
  const cols = rows[0]?.length ?? 0;
  return { rows: rows.length, cols, data: Float64Array.from(rows.flat(), (v) => (v === null ? NaN : v)) };
};
const codeMatrix = (rows: number[][]) => ({ cols: rows[0]?.length ?? 0, data: Int32Array.from(rows.flat()) });

describe('math/gower: against R cluster::daisy(metric = "gower") (fixtures)', () => {
  for (const c of fixture.cases) {
    it(`${c.name}: the full dissimilarity matrix`, () => {
      const d = gowerMatrix(numMatrix(c.numeric), codeMatrix(c.codes), { numeric: c.numericWeights, categorical: c.categoricalWeights });
      expectClose(d.data, c.dissimilarity.flat(), { rtol: 1e-12, atol: 1e-15, label: c.name });
    });
  }
});

describe('math/gower: hand-computed values', () => {
  // age (range 20..60 = 40), a constant column, job (3 levels), contract (2 levels).
  const num = numMatrix([[20, 5], [60, 5], [30, 5]]);
  const cat = codeMatrix([[0, 0], [1, 0], [0, 1]]);
  const g = gowerRows(fitGowerScale(num, 2), num, cat);

  it('averages |Δ|/range and 0/1 mismatches over all columns, the constant one included', () => {
    // rows 0,1: age 40/40 = 1, constant 0, job differs 1, contract same 0 → 2/4
    assert.equal(gowerDistance(g, 0, g, 1), 2 / 4);
    // rows 0,2: age 10/40 = 0.25, constant 0, job same, contract differs 1 → 1.25/4
    assert.equal(gowerDistance(g, 0, g, 2), 1.25 / 4);
    // rows 1,2: age 30/40 = 0.75, job differs, contract differs → 2.75/4
    assert.equal(gowerDistance(g, 1, g, 2), 2.75 / 4);
  });

  it('a constant column has range 0 and adds 0, never NaN, also for new values', () => {
    const scale = fitGowerScale(num, 2);
    assert.deepEqual(scale.range, [40, 0]);
    const fresh = gowerRows(scale, numMatrix([[20, 99]]), codeMatrix([[0, 0]]));
    assert.equal(gowerDistance(fresh, 0, g, 0), 0);
  });

  it('new values outside the training range are clamped to it: every term stays in [0, 1]', () => {
    const scale = fitGowerScale(num, 2);
    const fresh = gowerRows(scale, numMatrix([[100, 5], [-40, 5]]), codeMatrix([[0, 0], [0, 0]]));
    // 100 → 60: |60 − 20|/40 = 1 against row 0; |60 − 30|/40 = 0.75 against row 2 (plus its contract mismatch)
    assert.equal(gowerDistance(fresh, 0, g, 0), 1 / 4);
    assert.equal(gowerDistance(fresh, 0, g, 2), 1.75 / 4);
    // −40 → 20: same as row 0 in every column
    assert.equal(gowerDistance(fresh, 1, g, 0), 0);
  });

  it('level code −1 (unseen in training) mismatches every level, −1 included', () => {
    const fresh = gowerRows(fitGowerScale(num, 2), numMatrix([[20, 5]]), codeMatrix([[-1, 0]]));
    assert.equal(gowerDistance(fresh, 0, g, 0), 1 / 4);
    assert.equal(gowerDistance(fresh, 0, fresh, 0), 1 / 4);
  });

  it('a NaN skips that column for the pair (weight out of the denominator); nothing comparable gives NaN', () => {
    const x = numMatrix([[20, 5], [NaN, 5], [60, 5]]);
    const gx = gowerRows(fitGowerScale(x, 2), x, cat);
    // rows 0,1: age skipped; constant 0, job 1, contract 0 → 1/3
    assert.equal(gowerDistance(gx, 0, gx, 1), 1 / 3);
    const only = numMatrix([[NaN], [1], [2]]);
    const go = gowerRows(fitGowerScale(only, 0), only);
    assert.ok(Number.isNaN(gowerDistance(go, 0, go, 1)));
  });

  it('column weights scale each term and the denominator', () => {
    const s = fitGowerScale(num, 2, { numeric: [2, 1], categorical: [1, 0.5] });
    const gw = gowerRows(s, num, cat);
    // rows 0,2: 2·0.25 + 0 + 0 + 0.5·1 = 1 over 2 + 1 + 1 + 0.5 = 4.5
    assert.equal(gowerDistance(gw, 0, gw, 2), 1 / 4.5);
  });
});

describe('math/gower: properties', () => {
  const table = fc.integer({ min: 1, max: 12 }).chain((n) =>
    fc.record({
      num: fc.array(fc.array(fc.oneof(fc.double({ min: -1e3, max: 1e3, noNaN: true }), fc.constant(NaN)), { minLength: 2, maxLength: 2 }), { minLength: n, maxLength: n }),
      cat: fc.array(fc.array(fc.integer({ min: -1, max: 3 }), { minLength: 2, maxLength: 2 }), { minLength: n, maxLength: n }),
      weights: fc.array(fc.double({ min: 0.1, max: 5, noNaN: true }), { minLength: 4, maxLength: 4 }),
    }),
  );

  it('symmetric, in [0, 1], zero on the diagonal for rows without unseen levels, kernel = pairwise', () => {
    fc.assert(
      fc.property(table, ({ num, cat, weights }) => {
        const x = numMatrix(num), c = codeMatrix(cat);
        const g = gowerRows(fitGowerScale(x, 2, { numeric: weights.slice(0, 2), categorical: weights.slice(2) }), x, c);
        const n = x.rows, row = new Float64Array(n);
        for (let i = 0; i < n; i++) {
          gowerRowToRows(g, i, g, 0, n, row, 0);
          for (let j = 0; j < n; j++) {
            const d = gowerDistance(g, i, g, j);
            assert.ok(Object.is(d, row[j]), 'row kernel equals the pairwise value');
            assert.ok(Object.is(d, gowerDistance(g, j, g, i)), 'symmetric');
            assert.ok(d >= 0 && d <= 1 + 1e-12, `in [0, 1]: ${d}`);
          }
          if (cat[i][0] >= 0 && cat[i][1] >= 0) assert.equal(gowerDistance(g, i, g, i), 0);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('the no-NaN fast path gives the same bits as the pairwise kernel', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.double({ min: -50, max: 50, noNaN: true }), fc.integer({ min: 0, max: 2 })), { minLength: 2, maxLength: 20 }), (rows) => {
        const x = numMatrix(rows.map((r) => [r[0]])), c = codeMatrix(rows.map((r) => [r[1]]));
        const g = gowerRows(fitGowerScale(x, 1), x, c);
        const out = new Float32Array(rows.length);
        const out64 = new Float64Array(rows.length);
        gowerRowToRows(g, 0, g, 0, rows.length, out64, 0);
        gowerRowToRows(g, 0, g, 0, rows.length, out, 0);
        for (let j = 0; j < rows.length; j++) {
          assert.ok(Object.is(out64[j], gowerDistance(g, 0, g, j)));
          assert.equal(out[j], Math.fround(out64[j]));
        }
      }),
    );
  });
});
