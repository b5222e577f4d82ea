import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runCli, tempDir } from '../../helpers/cli.js';

// Issue 6's "done when": nested broad/detailed segments, a DBSCAN outlier segment and a SOM map from
// the CLI on bundled samples, and every model scores new customers.
const mall = resolve('data/samples/mall_customers.csv');
const wholesale = resolve('data/samples/wholesale_customers.csv');
const newMall = JSON.stringify({ Gender: 'Female', Age: 31, 'Annual Income (k$)': 70, 'Spending Score (1-100)': 77 });

/** Rows of a CSV file as objects (no quoted commas in these files). */
function csv(path: string): Record<string, string>[] {
  const [head, ...lines] = readFileSync(path, 'utf8').trim().split('\n');
  const names = head.split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, j) => [names[j], v])));
}

describe('e2e/cli: hierarchical levels, DBSCAN outliers, SOM map', () => {
  let dir: string;
  let cleanup: () => void;
  before(() => ({ dir, cleanup } = tempDir()));
  after(() => cleanup());

  it('hierarchical -k 4,12: every customer gets a broad and a detailed segment, nested, and predict gives both', async () => {
    const r = await runCli(['fit', mall, '--method', 'hierarchical', '-k', '4,12', '--seed', '1', '--out', 'h.json', '--assignments', 'h.csv', '-q'], dir);
    assert.equal(r.code, 0, r.stderr);
    const rows = csv(join(dir, 'h.csv'));
    assert.equal(rows.length, 200);
    assert.deepEqual(new Set(rows.map((x) => x.level_4)).size, 4);
    assert.deepEqual(new Set(rows.map((x) => x.level_12)).size, 12);
    // Nested: each detailed segment lies inside one broad segment.
    const parent = new Map<string, string>();
    for (const x of rows) {
      assert.equal(x.segment, x.level_12);
      assert.equal(parent.get(x.level_12) ?? x.level_4, x.level_4);
      parent.set(x.level_12, x.level_4);
    }
    const p = await runCli(['predict', 'h.json', '--row', newMall], dir);
    assert.equal(p.code, 0, p.stderr);
    const out = JSON.parse(p.stdout);
    assert.equal(out.extra.level_12, out.segment);
    assert.equal(parent.get(String(out.segment)), String(out.extra.level_4));
  });

  it('dbscan: dense segments plus an "outliers" group; a far-out new customer is an outlier', async () => {
    const r = await runCli(['fit', wholesale, '--method', 'dbscan', '--seed', '1', '--out', 'd.json', '--assignments', 'd.csv'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /outliers: \d+ customers \([\d.]+%\) belong to no segment/);
    const rows = csv(join(dir, 'd.csv'));
    const noise = rows.filter((x) => x.segment === '-1');
    assert.ok(noise.length > 0 && noise.length < rows.length / 2, `${noise.length} outliers`);
    for (const x of noise) assert.equal(x.segment_name, 'outliers');
    const far = JSON.stringify({ Channel: 1, Region: 3, Fresh: 900000, Milk: 900000, Grocery: 1, Frozen: 900000, Detergents_Paper: 1, Delicassen: 900000 });
    const p = JSON.parse((await runCli(['predict', 'd.json', '--row', far], dir)).stdout);
    assert.equal(p.segment, -1);
    assert.equal(p.segmentName, 'outliers');
    // A training core customer is predicted into its own segment.
    const a = await runCli(['assign', 'd.json', wholesale, '--out', 'd2.csv'], dir);
    assert.equal(a.code, 0, a.stderr);
    const again = csv(join(dir, 'd2.csv'));
    const same = again.filter((x, i) => x.segment === rows[i].segment).length;
    assert.ok(same >= rows.length - noise.length * 0.1 - 5, `${same} of ${rows.length} keep their segment`);
  });

  it('som --grid 6x6 --topology hexagonal: every customer gets a neuron and a segment; predict gives both', async () => {
    const r = await runCli(['fit', mall, '--method', 'som', '--grid', '6x6', '--topology', 'hexagonal', '-k', '4', '--seed', '2', '--out', 's.json', '--assignments', 's.csv', '-q'], dir);
    assert.equal(r.code, 0, r.stderr);
    const rows = csv(join(dir, 's.csv'));
    for (const x of rows) assert.ok(Number(x.neuron) >= 0 && Number(x.neuron) < 36);
    // Customers on one neuron share its segment.
    const seg = new Map<string, string>();
    for (const x of rows) {
      assert.equal(seg.get(x.neuron) ?? x.segment, x.segment);
      seg.set(x.neuron, x.segment);
    }
    const model = JSON.parse(readFileSync(join(dir, 's.json'), 'utf8'));
    assert.equal(model.segments.length, 4);
    const p = JSON.parse((await runCli(['predict', 's.json', '--row', newMall], dir)).stdout);
    assert.ok(p.extra.neuron >= 0 && p.extra.neuron < 36);
    assert.ok(p.segment >= 0 && p.segment < 4);
  });

  it('bad input: -k levels on a method without a tree, a malformed --grid, a grid larger than the rows', async () => {
    const a = await runCli(['fit', mall, '--method', 'kmeans', '-k', '4,12'], dir);
    assert.equal(a.code, 2);
    assert.match(a.stderr, /nested segments/);
    const b = await runCli(['fit', mall, '--method', 'som', '--grid', '6by6'], dir);
    assert.equal(b.code, 2);
    assert.match(b.stderr, /rows x columns/);
    const c = await runCli(['fit', mall, '--method', 'som', '--grid', '20x20', '-k', '3'], dir);
    assert.equal(c.code, 2);
    assert.match(c.stderr, /200/);
  });
});
