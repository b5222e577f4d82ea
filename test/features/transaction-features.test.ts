import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { tempDir } from '../helpers/temp.js';
import { parseSourceSpec } from '../../src/data/source-spec.js';
import { transactionFeatures } from '../../src/features/transaction-features.js';
import type { FeatureTable } from '../../src/features/sql-engine.js';
import { handCsv, HAND_SPEC, HAND_EXPECTED } from './hand-transactions.js';

const close = (a: number, b: number, tol = 1e-12) => (Number.isNaN(b) ? Number.isNaN(a) : Math.abs(a - b) <= tol * Math.max(1, Math.abs(b)));
const rowOf = (t: FeatureTable, id: string) => {
  const i = t.ids.indexOf(id);
  assert.ok(i >= 0, `customer ${id} missing`);
  return Object.fromEntries(t.columns.map((c) => [c.name, c.values[i]]));
};
function assertHand(t: FeatureTable) {
  assert.deepEqual([...t.ids], ['A', 'B']);
  for (const [id, want] of Object.entries(HAND_EXPECTED)) {
    const got = rowOf(t, id);
    assert.deepEqual(Object.keys(got), Object.keys(want), 'feature columns');
    for (const [k, v] of Object.entries(want)) assert.ok(close(got[k], v), `${id}.${k}: got ${got[k]}, want ${v}`);
  }
}

describe('features/transactionFeatures', () => {
  let dir: string;
  let cleanup: () => void;
  before(() => ({ dir, cleanup } = tempDir()));
  after(() => cleanup());
  const file = (name: string, text: string) => {
    const p = join(dir, name);
    writeFileSync(p, text);
    return p;
  };

  it('computes every feature of the hand-written file as worked out by hand', async () => {
    // A: orders INV1 (Sat 2024-01-06 09:30, 20 + 5), INV2 (Mon 02-05 14:00, 30), INV4 (Sat 03-16 20:00, 30); C3 cancelled.
    //   recency = 04-01 − 03-16 = 16; tenure = 04-01 − 01-06 = 25 + 29 + 31 + 1 = 86; monetary 85, avg 85/3.
    //   gaps 30 d 4.5 h = 30.1875 and 40 d 6 h = 40.25 → mean 35.21875, population sd 5.03125.
    //   windows of 30 d before 04-01: [03-02, 04-01) has INV4, [02-01, 03-02) has INV2 → trend 0.
    //   weekend 2/3; day parts morning, afternoon, evening 1/3 each; categories X X X Y → breadth 2, depth 3/4;
    //   cancelled 1 of 1 + 3 orders → 0.25; discounted lines 2 of 4 → 0.5.
    // B: one order on Fri 03-01 23:00 → recency = tenure = 31, only in the previous window → trend −1.
    const r = await transactionFeatures(parseSourceSpec(file('hand.csv', handCsv())), HAND_SPEC);
    assertHand(r.table!);
    assert.equal(r.report.lines, 8);
    assert.equal(r.report.used, 6);
    assert.equal(r.report.noCustomer, 1);
    assert.equal(r.report.unreadableDate, 1);
    assert.equal(r.report.cancellations, 1);
    assert.equal(r.report.asOf, '2024-04-01');
    const messages = r.warnings.map((w) => w.message).join('\n');
    assert.match(messages, /1 line\(s\) have a date in column "when" that could not be read \(e\.g\. "not a date"\)/);
    assert.match(messages, /1 line\(s\) \(3\.1% of revenue\) have no customer ID in column "customer"/);
    assert.doesNotMatch(messages, /negative/);
  });

  it('reads US M/D/YYYY H:MM dates without padding the same way', async () => {
    const us = (iso: string) => {
      const [d, t] = iso.split(' ');
      const [y, m, day] = d.split('-').map(Number);
      const [h, mi] = t.split(':');
      return `${m}/${day}/${y} ${Number(h)}:${mi}`;
    };
    assert.equal(us('2024-01-06 09:30'), '1/6/2024 9:30');
    const r = await transactionFeatures(parseSourceSpec(file('us.csv', handCsv(us))), HAND_SPEC);
    assertHand(r.table!);
  });

  it('reads day-first dates (dd-mm-yyyy) with --date-format dmy, and detects them when a day is above 12', async () => {
    const dmy = (iso: string) => {
      const [d, t] = iso.split(' ');
      const [y, m, day] = d.split('-');
      return `${day}-${m}-${y} ${t}`;
    };
    const text = handCsv(dmy);
    assertHand((await transactionFeatures(parseSourceSpec(file('dmy.csv', text)), { ...HAND_SPEC, dateFormat: 'dmy' })).table!);
    // 16-03-2024 cannot be month-first, so auto detection reads the column day-first.
    assertHand((await transactionFeatures(parseSourceSpec(file('dmy2.csv', text)), HAND_SPEC)).table!);
  });

  it('reads YYYYMMDD integer dates (the CDNOW layout) and orders as customer-days without an invoice column', async () => {
    const text = 'cust date qty amount\n1 20240106 1 10.5\n1 20240106 2 4.5\n1 20240110 1 5\n2 20240101 1 1\n';
    const r = await transactionFeatures(parseSourceSpec(file('ymd.txt', text), { sep: 'whitespace' }), { customer: 'cust', date: 'date', amount: 'amount', asOf: '2024-01-11' });
    const a = rowOf(r.table!, '1');
    assert.equal(a.frequency, 2); // two lines on 01-06 are one order
    assert.equal(a.monetary_total, 20);
    assert.equal(a.monetary_avg, 10);
    assert.equal(a.recency_days, 1);
    assert.equal(a.tenure_days, 5);
    assert.equal(a.ipi_mean_days, 4);
    assert.equal(a.ipi_std_days, 0);
    assert.ok(!r.table!.columns.some((c) => c.name.startsWith('daypart_')), 'no day parts without times of day');
  });

  it('ignores lines on or after --as-of and counts them', async () => {
    const r = await transactionFeatures(parseSourceSpec(file('hand3.csv', handCsv())), { ...HAND_SPEC, asOf: '2024-03-02' });
    const a = rowOf(r.table!, 'A');
    assert.equal(a.frequency, 2);
    assert.equal(a.recency_days, 26); // 03-02 − 02-05
    assert.equal(r.report.afterAsOf, 2); // INV4 (03-16) and the line without a customer (03-10)
  });

  describe('bad input', () => {
    it('names missing columns and lists the columns found', async () => {
      await assert.rejects(transactionFeatures(parseSourceSpec(file('m.csv', handCsv())), { ...HAND_SPEC, customer: 'client', amount: 'total' }), (e: any) => {
        assert.equal(e.code, 'E_UNKNOWN_COLUMN');
        assert.match(e.message, /has no column "client" \(--customer\), "total" \(--amount\)\. Columns found: "invoice", "customer", "when"/);
        return true;
      });
    });
    it('explains headerless files when a column is missing', async () => {
      await assert.rejects(transactionFeatures(parseSourceSpec(file('nh.txt', '1 20240101 3\n2 20240102 4\n')), { customer: 'id', date: 'column2', amount: 'column3' }), /no header line, so its columns are named column1/);
    });
    it('reports mixed date layouts with counts and examples', async () => {
      const text = 'c,d,a\n1,2024-01-05,1\n1,1/7/2024,2\n2,20240103,3\n2,2024-01-09,4\n';
      const r = await transactionFeatures(parseSourceSpec(file('mixed.csv', text)), { customer: 'c', date: 'd', amount: 'a' });
      const w = r.warnings.find((x) => x.code === 'W_MIXED_DATES');
      assert.ok(w);
      assert.match(w.message, /2 ISO \(2011-01-05\), 1 YYYYMMDD, 1 slash \(1\/5\/2011\) \(e\.g\. "2024-01-05", "20240103", "1\/7\/2024"\)/);
      assert.equal(rowOf(r.table!, '1').tenure_days, 5); // as-of 01-10 (day after 01-09), first 01-05
    });
    it('refuses a column that mixes day-first and month-first dates', async () => {
      const text = 'c,d,a\n1,13/1/2024,1\n1,1/13/2024,2\n';
      await assert.rejects(transactionFeatures(parseSourceSpec(file('dm.csv', text)), { customer: 'c', date: 'd', amount: 'a' }), (e: any) => e.code === 'E_DATA_TYPE' && /"13\/1\/2024" has a day above 12 first, "1\/13\/2024" second/.test(e.message));
    });
    it('refuses a date column with no readable date, with examples', async () => {
      await assert.rejects(transactionFeatures(parseSourceSpec(file('nd.csv', 'c,d,a\n1,soon,1\n2,later,2\n')), { customer: 'c', date: 'd', amount: 'a' }), (e: any) => e.code === 'E_DATA_TYPE' && /no value is a date segkit can read/.test(e.message));
    });
    it('warns about negative amounts without a cancellation rule, and treats them as returns with --cancel-negative', async () => {
      const text = 'c,d,a\n1,2024-01-05,10\n1,2024-01-06,-4\n';
      const r = await transactionFeatures(parseSourceSpec(file('neg.csv', text)), { customer: 'c', date: 'd', amount: 'a' });
      assert.equal(r.warnings.find((w) => w.code === 'W_NEGATIVE_AMOUNTS')?.message.startsWith('1 line(s) have a negative amount'), true);
      assert.equal(rowOf(r.table!, '1').monetary_total, 6);
      const r2 = await transactionFeatures(parseSourceSpec(file('neg2.csv', text)), { customer: 'c', date: 'd', amount: 'a', cancelNegative: true });
      assert.equal(r2.warnings.length, 0);
      assert.equal(rowOf(r2.table!, '1').monetary_total, 10);
      assert.equal(rowOf(r2.table!, '1').cancel_rate, 0.5);
    });
    it('refuses an as-of date before the first transaction', async () => {
      await assert.rejects(transactionFeatures(parseSourceSpec(file('h4.csv', handCsv())), { ...HAND_SPEC, asOf: '2023-12-31' }), (e: any) => e.code === 'E_OPTION' && /2023-12-31 is before the first transaction \(2024-01-06\)/.test(e.message));
    });
    it('refuses empty files and header-only files', async () => {
      await assert.rejects(transactionFeatures(parseSourceSpec(file('e.csv', '')), HAND_SPEC), (e: any) => e.code === 'E_DATA_EMPTY');
      await assert.rejects(transactionFeatures(parseSourceSpec(file('ho.csv', 'invoice,customer,when,qty,price,category,discount\n')), HAND_SPEC), (e: any) => e.code === 'E_DATA_EMPTY' && /no transaction lines/.test(e.message));
    });
    it('needs an amount, or quantity and price', async () => {
      await assert.rejects(transactionFeatures(parseSourceSpec(file('h5.csv', handCsv())), { customer: 'customer', date: 'when', quantity: 'qty' }), (e: any) => e.code === 'E_OPTION' && /--amount, or both --quantity and --price/.test(e.message));
    });
  });

  it('property: features do not depend on line order, and totals add up', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ c: fc.integer({ min: 1, max: 6 }), day: fc.integer({ min: 0, max: 200 }), hour: fc.integer({ min: 0, max: 23 }), cents: fc.integer({ min: 1, max: 100000 }) }), { minLength: 1, maxLength: 60 }),
        fc.integer(),
        async (lines, seed) => {
          const fmt = (l: (typeof lines)[number]) => `${l.c},${new Date(Date.UTC(2024, 0, 1 + l.day, l.hour)).toISOString().slice(0, 16).replace('T', ' ')},${(l.cents / 100).toFixed(2)}`;
          const shuffled = [...lines].sort((a, b) => ((a.cents * 31 + seed) % 97) - ((b.cents * 31 + seed) % 97));
          const spec = { customer: 'c', date: 'd', amount: 'a' };
          const a = (await transactionFeatures(parseSourceSpec(file('p1.csv', 'c,d,a\n' + lines.map(fmt).join('\n') + '\n')), spec)).table!;
          const b = (await transactionFeatures(parseSourceSpec(file('p2.csv', 'c,d,a\n' + shuffled.map(fmt).join('\n') + '\n')), spec)).table!;
          assert.deepEqual(a.ids, b.ids);
          const col = (t: FeatureTable, n: string) => t.columns.find((c) => c.name === n)!.values;
          for (const c of a.columns) for (let i = 0; i < a.ids.length; i++) assert.ok(close(c.values[i], col(b, c.name)[i], 1e-9), c.name);
          const total = lines.reduce((s, l) => s + l.cents, 0) / 100;
          assert.ok(close(col(a, 'monetary_total').reduce((s, x) => s + x, 0), total, 1e-9));
          for (let i = 0; i < a.ids.length; i++) {
            assert.ok(col(a, 'recency_days')[i] >= 1 && col(a, 'recency_days')[i] <= col(a, 'tenure_days')[i]);
            assert.ok(Math.abs(col(a, 'velocity_trend')[i]) <= 1);
            const parts = ['night', 'morning', 'afternoon', 'evening'].reduce((s, p) => s + (a.columns.find((c) => c.name === `daypart_${p}`)?.values[i] ?? 0), 0);
            assert.ok(a.columns.some((c) => c.name === 'daypart_night') ? close(parts, 1, 1e-12) : true);
          }
        },
      ),
      { numRuns: 12 },
    );
  });
});
