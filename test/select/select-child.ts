/** Runs one selectK in a child process (so SEGKIT_WORKERS takes effect) and prints the report without timings. */
import { selectK } from '../../src/select/select-k.js';
import { createRng } from '../../src/math/rng.js';

// 30,000 × 10 rows around 7 centers: n·d·k ≥ 2M, so the k-means kernels use the worker pool when it exists.
const n = 30000, d = 10, rng = createRng(12);
const centers = Array.from({ length: 7 }, () => Array.from({ length: d }, () => rng.float() * 20 - 10));
const x = new Float64Array(new SharedArrayBuffer(n * d * 8));
for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) x[i * d + j] = centers[i % 7][j] + 3 * rng.normal();
const r = await selectK({ numeric: { rows: n, cols: d, data: x }, featureNames: [] }, { kRange: [6, 8], gapReferences: 2, bootstrap: 2, seed: 4 });
console.log(JSON.stringify(r, (k, v) => (k === 'seconds' ? undefined : v)));
