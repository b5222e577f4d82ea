import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { runCli, tempDir } from '../../helpers/cli.js';

describe('e2e/cli/export-sql', () => {
  it('writes SQL that DuckDB runs over the table, agreeing with assign', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const csv = resolve('data/samples/mall_customers.csv');
      assert.equal((await runCli(['fit', csv, '-k', '4', '--seed', '2', '--out', 'm.json', '-q'], dir)).code, 0);
      assert.equal((await runCli(['assign', 'm.json', csv, '--out', 'a.csv'], dir)).code, 0);
      const r = await runCli(['export-sql', 'm.json', '--dialect', 'duckdb', '--table', 'mall', '--out', 'score.sql'], dir);
      assert.equal(r.code, 0, r.stderr);
      const con = await (await DuckDBInstance.create(':memory:')).connect();
      await con.run(`CREATE TABLE mall AS SELECT * FROM read_csv('${csv}')`);
      const rows = (await con.runAndReadAll(readFileSync(join(dir, 'score.sql'), 'utf8'))).getRowObjectsJS();
      const assigned = readFileSync(join(dir, 'a.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
      assert.equal(rows.length, 200);
      const byId = new Map(rows.map((x: any) => [x.customer_id, x]));
      for (const a of assigned) assert.equal(Number((byId.get(a[0]) as any).segment), Number(a[1]));
      con.closeSync();
    } finally {
      cleanup();
    }
  });

  it('an unknown dialect exits 2', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const r = await runCli(['export-sql', 'nope.json', '--dialect', 'oracle'], dir);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /Unknown SQL dialect 'oracle'/);
    } finally {
      cleanup();
    }
  });
});
