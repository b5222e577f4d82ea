/**
 * A small dense autoencoder trained in process on the CPU, for `autoencoder-kmeans`: the seeds train
 * a Keras autoencoder and cluster its bottleneck. Why our own (about 200 lines) instead of a library:
 * TensorFlow.js for Node needs a native binary downloaded at install time (not allowed here) and its
 * pure-JS backend is slow; brain.js has no bottleneck output and no seeded init. A customer table
 * gives a few dozen features, so plain typed-array loops over mini-batches are fast enough.
 *
 *   d ──dense + ReLU──> hidden ──dense──> bottleneck ──dense + ReLU──> hidden ──dense──> d
 *
 * Loss: mean squared reconstruction error. Optimiser: Adam (Kingma & Ba 2015; lr 1e-3, β 0.9/0.999,
 * ε 1e-8, as Keras). Weights: Glorot-uniform (Keras' default), biases 0, from the seeded RNG; mini-
 * batches in a seeded shuffle each epoch; early stopping on a seeded validation split keeps the best
 * epoch's weights (Keras' EarlyStopping with restore_best_weights). Same seed → same weights.
 * @module
 */
import type { Matrix } from '../math/matrix.js';
import type { Rng } from '../math/rng.js';

/** One dense layer: out = act(in · W + b), W is in × out row-major. */
export interface DenseLayer { readonly inputs: number; readonly outputs: number; readonly w: Float64Array; readonly b: Float64Array; readonly relu: boolean }

/** The trained encoder (what predict needs) and the training record. */
export interface AutoencoderFit {
  readonly encoder: DenseLayer[];
  /** Training and validation reconstruction error (MSE) per epoch. */
  readonly history: { train: number; validation: number }[];
  readonly bestEpoch: number;
}

export interface AutoencoderOptions {
  hidden: number;
  bottleneck: number;
  epochs: number;
  batchSize: number;
  learningRate: number;
  validationShare: number;
  patience: number;
}

function glorot(inputs: number, outputs: number, relu: boolean, rng: Rng): DenseLayer {
  const limit = Math.sqrt(6 / (inputs + outputs));
  return { inputs, outputs, w: Float64Array.from({ length: inputs * outputs }, () => (rng.float() * 2 - 1) * limit), b: new Float64Array(outputs), relu };
}

/** Forward pass of `rows` rows through a layer: out (rows × outputs). */
function forward(l: DenseLayer, x: Float64Array, rows: number, out: Float64Array): void {
  const { inputs: n, outputs: m, w, b } = l;
  for (let r = 0; r < rows; r++) {
    const xo = r * n, oo = r * m;
    for (let j = 0; j < m; j++) out[oo + j] = b[j];
    for (let i = 0; i < n; i++) {
      const v = x[xo + i];
      if (v === 0) continue;
      const wo = i * m;
      for (let j = 0; j < m; j++) out[oo + j] += v * w[wo + j];
    }
    if (l.relu) for (let j = 0; j < m; j++) if (out[oo + j] < 0) out[oo + j] = 0;
  }
}

/** The bottleneck of every row of `x` through a trained encoder. */
export function encode(encoder: readonly DenseLayer[], x: Matrix): Matrix {
  let cur = x.data, width = x.cols;
  for (const l of encoder) {
    const out = new Float64Array(x.rows * l.outputs);
    forward(l, cur, x.rows, out);
    (cur = out), (width = l.outputs);
  }
  const shared = new Float64Array(new SharedArrayBuffer(cur.length * 8));
  shared.set(cur);
  return { rows: x.rows, cols: width, data: shared };
}

/** Adam state of one parameter array. */
class Adam {
  private readonly m: Float64Array;
  private readonly v: Float64Array;
  constructor(size: number) {
    this.m = new Float64Array(size);
    this.v = new Float64Array(size);
  }
  step(p: Float64Array, g: Float64Array, lr: number, t: number): void {
    const b1 = 0.9, b2 = 0.999, eps = 1e-8;
    const c1 = 1 - b1 ** t, c2 = 1 - b2 ** t;
    for (let i = 0; i < p.length; i++) {
      this.m[i] = b1 * this.m[i] + (1 - b1) * g[i];
      this.v[i] = b2 * this.v[i] + (1 - b2) * g[i] * g[i];
      p[i] -= (lr * (this.m[i] / c1)) / (Math.sqrt(this.v[i] / c2) + eps);
    }
  }
}

/** Mean squared reconstruction error of the rows `idx`. */
function reconstructionError(layers: DenseLayer[], x: Matrix, idx: Int32Array): number {
  if (idx.length === 0) return NaN;
  const d = x.cols, chunk = 1024;
  let sum = 0;
  const acts = layers.map((l) => new Float64Array(chunk * l.outputs));
  const input = new Float64Array(chunk * d);
  for (let s = 0; s < idx.length; s += chunk) {
    const rows = Math.min(chunk, idx.length - s);
    for (let r = 0; r < rows; r++) input.set(x.data.subarray(idx[s + r] * d, idx[s + r] * d + d), r * d);
    let cur = input;
    layers.forEach((l, k) => (forward(l, cur, rows, acts[k]), (cur = acts[k])));
    for (let t = 0; t < rows * d; t++) sum += (cur[t] - input[t]) ** 2;
  }
  return sum / (idx.length * d);
}

/**
 * Trains the autoencoder on the rows of `x`; calls `onEpoch` after each epoch.
 * Assumes validated options (bottleneck < d, batchSize ≥ 1) and finite data.
 */
export function trainAutoencoder(x: Matrix, o: AutoencoderOptions, rng: Rng, onEpoch?: (epoch: number, train: number, validation: number) => void, signal?: AbortSignal): AutoencoderFit {
  const d = x.cols, n = x.rows;
  const init = rng.fork(1), order = rng.fork(2);
  const layers = [glorot(d, o.hidden, true, init), glorot(o.hidden, o.bottleneck, false, init), glorot(o.bottleneck, o.hidden, true, init), glorot(o.hidden, d, false, init)];
  const optim = layers.flatMap((l) => [new Adam(l.w.length), new Adam(l.b.length)]);
  // Validation split: a seeded sample, at least one row when there are at least 10.
  const perm = rng.fork(3).shuffle(Int32Array.from({ length: n }, (_, i) => i));
  const nVal = n >= 10 ? Math.max(1, Math.round(n * o.validationShare)) : 0;
  const val = perm.slice(0, nVal), train = perm.slice(nVal);
  const B = Math.min(o.batchSize, train.length);
  const acts = layers.map((l) => new Float64Array(B * l.outputs));
  const deltas = layers.map((l) => new Float64Array(B * l.outputs));
  const gw = layers.map((l) => new Float64Array(l.w.length)), gb = layers.map((l) => new Float64Array(l.b.length));
  const input = new Float64Array(B * d);
  const history: { train: number; validation: number }[] = [];
  let best = { loss: Infinity, epoch: -1, weights: layers.map((l) => [l.w.slice(), l.b.slice()]) };
  let t = 0;
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    if (signal?.aborted) break;
    const idx = order.shuffle(train.slice());
    let sum = 0;
    for (let s = 0; s < idx.length; s += B) {
      const rows = Math.min(B, idx.length - s);
      for (let r = 0; r < rows; r++) input.set(x.data.subarray(idx[s + r] * d, idx[s + r] * d + d), r * d);
      let cur = input;
      layers.forEach((l, k) => (forward(l, cur, rows, acts[k]), (cur = acts[k])));
      // d(MSE)/d(output) = 2 (ŷ − y) / (rows · d), the mean over the batch and the features as Keras.
      const out = acts[3], dOut = deltas[3];
      for (let q = 0; q < rows * d; q++) {
        const e = out[q] - input[q];
        sum += e * e;
        dOut[q] = (2 * e) / (rows * d);
      }
      for (let k = 3; k >= 0; k--) {
        const l = layers[k], prev = k === 0 ? input : acts[k - 1], delta = deltas[k];
        const m = l.outputs, p = l.inputs;
        gw[k].fill(0);
        gb[k].fill(0);
        for (let r = 0; r < rows; r++) {
          for (let j = 0; j < m; j++) gb[k][j] += delta[r * m + j];
          for (let i = 0; i < p; i++) {
            const a = prev[r * p + i];
            if (a === 0) continue;
            const wo = i * m;
            for (let j = 0; j < m; j++) gw[k][wo + j] += a * delta[r * m + j];
          }
        }
        if (k > 0) {
          // Back through W, then through the previous layer's ReLU.
          const dPrev = deltas[k - 1], relu = layers[k - 1].relu;
          for (let r = 0; r < rows; r++)
            for (let i = 0; i < p; i++) {
              let s2 = 0;
              const wo = i * m;
              for (let j = 0; j < m; j++) s2 += l.w[wo + j] * delta[r * m + j];
              dPrev[r * p + i] = relu && prev[r * p + i] <= 0 ? 0 : s2;
            }
        }
      }
      t++;
      layers.forEach((l, k) => (optim[2 * k].step(l.w, gw[k], o.learningRate, t), optim[2 * k + 1].step(l.b, gb[k], o.learningRate, t)));
    }
    const trainLoss = sum / (idx.length * d);
    const valLoss = nVal > 0 ? reconstructionError(layers, x, val) : trainLoss;
    history.push({ train: trainLoss, validation: valLoss });
    onEpoch?.(epoch + 1, trainLoss, valLoss);
    if (valLoss < best.loss) best = { loss: valLoss, epoch, weights: layers.map((l) => [l.w.slice(), l.b.slice()]) };
    else if (epoch - best.epoch >= o.patience) break;
  }
  // Restore the best epoch's weights.
  layers.forEach((l, k) => (l.w.set(best.weights[k][0]), l.b.set(best.weights[k][1])));
  return { encoder: layers.slice(0, 2), history, bestEpoch: best.epoch + 1 };
}
