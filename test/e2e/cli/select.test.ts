import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runCli, tempDir } from '../../helpers/cli.js';

const mall = resolve('data/samples/mall_customers.csv');
// Income and spending score: the classic five-segment structure of this sample.
const features = ['--features', 'Annual Income (k$),Spending Score (1-100)'];

describe('e2e/cli/select', () => {
  let dir: string;
  let cleanup: () => void;
  before(() => ({ dir, cleanup } = tempDir()));
  after(() => cleanup());

  it('recommends k = 5 on the mall sample with its reasons, as a table and as JSON, and writes the report', async () => {
    const out = join(dir, 'selection.json');
    const t = await runCli(['select', mall, ...features, '-k', '2..10', '--seed', '1', '--bootstrap', '10', '--out', out, '-q'], dir);
    assert.equal(t.code, 0, t.stderr);
    assert.match(t.stdout, /^segkit select: 200 customers, 2 features, kmeans, k 2\.\.10, 10 gap references \(scaledPCA\), 10 bootstrap fits per k, seed 1/);
    const lines = t.stdout.split('\n');
    for (let k = 2; k <= 10; k++) assert.ok(lines.some((l) => l.startsWith(`${k} `)), `row for k=${k}`);
    assert.match(t.stdout, /Recommended: k = 5 \(/);
    assert.match(t.stdout, /The cost curve bends most at k=5/);
    assert.match(t.stdout, /report written to .*selection\.json/);
    const file = JSON.parse(readFileSync(out, 'utf8'));
    const j = await runCli(['select', mall, ...features, '-k', '2..10', '--seed', '1', '--bootstrap', '10', '--json'], dir);
    assert.equal(j.code, 0, j.stderr);
    const report = JSON.parse(j.stdout);
    assert.equal(report.recommendation.k, 5);
    assert.deepEqual(report.perK.map((p: any) => p.k), [2, 3, 4, 5, 6, 7, 8, 9, 10]);
    for (const key of ['cost', 'silhouette', 'gap', 'gapStandardError', 'stability', 'smallestSegmentShare'])
      assert.ok(report.perK.every((p: any) => typeof p[key] === 'number'), key);
    const noTime = (r: any) => JSON.stringify(r, (k, v) => (k === 'seconds' ? undefined : v));
    assert.equal(noTime(report), noTime(file), 'the --out file and --json hold the same report');
  });

  it('reports progress across the grid on stderr when not quiet', async () => {
    // 8,950 rows: the exact silhouette alone takes over a second per k, so progress lines appear
    // (they start after about a second, one line per step when stderr is not a terminal).
    const r = await runCli(['select', resolve('data/samples/cc_general.csv'), '-k', '2..3', '--seed', '2', '--gap-references', '2', '--bootstrap', '2'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /… choosing k: (fit on the data|gap reference \d+\/2|bootstrap fit \d+\/2), k=\d/);
    assert.match(r.stdout, /Recommended: k = \d/);
  });

  for (const [title, args, code, pattern] of [
    ['a single k', ['-k', '2..2'], 2, /error E_OPTION: The k range 2\.\.2 must have min ≥ 1 and max > min \(a single k leaves nothing to choose; use 'segkit fit -k 2' to fit it\)\./],
    ['a malformed range', ['-k', '2..x'], 2, /error E_OPTION: The k range must look like 'min\.\.max' with whole numbers, e\.g\. '2\.\.12'\. Got '2\.\.x'\./],
    ['a range beyond the rows', ['-k', '2..500'], 3, /error E_TOO_FEW_ROWS: The k range 2\.\.500 asks for up to 500 segments, but the data has only 200 rows\. Use a range with max ≤ 199\./],
    ['a method the registry does not have', ['--method', 'nonesuch'], 2, /error E_OPTION: Unknown method 'nonesuch'\. Expected one of: 'kmeans'/],
    ['a method without a number of segments', ['--method', 'dbscan'], 2, /error E_OPTION: Method 'dbscan' does not take a number of segments \(it has no 'nClusters' option\)/],
    ['one gap reference', ['--gap-references', '1'], 2, /error E_OPTION: The 'gapReferences' option of segkit select must be an integer 0 \(no gap statistic\) or ≥ 2/],
    ['a bad method option', ['--max-iter', '0'], 2, /error E_OPTION: The '--max-iter' option of segkit must be an integer ≥ 1\. Got '0'\./],
  ] as const) {
    it(`rejects ${title} with exit code ${code} and a message naming it`, async () => {
      const r = await runCli(['select', mall, '--seed', '1', ...args], dir);
      assert.equal(r.code, code, r.stdout + r.stderr);
      assert.match(r.stderr, pattern);
    });
  }

  it('fit -k auto fits the recommended k and keeps the selection report in the model manifest', async () => {
    const out = join(dir, 'auto.json');
    const r = await runCli(['fit', mall, ...features, '-k', 'auto', '--k-range', '2..8', '--seed', '1', '--out', out, '--json'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(JSON.parse(r.stdout).k, 5);
    const model = JSON.parse(readFileSync(out, 'utf8'));
    assert.equal(model.manifest.options.nClusters, 5);
    assert.equal(model.manifest.selection.format, 'segkit-selection');
    assert.equal(model.manifest.selection.recommendation.k, 5);
    assert.deepEqual(model.manifest.selection.kRange, [2, 8]);
    assert.equal(model.manifest.selection.seed, 1);
    const text = await runCli(['fit', mall, ...features, '-k', 'auto', '--k-range', '2..8', '--seed', '1', '--out', join(dir, 'auto2.json'), '-q'], dir);
    assert.match(text.stdout, /k = 5 was chosen from 2\.\.8 \((unanimous|majority|split)\): .*manifest\.selection/);
    // The model still loads and predicts with the evidence in it.
    const p = await runCli(['assign', out, mall, '--out', join(dir, 'auto.csv'), '-q'], dir);
    assert.equal(p.code, 0, p.stderr);
  });

  it('fit -k auto with a malformed --k-range fails before reading data', async () => {
    const r = await runCli(['fit', 'no-such-file.csv', '-k', 'auto', '--k-range', '3..3'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /error E_OPTION: The k range 3\.\.3 must have min ≥ 1 and max > min/);
  });

  it('writes nothing when the selection fails', async () => {
    const out = join(dir, 'never.json');
    const r = await runCli(['select', mall, '-k', '2..500', '--out', out], dir);
    assert.equal(r.code, 3);
    assert.equal(existsSync(out), false);
  });
});
