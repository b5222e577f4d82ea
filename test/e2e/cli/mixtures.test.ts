import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runCli, tempDir } from '../../helpers/cli.js';

const cc = resolve('data/samples/cc_general.csv');
const mall = resolve('data/samples/mall_customers.csv');

describe('e2e/cli: Gaussian mixtures and latent profiles', () => {
  let dir: string;
  let cleanup: () => void;
  before(() => ({ dir, cleanup } = tempDir()));
  after(() => cleanup());

  it('fit --method lpa -k 2..4 --models 1,2 prints the fit-index table and saves the best by BIC', async () => {
    const r = await runCli(['fit', cc, '--method', 'lpa', '-k', '2..4', '--models', '1,2', '--features', 'BALANCE,PURCHASES,CREDIT_LIMIT,PAYMENTS', '--seed', '3', '--out', 'lpa.json'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /Latent profile models compared \(6 fits\)/);
    assert.match(r.stdout, /Model +k +LogLik +Params +AIC +BIC +SABIC +ICL +Entropy/);
    const best = /Saved: (\w+) with (\d) profiles \(best by BIC\)/.exec(r.stdout)!;
    assert.ok(best, r.stdout);
    const model = JSON.parse(readFileSync(join(dir, 'lpa.json'), 'utf8'));
    assert.equal(model.clusterer.options.model, best[1]);
    assert.equal(model.segments.length, Number(best[2]));
    const grid = model.manifest.selection.lpaGrid;
    assert.equal(grid.cells.length, 6);
    const bics = grid.cells.map((c: any) => c.bic);
    assert.equal(grid.cells[grid.bestByBic].bic, Math.min(...bics));
    assert.match(r.stdout, /of customers belong ≥30% to two or more segments/);
  });

  it('assign --probabilities writes each segment\'s probability and the entropy; rows sum to 1', async () => {
    assert.equal((await runCli(['fit', mall, '--method', 'gmm', '-k', '3', '--exclude', 'Gender', '--seed', '1', '--out', 'g.json', '-q'], dir)).code, 0);
    const r = await runCli(['assign', 'g.json', mall, '--out', 'g.csv', '--probabilities'], dir);
    assert.equal(r.code, 0, r.stderr);
    const lines = readFileSync(join(dir, 'g.csv'), 'utf8').trim().split('\n');
    assert.equal(lines[0], 'customer_id,segment,segment_name,confidence,distance,runner_up,novel,novelty,p_0,p_1,p_2,entropy');
    for (const l of lines.slice(1)) {
      const v = l.split(',');
      const p = v.slice(8, 11).map(Number);
      assert.ok(Math.abs(p[0] + p[1] + p[2] - 1) < 1e-9);
      assert.equal(Number(v[3]), Math.max(...p)); // confidence = the largest posterior
      assert.equal(Number(v[1]), p.indexOf(Math.max(...p)));
    }
  });

  it('--probabilities with a hard method is a clear error', async () => {
    assert.equal((await runCli(['fit', mall, '-k', '3', '--seed', '1', '--out', 'k.json', '-q'], dir)).code, 0);
    const r = await runCli(['assign', 'k.json', mall, '--out', 'k.csv', '--probabilities'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--probabilities needs a method with soft assignment/);
  });

  it('a k range for another method points to -k auto and select', async () => {
    const r = await runCli(['fit', mall, '-k', '2..5', '--out', 'x.json'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /use -k auto --k-range min\.\.max, or 'segkit select'/);
  });
});
