/**
 * One segkit K-Prototypes / K-Modes fit in its own process; prints JSON with the median time of 3
 * fits (after a JIT warm-up on a slice), the cost, epochs and peak RSS.
 * Args: <bench json> <method> <init: explicit|cao|huang> <gamma> <nInit>
 */
import { kmodesClusterer } from '../../src/cluster/kmodes.js';
import { kprototypesClusterer } from '../../src/cluster/kprototypes.js';
import { createFitContext } from '../../src/cluster/types.js';
import { createRng } from '../../src/math/rng.js';
import { readFileSync } from 'node:fs';
import type { Dataset } from '../../src/data/dataset.js';
import { readMixed, type MixedBench } from '../mixed-data.js';

const [benchJson, method, init, gamma, nInit] = process.argv.slice(2);
const b: MixedBench = JSON.parse(benchJson);
const { num, cat, levels } = readMixed(b);
const nNum = method === 'kmodes' ? 0 : b.nNum;
const n = b.rows;
const data: Dataset = {
  numeric: { rows: n, cols: nNum, data: nNum ? num : new Float64Array(0) },
  featureNames: Array.from({ length: nNum }, (_, j) => `n${j}`),
  categorical: { rows: n, cols: b.nCat, data: cat, names: Array.from({ length: b.nCat }, (_, j) => `c${j}`), levels: levels.map((l) => Array.from({ length: l }, (_, v) => String(v))) },
};
const clusterer = method === 'kmodes' ? kmodesClusterer : kprototypesClusterer;
const explicit = JSON.parse(readFileSync(b.initFile, 'utf8'));
const initOpt = init === 'explicit' ? (method === 'kmodes' ? { modes: explicit.modes } : explicit) : init;
const params = clusterer.schema.parse({ nClusters: b.k, init: initOpt, nInit: nInit === 'auto' ? 'auto' : +nInit, ...(method === 'kprototypes' ? { gamma: Number.isNaN(+gamma) ? gamma : +gamma } : {}) });
const warmRows = Math.min(5000, n);
const warm: Dataset = {
  ...data,
  numeric: { rows: warmRows, cols: nNum, data: data.numeric.data.subarray(0, warmRows * nNum) },
  categorical: { ...data.categorical!, rows: warmRows, data: cat.subarray(0, warmRows * b.nCat) },
};
await clusterer.fit(warm, { ...params, maxIter: 3 }, createFitContext(createRng(9), []));
const times: number[] = [];
let last: any;
for (let r = 0; r < 3; r++) {
  const t = performance.now();
  last = await clusterer.fit(data, params, createFitContext(createRng(r + 1), []));
  times.push((performance.now() - t) / 1000);
}
times.sort((a, b) => a - b);
console.log(JSON.stringify({ seconds: times[1], cost: last.diagnostics.cost, nIter: last.diagnostics.nIter, gamma: last.diagnostics.gamma, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
