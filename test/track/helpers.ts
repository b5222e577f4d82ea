/** Small real models for the store tests: k-means fitted on a tiny frame with known groups. */
import type { Frame } from '../../src/data/frame.js';
import { fitModel } from '../../src/model/fit-model.js';
import type { SegmentationModel } from '../../src/model/artifact.js';

/** `n` customers c1…cn around `k` well-separated points on two numeric columns. */
export function blobFrame(n: number, k: number, shift = 0, withCategory = false): Frame {
  const x = new Float64Array(n), y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const g = i % k;
    x[i] = g * 10 + ((i * 7919) % 13) / 13 + shift;
    y[i] = (g % 2) * 10 + ((i * 104729) % 17) / 17;
  }
  return {
    source: 'blobs',
    rows: n,
    columns: [
      { name: 'customer_id', kind: 'id', values: Array.from({ length: n }, (_, i) => `c${i + 1}`) },
      { name: 'x', kind: 'numeric', values: x },
      { name: 'y', kind: 'numeric', values: y },
      // A category that follows the group, with every seventh customer in the next group's level.
      ...(withCategory ? [{ name: 'plan', kind: 'categorical', values: Array.from({ length: n }, (_, i) => `p${(i % k + (i % 7 === 0 ? 1 : 0)) % k}`) }] : []),
    ],
  } as Frame;
}

/** A k-means model of {@link blobFrame}. */
export async function blobModel(n = 60, k = 3, seed = 1, method = 'kmeans'): Promise<SegmentationModel> {
  return (await fitModel(blobFrame(n, k, 0, method === 'kprototypes' || method === 'kmodes'), { method, options: { nClusters: k }, idColumn: 'customer_id', seed })).model;
}
