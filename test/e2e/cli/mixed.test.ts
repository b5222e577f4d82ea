import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runCli, tempDir } from '../../helpers/cli.js';

const bank = resolve('data/samples/bank.csv');

describe('e2e/cli: mixed data (kprototypes, kmodes)', () => {
  let dir: string;
  let cleanup: () => void;
  before(() => ({ dir, cleanup } = tempDir()));
  after(() => cleanup());

  it('segments the bank sample into 5 mixed segments; the categories shape them', async () => {
    const r = await runCli(['fit', bank, '--method', 'kprototypes', '-k', '5', '--seed', '3', '--out', 'kp.json', '--assignments', 'kp.csv'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /5 segments \(kprototypes/);
    assert.match(r.stdout, /cost \d+ \(numbers \d+%, categories \d+%, γ [\d.]+\)/);
    assert.match(r.stdout, /top job +\S+ \(\d+%\)/);
    const model = JSON.parse(readFileSync(join(dir, 'kp.json'), 'utf8'));
    const share = model.metrics.categoricalShare;
    // Balanced γ: the categorical part is a real share of the cost, not a rounding error.
    assert.ok(share > 0.25 && share < 0.75, `categorical share ${share}`);
    assert.equal(model.clusterer.state.categoricalColumns.length, 10); // 6 text columns + 4 yes/no columns
    assert.equal(readFileSync(join(dir, 'kp.csv'), 'utf8').trim().split('\n').length, 4522);
  });

  it("kmodes' default gamma (huang) gives categories a far smaller share than balanced", async () => {
    const r = await runCli(['fit', bank, '--method', 'kprototypes', '-k', '5', '--seed', '3', '--gamma', 'huang', '--out', 'kph.json', '-q'], dir);
    assert.equal(r.code, 0, r.stderr);
    const huang = JSON.parse(readFileSync(join(dir, 'kph.json'), 'utf8')).metrics.categoricalShare;
    const balanced = JSON.parse(readFileSync(join(dir, 'kp.json'), 'utf8')).metrics.categoricalShare;
    assert.ok(huang < balanced, `huang ${huang} vs balanced ${balanced}`);
  });

  it('assign agrees with fit, and predict flags an unseen job instead of encoding it', async () => {
    const a = await runCli(['assign', 'kp.json', bank, '--out', 'again.csv'], dir);
    assert.equal(a.code, 0, a.stderr);
    const seg = (f: string) => readFileSync(join(dir, f), 'utf8').trim().split('\n').slice(1).map((l) => l.split(',')[1]);
    assert.deepEqual(seg('again.csv'), seg('kp.csv'));
    const row = { age: 41, job: 'astronaut', marital: 'married', education: 'tertiary', default: 'no', balance: 1200, housing: 'yes', loan: 'no', contact: 'cellular', day: 5, month: 'may', duration: 200, campaign: 1, pdays: -1, previous: 0, poutcome: 'unknown', y: 'no' };
    writeFileSync(join(dir, 'new.jsonl'), JSON.stringify(row) + '\n');
    const p = await runCli(['predict', 'kp.json', '--rows', 'new.jsonl'], dir);
    assert.equal(p.code, 0, p.stderr);
    const out = JSON.parse(p.stdout);
    assert.ok(out[0].segment >= 0 && out[0].segment < 5);
    assert.deepEqual(out[0].notes, ['job: level "astronaut" was not seen in training (it matches no segment\'s level: a mismatch everywhere).']);
  });

  it('kmodes on the categorical columns only; numbers give a clear error', async () => {
    const cats = 'job,marital,education,contact,month,poutcome';
    const r = await runCli(['fit', bank, '--method', 'kmodes', '-k', '4', '--features', cats, '--seed', '1', '--out', 'km.json', '--json'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(JSON.parse(r.stdout).k, 4);
    const bad = await runCli(['fit', bank, '--method', 'kmodes', '-k', '4', '--out', 'x.json'], dir);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /'kmodes' uses categorical columns only, but "age", "balance"/);
  });

  it('kmedoids on the bank sample: fit, assign agrees, predict names a real customer-like segment', async () => {
    const r = await runCli(['fit', bank, '--method', 'kmedoids', '-k', '4', '--seed', '2', '--out', 'kmed.json', '--assignments', 'kmed.csv', '-q'], dir);
    assert.equal(r.code, 0, r.stderr);
    const model = JSON.parse(readFileSync(join(dir, 'kmed.json'), 'utf8'));
    assert.equal(model.clusterer.method, 'kmedoids');
    assert.equal(model.segments.length, 4);
    const a = await runCli(['assign', 'kmed.json', bank, '--out', 'kmed2.csv'], dir);
    assert.equal(a.code, 0, a.stderr);
    const seg = (f: string) => readFileSync(join(dir, f), 'utf8').trim().split('\n').slice(1).map((l) => l.split(',')[1]);
    assert.deepEqual(seg('kmed2.csv'), seg('kmed.csv'));
    const p = await runCli(['predict', 'kmed.json', '--rows', 'new.jsonl'], dir);
    assert.equal(p.code, 0, p.stderr);
    const out = JSON.parse(p.stdout);
    assert.ok(out[0].segment >= 0 && out[0].segment < 4 && out[0].confidence >= 0 && out[0].confidence <= 1);
    assert.equal(out[0].novel, true); // the unseen job "astronaut"
  });

  it('gmm-style numbers-only methods are unaffected: kmeans still one-hot encodes', async () => {
    const r = await runCli(['fit', bank, '-k', '3', '--seed', '1', '--out', 'kmeans.json', '-q'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.ok(JSON.parse(readFileSync(join(dir, 'kmeans.json'), 'utf8')).pipeline.featureNames.includes('job=admin.'));
  });
});
