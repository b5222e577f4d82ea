import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runCli, tempDir } from '../../helpers/cli.js';
import { withDuckDb, queryObjects } from '../../../src/data/duckdb-util.js';
import { handCsv } from '../../features/hand-transactions.js';

const cdnow = resolve('data/samples/cdnow_master.txt');
const CDNOW = ['--customer', 'column1', '--date', 'column2', '--quantity', 'column3', '--amount', 'column4'];
const fixture = JSON.parse(readFileSync(resolve('test/fixtures/rfm/cdnow_rfm.json'), 'utf8'));

describe('e2e/cli features, rfm, fit --from-transactions', () => {
  let dir: string;
  let cleanup: () => void;
  before(() => ({ dir, cleanup } = tempDir()));
  after(() => cleanup());

  it('features: CDNOW → Parquet, one row per customer', async () => {
    const r = await runCli(['features', cdnow, ...CDNOW, '--out', 'c.parquet'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /69,659 lines from 1997-01-01 to 1998-06-30, as of 1998-07-01: 23,570 customers/);
    const rows = await withDuckDb((con) => queryObjects(con, `SELECT COUNT(*) AS n, SUM(frequency) AS f, MIN(customer_id) AS first FROM read_parquet('${join(dir, 'c.parquet')}')`));
    assert.equal(Number(rows[0].n), 23570);
    assert.equal(Number(rows[0].f), fixture.sums.frequency);
    assert.equal(rows[0].first, '00001');
  });

  it('features: hand file → CSV with warnings on stderr and --json report', async () => {
    writeFileSync(join(dir, 'hand.csv'), handCsv());
    const r = await runCli(['features', 'hand.csv', '--customer', 'customer', '--date', 'when', '--quantity', 'qty', '--price', 'price', '--invoice', 'invoice', '--category', 'category', '--discount', 'discount', '--cancel-prefix', 'C', '--as-of', '2024-04-01', '--window', '30', '--out', 'hand-f.csv', '--orphans', 'orphans.csv', '--json'], dir);
    assert.equal(r.code, 0, r.stderr);
    const j = JSON.parse(r.stdout);
    assert.equal(j.customers, 2);
    assert.equal(j.report.noCustomer, 1);
    assert.match(j.sql, /FROM tx_lines/);
    assert.match(r.stderr, /warning W_UNPARSED_ROWS: 1 line\(s\) have a date in column "when" that could not be read/);
    const [head, a] = readFileSync(join(dir, 'hand-f.csv'), 'utf8').trim().split('\n');
    const row = Object.fromEntries(head.split(',').map((k, i) => [k, a.split(',')[i]]));
    assert.equal(row.customer_id, 'A');
    assert.equal(Number(row.recency_days), 16);
    assert.equal(Number(row.cancel_rate), 0.25);
    assert.equal(Number(row.ipi_std_days), 5.03125);
    // The line without a customer ID, kept apart as it was read.
    const orphans = readFileSync(join(dir, 'orphans.csv'), 'utf8').trim().split('\n');
    assert.equal(orphans.length, 2);
    assert.match(orphans[1], /^INV6,,2024-03-10 12:00,1,7,Z,0$/);
  });

  it('features: a missing column is a data error naming it and the columns found', async () => {
    const r = await runCli(['features', cdnow, '--customer', 'customer_id', '--date', 'column2', '--amount', 'column4', '--out', 'x.csv'], dir);
    assert.equal(r.code, 3);
    assert.match(r.stderr, /error E_UNKNOWN_COLUMN: .*has no column "customer_id" \(--customer\)\. Columns found: "column1", "column2", "column3", "column4"\. The file has no header line/);
  });

  it('fit --from-transactions without --customer is a usage error naming the flag', async () => {
    const r = await runCli(['fit', cdnow, '--from-transactions', '--date', 'column2', '--amount', 'column4', '-k', '3', '--out', 'n.json'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /Transactions need --customer <column>/);
  });

  it('features: an empty file and an as-of date before the first transaction are errors', async () => {
    writeFileSync(join(dir, 'empty.csv'), '');
    assert.equal((await runCli(['features', 'empty.csv', '--customer', 'c', '--date', 'd', '--amount', 'a', '--out', 'x.csv'], dir)).code, 3);
    const r = await runCli(['features', cdnow, ...CDNOW, '--as-of', '1996-12-01', '--out', 'x.csv'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /1996-12-01 is before the first transaction \(1997-01-01\)/);
  });

  it('rfm: CDNOW segments and revenue shares equal the pandas reference', async () => {
    const r = await runCli(['rfm', cdnow, ...CDNOW, '--out', 'rfm.csv', '--json'], dir);
    assert.equal(r.code, 0, r.stderr);
    const j = JSON.parse(r.stdout);
    const want = fixture.scores.q5_first.segments;
    for (const g of j.segments) {
      assert.equal(g.customers, want[g.segment].customers, g.segment);
      assert.ok(Math.abs(g.shareOfRevenue - want[g.segment].shareOfRevenue) < 1e-12);
    }
    const lines = readFileSync(join(dir, 'rfm.csv'), 'utf8').trim().split('\n');
    assert.equal(lines.length, 23571);
    assert.equal(lines[0], 'customer_id,recency_days,frequency,monetary_total,r,f,m,rfm,segment');
    assert.equal(lines.slice(1).map((l) => l.split(',')[7]).join(''), fixture.scores.q5_first.rfm);
  });

  it('rfm: --bins 3 uses the klaviyo-style groups; a custom scheme file; bad --bins', async () => {
    const r3 = await runCli(['rfm', cdnow, ...CDNOW, '--bins', '3'], dir);
    assert.equal(r3.code, 0, r3.stderr);
    assert.match(r3.stdout, /scheme klaviyo, scores 1–3/);
    assert.match(r3.stdout, /Champions\s+6423/);
    writeFileSync(join(dir, 'vip.json'), JSON.stringify({ bins: 5, segments: [{ name: 'VIP', r: [4, 5], f: [4, 5], m: [5, 5] }] }));
    const rc = await runCli(['rfm', cdnow, ...CDNOW, '--scheme', 'vip.json', '--json'], dir);
    assert.equal(rc.code, 0, rc.stderr);
    assert.deepEqual(JSON.parse(rc.stdout).segments.map((g: any) => g.segment), ['VIP', 'Other']);
    const bad = await runCli(['rfm', cdnow, ...CDNOW, '--bins', 'five'], dir);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--bins/);
  });

  it('fit --from-transactions records the feature plan; assign re-scores the same customers from transactions', async () => {
    const fit = await runCli(['fit', cdnow, '--from-transactions', ...CDNOW, '--as-of', '1998-04-01', '-k', '4', '--seed', '3', '--out', 'tx-model.json', '--assignments', 'fit.csv', '-q'], dir);
    assert.equal(fit.code, 0, fit.stderr);
    const model = JSON.parse(readFileSync(join(dir, 'tx-model.json'), 'utf8'));
    assert.equal(model.features.spec.customer, 'column1');
    assert.match(model.features.sql, /^WITH lines AS/);
    assert.equal(model.manifest.idColumn, 'customer_id');
    // Same transactions, same as-of: the same segment for every customer.
    const same = await runCli(['assign', 'tx-model.json', cdnow, '--as-of', '1998-04-01', '--out', 'same.csv'], dir);
    assert.equal(same.code, 0, same.stderr);
    const seg = (f: string) => readFileSync(join(dir, f), 'utf8').trim().split('\n').slice(1).map((l) => l.split(',').slice(0, 2).join(','));
    assert.deepEqual(seg('same.csv'), seg('fit.csv'));
    // Three months later: every customer scored again from the transactions.
    const later = await runCli(['assign', 'tx-model.json', cdnow, '--out', 'later.csv'], dir);
    assert.equal(later.code, 0, later.stderr);
    assert.match(later.stdout, /23570 customers scored/);
    assert.notDeepEqual(seg('later.csv'), seg('fit.csv'));
    // RFM segments against the clustered segments (what `npm run demo` shows).
    const cmp = await runCli(['rfm', cdnow, ...CDNOW, '--compare', 'later.csv', '--json'], dir);
    assert.equal(cmp.code, 0, cmp.stderr);
    const c = JSON.parse(cmp.stdout).compare;
    assert.deepEqual([...c.columns].sort(), model.segments.map((g: any) => g.name).sort());
    const laterSeg = new Map(readFileSync(join(dir, 'later.csv'), 'utf8').trim().split('\n').slice(1).map((l) => [l.split(',')[0], l.split(',')[2]]));
    const rfm = readFileSync(join(dir, 'rfm.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
    const champions1 = rfm.filter((x) => x[8] === 'Champions' && laterSeg.get(x[0]) === c.columns[0]).length;
    assert.equal(c.rows.find((x: any) => x.segment === 'Champions').counts[0], champions1);
    assert.equal(c.rows.reduce((s: number, x: any) => s + x.counts.reduce((a: number, b: number) => a + b, 0), 0), 23570);
  });
});
