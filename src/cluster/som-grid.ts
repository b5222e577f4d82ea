/**
 * The map of a self-organizing map: neuron positions on a rectangular or hexagonal grid, their grid
 * neighbours, and the default map size. Neurons are numbered row-major: neuron `r * cols + c`.
 *
 * Hexagonal layout as R kohonen's `somgrid` (Wehrens & Kruisselbrink, J. Stat. Softw. 87(7), 2018):
 * even rows (0-based) are shifted right by ½ and rows are √3/2 apart, so the six neighbours of a
 * neuron all lie at distance 1. Default size: Vesanto's 5·√n rule, shaped as SOM Toolbox's
 * `som_topol_struct` (Vesanto et al., SOM Toolbox for Matlab 5, 2000).
 * @module
 */
import type { Matrix } from '../math/matrix.js';
import { symmetricEigen } from '../select/symmetric-eigen.js';

export type SomTopology = 'rectangular' | 'hexagonal';

/** Grid shape and topology. */
export interface SomGrid {
  readonly rows: number;
  readonly cols: number;
  readonly topology: SomTopology;
}

const HEX_ROW_HEIGHT = Math.sqrt(3) / 2;

/** Map positions of every neuron: x (along a row) and y (across rows). */
export function neuronPositions(g: SomGrid): { x: Float64Array; y: Float64Array } {
  const m = g.rows * g.cols;
  const x = new Float64Array(m), y = new Float64Array(m);
  const hex = g.topology === 'hexagonal';
  for (let r = 0; r < g.rows; r++)
    for (let c = 0; c < g.cols; c++) {
      const k = r * g.cols + c;
      x[k] = hex && r % 2 === 0 ? c + 0.5 : c;
      y[k] = hex ? r * HEX_ROW_HEIGHT : r;
    }
  return { x, y };
}

/**
 * Grid neighbours of every neuron, as CSR offsets into `index`: the 8 surrounding neurons on a
 * rectangular grid (MiniSom's `distance_map` and `topographic_error` count diagonals as adjacent),
 * the 6 at distance 1 on a hexagonal grid. Used by the U-matrix and the topographic error.
 */
export function gridNeighbours(g: SomGrid): { start: Int32Array; index: Int32Array } {
  const m = g.rows * g.cols;
  const start = new Int32Array(m + 1);
  const index: number[] = [];
  for (let r = 0; r < g.rows; r++)
    for (let c = 0; c < g.cols; c++) {
      const k = r * g.cols + c;
      start[k] = index.length;
      for (let dr = -1; dr <= 1; dr++)
        for (let dc = -1; dc <= 1; dc++) {
          if (dr === 0 && dc === 0) continue;
          // Hexagonal: a shifted (even) row touches c and c+1 of the rows beside it, an odd row c-1 and c.
          if (g.topology === 'hexagonal' && dr !== 0 && dc !== (r % 2 === 0 ? 1 : -1) && dc !== 0) continue;
          const rr = r + dr, cc = c + dc;
          if (rr >= 0 && rr < g.rows && cc >= 0 && cc < g.cols) index.push(rr * g.cols + cc);
        }
    }
  start[m] = index.length;
  return { start, index: Int32Array.from(index) };
}

/** Whether neurons `a` and `b` are grid neighbours (see {@link gridNeighbours}). */
export function adjacent(g: SomGrid, a: number, b: number): boolean {
  const ra = Math.floor(a / g.cols), ca = a - ra * g.cols;
  const rb = Math.floor(b / g.cols), cb = b - rb * g.cols;
  const dr = rb - ra, dc = cb - ca;
  if (a === b || Math.abs(dr) > 1 || Math.abs(dc) > 1) return false;
  if (g.topology === 'rectangular' || dr === 0) return true;
  return dc === 0 || dc === (ra % 2 === 0 ? 1 : -1);
}

/**
 * Default grid for `n` rows: about 5·√n neurons (Vesanto's rule, capped at n), with side lengths in
 * the ratio of the spreads (square roots of the two largest eigenvalues of the covariance) of the
 * data, as SOM Toolbox's `som_topol_struct` does; a hexagonal grid gets √(4/3) more rows because its
 * rows are √3/2 apart. The longer side is `rows`.
 */
export function defaultGridSize(x: Matrix, topology: SomTopology, weights?: Float64Array): { rows: number; cols: number } {
  const units = Math.max(1, Math.min(x.rows, Math.ceil(5 * Math.sqrt(x.rows))));
  const [l1, l2] = topEigenvalues(x, weights);
  // som_topol_struct: a flat second direction (or none) gives a square map.
  const ratio = l1 === 0 || l2 * units < l1 ? 1 : Math.sqrt(l1 / l2);
  const squeeze = topology === 'hexagonal' ? Math.sqrt(0.75) : 1;
  let cols = Math.max(1, Math.min(units, Math.round(Math.sqrt((units / ratio) * squeeze))));
  let rows = Math.max(1, Math.round(units / cols));
  while (rows * cols > x.rows && rows > 1) rows--; // rounding may pass n on tiny data
  if (rows < cols) [rows, cols] = [cols, rows];
  return { rows, cols };
}

/** The two largest eigenvalues of the covariance of `x` (0 where the data has fewer dimensions). */
export function topEigenvalues(x: Matrix, weights?: Float64Array): [number, number] {
  const { cov, d } = covariance(x, weights);
  const v = symmetricEigen(cov, d).values;
  return [Math.max(0, v[0] ?? 0), Math.max(0, v[1] ?? 0)];
}

/** Column means and covariance matrix (divided by the total weight) of `x`; weights absent = all 1. */
export function covariance(x: Matrix, weights?: Float64Array): { mean: Float64Array; cov: Float64Array; d: number } {
  const n = x.rows, d = x.cols, a = x.data;
  const mean = new Float64Array(d);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const w = weights ? weights[i] : 1;
    total += w;
    for (let j = 0; j < d; j++) mean[j] += w * a[i * d + j];
  }
  for (let j = 0; j < d; j++) mean[j] /= total;
  const cov = new Float64Array(d * d);
  const t = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    const w = weights ? weights[i] : 1;
    for (let j = 0; j < d; j++) t[j] = a[i * d + j] - mean[j];
    for (let j = 0; j < d; j++) {
      const tj = w * t[j];
      for (let k = j; k < d; k++) cov[j * d + k] += tj * t[k];
    }
  }
  for (let j = 0; j < d; j++)
    for (let k = j; k < d; k++) {
      cov[j * d + k] /= total;
      cov[k * d + j] = cov[j * d + k];
    }
  return { mean, cov, d };
}
