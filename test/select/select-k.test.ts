import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import { selectK } from '../../src/select/select-k.js';
import { parseKRange } from '../../src/select/k-range.js';
import { datasetFromMatrix, type Dataset } from '../../src/data/dataset.js';
import { createRng } from '../../src/math/rng.js';
import type { Clusterer } from '../../src/cluster/types.js';
import type { Progress } from '../../src/cluster/types.js';
import { expectSegkitError } from '../helpers/expect.js';
import { execFileSync } from 'node:child_process';

/** n rows around the given centers with N(0, sd²) noise, cycling through the centers. */
function blobs(n: number, centers: number[][], sd: number, seed: number): Dataset {
  const rng = createRng(seed);
  const d = centers[0].length;
  const x = new Float64Array(n * d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) x[i * d + j] = centers[i % centers.length][j] + sd * rng.normal();
  return datasetFromMatrix({ rows: n, cols: d, data: x });
}

const five4d = [[0, 0, 0, 0], [10, 0, 0, 0], [0, 10, 0, 0], [0, 0, 10, 0], [0, 0, 0, 10]];
const strip = (r: any) => JSON.parse(JSON.stringify(r, (k, v) => (k === 'seconds' ? undefined : v)));

describe('select/selectK with k-means', () => {
  it('finds the true k = 5 on well-separated blobs: gap, elbow, silhouette and stability agree', async () => {
    const r = await selectK(blobs(500, five4d, 1, 1), { kRange: [2, 9], gapReferences: 10, bootstrap: 6, seed: 3 });
    const by = Object.fromEntries(r.criteria.map((c) => [c.name, c.k]));
    assert.deepEqual(by, { elbow: 5, gap: 5, silhouette: 5, stability: 5 });
    assert.equal(r.recommendation.k, 5);
    assert.equal(r.recommendation.agreement, 'unanimous');
    assert.equal(r.perK.length, 8);
    assert.equal(r.costName, 'inertia');
    const k5 = r.perK.find((p) => p.k === 5)!;
    assert.equal(k5.smallestSegmentSize, 100);
    assert.equal(k5.stability, 1);
    assert.equal(k5.silhouetteStandardError, 0); // 500 rows: exact
    assert.ok(r.perK.every((p) => p.gap !== null && p.gapStandardError! > 0));
  });

  it('finds the true k = 3 with the bounding-box reference too, and k = 1 in the range', async () => {
    const r = await selectK(blobs(300, [[0, 0], [8, 0], [4, 7]], 0.8, 2), { kRange: [1, 6], spaceH0: 'original', gapReferences: 8, bootstrap: 0, seed: 5 });
    assert.equal(r.criteria.find((c) => c.name === 'gap')!.k, 3);
    assert.equal(r.recommendation.k, 3);
    const k1 = r.perK[0];
    assert.equal(k1.silhouette, null);
    assert.equal(k1.stability, null);
    assert.equal(k1.smallestSegmentShare, 1);
  });

  it('is deterministic for a seed, and records the seed it drew when none is given', async () => {
    const d = blobs(200, five4d, 2, 4);
    const o = { kRange: [2, 5] as [number, number], gapReferences: 3, bootstrap: 3, seed: 11 };
    assert.deepEqual(strip(await selectK(d, o)), strip(await selectK(d, o)));
    const drawn = await selectK(d, { ...o, seed: undefined });
    assert.ok(Number.isInteger(drawn.seed));
    assert.deepEqual(strip(await selectK(d, { ...o, seed: drawn.seed })), strip(drawn));
  });

  it('refuses k whose smallest segment is below minSegmentShare and says why', async () => {
    // Three blobs of 100 rows and two far outliers: k = 4 puts the outliers in a segment of 2 rows (0.66%).
    const base = blobs(300, [[0, 0], [10, 0], [5, 9]], 0.5, 6);
    const x = new Float64Array(302 * 2);
    x.set(base.numeric.data);
    x.set([60, 60, 60.5, 60.2], 600);
    const d = datasetFromMatrix({ rows: 302, cols: 2, data: x });
    const r = await selectK(d, { kRange: [2, 6], gapReferences: 5, bootstrap: 0, seed: 1, minSegmentShare: 0.01 });
    const k4 = r.perK.find((p) => p.k === 4)!;
    assert.equal(k4.smallestSegmentSize, 2);
    assert.equal(k4.eligible, false);
    assert.notEqual(r.recommendation.k, 4);
    assert.ok(r.criteria.some((c) => /refused/.test(c.reason)), JSON.stringify(r.criteria));
    const loose = await selectK(d, { kRange: [2, 6], gapReferences: 5, bootstrap: 0, seed: 1, minSegmentShare: 0 });
    assert.equal(loose.perK.find((p) => p.k === 4)!.eligible, true);
  });

  it('reports progress across the whole grid, one step per fit, ending at the total', async () => {
    const seen: Progress[] = [];
    await selectK(blobs(120, five4d, 1, 7), { kRange: [2, 4], gapReferences: 2, bootstrap: 3, seed: 1, onProgress: (p) => seen.push(p) });
    assert.equal(seen.length, 3 * (1 + 2 + 3));
    seen.forEach((p, i) => assert.equal(p.done, i + 1));
    assert.ok(seen.every((p) => p.total === 18));
  });

  it('leaves gap and stability columns null when switched off, and still recommends', async () => {
    const r = await selectK(blobs(200, five4d, 1, 8), { kRange: [2, 7], gapReferences: 0, bootstrap: 0, seed: 1 });
    assert.ok(r.perK.every((p) => p.gap === null && p.stability === null));
    assert.deepEqual(r.criteria.map((c) => c.name), ['elbow', 'silhouette']);
    assert.equal(r.recommendation.k, 5);
  });

  it('uses the stratified silhouette sample with its standard error above 10,000 rows', async () => {
    const r = await selectK(blobs(12000, five4d.map((c) => c.slice(0, 2)), 1.5, 9), { kRange: [2, 3], gapReferences: 0, bootstrap: 0, seed: 1 });
    for (const p of r.perK) {
      assert.ok(p.silhouetteSampleSize! < 12000 && p.silhouetteSampleSize! >= 5000);
      assert.ok(p.silhouetteStandardError! > 0 && p.silhouetteStandardError! < 0.01);
    }
  });

  it('gives the same report with one worker as with the worker pool (30,000 × 10 rows)', () => {
    const child = new URL('./select-child.ts', import.meta.url).pathname;
    const run = (workers: string) =>
      execFileSync(process.execPath, ['--import', 'tsx', child], { encoding: 'utf8', env: { ...process.env, SEGKIT_WORKERS: workers }, timeout: 600_000 });
    assert.equal(run('1'), run('2'));
  });

  it('reports the report as plain JSON (survives a round trip unchanged)', async () => {
    const r = await selectK(blobs(100, five4d, 1, 1), { kRange: [2, 4], gapReferences: 2, bootstrap: 2, seed: 1 });
    assert.deepEqual(JSON.parse(JSON.stringify(r)), r);
    assert.equal(r.format, 'segkit-selection');
  });
});

describe('select/selectK bad input', () => {
  const d = blobs(30, five4d, 1, 1);
  it('a single k, an empty or reversed range, or k = 0 → E_OPTION naming the range', async () => {
    for (const kRange of [[2, 2], [5, 3], [0, 4]] as [number, number][]) {
      const e = await expectSegkitError(() => selectK(d, { kRange, seed: 1 }), 'E_OPTION', new RegExp(`${kRange[0]}\\.\\.${kRange[1]}`));
      assert.equal(e.where.field, 'kRange');
    }
    await expectSegkitError(() => selectK(d, { kRange: [2, 2] }), 'E_OPTION', /a single k leaves nothing to choose; use 'segkit fit -k 2'/);
  });

  it('a range beyond the rows → E_TOO_FEW_ROWS naming the range and the row count', async () => {
    await expectSegkitError(() => selectK(d, { kRange: [2, 30] }), 'E_TOO_FEW_ROWS',
      'The k range 2..30 asks for up to 30 segments, but the data has only 30 rows. Use a range with max ≤ 29.');
  });

  it('a range beyond the distinct rows → E_TOO_FEW_ROWS naming both', async () => {
    const x = new Float64Array(40 * 2);
    for (let i = 0; i < 40; i++) x[2 * i] = i % 3;
    await expectSegkitError(() => selectK(datasetFromMatrix({ rows: 40, cols: 2, data: x }), { kRange: [2, 5] }), 'E_TOO_FEW_ROWS',
      'The k range 2..5 asks for up to 5 segments, but the data has only 3 distinct rows. Use a range with max ≤ 3.');
  });

  it('a method without nClusters → E_OPTION pointing to its own parameters', async () => {
    // A real (if simple) clusterer with no k: splits rows at a threshold on the first feature.
    const schema = z.object({ threshold: z.number().default(0) }).strict();
    const split: Clusterer<z.output<typeof schema>, { threshold: number }> = {
      name: 'threshold-split', schema,
      async fit(data, o) {
        const labels = Int32Array.from({ length: data.numeric.rows }, (_, i) => (data.numeric.data[i * data.numeric.cols] > o.threshold ? 1 : 0));
        return { state: { threshold: o.threshold }, labels, diagnostics: {}, warnings: [] };
      },
      predict: (s, data) => Int32Array.from({ length: data.numeric.rows }, (_, i) => (data.numeric.data[i * data.numeric.cols] > s.threshold ? 1 : 0)),
      nClusters: () => 2,
    };
    const e = await expectSegkitError(() => selectK(d, { method: split, kRange: [2, 4] }), 'E_OPTION',
      "Method 'threshold-split' does not take a number of segments (it has no 'nClusters' option), so there is no k to choose. Tune its own parameters instead: 'threshold' (see 'segkit fit --method threshold-split --help').");
    assert.equal(e.where.field, 'method');
  });

  it('an unknown method, bad method options, or bad selection options → E_OPTION naming the field', async () => {
    await expectSegkitError(() => selectK(d, { method: 'nonesuch', kRange: [2, 4] }), 'E_OPTION', /Unknown method 'nonesuch'/);
    const e = await expectSegkitError(() => selectK(d, { kRange: [2, 4], options: { maxIter: 0 } }), 'E_OPTION');
    assert.equal(e.where.field, 'maxIter');
    for (const bad of [{ gapReferences: 1 }, { bootstrap: 1 }, { minSegmentShare: 2 }, { spaceH0: 'pca' }] as const) {
      const e2 = await expectSegkitError(() => selectK(d, { kRange: [2, 4], ...(bad as any) }), 'E_OPTION');
      assert.equal(e2.where.field, Object.keys(bad)[0]);
    }
    await expectSegkitError(() => selectK(d, { kRange: [2, 4], nonsense: 1 } as any), 'E_UNKNOWN_OPTION');
  });

  it('an aborted signal stops the grid with E_ABORTED', async () => {
    const ac = new AbortController();
    ac.abort();
    await expectSegkitError(() => selectK(d, { kRange: [2, 4], signal: ac.signal }), 'E_ABORTED');
  });
});

describe('select/k-range parsing', () => {
  it("parses 'min..max' and 'min-max'", () => {
    assert.deepEqual(parseKRange('2..12'), [2, 12]);
    assert.deepEqual(parseKRange(' 3 - 7 '), [3, 7]);
  });
  it('rejects malformed text and single k with E_OPTION quoting the value', async () => {
    for (const t of ['2..x', '5', '2...4', '-1..3', '2.5..4', '']) await expectSegkitError(() => parseKRange(t, '-k'), 'E_OPTION', /must look like 'min\.\.max'/);
    const e = await expectSegkitError(() => parseKRange('4..4', '-k'), 'E_OPTION', /4\.\.4/);
    assert.equal(e.where.field, '-k');
  });
});
