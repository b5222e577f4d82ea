import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import * as api from '../src/index.js';

describe('public-api', () => {
  it('exports exactly the reviewed list of names (test/golden/public-api.txt)', () => {
    const names = Object.keys(api).sort().join('\n') + '\n';
    const golden = new URL('./golden/public-api.txt', import.meta.url);
    if (process.env.UPDATE_GOLDEN) writeFileSync(golden, names);
    const expected = readFileSync(golden, 'utf8');
    if (names !== expected) writeFileSync(new URL('./golden/public-api.changed.txt', import.meta.url), names);
    assert.equal(names, expected, 'public API changed: review test/golden/public-api.changed.txt, then run with UPDATE_GOLDEN=1');
  });

  it('fits, saves, loads and predicts through the library in a few lines', async () => {
    const frame = await api.readFrame(api.parseSourceSpec('data/samples/mall_customers.csv'));
    const { model, labels } = await api.fitModel(frame, { options: { nClusters: 4 }, seed: 5 });
    const back = api.parseModel(JSON.stringify(model));
    const p = api.predict(back, frame);
    assert.deepEqual(p.map((x) => x.segment), Array.from(labels));
  });
});
