/** Shared helpers of the k-medoids tests. */
import type { Dataset } from '../../src/data/dataset.js';
import { kmedoidsClusterer } from '../../src/cluster/kmedoids.js';
import { createFitContext } from '../../src/cluster/types.js';
import { createRng } from '../../src/math/rng.js';
import { parseOptions } from '../../src/options.js';
import type { SegkitWarning } from '../../src/errors.js';

/** A dataset from plain rows: numbers and, optionally, level codes. */
export function dataset(num: number[][], cat?: number[][], levels?: string[][]): Dataset {
  const n = num.length, d = num[0]?.length ?? 0;
  const base = { numeric: { rows: n, cols: d, data: Float64Array.from(num.flat()) }, featureNames: Array.from({ length: d }, (_, j) => `x${j}`) };
  if (!cat) return base;
  const m = cat[0].length;
  return {
    ...base,
    categorical: {
      rows: n, cols: m, data: Int32Array.from(cat.flat()), names: Array.from({ length: m }, (_, j) => `c${j}`),
      levels: levels ?? Array.from({ length: m }, (_, j) => Array.from({ length: 1 + Math.max(...cat.map((r) => r[j])) }, (_, v) => `l${v}`)),
    },
  };
}

/** Fits k-medoids with raw options (validated as at the edge), collecting warnings. */
export async function fitKMedoids(data: Dataset, opts: Record<string, unknown>, seed = 0) {
  const warnings: SegkitWarning[] = [];
  const f = await kmedoidsClusterer.fit(data, parseOptions(kmedoidsClusterer.schema, opts, 'kmedoids'), createFitContext(createRng(seed), warnings));
  return { ...f, warnings };
}
