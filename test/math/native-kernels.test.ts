import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { nativeKernels, kernelInfo } from '../../src/math/native-kernels.js';
import { TS_KERNEL_OPS, CHUNK_ROWS } from '../../src/cluster/kmeans-kernels.js';
import { createRng } from '../../src/math/rng.js';
import { nearestTwoCenters, nearestTwoScalar } from '../../src/cluster/nearest-center.js';

// The native build must exist where scripts/test.sh runs (it sets SEGKIT_REQUIRE_NATIVE); elsewhere
// (a platform without a compiler) these tests are skipped and the TypeScript kernels are the path.
const native = nativeKernels();
const skip = native ? false : process.env.SEGKIT_REQUIRE_NATIVE ? false : `native kernels absent: ${kernelInfo()}`;

function randomArray(rng: ReturnType<typeof createRng>, n: number, scale = 10): Float64Array {
  return Float64Array.from({ length: n }, () => (rng.float() - 0.5) * scale);
}

/** Runs one op on both kernel sets over copies of the mutable arrays; returns both results. */
function both(op: 'assign' | 'accumulate' | 'kppScore', args: Record<string, any>, mutable: string[], chunks: number) {
  const run = (ops: Record<string, (a: any, c: number) => void>) => {
    const a = { ...args };
    for (const m of mutable) a[m] = args[m].slice();
    for (let c = 0; c < chunks; c++) ops[op](a, c);
    return Object.fromEntries(mutable.map((m) => [m, a[m]]));
  };
  const n = native!;
  const nativeOps: Record<string, (a: any, c: number) => void> = {
    assign: (a, c) => n.assign(a.x, a.d, a.k, a.centers, a.half, a.labels, a.upper, a.lower, a.plain, c * CHUNK_ROWS, Math.min(a.n, (c + 1) * CHUNK_ROWS)),
    accumulate: (a, c) => n.accumulate(a.x, a.d, a.k, a.labels, a.w ?? null, c, a.n, a.out, CHUNK_ROWS),
    kppScore: (a, c) => n.kppScore(a.x, a.d, a.k, a.n, a.closest, a.nearest, a.ids, a.gap, a.nTrials, a.w ?? null, a.cand, a.pots, c, CHUNK_ROWS),
  };
  return { ts: run(TS_KERNEL_OPS), native: run(nativeOps) };
}

describe('math/native-kernels', { skip }, () => {
  it('reports the instruction set it dispatches to', () => {
    assert.match(kernelInfo(), /^native C\+\+ \((avx512|avx2|x86-64|generic)\)$/);
  });

  it('assign: bit-identical labels and bounds to the TypeScript kernel (plain and Hamerly passes, any d and k)', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 1, max: 13 }), fc.integer({ min: 1, max: 20 }), fc.boolean(), fc.integer(), (n, d, k, plain, seed) => {
      const rng = createRng(seed >>> 0);
      const x = randomArray(rng, n * d), centers = randomArray(rng, k * d);
      const half = Float64Array.from({ length: k }, () => rng.float() * 2);
      const labels = Int32Array.from({ length: n }, () => (plain ? -1 : rng.int(k)));
      const upper = Float64Array.from({ length: n }, () => rng.float() * 8);
      const lower = Float64Array.from({ length: n }, () => rng.float() * 8);
      const r = both('assign', { x, d, k, n, centers, half, labels, upper, lower, plain }, ['labels', 'upper', 'lower'], Math.ceil(n / CHUNK_ROWS));
      assert.deepEqual(r.native, r.ts);
    }), { numRuns: 150 });
  });

  it('accumulate: bit-identical per-chunk sums, with and without weights, over several chunks', () => {
    const rng = createRng(7);
    const n = CHUNK_ROWS * 2 + 123, d = 7, k = 5;
    const x = randomArray(rng, n * d);
    const labels = Int32Array.from({ length: n }, () => rng.int(k));
    for (const w of [null, Float64Array.from({ length: n }, () => rng.float() * 3)]) {
      const chunks = 3;
      const out = new Float64Array(chunks * (k * d + k));
      const r = both('accumulate', { x, d, k, n, labels, w, out }, ['out'], chunks);
      assert.deepEqual(r.native, r.ts);
    }
  });

  it('kppScore: bit-identical candidate distances and potentials, with pruning', () => {
    fc.assert(fc.property(fc.integer({ min: 2, max: 400 }), fc.integer({ min: 1, max: 11 }), fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 7 }), fc.boolean(), fc.integer(), (n, d, k, nTrials, weighted, seed) => {
      const rng = createRng(seed >>> 0);
      const x = randomArray(rng, n * d);
      const closest = Float64Array.from({ length: n }, () => rng.float() * 30);
      const nearest = Int32Array.from({ length: n }, () => rng.int(k));
      const ids = Int32Array.from({ length: nTrials }, () => rng.int(n));
      // Some gaps below and some above the closest distances, so both branches of the pruning run.
      const gap = Float64Array.from({ length: nTrials * k }, () => rng.float() * 40);
      const w = weighted ? Float64Array.from({ length: n }, () => rng.float()) : null;
      const cand = new Float64Array(nTrials * n), pots = new Float64Array(nTrials);
      const r = both('kppScore', { x, d, k, n, closest, nearest, ids, gap, nTrials, w, cand, pots }, ['cand', 'pots'], 1);
      assert.deepEqual(r.native, r.ts);
    }), { numRuns: 150 });
  });

  it('nearestTwo: bit-identical nearest and runner-up centers and squared distances, one center included', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 1, max: 13 }), fc.integer({ min: 1, max: 12 }), fc.integer(), (n, d, k, seed) => {
      const rng = createRng(seed >>> 0);
      const x = { rows: n, cols: d, data: randomArray(rng, n * d) };
      const centers = { rows: k, cols: d, data: randomArray(rng, k * d) };
      assert.deepEqual(nearestTwoCenters(x, centers), nearestTwoScalar(x, centers));
    }), { numRuns: 150 });
  });

  it('a k-means fit gives the same labels and inertia with SEGKIT_KERNELS=ts as natively (2 workers)', () => {
    const src = new URL('../../src', import.meta.url).href;
    const script = `
      const { kmeansClusterer } = await import('${src}/cluster/kmeans.ts');
      const { datasetFromMatrix } = await import('${src}/data/dataset.ts');
      const { createFitContext } = await import('${src}/cluster/types.ts');
      const { createRng } = await import('${src}/math/rng.ts');
      const { kernelInfo } = await import('${src}/math/native-kernels.ts');
      const rng = createRng(3); const n = 60000, d = 6;
      const data = new Float64Array(new SharedArrayBuffer(n * d * 8));
      for (let i = 0; i < n * d; i++) data[i] = rng.normal() + (i % 5) * 3;
      const f = await kmeansClusterer.fit(datasetFromMatrix({ rows: n, cols: d, data }), kmeansClusterer.schema.parse({ nClusters: 7, nInit: 2 }), createFitContext(createRng(1), []));
      let h = 0; for (const l of f.labels) h = (h * 31 + l) | 0;
      console.log(JSON.stringify({ kernels: kernelInfo(), inertia: f.diagnostics.inertia, h }));
      process.exit(0);`;
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'segkit-native-')), 'fit.mts');
    writeFileSync(file, script);
    const run = (env: Record<string, string>) => {
      const r = spawnSync(process.execPath, ['--import', 'tsx', file], { env: { ...process.env, ...env }, encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
      return JSON.parse(r.stdout.trim().split('\n').at(-1)!);
    };
    const ts = run({ SEGKIT_KERNELS: 'ts' }), nat = run({});
    assert.match(ts.kernels, /^TypeScript/);
    assert.match(nat.kernels, /^native/);
    assert.equal(nat.inertia, ts.inertia);
    assert.equal(nat.h, ts.h);
  });
});
