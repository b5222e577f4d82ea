/**
 * Similar-customer queries over an exact index: 1M customers × 20 features (the size the issue names),
 * top 5, Euclidean and cosine, all segments and within one of 8 segments. Reports build time, memory
 * and the median and p99 of 50 queries. Usage: npm run bench -- similar [--quick]
 */
import { createRng } from '../src/math/rng.js';
import { findSimilar, type SimilarityIndex } from '../src/model/similar.js';

export async function benchSimilar(quick: boolean): Promise<string> {
  const rows = quick ? 200_000 : 1_000_000, dims = 20, rng = createRng(1);
  const t0 = performance.now();
  const vectors = new Float32Array(rows * dims);
  for (let i = 0; i < vectors.length; i++) vectors[i] = rng.normal();
  const norms = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    let s = 0;
    for (let j = 0; j < dims; j++) s += vectors[i * dims + j] ** 2;
    norms[i] = Math.sqrt(s);
  }
  const index: SimilarityIndex = { ids: Array.from({ length: rows }, (_, i) => String(i)), rows, dims, vectors, norms, labels: Int32Array.from({ length: rows }, () => rng.int(8)) };
  const buildMs = performance.now() - t0;
  const out = ['| index | query | median (ms) | p99 (ms) |', '|---|---|---:|---:|'];
  for (const [name, o] of [['euclidean, all segments', { metric: 'euclidean' }], ['cosine, all segments', { metric: 'cosine' }], ['euclidean, same segment', { metric: 'euclidean', segment: 3 }]] as const) {
    const times: number[] = [];
    for (let q = 0; q < 50; q++) {
      const query = Array.from({ length: dims }, () => rng.normal());
      const t = performance.now();
      findSimilar(index, query, { top: 5, ...o });
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    out.push(`| ${rows.toLocaleString('en-US')} × ${dims} | ${name} | ${times[25].toFixed(1)} | ${times[49].toFixed(1)} |`);
  }
  out.push('', `Index memory ${(vectors.byteLength / 2 ** 20).toFixed(0)} MB of Float32 vectors (+ ${(norms.byteLength / 2 ** 20).toFixed(0)} MB norms); filled in ${buildMs.toFixed(0)} ms (random data; from a table, reading and the pipeline dominate).`);
  return out.join('\n');
}
