import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { recommend, RECOMMENDATION_RULE } from '../../src/select/recommend.js';
import type { SelectionRow } from '../../src/select/report.js';

/** A measured row with only what the recommender reads. */
function row(k: number, o: Partial<SelectionRow>): SelectionRow {
  return {
    k, cost: null, silhouette: null, silhouetteStandardError: null, silhouetteSampleSize: null, daviesBouldin: null, calinskiHarabasz: null,
    logW: 0, expectedLogW: null, gap: null, gapStandardError: null, bic: null, icl: null,
    stability: null, stabilitySd: null, stabilityMin: null, stabilityMax: null,
    smallestSegmentSize: 100, smallestSegmentShare: 0.1, eligible: true, warnings: [], seconds: 0, ...o,
  };
}
const opts = { minSegmentShare: 0.01, kneeSensitivity: 1 };
// Cost with a corner at k=4 (see knee.test.ts), gap rule satisfied first at k=4.
const cost = [10, 8, 6, 4, 3.5, 3, 2.5, 2];
const gap = [0.2, 0.4, 0.6, 0.9, 0.85, 0.8, 0.8, 0.79];

describe('select/recommend', () => {
  it('unanimous: every criterion votes k=4', () => {
    const rows = cost.map((c, i) => row(i + 2 - 1, { cost: c, gap: gap[i], gapStandardError: 0.02, silhouette: i === 3 ? 0.7 : 0.4, stability: i === 3 ? 0.99 : 0.8, bic: i === 3 ? 100 : 200 }));
    const r = recommend(rows, opts);
    assert.deepEqual(r.criteria.map((c) => [c.name, c.k]), [['elbow', 4], ['gap', 4], ['silhouette', 4], ['bic', 4], ['stability', 4]]);
    assert.equal(r.recommendation.k, 4);
    assert.equal(r.recommendation.agreement, 'unanimous');
    assert.equal(r.recommendation.rule, RECOMMENDATION_RULE);
    assert.match(r.recommendation.reasons.at(-1)!, /All 5 criteria agree on k=4/);
  });

  it('a split vote goes to the plurality, and the reasons name the dissenters', () => {
    const rows = cost.map((c, i) => row(i + 1, { cost: c, gap: gap[i], gapStandardError: 0.02, silhouette: i === 1 ? 0.8 : 0.4, stability: i === 1 ? 0.95 : 0.7 }));
    const r = recommend(rows, opts);
    assert.deepEqual(r.recommendation.votes, { 2: ['silhouette', 'stability'], 4: ['elbow', 'gap'] });
    // Tie 2 votes each: the higher stability (k=2, 0.95) wins.
    assert.equal(r.recommendation.k, 2);
    assert.equal(r.recommendation.agreement, 'split');
    assert.match(r.recommendation.reasons.at(-1)!, /2 of 4 criteria \(silhouette, stability\) point to k=2; elbow and gap prefer k=4\. The criteria disagree, and k=2 wins the tie on stability \(0\.950 vs 0\.700\)\./);
  });

  it('refuses a k below minSegmentShare for every criterion, and falls back to the best eligible k', () => {
    const rows = cost.map((c, i) =>
      row(i + 1, {
        cost: c, gap: gap[i], gapStandardError: 0.02, silhouette: i === 3 ? 0.9 : i === 2 ? 0.6 : 0.4,
        ...(i === 3 ? { eligible: false, smallestSegmentSize: 3, smallestSegmentShare: 0.003 } : {}),
      }));
    const r = recommend(rows, opts);
    const c = Object.fromEntries(r.criteria.map((x) => [x.name, x]));
    assert.equal(c.elbow.k, null);
    assert.match(c.elbow.reason, /The elbow points to k=4, refused: its smallest segment holds 3 rows \(0\.3%\), below minSegmentShare=1\.0%/);
    assert.equal(c.gap.k, null);
    assert.equal(c.silhouette.k, 3);
    assert.match(c.silhouette.reason, /k=4 scores 0\.900 but is refused/);
    assert.equal(r.recommendation.k, 3);
  });

  it('recommends nothing when every k is refused, saying how to fix it', () => {
    const rows = [2, 3, 4].map((k) => row(k, { cost: 10 - k, silhouette: 0.5, eligible: false, smallestSegmentShare: 0.001, smallestSegmentSize: 1 }));
    const r = recommend(rows, opts);
    assert.equal(r.recommendation.k, null);
    assert.equal(r.recommendation.agreement, 'none');
    assert.match(r.recommendation.reasons.at(-1)!, /Every k in the range has a segment smaller than minSegmentShare=0\.01.*Lower minSegmentShare/);
  });

  it('says when the gap still rises at the top of the range, and when the pick is at the top', () => {
    const rows = [2, 3, 4].map((k, i) => row(k, { cost: [9, 4, 3.5][i], gap: [0.1, 0.5, 0.9][i], gapStandardError: 0.01, silhouette: [0.2, 0.3, 0.5][i] }));
    const r = recommend(rows, opts);
    assert.match(r.criteria.find((c) => c.name === 'gap')!.reason, /still rises at k=4.*widen the range/);
    assert.equal(r.recommendation.k, 4);
    assert.match(r.recommendation.reasons.at(-1)!, /k=4 is the top of the range 2\.\.4/);
  });
});
