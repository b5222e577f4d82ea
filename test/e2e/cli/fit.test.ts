import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runCli, tempDir } from '../../helpers/cli.js';

const samples = resolve('data/samples');
const sample = (f: string) => join(samples, f);

describe('e2e/cli/fit', () => {
  let dir: string;
  let cleanup: () => void;
  before(() => ({ dir, cleanup } = tempDir()));
  after(() => cleanup());

  for (const [file, k, rows] of [
    ['mall_customers.csv', 5, 200],
    ['wholesale_customers.csv', 4, 440],
    ['cc_general.csv', 6, 8950],
    ['marketing_campaign.csv', 4, 2240],
    ['telco_customer_churn.csv', 4, 7043],
    ['bank.csv', 5, 4521],
    ['cdnow_master.txt', 3, 69659],
  ] as const) {
    it(`fits ${file} and writes a model and assignments for every customer`, async () => {
      const out = join(dir, `${file}.model.json`);
      const asg = join(dir, `${file}.assignments.csv`);
      const r = await runCli(['fit', sample(file), '-k', String(k), '--seed', '7', '--out', out, '--assignments', asg, '--json'], dir);
      assert.equal(r.code, 0, r.stderr + r.stdout);
      const summary = JSON.parse(r.stdout);
      assert.equal(summary.k, k);
      assert.equal(summary.segments.reduce((s: number, g: any) => s + g.size, 0), rows);
      const model = JSON.parse(readFileSync(out, 'utf8'));
      assert.equal(model.format, 'segkit-model');
      assert.equal(model.manifest.rows, rows);
      assert.equal(model.manifest.seed, 7);
      const lines = readFileSync(asg, 'utf8').trim().split('\n');
      assert.equal(lines.length, rows + 1);
      assert.equal(lines[0], 'customer_id,segment,segment_name,confidence,distance,runner_up,novel,novelty');
    });
  }

  it('gives the same segments for the same seed', async () => {
    const a = await runCli(['fit', sample('mall_customers.csv'), '-k', '5', '--seed', '11', '--out', join(dir, 'a.json'), '--assignments', join(dir, 'a.csv'), '-q'], dir);
    const b = await runCli(['fit', sample('mall_customers.csv'), '-k', '5', '--seed', '11', '--out', join(dir, 'b.json'), '--assignments', join(dir, 'b.csv'), '-q'], dir);
    assert.equal(a.code, 0);
    assert.equal(b.code, 0);
    assert.equal(readFileSync(join(dir, 'a.csv'), 'utf8'), readFileSync(join(dir, 'b.csv'), 'utf8'));
  });

  it('keeps leading zeros of customer IDs', async () => {
    const r = await runCli(['fit', sample('mall_customers.csv'), '-k', '3', '--seed', '1', '--out', join(dir, 'z.json'), '--assignments', join(dir, 'z.jsonl')], dir);
    assert.equal(r.code, 0, r.stderr);
    const first = JSON.parse(readFileSync(join(dir, 'z.jsonl'), 'utf8').split('\n')[0]);
    assert.equal(first.customer_id, '1');
  });

  it('prints a human summary with sizes, means and preprocessing decisions', async () => {
    const r = await runCli(['fit', sample('mall_customers.csv'), '-k', '5', '--seed', '42', '--out', join(dir, 'h.json')], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /200 customers/);
    assert.match(r.stdout, /mean Age/);
    assert.match(r.stdout, /silhouette/);
    assert.match(r.stdout, /preprocessing:/);
  });

  it('assign scores a table with a saved model and predict scores one row, agreeing with fit', async () => {
    const model = join(dir, 'm.json');
    assert.equal((await runCli(['fit', sample('mall_customers.csv'), '-k', '4', '--seed', '3', '--out', model, '--assignments', join(dir, 'fit.csv'), '-q'], dir)).code, 0);
    const r = await runCli(['assign', model, sample('mall_customers.csv'), '--out', join(dir, 'assign.csv')], dir);
    assert.equal(r.code, 0, r.stderr);
    const strip = (t: string) => t.trim().split('\n').map((l) => l.split(',').slice(0, 3).join(','));
    assert.deepEqual(strip(readFileSync(join(dir, 'assign.csv'), 'utf8')), strip(readFileSync(join(dir, 'fit.csv'), 'utf8')));
    const row = { CustomerID: 1, Gender: 'Male', Age: 19, 'Annual Income (k$)': 15, 'Spending Score (1-100)': 39 };
    const p = await runCli(['predict', model, '--row', JSON.stringify(row)], dir);
    assert.equal(p.code, 0, p.stderr);
    const pred = JSON.parse(p.stdout);
    const fitFirst = readFileSync(join(dir, 'fit.csv'), 'utf8').split('\n')[1].split(',');
    assert.equal(String(pred.segment), fitFirst[1]);
    assert.equal(pred.id, '1');
    const i = await runCli(['inspect', model], dir);
    assert.equal(i.code, 0);
    assert.match(i.stdout, /segkit-model v2/);
    assert.match(i.stdout, /seed: 3/);
  });

  it('writes a Parquet assignments file that DuckDB reads back', async () => {
    const r = await runCli(['fit', sample('wholesale_customers.csv'), '-k', '3', '--seed', '1', '--out', join(dir, 'p.json'), '--assignments', join(dir, 'p.parquet'), '-q'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.ok(existsSync(join(dir, 'p.parquet')));
  });
});

describe('e2e/cli/errors', () => {
  let dir: string;
  let cleanup: () => void;
  before(() => ({ dir, cleanup } = tempDir()));
  after(() => cleanup());

  const expectFail = async (argv: string[], code: number, pattern: RegExp): Promise<void> => {
    const before = new Set(readdirSync(dir));
    const r = await runCli(argv, dir);
    assert.equal(r.code, code, `exit ${r.code}: ${r.stderr}`);
    assert.match(r.stderr, pattern);
    assert.deepEqual(readdirSync(dir).filter((f) => !before.has(f)), [], 'nothing is written when a command fails');
  };

  it('a missing file exits 3 naming the file', () => expectFail(['fit', join(dir, 'nope.csv'), '-k', '2'], 3, /E_NOT_FOUND.*nope\.csv/));
  it('k = 0 exits 2', () => expectFail(['fit', sample('mall_customers.csv'), '-k', '0'], 2, /E_OPTION.*-k.*Got '0'/));
  it('a non-integer k exits 2', () => expectFail(['fit', sample('mall_customers.csv'), '-k', '2.5'], 2, /E_OPTION.*integer/));
  it('an unknown option exits 2', () => expectFail(['fit', sample('mall_customers.csv'), '--frobnicate'], 2, /unknown option/));
  it('an unknown method exits 2', () => expectFail(['fit', sample('mall_customers.csv'), '--method', 'kmeens'], 2, /Unknown method 'kmeens'/));
  it('an unknown column in --features exits 3 naming it', () => expectFail(['fit', sample('mall_customers.csv'), '--features', 'Age,Salary'], 3, /E_UNKNOWN_COLUMN.*"Salary"/));
  it('an unknown --id column exits 3 naming it', () => expectFail(['fit', sample('mall_customers.csv'), '--id', 'cust'], 3, /E_UNKNOWN_COLUMN.*"cust"/));
  it('fewer rows than k exits 3', () => expectFail(['fit', sample('mall_customers.csv'), '-k', '500'], 3, /E_TOO_FEW_ROWS.*500.*200/));
  it('an empty file exits 3', () => {
    writeFileSync(join(dir, 'empty.csv'), '');
    return expectFail(['fit', 'empty.csv', '-k', '2'], 3, /E_DATA_EMPTY/);
  });
  it('a header-only file exits 3', () => {
    writeFileSync(join(dir, 'header.csv'), 'a,b,c\n');
    return expectFail(['fit', 'header.csv', '-k', '2'], 3, /E_DATA_EMPTY.*header/);
  });
  it('a truncated model file exits 4', () => {
    const good = join(dir, 'good.json');
    return runCli(['fit', sample('mall_customers.csv'), '-k', '2', '--seed', '1', '--out', good, '-q'], dir).then(() => {
      writeFileSync(join(dir, 'trunc.json'), readFileSync(good, 'utf8').slice(0, 500));
      return expectFail(['inspect', 'trunc.json'], 4, /E_MODEL_FORMAT.*not valid JSON/);
    });
  });
  it('a model file from another tool exits 4', () => {
    writeFileSync(join(dir, 'other.json'), JSON.stringify({ model: 'sklearn', n_clusters: 3 }));
    return expectFail(['predict', 'other.json', '--row', '{}'], 4, /E_MODEL_FORMAT.*not a segkit model/);
  });
  it('new data missing a feature the model needs exits 3 naming the column', async () => {
    const model = join(dir, 'mf.json');
    await runCli(['fit', sample('mall_customers.csv'), '-k', '2', '--seed', '1', '--out', model, '-q'], dir);
    await expectFail(['predict', 'mf.json', '--row', JSON.stringify({ Gender: 'Male', Age: 30 })], 3, /E_FEATURE_MISMATCH.*"Annual Income \(k\$\)"/);
  });
  it('a failing fit leaves an existing model file untouched', async () => {
    const model = join(dir, 'keep.json');
    await runCli(['fit', sample('mall_customers.csv'), '-k', '2', '--seed', '1', '--out', model, '-q'], dir);
    const before = readFileSync(model, 'utf8');
    copyFileSync(model, join(dir, 'keep.copy'));
    const r = await runCli(['fit', sample('mall_customers.csv'), '-k', '999', '--out', model, '-q'], dir);
    assert.equal(r.code, 3);
    assert.equal(readFileSync(model, 'utf8'), before);
  });
});

describe('e2e/cli/weights', () => {
  it('fits with a weight column, which is not used as a feature, and rejects a bad one', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const r = await runCli(['fit', sample('wholesale_customers.csv'), '-k', '3', '--seed', '1', '--weight', 'Fresh', '--out', join(dir, 'w.json'), '--json'], dir);
      assert.equal(r.code, 0, r.stderr);
      const model = JSON.parse(readFileSync(join(dir, 'w.json'), 'utf8'));
      assert.ok(!model.pipeline.columns.some((c: any) => c.name === 'Fresh'));
      const bad = await runCli(['fit', sample('mall_customers.csv'), '-k', '3', '--weight', 'Gender', '--out', join(dir, 'x.json')], dir);
      assert.equal(bad.code, 3);
      assert.match(bad.stderr, /weight column "Gender" must be numeric/);
    } finally {
      cleanup();
    }
  });
});

describe('e2e/cli/predict', () => {
  it('scores a JSON lines file and names the line of a bad one', async () => {
    const { dir, cleanup } = tempDir();
    try {
      assert.equal((await runCli(['fit', sample('mall_customers.csv'), '-k', '3', '--seed', '4', '--out', join(dir, 'm.json'), '-q'], dir)).code, 0);
      const rows = [
        { CustomerID: 901, Gender: 'Female', Age: 22, 'Annual Income (k$)': 90, 'Spending Score (1-100)': 95 },
        { CustomerID: 902, Gender: 'Other', Age: 60, 'Annual Income (k$)': 20, 'Spending Score (1-100)': 5 },
      ];
      writeFileSync(join(dir, 'new.jsonl'), rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
      const r = await runCli(['predict', 'm.json', '--rows', 'new.jsonl'], dir);
      assert.equal(r.code, 0, r.stderr);
      const out = JSON.parse(r.stdout);
      assert.deepEqual(out.map((p: any) => p.id), ['901', '902']);
      assert.deepEqual(out[1].notes, ['Gender: level "Other" was not seen in training (encoded as all zeros).']);
      assert.ok(out.every((p: any) => p.segment >= 0 && p.segment < 3 && p.distance > 0 && p.runnerUp !== p.segment));
      assert.ok(out.every((p: any) => p.confidence >= 0 && p.confidence <= 1));
      assert.equal(out[1].novel, true);
      assert.deepEqual(out[1].noveltyReasons, ['unseen level "Other" in Gender']);
      writeFileSync(join(dir, 'bad.jsonl'), JSON.stringify(rows[0]) + '\n{"Age": 3,\n');
      const bad = await runCli(['predict', 'm.json', '--rows', 'bad.jsonl'], dir);
      assert.equal(bad.code, 3);
      assert.match(bad.stderr, /bad\.jsonl, line 2: not valid JSON/);
    } finally {
      cleanup();
    }
  });
});
