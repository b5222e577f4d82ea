/**
 * The issue 13 "done when" flow through the CLI on the bundled CDNOW transactions: fit as of
 * 1997-10-01, snapshot two months, retrain (names kept), snapshot again, see who moved where (with an
 * --into campaign list), get a drift verdict (exit 5 on 'retrain'); the DuckDB store by default, and
 * the same snapshots and migrations on PostgreSQL. Plus the bad-input refusals.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runCli, tempDir } from '../../helpers/cli.js';
import { overTimeCharts } from '../../../src/report/over-time.js';
import { renderSvg } from '../../../src/report/render-svg.js';
import { startPostgres, type PgCluster } from '../../helpers/postgres.js';
import { EXIT_DRIFT, EXIT_USAGE, EXIT_DATA } from '../../../src/cli/exit-codes.js';
import { withDuckDb } from '../../../src/data/duckdb-util.js';

const cdnow = resolve('data/samples/cdnow_master.txt');
const CDNOW = ['--customer', 'column1', '--date', 'column2', '--quantity', 'column3', '--amount', 'column4'];

describe('e2e/cli segments over time (snapshot, retrain, migrations, drift)', () => {
  let dir: string, cleanup: () => void, pg: PgCluster;
  const ok = async (argv: string[]) => {
    const r = await runCli(argv, dir);
    assert.equal(r.code, 0, `${argv.join(' ')}\n${r.stderr}`);
    return r;
  };
  const names = (file: string) => JSON.parse(readFileSync(join(dir, file), 'utf8')).segments.map((g: { name: string }) => g.name);
  before(async () => {
    ({ dir, cleanup } = tempDir());
    pg = await startPostgres();
  });
  after(() => {
    pg?.stop();
    cleanup();
  });

  it('fit, snapshot two months, retrain keeping names, snapshot, migrations, drift', async () => {
    await ok(['fit', cdnow, '--from-transactions', ...CDNOW, '--as-of', '1997-10-01', '-k', '4', '--seed', '7', '-o', 'm1.json', '-q']);
    // The DuckDB store is the default: segkit.duckdb in the working directory.
    const s1 = JSON.parse((await ok(['snapshot', 'm1.json', cdnow, '--as-of', '1997-10-01', '--json'])).stdout);
    assert.equal(s1.rows, 23570);
    assert.ok(existsSync(join(dir, 'segkit.duckdb')));
    await ok(['snapshot', 'm1.json', cdnow, '--as-of', '1997-11-01', '-q']);

    const rt = await ok(['retrain', cdnow, '--from', 'm1.json', '--as-of', '1997-11-01', '-o', 'm2.json', '-q']);
    assert.match(rt.stdout, /warm start from the old segments/);
    assert.match(rt.stdout, /% of customers kept their segment id/);
    assert.deepEqual(names('m2.json'), names('m1.json'));
    const m2 = JSON.parse(readFileSync(join(dir, 'm2.json'), 'utf8'));
    assert.equal(m2.lineage.replaces.path, 'm1.json');
    await ok(['snapshot', 'm2.json', cdnow, '--as-of', '1997-12-01', '-q']);

    const mig = JSON.parse((await ok(['migrations', '--from', '1997-11-01', '--to', '1997-12-01', '--json'])).stdout);
    assert.equal(mig.common, 23570);
    assert.equal(mig.counts.flat().reduce((a: number, b: number) => a + b, 0), 23570);
    assert.deepEqual(mig.segments.map((s: { name: string }) => s.name), names('m2.json'));
    assert.ok(mig.ari > 0 && mig.ari <= 1);
    assert.equal(mig.distribution.length > 0, true);
    // Who entered the first segment: listed, written to a file and to a store table.
    const target = names('m2.json')[0];
    const into = await ok(['migrations', '--from', '1997-11-01', '--to', '1997-12-01', '--into', target, '--out', 'campaign.csv', '--into-table', 'campaign']);
    const entered = mig.entered[0];
    assert.match(into.stdout, new RegExp(`${entered} customers entered "${target.replace(/[·]/g, '.')}"`));
    assert.equal(readFileSync(join(dir, 'campaign.csv'), 'utf8').trim().split('\n').length, entered + 1);
    assert.match(into.stdout, new RegExp(`wrote table campaign in .* \\(${entered} rows\\)`));

    // The report's "over time" charts from the same store: transitions between the last two dates, shares over time.
    const charts = await overTimeCharts(join(dir, 'segkit.duckdb'));
    assert.deepEqual(charts.map((c) => c.id), ['transitions', 'distribution-over-time']);
    const cells = (charts[0].spec.data as { values: { customers: number }[] }).values;
    assert.equal(cells.reduce((a, c) => a + c.customers, 0), 23570);
    assert.match(charts[0].title, /1997-11-01 → 1997-12-01/);
    for (const c of charts) assert.match(await renderSvg(c.spec), /<svg/);

    // Drift: five months on, recency and tenure have moved: 'retrain' and exit code 5; loose thresholds say ok.
    const d = await runCli(['drift', 'm2.json', cdnow, '--as-of', '1998-04-01'], dir);
    assert.equal(d.code, EXIT_DRIFT, d.stderr);
    assert.match(d.stdout, /verdict: retrain/);
    const loose = await runCli(['drift', 'm2.json', cdnow, '--as-of', '1998-04-01', '--psi-watch', '50', '--psi-retrain', '100', '--json'], dir);
    assert.equal(loose.code, 0, loose.stderr);
    assert.equal(JSON.parse(loose.stdout).verdict, 'ok');
  });

  it('bad input: duplicate date, dates in the wrong order, retrain with other features', async () => {
    const dup = await runCli(['snapshot', 'm1.json', cdnow, '--as-of', '1997-11-01', '-q'], dir);
    assert.equal(dup.code, EXIT_USAGE);
    assert.match(dup.stderr, /already has a snapshot dated 1997-11-01[\s\S]*hint: Pass --replace/);
    await ok(['snapshot', 'm1.json', cdnow, '--as-of', '1997-11-01', '--replace', '-q']);
    const order = await runCli(['migrations', '--from', '1997-12-01', '--to', '1997-11-01'], dir);
    assert.equal(order.code, EXIT_USAGE);
    assert.match(order.stderr, /--from \(1997-12-01\) must be an earlier date than --to/);
    await ok(['features', cdnow, ...CDNOW, '--as-of', '1997-11-01', '--out', 'feat.csv', '-q']);
    // A customer-table model retrained on a table without one of its columns: the error names it.
    await ok(['fit', 'feat.csv', '--id', 'customer_id', '-k', '3', '--seed', '1', '-o', 'tab.json', '-q']);
    await ok(['features', cdnow, ...CDNOW, '--as-of', '1997-12-01', '--window', '30', '--out', 'feat2.csv', '-q']);
    await withDuckDb((con) => con.run(`COPY (SELECT * EXCLUDE (weekend_share) FROM read_csv('${join(dir, 'feat2.csv')}')) TO '${join(dir, 'feat3.csv')}' (FORMAT csv, HEADER true)`));
    const r = await runCli(['retrain', 'feat3.csv', '--from', 'tab.json', '-o', 'x.json'], dir);
    assert.equal(r.code, EXIT_DATA, r.stderr);
    assert.match(r.stderr, /E_FEATURE_MISMATCH: The new data's features differ from the old model's, so segment ids cannot carry over: missing "weekend_share"/);
    assert.ok(!existsSync(join(dir, 'x.json')));
  });

  it('PostgreSQL store: the same snapshots give the same migrations', async () => {
    for (const [m, d] of [['m1.json', '1997-10-01'], ['m1.json', '1997-11-01'], ['m2.json', '1997-12-01']]) await ok(['snapshot', m, cdnow, '--as-of', d, '--store', pg.url, '-q']);
    const a = JSON.parse((await ok(['migrations', '--from', '1997-10-01', '--to', '1997-12-01', '--json'])).stdout);
    const b = JSON.parse((await ok(['migrations', '--from', '1997-10-01', '--to', '1997-12-01', '--store', pg.url, '--json'])).stdout);
    const strip = (x: any) => ({ ...x, from: { ...x.from, id: 0, run: 0, model: 0 }, to: { ...x.to, id: 0, run: 0, model: 0 }, distribution: x.distribution.map((r: any) => ({ ...r, snapshot: 0, model: 0 })) });
    // The DuckDB store also holds the replaced 1997-11-01 snapshot and earlier ids, so ids differ; every count is equal.
    assert.deepEqual(strip(b), strip(a));
  });
});
