import { describe, it } from 'node:test';
import { readFrame } from '../../src/data/read-frame.js';
import { parseSourceSpec } from '../../src/data/source-spec.js';
import { fitModel } from '../../src/model/fit-model.js';
import { predict } from '../../src/model/predict.js';
import { frameFromRecords } from '../../src/data/frame.js';
import { expectGolden } from '../golden.js';

describe('model/golden', () => {
  it('writes the reviewed model file for the mall sample (k=5, seed 42)', async () => {
    const frame = await readFrame(parseSourceSpec('data/samples/mall_customers.csv'));
    const { model } = await fitModel(frame, { options: { nClusters: 5 }, seed: 42 });
    expectGolden('model', 'mall-k5-seed42.json', model);
  });
  it('predicts the reviewed segments, distances and notes for new telco-like rows', async () => {
    const frame = await readFrame(parseSourceSpec('data/samples/bank.csv'));
    const { model } = await fitModel(frame, { options: { nClusters: 4 }, seed: 1 });
    const rows = frameFromRecords([
      { age: 35, job: 'management', marital: 'married', education: 'tertiary', default: 'no', balance: 1500, housing: 'yes', loan: 'no', contact: 'cellular', day: 5, month: 'may', duration: 200, campaign: 1, pdays: -1, previous: 0, poutcome: 'unknown', y: 'no' },
      { age: 70, job: 'astronaut', marital: 'single', education: 'primary', default: 'no', balance: -200, housing: 'no', loan: 'yes', contact: 'telephone', day: 20, month: 'dec', duration: 900, campaign: 3, pdays: 90, previous: 2, poutcome: 'success', y: 'yes' },
    ]);
    expectGolden('model', 'bank-k4-predict.json', predict(model, rows));
  });
});
