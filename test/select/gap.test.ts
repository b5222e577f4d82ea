import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { gapStatistic, gapRuleIndex } from '../../src/select/gap.js';
import { logWithinDispersion } from '../../src/select/within-dispersion.js';
import { referenceBox, referenceFromUniforms, drawReference, permuteCodes } from '../../src/select/gap-reference.js';
import { symmetricEigen } from '../../src/select/symmetric-eigen.js';
import { fromRows } from '../../src/math/matrix.js';
import { createRng } from '../../src/math/rng.js';
import { expectClose } from '../helpers/expect.js';

// Written once by test/fixtures/select/gap.R (R cluster::clusGap, d.power = 2, Ward labels recorded).
const fixture = JSON.parse(readFileSync(new URL('../fixtures/select/gap.json', import.meta.url), 'utf8'));

/** log W_k for k = 1..kMax of one recorded data set (k = 1: one cluster, as clusGap). */
function logWs(x: number[][], labels: number[][]): number[] {
  const m = fromRows(x);
  return [logWithinDispersion(m, new Int32Array(m.rows)), ...labels.map((l) => logWithinDispersion(m, l))];
}

describe('select/gap against R cluster::clusGap (same data, same reference draws, same labels)', () => {
  for (const c of fixture.cases) {
    it(`${c.name}: log W, E*[log W], Gap and SE to 1e-9 (B=${c.B}, spaceH0=${c.spaceH0})`, () => {
      const g = gapStatistic(logWs(c.x, c.labels), c.refs.map((r: any) => logWs(r.z, r.labels)));
      // clusGap halves W (it sums each unordered pair once, then multiplies by 0.5): log W differs by log 2.
      expectClose(g.logW.map((v) => v - Math.LN2), c.expected.logW, { rtol: 1e-9, label: 'logW' });
      expectClose(g.expectedLogW.map((v) => v - Math.LN2), c.expected.expectedLogW, { rtol: 1e-9, label: 'E.logW' });
      expectClose(g.gap, c.expected.gap, { atol: 1e-9, label: 'gap' });
      expectClose(g.se, c.expected.se, { atol: 1e-9, label: 'SE.sim' });
    });
    it(`${c.name}: the gap rule picks clusGap's maxSE(method = "Tibs2001SEmax") k = ${c.expected.tibs2001SEmax}`, () => {
      const i = gapRuleIndex(c.expected.gap, c.expected.se);
      // clusGap returns the largest k when no k satisfies the rule; segkit returns -1 and says so.
      assert.equal(i >= 0 ? i + 1 : c.kMax, c.expected.tibs2001SEmax);
    });
  }

  for (const b of fixture.boxes) {
    it(`reference box ${b.name}: principal axes and the draw from R's uniforms to 1e-9`, () => {
      const box = referenceBox(fromRows(b.x), b.spaceH0);
      const d = b.x[0].length;
      expectClose(box.rotation, b.expected.rotation.flat(), { atol: 1e-9, label: 'rotation' });
      const z = referenceFromUniforms(box, Float64Array.from(b.u.flat()));
      expectClose(z.data, b.expected.z.flat(), { atol: 1e-9, label: 'z' });
      assert.equal(z.cols, d);
    });
  }
});

describe('select/gap by hand', () => {
  it('computes Gap = mean(ref) − log W and s = sd·√(1 + 1/B) on a 2 × 3 example', () => {
    // refs for k=1: 3, 5 → mean 4, sd √2, s = √2·√1.5 = √3; k=2: 2, 2 → mean 2, s = 0.
    const g = gapStatistic([1, 1.5], [[3, 2], [5, 2]]);
    expectClose(g.gap, [3, 0.5], { rtol: 1e-15 });
    expectClose(g.se, [Math.sqrt(3), 0], { rtol: 1e-15 });
  });

  it('applies the rule Gap(k) ≥ Gap(k+1) − s(k+1) and returns -1 while the gap still rises', () => {
    assert.equal(gapRuleIndex([0.1, 0.5, 0.45, 0.6], [0.01, 0.01, 0.1, 0.01]), 1);
    assert.equal(gapRuleIndex([0.1, 0.5, 0.9], [0.01, 0.01, 0.01]), -1);
    assert.equal(gapRuleIndex([0.5, 0.55, 0.9], [0.1, 0.1, 0.1]), 0); // within one SE: the smaller k
  });

  it('W_k is the within-cluster sum of squares: hand-computed 1-D case', () => {
    // Clusters {0, 2} (mean 1, SS 2) and {10, 11, 15} (mean 12, SS 4 + 1 + 9 = 14): W = 16.
    expectClose(logWithinDispersion(fromRows([[0], [2], [10], [11], [15]]), [0, 0, 1, 1, 1]), Math.log(16), { rtol: 1e-15 });
  });

  it('W_k equals Σ_r Σ_{i,j in r} d²_ij / (2 n_r) over ordered pairs (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.double({ min: -50, max: 50, noNaN: true }), fc.double({ min: -50, max: 50, noNaN: true }), fc.integer({ min: 0, max: 2 })), { minLength: 3, maxLength: 40 }), (pts) => {
        const labels = pts.map((p) => p[2]);
        let w = 0;
        for (let r = 0; r < 3; r++) {
          const m = pts.filter((p) => p[2] === r);
          let s = 0;
          for (const a of m) for (const b of m) s += (a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2;
          if (m.length) w += s / (2 * m.length);
        }
        fc.pre(w > 1e-6);
        expectClose(logWithinDispersion(fromRows(pts.map((p) => [p[0], p[1]])), labels), Math.log(w), { rtol: 1e-9, atol: 1e-9 });
      }),
      { numRuns: 200 },
    );
  });

  it('reference draws fill the box: every value inside the data ranges for the original space', () => {
    const x = fromRows([[0, 5], [1, 7], [4, 6], [2, 9]]);
    const z = drawReference(referenceBox(x, 'original'), createRng(3));
    for (let i = 0; i < z.rows; i++) {
      assert.ok(z.data[2 * i] >= 0 && z.data[2 * i] <= 4);
      assert.ok(z.data[2 * i + 1] >= 5 && z.data[2 * i + 1] <= 9);
    }
  });

  it('mixed data: the categorical reference keeps each level count and breaks the link between columns', () => {
    // Two identical columns of 2,000 codes over 3 levels: agreement 100% before, ≈ Σ p² = 1/3 after.
    const n = 2000, rng = createRng(5);
    const data = new Int32Array(2 * n);
    for (let i = 0; i < n; i++) data[2 * i] = data[2 * i + 1] = rng.int(3);
    const codes = { rows: n, cols: 2, data, names: ['p', 'q'], levels: [['a', 'b', 'c'], ['a', 'b', 'c']] };
    const p = permuteCodes(codes, createRng(1));
    const count = (m: Int32Array, j: number) => [0, 1, 2].map((l) => m.filter((v, i) => i % 2 === j && v === l).length);
    assert.deepEqual(count(p.data, 0), count(data, 0));
    assert.deepEqual(count(p.data, 1), count(data, 1));
    let same = 0;
    for (let i = 0; i < n; i++) if (p.data[2 * i] === p.data[2 * i + 1]) same++;
    expectClose(same / n, 1 / 3, { atol: 0.04 });
    assert.deepEqual(permuteCodes(codes, createRng(1)), p);
  });
});

describe('select/symmetric-eigen (Jacobi)', () => {
  it('reconstructs A = V Λ Vᵀ with orthonormal V, eigenvalues descending (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 7 }), fc.integer({ min: 0, max: 1e6 }), (d, seed) => {
        const rng = createRng(seed);
        const a = new Float64Array(d * d);
        for (let i = 0; i < d; i++) for (let j = i; j < d; j++) a[i * d + j] = a[j * d + i] = rng.normal() * 10;
        const { values, vectors: v } = symmetricEigen(a, d);
        for (let i = 1; i < d; i++) assert.ok(values[i - 1] >= values[i]);
        for (let i = 0; i < d; i++)
          for (let j = 0; j < d; j++) {
            let r = 0, o = 0;
            for (let t = 0; t < d; t++) (r += v[i * d + t] * values[t] * v[j * d + t]), (o += v[t * d + i] * v[t * d + j]);
            assert.ok(Math.abs(r - a[i * d + j]) < 1e-9, `A[${i}][${j}]`);
            assert.ok(Math.abs(o - (i === j ? 1 : 0)) < 1e-12, `VᵀV[${i}][${j}]`);
          }
      }),
      { numRuns: 100 },
    );
  });
});
