import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { stabilityOf, pairAgreement } from '../../src/select/stability.js';
import { bootstrapSample } from '../../src/select/bootstrap-sample.js';
import { adjustedRandIndex } from '../../src/evaluate/ari.js';
import { createRng } from '../../src/math/rng.js';
import { expectClose } from '../helpers/expect.js';

const all = (n: number) => Int32Array.from({ length: n }, (_, i) => i);

describe('select/stability', () => {
  it('identical labellings (up to renaming) give 1 with no spread', () => {
    const labels = Int32Array.from({ length: 300 }, (_, i) => i % 4);
    const renamed = labels.map((l) => (l + 1) % 4);
    const s = stabilityOf([{ rows: all(300), labels }, { rows: all(300), labels: renamed }, { rows: all(300), labels }]);
    assert.deepEqual(s, { mean: 1, sd: 0, min: 1, max: 1, pairs: 3 });
  });

  it('independent random labellings give ≈ 0 (|mean| < 0.01 over 10 pairs of 5,000 rows)', () => {
    const rng = createRng(9);
    const fits = Array.from({ length: 10 }, () => ({ rows: all(5000), labels: Int32Array.from({ length: 5000 }, () => rng.int(4)) }));
    const s = stabilityOf(fits);
    assert.ok(Math.abs(s.mean) < 0.01, `mean ${s.mean}`);
    assert.equal(s.pairs, 10);
    assert.ok(s.min <= s.mean && s.mean <= s.max);
  });

  it('compares two fits only on the rows both resamples drew', () => {
    // Common rows 1, 2, 3, 5: labels a = 0, 0, 1, 1 and b = 1, 1, 0, 0 (a renaming), so ARI = 1,
    // although the rows only one side has (0 and 4) disagree.
    const a = { rows: Int32Array.from([0, 1, 2, 3, 5]), labels: Int32Array.from([1, 0, 0, 1, 1]) };
    const b = { rows: Int32Array.from([1, 2, 3, 4, 5]), labels: Int32Array.from([1, 1, 0, 1, 0]) };
    assert.equal(pairAgreement(a, b), 1);
    // Hand case with disagreement: common rows give a = [0,0,1,1], b = [0,1,0,1] → ARI = −0.5 (scikit-learn's value).
    const c = { rows: Int32Array.from([1, 2, 3, 5]), labels: Int32Array.from([0, 1, 0, 1]) };
    expectClose(pairAgreement(a, c), -0.5, { rtol: 1e-12 });
  });

  it('pairs the fits in a ring: B fits give B pairs, two fits one pair', () => {
    const l = (v: number[]) => ({ rows: all(v.length), labels: Int32Array.from(v) });
    const f = [l([0, 0, 1, 1]), l([0, 1, 0, 1]), l([0, 0, 1, 1])];
    const s = stabilityOf(f);
    assert.equal(s.pairs, 3);
    // Pairs (1,2) = −0.5, (2,3) = −0.5, (3,1) = 1.
    expectClose(s.mean, 0, { atol: 1e-12 });
    expectClose(s.sd, Math.sqrt((0.25 + 0.25 + 1) / 2), { rtol: 1e-12 });
    assert.equal(stabilityOf(f.slice(0, 2)).pairs, 1);
    assert.throws(() => stabilityOf(f.slice(0, 1)), RangeError);
  });

  it('equals the ARI of the matched rows (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), fc.boolean(), fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 2 })), { minLength: 1, maxLength: 60 }), (rows) => {
        const a = { rows: [] as number[], labels: [] as number[] }, b = { rows: [] as number[], labels: [] as number[] };
        const la: number[] = [], lb: number[] = [];
        rows.forEach(([inA, inB, x, y], i) => {
          if (inA) a.rows.push(i), a.labels.push(x);
          if (inB) b.rows.push(i), b.labels.push(y);
          if (inA && inB) la.push(x), lb.push(y);
        });
        const got = pairAgreement({ rows: Int32Array.from(a.rows), labels: Int32Array.from(a.labels) }, { rows: Int32Array.from(b.rows), labels: Int32Array.from(b.labels) });
        assert.equal(got, adjustedRandIndex(la, lb));
      }),
      { numRuns: 300 },
    );
  });
});

describe('select/bootstrap-sample', () => {
  it('draws n rows with replacement as ascending distinct rows with counts summing to n (about 63% distinct)', () => {
    const s = bootstrapSample(20000, createRng(4));
    assert.equal(s.counts.reduce((a, b) => a + b, 0), 20000);
    for (let i = 1; i < s.rows.length; i++) assert.ok(s.rows[i] > s.rows[i - 1]);
    // E[distinct]/n = 1 − (1 − 1/n)^n ≈ 0.632, sd ≈ 0.0025 here.
    expectClose(s.rows.length / 20000, 1 - Math.exp(-1), { atol: 0.015 });
    assert.deepEqual(bootstrapSample(20000, createRng(4)), s);
  });
});
