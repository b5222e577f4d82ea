/**
 * Quality measures of a trained self-organizing map, as MiniSom defines them (github
 * JustGlowing/minisom: `quantization_error`, `topographic_error`, `distance_map`,
 * `activation_response`): quantization error = mean distance of a row to its best-matching unit;
 * topographic error = share of rows whose two best-matching units are not grid neighbours
 * (Kiviluoto 1996); U-matrix = mean distance of each neuron's vector to its grid neighbours'
 * (Ultsch 1990; MiniSom's `scaling='mean'`, not divided by the maximum); hits = rows per neuron.
 * Row weights make the means and the hits weighted. Assumes validated input.
 * @module
 */
import type { Matrix } from '../math/matrix.js';
import { sqDist } from '../math/distance.js';
import { nearestTwoCenters } from './nearest-center.js';
import { adjacent, gridNeighbours, type SomGrid } from './som-grid.js';

/** Per-row winners and the map's quality measures. */
export interface SomQuality {
  readonly bmu: Int32Array;
  readonly hits: Float64Array;
  readonly quantizationError: number;
  /** 0 on a one-neuron map (no pair of neurons, so no topology to break). */
  readonly topographicError: number;
}

/** Winners, hits, quantization and topographic error of `x` on the map. */
export function somQuality(x: Matrix, codebook: Float64Array, g: SomGrid, weights?: Float64Array): SomQuality {
  const m = g.rows * g.cols;
  const two = nearestTwoCenters(x, { rows: m, cols: x.cols, data: codebook });
  const hits = new Float64Array(m);
  let qe = 0, te = 0, total = 0;
  for (let i = 0; i < x.rows; i++) {
    const w = weights ? weights[i] : 1;
    total += w;
    hits[two.labels[i]] += w;
    qe += w * Math.sqrt(two.sqDist[i]);
    if (m > 1 && !adjacent(g, two.labels[i], two.second[i])) te += w;
  }
  return {
    bmu: two.labels,
    hits,
    quantizationError: total > 0 ? qe / total : 0,
    topographicError: total > 0 ? te / total : 0,
  };
}

/** Mean distance of every neuron's vector to its grid neighbours' vectors (0 for a lone neuron). */
export function uMatrix(codebook: Float64Array, g: SomGrid, d: number): Float64Array {
  const { start, index } = gridNeighbours(g);
  const m = g.rows * g.cols;
  const out = new Float64Array(m);
  for (let k = 0; k < m; k++) {
    let s = 0;
    for (let t = start[k]; t < start[k + 1]; t++) s += Math.sqrt(sqDist(codebook, k * d, codebook, index[t] * d, d));
    const cnt = start[k + 1] - start[k];
    out[k] = cnt > 0 ? s / cnt : 0;
  }
  return out;
}
