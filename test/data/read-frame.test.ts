import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join, resolve } from 'node:path';
import { mkdirSync, readFileSync } from 'node:fs';
import { readFrame, readFrameWithSchema } from '../../src/data/read-frame.js';
import { parseSourceSpec } from '../../src/data/source-spec.js';
import { resolveIds } from '../../src/data/ids.js';
import { writeTable } from '../../src/data/write-table.js';
import { withDuckDb } from '../../src/data/duckdb-util.js';
import { msg } from '../../src/messages.js';
import { expectSegkitError } from '../helpers/expect.js';
import { tempDir } from '../helpers/temp.js';

const sample = (f: string) => resolve('data/samples', f);
const bad = (f: string) => resolve('test/fixtures/data', f);
const kinds = async (f: string) => Object.fromEntries((await readFrameWithSchema(parseSourceSpec(sample(f)))).schema.map((s) => [s.name, s.kind]));

describe('data/read-frame on the bundled samples', () => {
  it('reads mall_customers.csv: 200 rows, CustomerID is the ID', async () => {
    const f = await readFrame(parseSourceSpec(sample('mall_customers.csv')));
    assert.equal(f.rows, 200);
    assert.deepEqual(await kinds('mall_customers.csv'), { CustomerID: 'id', Gender: 'categorical', Age: 'numeric', 'Annual Income (k$)': 'numeric', 'Spending Score (1-100)': 'numeric' });
  });
  it('reads wholesale_customers.csv through its byte-order mark', async () => {
    const f = await readFrame(parseSourceSpec(sample('wholesale_customers.csv')));
    assert.equal(f.rows, 440);
    assert.equal(f.columns[0].name, 'Channel');
  });
  it('reads telco TotalCharges " " blanks as missing numbers', async () => {
    const r = await readFrameWithSchema(parseSourceSpec(sample('telco_customer_churn.csv')));
    const tc = r.schema.find((s) => s.name === 'TotalCharges')!;
    assert.equal(tc.kind, 'numeric');
    assert.equal(tc.missing, 11);
    assert.equal(r.schema.find((s) => s.name === 'Churn')!.kind, 'boolean');
    assert.equal(r.schema.find((s) => s.name === 'SeniorCitizen')!.kind, 'boolean');
    assert.equal(r.frame.rows, 7043);
  });
  it('reads bank.csv with ; and quoted values', async () => {
    const k = await kinds('bank.csv');
    assert.equal(k.job, 'categorical');
    assert.equal(k.balance, 'numeric');
    assert.equal(k.y, 'boolean');
  });
  it('reads the tab-separated marketing file with day-first dates and 24 missing incomes', async () => {
    const r = await readFrameWithSchema(parseSourceSpec(sample('marketing_campaign.csv')));
    assert.equal(r.frame.rows, 2240);
    assert.equal(r.schema.find((s) => s.name === 'Dt_Customer')!.kind, 'date');
    assert.equal(r.schema.find((s) => s.name === 'Income')!.missing, 24);
    const dt = r.frame.columns.find((c) => c.name === 'Dt_Customer')!.values as Float64Array;
    assert.equal(dt[0], Date.UTC(2012, 8, 4) / 86400000); // 04-09-2012 = 4 Sep 2012
  });
  it('reads the fixed-width cdnow file without a header, keeping zero-padded IDs as text', async () => {
    const f = await readFrame(parseSourceSpec(sample('cdnow_master.txt')));
    assert.equal(f.rows, 69659);
    assert.deepEqual(f.columns.map((c) => c.name), ['column1', 'column2', 'column3', 'column4']);
    assert.equal((f.columns[0].values as string[])[0], '00001');
    assert.equal((f.columns[3].values as Float64Array)[0], 11.77);
  });
  it('reads cc_general.csv (CRLF) with its missing values', async () => {
    const r = await readFrameWithSchema(parseSourceSpec(sample('cc_general.csv')));
    assert.equal(r.frame.rows, 8950);
    assert.equal(r.schema.find((s) => s.name === 'MINIMUM_PAYMENTS')!.missing, 313);
  });
});

describe('data/read-frame formats', () => {
  let dir: string, cleanup: () => void;
  before(() => ({ dir, cleanup } = tempDir()));
  after(() => cleanup());

  it('round-trips Parquet, JSON lines and CSV written by writeTable', async () => {
    const cols = [
      { name: 'customer_id', values: ['001', '002', '003'] },
      { name: 'segment', values: Int32Array.from([0, 1, 1]) },
      { name: 'distance', values: Float64Array.from([0.5, NaN, 2.25]) },
    ];
    for (const ext of ['parquet', 'jsonl', 'csv']) {
      const p = join(dir, `out.${ext}`);
      await writeTable(p, cols);
      const f = await readFrame(parseSourceSpec(p));
      assert.equal(f.rows, 3, ext);
      assert.deepEqual(f.columns[0].values, ['001', '002', '003'], ext);
      assert.ok(Number.isNaN((f.columns[2].values as Float64Array)[1]), ext);
    }
    assert.equal(readFileSync(join(dir, 'out.csv'), 'utf8'), 'customer_id,segment,distance\n001,0,0.5\n002,1,\n003,1,2.25\n');
  });
  it('reads a DuckDB database file by table and by query', async () => {
    const db = join(dir, 'c.duckdb');
    await withDuckDb(async (con) => {
      await con.run(`ATTACH '${db}' AS f`);
      await con.run(`CREATE TABLE f.people AS SELECT i AS id, i * 2.5 AS spend, CASE WHEN i % 2 = 0 THEN 'a' ELSE 'b' END AS grp FROM range(1, 51) t(i)`);
      await con.run('DETACH f');
    });
    const t = await readFrame(parseSourceSpec(`duckdb:${db}`, { table: 'people' }));
    assert.equal(t.rows, 50);
    const q = await readFrame(parseSourceSpec(`duckdb:${db}`, { query: 'SELECT spend FROM people WHERE id <= 10' }));
    assert.equal(q.rows, 10);
    await expectSegkitError(() => parseSourceSpec(`duckdb:${db}`), 'E_USAGE', msg.needTableOrQuery(`duckdb:${db}`));
  });
  it('honours --sep and --no-header', async () => {
    const f = await readFrame(parseSourceSpec(sample('mall_customers.csv'), { sep: ',', header: false }));
    assert.equal(f.rows, 201);
    assert.equal(f.columns[0].name, 'column1');
  });
});

describe('data/read-frame errors', () => {
  it('a missing file', async () => {
    await expectSegkitError(() => readFrame(parseSourceSpec('/no/such/file.csv')), 'E_NOT_FOUND', msg.fileNotFound('/no/such/file.csv'));
  });
  it('a directory', async () => {
    const { dir, cleanup } = tempDir();
    mkdirSync(join(dir, 'd.csv'));
    await expectSegkitError(() => readFrame(parseSourceSpec(join(dir, 'd.csv'))), 'E_READ', /is a directory/);
    cleanup();
  });
  it('a binary file', async () => {
    await expectSegkitError(() => readFrame(parseSourceSpec(bad('binary.csv'))), 'E_READ', /binary file/);
  });
  it('an empty file', async () => {
    await expectSegkitError(() => readFrame(parseSourceSpec(bad('empty.csv'))), 'E_DATA_EMPTY', msg.fileEmpty(bad('empty.csv')));
  });
  it('a header-only file', async () => {
    await expectSegkitError(() => readFrame(parseSourceSpec(bad('header-only.csv'))), 'E_DATA_EMPTY', msg.headerOnly(bad('header-only.csv')));
  });
  it('a ragged row names file and row', async () => {
    const e = await expectSegkitError(() => readFrame(parseSourceSpec(bad('ragged.csv'))), 'E_DATA_SHAPE', msg.raggedRow(bad('ragged.csv'), 2, 2, 3));
    assert.equal(e.where.row, 2);
  });
  it('a non-number in a column forced numeric names file, row, column and value', async () => {
    const e = await expectSegkitError(() => readFrame(parseSourceSpec(bad('bad-number.csv')), { numeric: ['age'] }), 'E_DATA_TYPE', msg.notANumber(bad('bad-number.csv'), 2, 'age', 'abc'));
    assert.deepEqual(e.where, { file: bad('bad-number.csv'), row: 2, column: 'age' });
  });
  it('an unknown column in a type override', async () => {
   await  expectSegkitError(() => readFrame(parseSourceSpec(bad('bad-number.csv')), { categorical: ['agee'] }), 'E_UNKNOWN_COLUMN', /"agee" in --categorical/);
  });
});

describe('data/ids', () => {
  it('finds an ID-like unique column, else uses row numbers', async () => {
    assert.equal(resolveIds(await readFrame(parseSourceSpec(sample('mall_customers.csv')))).column, 'CustomerID');
    const w = resolveIds(await readFrame(parseSourceSpec(sample('wholesale_customers.csv'))));
    assert.equal(w.column, null);
    assert.deepEqual(w.ids.slice(0, 3), ['1', '2', '3']);
  });
  it('names the first duplicate ID and its rows', async () => {
    const f = await readFrame(parseSourceSpec(bad('duplicate-ids.csv')), { id: 'customer_id' });
    await expectSegkitError(() => resolveIds(f, 'customer_id'), 'E_DATA_DUPLICATE_ID', msg.duplicateId('customer_id', '007', [1, 3]));
  });
  it('keeps leading zeros and rejects an unknown ID column', async () => {
    const f = await readFrame(parseSourceSpec(sample('cdnow_master.txt')));
    await expectSegkitError(() => resolveIds(f, 'cust'), 'E_UNKNOWN_COLUMN', /"cust" in --id/);
    await expectSegkitError(() => resolveIds(f, 'column1'), 'E_DATA_DUPLICATE_ID', /"00002" appears in rows 2, 3\./);
  });
});
