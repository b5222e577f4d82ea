import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { qcutCodes, rankFirst } from '../../src/features/rfm-score.js';
import { rfmAnalysis } from '../../src/features/rfm.js';
import { RFM_SCHEMES, parseRfmScheme, rfmSegments } from '../../src/features/rfm-schemes.js';
import { transactionFeatures } from '../../src/features/transaction-features.js';
import { parseSourceSpec } from '../../src/data/source-spec.js';
import type { FeatureTable } from '../../src/features/sql-engine.js';

const fixture = JSON.parse(readFileSync(resolve('test/fixtures/rfm/cdnow_rfm.json'), 'utf8'));
const f64 = (a: number[]) => Float64Array.from(a);

describe('features/rfm', () => {
  describe('qcut (hand-computed)', () => {
    it('five distinct values get scores 1…5; recency reversed', () => {
      // ranks 1…5, edges at h = 4p: 1, 1.8, 2.6, 3.4, 4.2, 5 → one value per bin.
      assert.deepEqual([...qcutCodes(f64([50, 10, 30, 20, 40]), 5, 'first').codes], [4, 0, 2, 1, 3]);
      const t: FeatureTable = { ids: ['a', 'b', 'c', 'd', 'e'], columns: [
        { name: 'recency_days', values: f64([10, 20, 30, 40, 50]) }, { name: 'frequency', values: f64([1, 2, 3, 4, 5]) }, { name: 'monetary_total', values: f64([5, 4, 3, 2, 1]) },
      ] };
      const r = rfmAnalysis(t);
      assert.deepEqual(r.score, ['515', '424', '333', '242', '151']);
      assert.deepEqual(r.segment, ['New Customers', 'Potential Loyalists', 'Need Attention', 'At Risk', "Can't Lose Them"]); // R×F cells 51, 42, 33, 24, 15
    });
    it("ties: 'first' breaks them by order, 'together' keeps them in one level", () => {
      // [1,1,1,2], q = 2. first: ranks 1,2,3,4, edges 1, 2.5, 4 → 0,0,1,1. together: edges 1, 1 (dropped), 2 → one level.
      assert.deepEqual([...qcutCodes(f64([1, 1, 1, 2]), 2, 'first').codes], [0, 0, 1, 1]);
      const t = qcutCodes(f64([1, 1, 1, 2]), 2, 'together');
      assert.equal(t.levels, 1);
      assert.deepEqual([...t.codes], [0, 0, 0, 0]);
      assert.deepEqual([...rankFirst(f64([3, 1, 3, 1]))], [3, 1, 4, 2]);
    });
    it('properties: scores in 1…q, monotone in the value, equal levels for ties first, equal values equal scores for ties together', () => {
      fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 1, maxLength: 200 }), fc.integer({ min: 2, max: 6 }), (xs, q) => {
        const x = f64(xs);
        const a = qcutCodes(x, q, 'first');
        const b = qcutCodes(x, q, 'together');
        const counts = new Array(q).fill(0);
        for (let i = 0; i < xs.length; i++) {
          assert.ok(a.codes[i] >= 0 && a.codes[i] < q && b.codes[i] >= 0 && b.codes[i] < b.levels);
          counts[a.codes[i]]++;
          for (let j = 0; j < xs.length; j++) {
            if (xs[i] < xs[j]) assert.ok(a.codes[i] <= a.codes[j] && b.codes[i] <= b.codes[j]);
            if (xs[i] === xs[j]) assert.equal(b.codes[i], b.codes[j]);
          }
        }
        if (xs.length >= q) assert.ok(Math.max(...counts) - Math.min(...counts) <= 1, `level sizes ${counts}`);
      }));
    });
  });

  describe('schemes', () => {
    it('the classic table names every cell of the 5 × 5 grid, and klaviyo every cell of 3 × 3', () => {
      for (const [s, q] of [[RFM_SCHEMES.classic, 5], [RFM_SCHEMES.klaviyo, 3]] as const) {
        const r: number[] = [], f: number[] = [];
        for (let a = 1; a <= q; a++) for (let b = 1; b <= q; b++) (r.push(a), f.push(b));
        const names = rfmSegments(s, Int32Array.from(r), Int32Array.from(f), Int32Array.from(r, () => 1));
        assert.ok(!names.includes('Other'));
      }
      assert.equal(new Set(RFM_SCHEMES.classic.segments.map((g) => g.name)).size, 11);
    });
    it('reads a custom table and names customers no rule matches Other', () => {
      const s = parseRfmScheme('{"bins": 3, "segments": [{"name": "Big", "m": [3, 3]}, {"name": "Fresh", "r": [3, 3]}]}', 'my.json');
      assert.deepEqual(rfmSegments(s, Int32Array.from([3, 1, 1]), Int32Array.from([1, 1, 1]), Int32Array.from([3, 1, 2])), ['Big', 'Other', 'Other']);
    });
    it('refuses a bad table and a table written for other bins', () => {
      assert.throws(() => parseRfmScheme('{"bins": 5, "segments": [{"name": "x", "r": [1]}]}', 'bad.json'), (e: any) => e.code === 'E_OPTION' && /bad\.json is not a valid RFM scheme: segments\.0\.r/.test(e.message));
      assert.throws(() => parseRfmScheme('nope', 'bad.json'), /not valid JSON/);
      const t: FeatureTable = { ids: ['a'], columns: [{ name: 'recency_days', values: f64([1]) }, { name: 'frequency', values: f64([1]) }, { name: 'monetary_total', values: f64([1]) }] };
      assert.throws(() => rfmAnalysis(t, RFM_SCHEMES.classic, { bins: 3 }), /'classic' RFM scheme is written for scores 1–5, but --bins is 3/);
    });
  });

  describe('CDNOW against pandas (test/fixtures/rfm/cdnow_rfm.py)', () => {
    let table: FeatureTable;
    before(async () => {
      const r = await transactionFeatures(parseSourceSpec(resolve('data/samples/cdnow_master.txt')), { customer: 'column1', date: 'column2', amount: 'column4' });
      assert.equal(r.report.asOf, fixture.asOf);
      table = r.table!;
    });
    it('features: the same customers, recency, frequency, monetary and tenure', () => {
      assert.equal(table.ids.length, fixture.customers);
      assert.deepEqual(table.ids.slice(0, 5), fixture.ids_first);
      assert.deepEqual(table.ids.slice(-5), fixture.ids_last);
      for (const [name, head] of Object.entries(fixture.features_head) as [string, number[]][]) {
        const v = table.columns.find((c) => c.name === name)!.values;
        head.forEach((x, i) => assert.ok(Math.abs(v[i] - x) <= 1e-9 * Math.max(1, Math.abs(x)), `${name}[${i}]`));
        const sum = v.reduce((a, b) => a + b, 0);
        assert.ok(Math.abs(sum - fixture.sums[name]) <= 1e-9 * Math.abs(fixture.sums[name]), `sum of ${name}: ${sum}`);
      }
    });
    for (const key of ['q5_first', 'q5_together', 'q3_first', 'q3_together']) {
      it(`scores ${key}: every customer's R, F, M equal pandas qcut's`, () => {
        const [, q, ties] = /^q(\d)_(\w+)$/.exec(key)!;
        const want = fixture.scores[key];
        const scheme = q === '5' ? RFM_SCHEMES.classic : RFM_SCHEMES.klaviyo;
        const r = rfmAnalysis(table, scheme, { bins: Number(q), ties: ties as 'first' | 'together' });
        assert.deepEqual(r.levels, want.levels);
        const got = r.score.join('');
        if (got !== want.rfm) {
          const i = [...got].findIndex((c, k) => c !== want.rfm[k]);
          assert.fail(`first difference at customer ${r.ids[Math.floor(i / 3)]}: ${got.slice(i - (i % 3), i - (i % 3) + 3)} vs ${want.rfm.slice(i - (i % 3), i - (i % 3) + 3)}`);
        }
        if (want.segments) {
          for (const g of r.summary) {
            assert.equal(g.customers, want.segments[g.segment].customers, g.segment);
            assert.ok(Math.abs(g.shareOfRevenue - want.segments[g.segment].shareOfRevenue) < 1e-12, g.segment);
          }
          assert.equal(r.summary.length, Object.keys(want.segments).length);
          assert.ok(Math.abs(r.summary.reduce((s, g) => s + g.shareOfCustomers, 0) - 1) < 1e-12);
        }
      });
    }
  });
});
