import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { compareMethods } from '../../src/model/compare-methods.js';
import { fitModel } from '../../src/model/fit-model.js';
import { frameFromRecords } from '../../src/data/frame.js';
import { createRng } from '../../src/math/rng.js';
import { runCli, tempDir } from '../helpers/cli.js';
import { expectSegkitError } from '../helpers/expect.js';
import path from 'node:path';
import { readFileSync, writeFileSync } from 'node:fs';

/** 300 customers in three groups: two numbers and a category that follows the group. */
function customers(n = 300, seed = 1) {
  const rng = createRng(seed);
  return Array.from({ length: n }, (_, i) => {
    const g = i % 3;
    return { id: `c${i}`, spend: [10, 50, 90][g] + rng.normal() * 4, visits: [2, 8, 4][g] + rng.normal(), plan: rng.float() < 0.9 ? ['basic', 'plus', 'pro'][g] : 'basic' };
  });
}

describe('model/compare-methods', () => {
  it('fits each method on the same rows: k-means scored in the common space equals its own training metrics; ARI is symmetric with 1 on the diagonal', async () => {
    const frame = frameFromRecords(customers());
    const c = await compareMethods(frame, { methods: ['kmeans', 'kprototypes', 'kmedoids'], nClusters: 3, idColumn: 'id', seed: 4 });
    assert.equal(c.rows, 300);
    assert.equal(c.methods.length, 3);
    for (const m of c.methods) {
      assert.equal(m.error, null);
      assert.equal(m.sizes.reduce((a, b) => a + b, 0), 300);
      assert.ok(m.explanation!.accuracy > 0.9, `${m.method} tree accuracy ${m.explanation!.accuracy}`);
    }
    const km = c.methods[0];
    assert.ok(Math.abs(km.common!.calinskiHarabasz! - km.own!.calinskiHarabasz!) < 1e-9 * km.own!.calinskiHarabasz!);
    const direct = await fitModel(frame, { method: 'kmeans', options: { nClusters: 3 }, idColumn: 'id', seed: 4 });
    assert.deepEqual(Array.from(km.labels!), Array.from(direct.labels), 'the same fit as segkit fit with that seed');
    for (let i = 0; i < 3; i++) {
      assert.equal(c.ari[i][i], 1);
      for (let j = 0; j < 3; j++) assert.equal(c.ari[i][j], c.ari[j][i]);
    }
    // Three clean groups: every method finds them (Gower gives the noisy category a third of the weight, so k-medoids less exactly).
    assert.ok(c.ari[0][1]! > 0.9 && c.ari[0][2]! > 0.7, JSON.stringify(c.ari));
  });

  it('removes ECOD outliers first (about the contamination share) and reports a method that cannot fit instead of failing', async () => {
    const rows = customers();
    rows[7].spend = 900; // a far outlier
    const c = await compareMethods(frameFromRecords(rows), { methods: ['kmeans', 'gmm'], nClusters: 3, idColumn: 'id', seed: 1, outliers: { method: 'ecod', contamination: 0.05 } });
    assert.ok(c.removedOutliers >= 10 && c.removedOutliers <= 16, `${c.removedOutliers} removed`);
    assert.equal(c.rows, 300 - c.removedOutliers);
    assert.equal(c.methods[1].error?.startsWith('E_OPTION'), true, 'gmm refuses categorical columns');
    assert.equal(c.ari[0][1], null);
  });

  it('refuses an empty method list and a bad contamination', async () => {
    const frame = frameFromRecords(customers(30));
    await expectSegkitError(() => compareMethods(frame, { methods: [], nClusters: 3 }), 'E_OPTION', /at least one method/);
    await expectSegkitError(() => compareMethods(frame, { methods: ['kmeans'], nClusters: 3, outliers: { method: 'ecod', contamination: 0.7 } }), 'E_OPTION', /contamination/);
  });

  it('segkit compare prints the table, and --json the same numbers', async () => {
    const { dir, cleanup } = tempDir();
    const file = path.join(dir, 'c.csv');
    const rows = customers(150);
    writeFileSync(file, 'id,spend,visits,plan\n' + rows.map((r) => `${r.id},${r.spend},${r.visits},${r.plan}`).join('\n') + '\n');
    const t = await runCli(['compare', 'c.csv', '--methods', 'kmeans,kprototypes', '-k', '3', '--seed', '2', '-q'], dir);
    assert.equal(t.code, 0, t.stderr);
    assert.match(t.stdout, /kmeans .*\n/);
    assert.match(t.stdout, /adjusted Rand index/);
    const j = await runCli(['compare', 'c.csv', '--methods', 'kmeans,kprototypes', '-k', '3', '--seed', '2', '--json'], dir);
    const parsed = JSON.parse(j.stdout);
    assert.equal(parsed.methods.length, 2);
    assert.equal(parsed.methods[0].labels, undefined, 'no per-row labels in the JSON');
    const h = await runCli(['compare', 'c.csv', '--methods', 'kmeans,kprototypes', '-k', '3', '--seed', '2', '-q', '--html', 'c.html'], dir);
    assert.equal(h.code, 0, h.stderr);
    const html = readFileSync(path.join(dir, 'c.html'), 'utf8');
    assert.match(html, /<figure id="compare-ari">[\s\S]*<svg/);
    assert.match(html, /<figure id="compare-silhouette">[\s\S]*<svg/);
    assert.doesNotMatch(html, /<script|https?:\/\/(?!www\.w3\.org)/);
    const bad = await runCli(['compare', 'c.csv', '--methods', 'kmeans,nope', '-k', '3'], dir);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /nope/);
    cleanup();
  });
});
