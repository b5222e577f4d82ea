import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFrameWithSchema } from '../../src/data/read-frame.js';
import { parseSourceSpec } from '../../src/data/source-spec.js';
import { startPostgres, type PgCluster } from '../helpers/postgres.js';
import { expectSegkitError } from '../helpers/expect.js';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';
import { join } from 'node:path';

describe('data/read-postgres (real PostgreSQL)', () => {
  let pg: PgCluster;
  before(async () => {
    pg = await startPostgres();
    pg.sql(`CREATE TABLE customers (customer_id text PRIMARY KEY, age integer, income numeric(10,2), active boolean, joined date, plan text);
      INSERT INTO customers SELECT lpad(i::text, 5, '0'), 20 + i % 50, 1000 + (i * 37) % 5000, i % 2 = 0, DATE '2020-01-01' + i, (ARRAY['basic','plus','pro'])[1 + i % 3]
      FROM generate_series(1, 300) i;
      UPDATE customers SET income = NULL WHERE customer_id = '00007';`);
  });
  after(() => pg?.stop());

  it('reads a table with typed columns, missing values and zero-padded IDs', async () => {
    const { frame, schema } = await readFrameWithSchema(parseSourceSpec(pg.url, { table: 'customers' }));
    assert.equal(frame.rows, 300);
    assert.deepEqual(schema.map((s) => [s.name, s.kind]), [['customer_id', 'id'], ['age', 'numeric'], ['income', 'numeric'], ['active', 'boolean'], ['joined', 'date'], ['plan', 'categorical']]);
    assert.equal((frame.columns[0].values as string[])[0], '00001');
    assert.equal(schema[2].missing, 1);
    assert.equal((frame.columns[4].values as Float64Array)[0], 18263); // 2020-01-02 = 18262 + 1 days since 1970-01-01
  });

  it('reads a query', async () => {
    const { frame } = await readFrameWithSchema(parseSourceSpec(pg.url, { query: 'SELECT age, plan FROM customers WHERE age > 60' }));
    assert.ok(frame.rows > 0 && frame.rows < 300);
    assert.deepEqual(frame.columns.map((c) => c.name), ['age', 'plan']);
  });

  it('fits a model from PostgreSQL through the CLI', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const r = await runCli(['fit', pg.url, '--table', 'customers', '-k', '3', '--seed', '1', '--out', join(dir, 'pg.json'), '--json'], dir);
      assert.equal(r.code, 0, r.stderr);
      assert.equal(JSON.parse(r.stdout).k, 3);
    } finally {
      cleanup();
    }
  });

  it('names an unknown table and hides the password', async () => {
    const e = await expectSegkitError(() => readFrameWithSchema(parseSourceSpec(pg.url, { table: 'nope' })), 'E_READ', /relation "nope" does not exist/);
    assert.doesNotMatch(e.message, /secret/);
  });

  it('reports a refused connection without a hang or the password', async () => {
    const url = pg.url.replace(/:\d+\//, ':1/');
    const e = await expectSegkitError(() => readFrameWithSchema(parseSourceSpec(url, { table: 'customers' })), 'E_READ', /Cannot connect to postgres:\/\/segkit:\*\*\*@127\.0\.0\.1:1/);
    assert.doesNotMatch(e.message, /secret/);
  });
});
