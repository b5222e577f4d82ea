import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { nameSegments, checkSegmentNames } from '../../src/profile/segment-names.js';
import { expectSegkitError } from '../helpers/expect.js';
import { runCli, tempDir } from '../helpers/cli.js';

describe('profile/segment-names', () => {
  it('names from the two strongest features (|z| ≥ 0.5), units dropped, "Typical" otherwise, unique', () => {
    const d = (feature: string, z: number, level?: string) => ({ feature, z, text: '', ...(level ? { level } : {}) });
    const names = nameSegments([
      [d('Annual Income (k$)', 1.4), d('Age', -0.9), d('Spend', 0.6)],
      [d('Gender', 2.1, 'Female'), d('Age', 0.3)],
      [d('Age', 0.2)],
      [d('Annual Income (k$)', 1.1), d('Age', -0.7)],
    ]);
    assert.deepEqual(names, ['High Annual Income · Low Age', 'Gender: Female', 'Typical', 'High Annual Income · Low Age (2)']);
  });

  it('rejects empty, too long and duplicate names (case-insensitive), naming the segments', async () => {
    await expectSegkitError(() => checkSegmentNames(['A', ' ']), 'E_OPTION');
    await expectSegkitError(() => checkSegmentNames(['x'.repeat(81)]), 'E_OPTION');
    const e = await expectSegkitError(() => checkSegmentNames(['Champions', 'Lost', 'champions']), 'E_OPTION');
    assert.match(e.message, /Segments 0 and 2 would both be named "champions"/);
  });

  it('rename keeps the name in the model; a hand-edited duplicate name is rejected on load', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const csv = resolve('data/samples/mall_customers.csv');
      assert.equal((await runCli(['fit', csv, '-k', '3', '--seed', '2', '--out', 'm.json', '-q'], dir)).code, 0);
      const r = await runCli(['rename', 'm.json', '1', 'Champions'], dir);
      assert.equal(r.code, 0, r.stderr);
      const model = JSON.parse(readFileSync(join(dir, 'm.json'), 'utf8'));
      assert.equal(model.segments[1].name, 'Champions');
      const p = await runCli(['predict', 'm.json', '--row', JSON.stringify({ CustomerID: 1, Gender: 'Male', Age: 30, 'Annual Income (k$)': 60, 'Spending Score (1-100)': 50 })], dir);
      assert.equal(p.code, 0, p.stderr);
      const bad = await runCli(['rename', 'm.json', '7', 'X'], dir);
      assert.equal(bad.code, 2);
      assert.match(bad.stderr, /has no segment 7/);
      model.segments[2].name = 'Champions';
      writeFileSync(join(dir, 'm.json'), JSON.stringify(model));
      const load = await runCli(['inspect', 'm.json'], dir);
      assert.equal(load.code, 4);
      assert.match(load.stderr, /would both be named "Champions"/);
    } finally {
      cleanup();
    }
  });
});
