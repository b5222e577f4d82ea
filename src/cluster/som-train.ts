/**
 * Training kernels of a self-organizing map (Kohonen, Self-Organizing Maps, 3rd ed., 2001).
 *
 * Online: MiniSom's update rule (github JustGlowing/minisom, `MiniSom.update` and `_gaussian` /
 * `_bubble`): at step t of T, with η(t) = η₀ / (1 + t/(T/2)) and σ(t) = σ₀ / (1 + t/(T/2))
 * (`asymptotic_decay`), every neuron k moves by h·(x − w_k), h = (hx·hy)·η(t), where for the
 * Gaussian hx = exp(−Δx²/(2σ²)), hy = exp(−Δy²/(2σ²)) of the map-position differences to the
 * winner, and for the bubble hx = [x_win − σ < x < x_win + σ] (same for y).
 *
 * Batch: Kohonen's batch map (as R kohonen's `batch-supersom.cpp`): each epoch finds every row's
 * winner, then sets each neuron to the h-weighted mean of the rows, h as above with σ(e) for epoch e
 * of E (no learning rate). Sums are gathered per winner first, so an epoch costs at most n·M·d + M²·d.
 * Kernels trust their input.
 * @module
 */
import type { Matrix } from '../math/matrix.js';
import { sqDist } from '../math/distance.js';
import { createRunner } from './kernel-runner.js';
import { chunkCount } from './kmeans-kernels.js';
import { sharedF64, sharedI32 } from '../math/pool.js';
import { neuronPositions, type SomGrid } from './som-grid.js';
import { weightedDraw } from './som-init.js';
import { NEAR_MAX_NEURONS, NearPrevious } from './som-winners.js';
import type { Rng } from '../math/rng.js';

export type SomNeighborhood = 'gaussian' | 'bubble';

/** What the kernels need besides data and codebook. */
export interface SomTrainParams {
  readonly grid: SomGrid;
  readonly neighborhood: SomNeighborhood;
  readonly sigma: number;
  readonly learningRate: number;
  /** Checked every `CHECK_EVERY` steps (online) or every epoch (batch); true stops training. */
  readonly stop?: (done: number, total: number) => boolean;
}

const CHECK_EVERY = 4096;

/** MiniSom's `asymptotic_decay`: the value at step t of T, falling to a third at the end. */
export function asymptoticDecay(x0: number, t: number, T: number): number {
  return x0 / (1 + t / (T / 2));
}

/**
 * Neighbourhood weights h(k) of every neuron around `win` at radius `sigma`, as separable factors:
 * h(k) = colFactor[(row parity)·cols + col] · rowFactor[row]. Hexagonal rows differ in x by parity only.
 */
class Neighbourhood {
  private readonly px: Float64Array;
  private readonly py: Float64Array;
  readonly rowF: Float64Array;
  readonly colF: Float64Array;
  constructor(private readonly g: SomGrid, private readonly kind: SomNeighborhood) {
    const p = neuronPositions(g);
    this.px = p.x;
    this.py = p.y;
    this.rowF = new Float64Array(g.rows);
    this.colF = new Float64Array(2 * g.cols);
  }
  /** Fills the factors for winner `win` and radius `sigma`. */
  set(win: number, sigma: number): void {
    const { g, px, py, rowF, colF } = this;
    const wx = px[win], wy = py[win];
    const parities = g.topology === 'hexagonal' && g.rows > 1 ? 2 : 1;
    if (this.kind === 'gaussian') {
      const d = 2 * sigma * sigma;
      for (let r = 0; r < g.rows; r++) {
        const dy = py[r * g.cols] - wy;
        rowF[r] = Math.exp(-(dy * dy) / d);
      }
      for (let p = 0; p < parities; p++)
        for (let c = 0; c < g.cols; c++) {
          const dx = px[p * g.cols + c] - wx;
          colF[p * g.cols + c] = Math.exp(-(dx * dx) / d);
        }
    } else {
      for (let r = 0; r < g.rows; r++) {
        const y = py[r * g.cols];
        rowF[r] = y > wy - sigma && y < wy + sigma ? 1 : 0;
      }
      for (let p = 0; p < parities; p++)
        for (let c = 0; c < g.cols; c++) {
          const x = px[p * g.cols + c];
          colF[p * g.cols + c] = x > wx - sigma && x < wx + sigma ? 1 : 0;
        }
    }
    if (parities === 1) colF.copyWithin(g.cols, 0, g.cols);
  }
}

/** Online training over the row indices `order` (one update per entry); updates `codebook` in place. */
export function trainOnline(x: Matrix, codebook: Float64Array, order: Int32Array, p: SomTrainParams): void {
  const { grid: g } = p;
  const d = x.cols, m = g.rows * g.cols, T = order.length, xd = x.data;
  const nb = new Neighbourhood(g, p.neighborhood);
  for (let t = 0; t < T; t++) {
    if (t % CHECK_EVERY === 0 && p.stop?.(t, T)) return;
    const xo = order[t] * d;
    let win = 0, best = Infinity;
    for (let k = 0; k < m; k++) {
      const s = sqDist(xd, xo, codebook, k * d, d);
      if (s < best) (best = s), (win = k);
    }
    const eta = asymptoticDecay(p.learningRate, t, T);
    nb.set(win, asymptoticDecay(p.sigma, t, T));
    const { rowF, colF } = nb;
    for (let r = 0; r < g.rows; r++) {
      const fr = rowF[r];
      if (fr === 0) continue; // h = 0: the neuron does not move (skipping is exact)
      const cOff = (r & 1) * g.cols;
      for (let c = 0; c < g.cols; c++) {
        const h = colF[cOff + c] * fr * eta;
        if (h === 0) continue;
        const wo = (r * g.cols + c) * d;
        for (let j = 0; j < d; j++) codebook[wo + j] += h * (xd[xo + j] - codebook[wo + j]);
      }
    }
  }
}

/**
 * Batch training for `epochs` epochs; updates `codebook` in place. Row weights scale each row's
 * pull. A neuron whose neighbourhood holds no row keeps its vector (as kohonen). The per-winner
 * sums, and the first epoch's winner search, are k-means' kernels (kmeans-kernels.ts: on the
 * worker pool for large shared data, bit-identical either way); later epochs search from each
 * row's previous winner ({@link NearPrevious}). Hamerly's bounds carried across epochs pruned
 * nothing: every neuron moves each epoch (bench/RESULTS.md).
 */
export async function trainBatch(x: Matrix, codebook: Float64Array, epochs: number, p: SomTrainParams, weights?: Float64Array): Promise<void> {
  const { grid: g } = p;
  const n = x.rows, d = x.cols, m = g.rows * g.cols;
  const runner = createRunner(x.data, n, d, m);
  const w = weights ? (weights.buffer instanceof SharedArrayBuffer ? weights : sharedF64(n, weights)) : null;
  const centers = sharedF64(m * d, codebook);
  const labels = sharedI32(n).fill(-1);
  // The kernel also writes the distances to the best and second-best neuron (unused here).
  const upper = sharedF64(n), lower = sharedF64(n), half = sharedF64(m);
  const partial = sharedF64(chunkCount(n) * (m * d + m));
  const sums = new Float64Array(m * d), mass = new Float64Array(m);
  const num = new Float64Array(m * d), den = new Float64Array(m);
  const nb = new Neighbourhood(g, p.neighborhood);
  const near = m <= NEAR_MAX_NEURONS ? new NearPrevious(m, d) : null;
  for (let e = 0; e < epochs; e++) {
    if (p.stop?.(e, epochs)) break;
    if (e > 0 && near) near.update(x, codebook, labels);
    else await runner.run('assign', { x: x.data, d, k: m, n, centers, half, labels, upper, lower, plain: true }, n);
    await runner.run('accumulate', { x: x.data, d, k: m, n, labels, w, out: partial }, n);
    sums.fill(0);
    mass.fill(0);
    const stride = m * d + m;
    for (let c = 0, chunks = chunkCount(n); c < chunks; c++) {
      const base = c * stride;
      for (let t = 0; t < m * d; t++) sums[t] += partial[base + t];
      for (let t = 0; t < m; t++) mass[t] += partial[base + m * d + t];
    }
    // Each neuron k becomes Σ_j h(k, j)·sums_j / Σ_j h(k, j)·mass_j over the winners j, one winner at
    // a time (its neighbourhood from the separable factors): O(M²·d), no M × M matrix.
    const sigma = asymptoticDecay(p.sigma, e, epochs);
    num.fill(0);
    den.fill(0);
    for (let j = 0; j < m; j++) {
      if (mass[j] === 0) continue;
      nb.set(j, sigma);
      const { rowF, colF } = nb;
      for (let r = 0; r < g.rows; r++) {
        const fr = rowF[r];
        if (fr === 0) continue;
        const cOff = (r & 1) * g.cols;
        for (let c = 0; c < g.cols; c++) {
          const h = colF[cOff + c] * fr;
          if (h === 0) continue;
          const k = r * g.cols + c;
          den[k] += h * mass[j];
          for (let t = 0; t < d; t++) num[k * d + t] += h * sums[j * d + t];
        }
      }
    }
    for (let k = 0; k < m; k++) if (den[k] > 0) for (let t = 0; t < d; t++) codebook[k * d + t] = num[k * d + t] / den[k];
    centers.set(codebook);
  }
}

/**
 * Row indices of the T online steps. 'cyclic': 0, 1, …, n−1, 0, 1, … (MiniSom's `train` without
 * random_order). 'random': that same sequence shuffled with the seeded RNG, so every row is used
 * ⌊T/n⌋ or ⌈T/n⌉ times (MiniSom's `random_order=True`); with row weights, T independent draws
 * with probability ∝ weight.
 */
export function sampleOrder(n: number, T: number, kind: 'random' | 'cyclic', rng: Rng, weights?: Float64Array): Int32Array {
  const order = new Int32Array(T);
  if (kind === 'random' && weights) {
    const draw = weightedDraw(weights);
    for (let t = 0; t < T; t++) order[t] = draw(rng.float());
    return order;
  }
  for (let t = 0; t < T; t++) order[t] = t % n;
  return kind === 'random' ? rng.shuffle(order) : order;
}
