import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { marginConfidence, scoresFromDistances, scoresFromPosteriors } from '../../src/model/confidence.js';
import { learnNovelty, noveltyReasons } from '../../src/model/novelty.js';
import type { Frame } from '../../src/data/frame.js';

describe('model/confidence', () => {
  it('is 1 on the center, 0 halfway, 1 − d₁/d₂ between, 1 with a single segment', () => {
    assert.equal(marginConfidence(0, 2), 1);
    assert.equal(marginConfidence(1, 1), 0);
    assert.equal(marginConfidence(1, 4), 0.75);
    assert.equal(marginConfidence(3, Infinity), 1);
    assert.equal(marginConfidence(0, 0), 0);
  });

  it('is in [0, 1] and grows with the margin for a fixed runner-up distance (property)', () => {
    fc.assert(fc.property(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.double({ min: 0, max: 1e6, noNaN: true }), fc.double({ min: 0, max: 1e6, noNaN: true }), (a, b, d2) => {
      const [d1, d1b] = [Math.min(a, d2), Math.min(b, d2)];
      const c1 = marginConfidence(d1, d2), c2 = marginConfidence(d1b, d2);
      assert.ok(c1 >= 0 && c1 <= 1);
      if (d2 - d1 > d2 - d1b) assert.ok(c1 >= c2);
    }));
  });

  it('takes the runner-up from distances, and the largest posterior from posteriors', () => {
    const dm = { rows: 2, cols: 3, data: Float64Array.of(1, 4, 2, 5, 3, 3.5) };
    const s = scoresFromDistances(dm, Int32Array.of(0, 1));
    assert.deepEqual(Array.from(s.runnerUp), [2, 2]);
    assert.deepEqual(Array.from(s.distance), [1, 3]);
    assert.deepEqual(Array.from(s.confidence), [0.5, 1 - 3 / 3.5]);
    const p = scoresFromPosteriors({ rows: 1, cols: 3, data: Float64Array.of(0.2, 0.7, 0.1) }, Int32Array.of(1));
    assert.equal(p.confidence[0], 0.7);
    assert.equal(p.runnerUp[0], 0);
  });
});

describe('model/novelty', () => {
  const frame = (values: number[]): Frame => ({ source: 't', rows: values.length, columns: [{ name: 'spend', kind: 'numeric', values: Float64Array.from(values) }] });
  const train = frame(Array.from({ length: 100 }, (_, i) => i)); // range [0, 99]
  const labels = new Int32Array(100);
  const distance = Float64Array.from({ length: 100 }, (_, i) => i / 100);
  const rules = learnNovelty(train, [{ name: 'spend', kind: 'numeric' }], labels, distance, 1);

  it('learns the training range and the 99th percentile of distances per segment', () => {
    assert.deepEqual(rules.ranges.spend, { kind: 'numeric', min: 0, max: 99 });
    assert.ok(Math.abs(rules.distanceP99[0]! - 0.9801) < 1e-12); // numpy.percentile(arange(100)/100, 99)
  });

  it('flags values beyond 10% of the span outside the range, far distances and unseen levels', () => {
    const x = frame([50, 105, 115, -12]);
    const r = noveltyReasons(rules, x, new Int32Array(4), Float64Array.of(0.5, 0.5, 0.5, 2), [{ row: 1, column: 'plan', kind: 'unseen-level', value: 'gold' }], () => 'Segment 1');
    assert.deepEqual(r[0], ['unseen level "gold" in plan']);
    assert.deepEqual(r[1], []); // 105 < 99 + 9.9
    assert.deepEqual(r[2], ['spend = 115 is far outside the training range [0, 99]']);
    assert.equal(r[3].length, 2);
    assert.match(r[3][1], /distance 2 to Segment 1 is beyond the 99th percentile/);
  });
});
