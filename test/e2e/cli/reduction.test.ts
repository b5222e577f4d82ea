/** Issue 15 through the CLI: prune correlated columns and reduce with PCA, fit, read the summary, predict a new customer. */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runCli, tempDir } from '../../helpers/cli.js';
import { loadModel } from '../../../src/model/load.js';
import { scoreFrame } from '../../../src/model/predict.js';
import { frameFromRecords } from '../../../src/data/frame.js';
import { msg } from '../../../src/messages.js';

const cc = resolve('data/samples/cc_general.csv');
const customer = {
  BALANCE: 5000, BALANCE_FREQUENCY: 1, PURCHASES: 100, ONEOFF_PURCHASES: 50, INSTALLMENTS_PURCHASES: 50, CASH_ADVANCE: 8000,
  PURCHASES_FREQUENCY: 0.2, ONEOFF_PURCHASES_FREQUENCY: 0.1, PURCHASES_INSTALLMENTS_FREQUENCY: 0.1, CASH_ADVANCE_FREQUENCY: 0.6,
  CASH_ADVANCE_TRX: 12, PURCHASES_TRX: 3, CREDIT_LIMIT: 9000, PAYMENTS: 4000, MINIMUM_PAYMENTS: null, PRC_FULL_PAYMENT: 0, TENURE: 12,
};

describe('e2e/cli/reduction: segkit fit --prune-correlated 0.8 --pca 0.9 -k 5 on cc_general, then predict', () => {
  let dir: string, cleanup: () => void;
  before(() => ({ dir, cleanup } = tempDir()));
  after(() => cleanup());

  it('says what was dropped and what each component means, and predict goes through the same steps', async () => {
    const out = join(dir, 'cc.json');
    const r = await runCli(['fit', cc, '--prune-correlated', '0.8', '--pca', '0.9', '-k', '5', '--seed', '3', '--out', out], dir);
    assert.equal(r.code, 0, r.stderr + r.stdout);
    assert.match(r.stdout, /correlation pruning \(\|r\| ≥ 0\.8, pearson\): dropped \d+/);
    assert.match(r.stdout, /CASH_ADVANCE_TRX: r = 0\.\d+ with CASH_ADVANCE_FREQUENCY/);
    assert.match(r.stdout, /PCA: \d+ components of \d+ features explain 9\d\.\d% of the variance/);
    assert.match(r.stdout, /PC1 \(\d+\.\d%\): [+−]\w+ 0\.\d\d/);
    const model = loadModel(out);
    const report = model.prepReport as any;
    assert.ok(report.matrix.pca.cumulative[report.matrix.pca.kept - 1] >= 0.9);
    assert.ok(report.matrix.correlation.values.length === 17);
    // The CLI's predict equals the library's scoring through the saved steps.
    const p = await runCli(['predict', out, '--row', JSON.stringify(customer)], dir);
    assert.equal(p.code, 0, p.stderr);
    const got = JSON.parse(p.stdout);
    const want = scoreFrame(model, frameFromRecords([customer]));
    assert.equal(got.segment, want.labels[0]);
    assert.ok(Math.abs(got.distance - want.distance[0]) < 1e-12);
  });
  it('--cap, --flag-outliers and --weights reach the model; the summary counts the rows affected', async () => {
    const out = join(dir, 'cap.json');
    const r = await runCli(['fit', cc, '--cap', 'q:0.01,0.99', '--weights', 'BALANCE=2,PURCHASES=1.5', '--pca', '3', '--whiten', '--correlation', 'spearman', '-k', '4', '--seed', '3', '--out', out], dir);
    assert.equal(r.code, 0, r.stderr + r.stdout);
    assert.match(r.stdout, /outliers \(quantile, cap\): \d+ rows with a value beyond the limits; BALANCE \d+/);
    assert.match(r.stdout, /weights: BALANCE ×2, PURCHASES ×1\.5/);
    const m = JSON.parse(readFileSync(out, 'utf8'));
    assert.deepEqual(m.pipeline.options.outliers, { method: 'quantile', lower: 0.01, upper: 0.99, action: 'cap' });
    assert.equal(m.pipeline.options.correlation, 'spearman');
    assert.equal(m.prepReport.matrix.pca.whiten, true);
  });
  it('bad flags: a clear error and a non-zero exit', async () => {
    const bad = async (args: string[], re: RegExp | string) => {
      const r = await runCli(['fit', cc, '-k', '3', '--out', join(dir, 'bad.json'), ...args], dir);
      assert.notEqual(r.code, 0);
      if (typeof re === 'string') assert.ok(r.stderr.includes(re), r.stderr); else assert.match(r.stderr, re);
    };
    await bad(['--cap', 'q:0.9,0.1'], msg.outlierLimitsOrder(0.9, 0.1));
    await bad(['--cap', 'iqr:3'], /--cap must look like/);
    await bad(['--cap', 'z:3', '--flag-outliers', 'mad:3.5'], msg.capAndFlag());
    await bad(['--weights', 'BALANCE'], /--weights must look like/);
    await bad(['--weights', 'BALANCE=-1'], msg.weightNotPositive('BALANCE', -1));
    await bad(['--pca', '40'], /asks for 40 components/);
    await bad(['--prune-correlated', '1.5'], /pruneCorrelated/);
  });
});
