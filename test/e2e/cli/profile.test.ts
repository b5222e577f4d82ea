import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { runCli, tempDir } from '../../helpers/cli.js';

describe('e2e/cli/profile', () => {
  it('profiles the mall segments as a table, Markdown and JSON, and names a bad value column', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const csv = resolve('data/samples/mall_customers.csv');
      assert.equal((await runCli(['fit', csv, '-k', '4', '--seed', '2', '--out', 'm.json', '-q'], dir)).code, 0);
      const t = await runCli(['profile', 'm.json', csv, '--value', 'Annual Income (k$)'], dir);
      assert.equal(t.code, 0, t.stderr);
      assert.match(t.stdout, /share of Annual Income \(k\$\)/);
      assert.match(t.stdout, /Age mean \(z\)/);
      assert.match(t.stdout, /what sets each segment apart:/);
      assert.match(t.stdout, /Rules \(a depth-3 decision tree predicts the segment from the columns with \d+\.\d% accuracy/);
      assert.match(t.stdout, /← .*(<=|>|=) .* \(precision \d+%, covers \d+% of the segment\)/);
      const md = await runCli(['profile', 'm.json', csv, '--markdown'], dir);
      assert.match(md.stdout, /^## Segments of kmeans model \(200 customers\)/);
      assert.match(md.stdout, /\| customers \|/);
      const j = JSON.parse((await runCli(['profile', 'm.json', csv, '--json'], dir)).stdout);
      assert.equal(j.segments.length, 4);
      assert.equal(j.segments.reduce((a: number, s: any) => a + s.size, 0), 200);
      assert.ok(j.tests.numeric.Age.epsilonSquared > 0);
      assert.ok(j.rules.accuracy > 0.8 && j.rules.rules.length >= 4);
      const bad = await runCli(['profile', 'm.json', csv, '--value', 'Gender'], dir);
      assert.equal(bad.code, 3);
      assert.match(bad.stderr, /The --value column "Gender" must be numeric/);
    } finally {
      cleanup();
    }
  });
});
