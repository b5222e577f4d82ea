/**
 * Self-organizing map (Kohonen, Self-Organizing Maps, 3rd ed., 2001) with segments from a second-
 * stage clustering of its neurons (Vesanto & Alhoniemi 2000): every customer gets a neuron (its
 * best-matching unit) and the segment of that neuron. Online training follows MiniSom's update rule
 * (github JustGlowing/minisom), batch training Kohonen's batch map (as R kohonen); see som-train.ts.
 *
 * Outputs kept in the state: the codebook (its column j is feature j's component plane), hits per
 * neuron, the U-matrix, quantization and topographic error (som-quality.ts).
 * @module
 */
import { z } from 'zod';
import type { Clusterer, ExtraColumn, FitContext, Fitted } from './types.js';
import type { Dataset } from '../data/dataset.js';
import type { Matrix } from '../math/matrix.js';
import { fromRows } from '../math/matrix.js';
import { SegkitError, type SegkitWarning } from '../errors.js';
import { msg } from '../messages.js';
import { sqDist } from '../math/distance.js';
import { checkFitData, checkPredictData } from './check-data.js';
import { nearestCenter } from './nearest-center.js';
import { sqDistSql } from './sql-scores.js';
import { defaultGridSize, type SomGrid, type SomTopology } from './som-grid.js';
import { pcaCodebook, randomCodebook } from './som-init.js';
import { sampleOrder, trainBatch, trainOnline, type SomTrainParams } from './som-train.js';
import { somQuality, uMatrix } from './som-quality.js';
import { segmentNeurons } from './som-segments.js';

/** SOM options; every field has its rule and default in the schema. */
export const somOptionsSchema = z
  .object({
    nClusters: z.number().int().min(1).default(8).describe('Number of segments: groups of neurons formed by the second stage. Default: 8. At most the number of neurons.'),
    rows: z.number().int().min(1).optional().describe(
      'Map rows. Default: from about 5·√n neurons (Vesanto\'s rule, at most n), the sides in the ratio of the spreads of the two first principal components, as SOM Toolbox\'s som_topol_struct; rows is the longer side. Give one of rows/cols to derive the other from that neuron count. rows × cols must not exceed the number of data rows.',
    ),
    cols: z.number().int().min(1).optional().describe('Map columns. Default: see rows.'),
    topology: z.enum(['rectangular', 'hexagonal']).default('rectangular').describe("'rectangular' (8 grid neighbours) or 'hexagonal' (6; even rows shifted by ½, as R kohonen). Default: 'rectangular' (as MiniSom)."),
    neighborhood: z.enum(['gaussian', 'bubble']).default('gaussian').describe("Neighbourhood function on the map: 'gaussian' exp(−d²/2σ²) or 'bubble' (1 inside the box |Δx|, |Δy| < σ, else 0), as MiniSom. Default: 'gaussian'."),
    sigma: z
      .union([z.literal('auto'), z.number().positive()])
      .default('auto')
      .describe("Initial neighbourhood radius σ in grid steps; decays as σ/(1 + t/(T/2)) over the T updates (online) or epochs (batch) (MiniSom's asymptotic_decay). Default: 'auto' = max(1, ⌈max(rows, cols)/8⌉), or ⌈max(rows, cols)/4⌉ with init 'random' (SOM Toolbox's som_train_struct). MiniSom's default is 1, which on the default grid leaves the map badly ordered (topographic error 0.47 vs 0.04 on the telco sample)."),
    learningRate: z.number().positive().default(0.5).describe('Initial learning rate η of online training; decays as η/(1 + t/(T/2)). Default: 0.5 (as MiniSom). Batch training has none.'),
    init: z
      .union([z.enum(['pca', 'random']), z.array(z.array(z.number()))])
      .default('pca')
      .describe("Initial codebook: 'pca' (the plane of the two first principal components, ±1 standard deviation; deterministic), 'random' data rows, or explicit vectors (neurons × features, neuron r·cols + c). Default: 'pca'."),
    training: z.enum(['batch', 'online']).default('batch').describe("'batch' (Kohonen's batch map: each epoch sets every neuron to the neighbourhood-weighted mean of the rows; no learning rate, and the result does not depend on row order) or 'online' (one row per update, MiniSom's rule). Default: 'batch'."),
    epochs: z.number().int().min(1).default(20).describe('Batch training: number of passes over the data. Default: 20.'),
    iterations: z.number().int().min(1).optional().describe("Online training: number of updates T. Default: max(500 × neurons, n) (Kohonen's rule of at least 500 steps per neuron, and every row at least once)."),
    order: z.enum(['random', 'cyclic']).default('random').describe("Online training: 'random' (seeded shuffle of the rows, each used equally often; with row weights, draws ∝ weight) or 'cyclic' (rows 0, 1, 2, …, as MiniSom without random_order). Default: 'random'."),
    secondStage: z.enum(['kmeans']).default('kmeans').describe("How neurons become segments: 'kmeans' on the codebook, neurons weighted by hits. Default: 'kmeans'."),
    kmeansNInit: z.number().int().min(1).default(10).describe('Second stage: k-means++ restarts. Default: 10.'),
  })
  .strict();

/** Options for the SOM (all optional; see the schema for defaults). */
export type SomOptions = z.input<typeof somOptionsSchema>;
/** Fully defaulted options, as `fit` receives them. */
export type SomParams = z.output<typeof somOptionsSchema>;

/** What the SOM learns: plain data. Neuron k sits at grid row ⌊k / cols⌋, column k mod cols. */
export interface SomState {
  readonly rows: number;
  readonly cols: number;
  readonly topology: SomTopology;
  readonly nFeatures: number;
  /** neurons × nFeatures; column j over the grid is feature j's component plane. */
  readonly codebook: number[][];
  /** Segment of each neuron (second stage). */
  readonly neuronSegment: number[];
  readonly nClusters: number;
  /** Training rows won by each neuron (weighted when rows have weights). */
  readonly hits: number[];
  /** Mean distance of each neuron's vector to its grid neighbours' (high = a border between groups). */
  readonly uMatrix: number[];
  /** Mean distance of a training row to its best-matching unit. */
  readonly quantizationError: number;
  /** Share of training rows whose two best-matching units are not grid neighbours. */
  readonly topographicError: number;
  readonly training: 'batch' | 'online';
  readonly secondStage: 'kmeans';
}

/** The self-organizing map clusterer. */
export const somClusterer: Clusterer<SomParams, SomState> = {
  name: 'som',
  schema: somOptionsSchema,
  fit: (data, options, ctx) => fitSom(data, options, ctx),
  predict(state, data) {
    checkPredictData(data, state.nFeatures, 'som');
    const bmu = nearestCenter(data.numeric, codebookMatrix(state));
    return Int32Array.from(bmu, (k) => state.neuronSegment[k]);
  },
  /** Distance of each row to each segment: to the segment's nearest neuron. */
  distances(state, data) {
    checkPredictData(data, state.nFeatures, 'som');
    const x = data.numeric, cb = codebookMatrix(state), k = state.nClusters, d = x.cols;
    const out = new Float64Array(x.rows * k).fill(Infinity);
    for (let i = 0; i < x.rows; i++)
      for (let j = 0; j < cb.rows; j++) {
        const s = sqDist(x.data, i * d, cb.data, j * d, d);
        const o = i * k + state.neuronSegment[j];
        if (s < out[o]) out[o] = s;
      }
    for (let t = 0; t < out.length; t++) out[t] = Math.sqrt(out[t]);
    return { rows: x.rows, cols: k, data: out };
  },
  sqlScores(state, input, d) {
    const exprs = Array.from({ length: state.nClusters }, (_, s) => {
      const parts = state.codebook.flatMap((w, j) => (state.neuronSegment[j] === s ? [sqDistSql(input.features, w, d)] : []));
      if (parts.length === 0) return d.num(Infinity);
      return parts.length === 1 ? parts[0] : `LEAST(${parts.join(', ')})`;
    });
    return { kind: 'distance', exprs, reported: 'sqrt' };
  },
  extraColumns(state, data): ExtraColumn[] {
    checkPredictData(data, state.nFeatures, 'som');
    const dist = new Float64Array(data.numeric.rows);
    const bmu = nearestCenter(data.numeric, codebookMatrix(state), undefined, dist);
    for (let i = 0; i < dist.length; i++) dist[i] = Math.sqrt(dist[i]);
    return [
      { name: 'neuron', kind: 'int', values: bmu, description: `Best-matching neuron of the ${state.rows} × ${state.cols} map, numbered row by row: neuron = row × ${state.cols} + column.` },
      { name: 'neuron_distance', kind: 'float', values: dist, description: 'Euclidean distance to the best-matching neuron (in the scaled feature space).' },
    ];
  },
  nClusters: (state) => state.nClusters,
};

/** Codebook of a SOM state as a Matrix (neurons × features). */
export function codebookMatrix(state: SomState): Matrix {
  return fromRows(state.codebook);
}

async function fitSom(data: Dataset, o: SomParams, ctx: FitContext): Promise<Fitted<SomState>> {
  if (ctx.signal?.aborted) throw new SegkitError('E_ABORTED', msg.aborted('SOM training'));
  checkFitData(data, o.nClusters, 'som');
  const x = data.numeric, n = x.rows, d = x.cols;
  const grid = resolveGrid(x, o, data.weights);
  const m = grid.rows * grid.cols;
  if (m > n) throw new SegkitError('E_OPTION', msg.somGridTooLarge(grid.rows, grid.cols, n), { field: o.rows === undefined && o.cols !== undefined ? 'cols' : 'rows' });
  if (o.nClusters > m) throw new SegkitError('E_OPTION', msg.somTooManyClusters(o.nClusters, m), { field: 'nClusters' });
  if (o.training === 'online' && o.order === 'cyclic' && data.weights) throw new SegkitError('E_OPTION', msg.somCyclicWeights(), { field: 'order' });

  const warnings: SegkitWarning[] = [];
  const sub: FitContext = { ...ctx, rng: ctx.rng.fork(2), warn: (code, message) => (warnings.push({ code, message }), ctx.warn(code, message)) };
  const codebook = Array.isArray(o.init) ? explicitCodebook(o.init, m, d)
    : o.init === 'pca' ? pcaCodebook(x, grid, data.weights) : randomCodebook(x, grid, ctx.rng.fork(0), data.weights);

  const params: SomTrainParams = {
    grid, neighborhood: o.neighborhood, sigma: o.sigma === 'auto' ? autoSigma(grid, o.init) : o.sigma, learningRate: o.learningRate,
    stop: (done, total) => {
      ctx.onProgress?.({ step: `SOM ${o.training} training`, done, total });
      return ctx.signal?.aborted === true;
    },
  };
  let nIter: number;
  if (o.training === 'online') {
    nIter = o.iterations ?? Math.max(500 * m, n);
    trainOnline(x, codebook, sampleOrder(n, nIter, o.order, ctx.rng.fork(1), data.weights), params);
  } else {
    nIter = o.epochs;
    await trainBatch(x, codebook, nIter, params, data.weights);
  }
  if (ctx.signal?.aborted) throw new SegkitError('E_ABORTED', msg.aborted('SOM training'));

  const q = somQuality(x, codebook, grid, data.weights);
  const u = uMatrix(codebook, grid, d);
  const neuronSegment = await segmentNeurons(o.secondStage, { codebook: { rows: m, cols: d, data: codebook }, hits: q.hits, nClusters: o.nClusters, nInit: o.kmeansNInit }, sub);
  const labels = Int32Array.from(q.bmu, (k) => neuronSegment[k]);
  const state: SomState = {
    rows: grid.rows, cols: grid.cols, topology: grid.topology, nFeatures: d,
    codebook: Array.from({ length: m }, (_, k) => Array.from(codebook.subarray(k * d, k * d + d))),
    neuronSegment: Array.from(neuronSegment), nClusters: o.nClusters,
    hits: Array.from(q.hits), uMatrix: Array.from(u),
    quantizationError: q.quantizationError, topographicError: q.topographicError,
    training: o.training, secondStage: o.secondStage,
  };
  return {
    state, labels, warnings,
    diagnostics: { quantizationError: q.quantizationError, topographicError: q.topographicError, neurons: m, rows: grid.rows, cols: grid.cols, nIter },
  };
}

/** Grid from the options: both sides given, one side given (the other from the default neuron count), or the default. */
function resolveGrid(x: Matrix, o: SomParams, weights?: Float64Array): SomGrid {
  const topology = o.topology;
  if (o.rows !== undefined && o.cols !== undefined) return { rows: o.rows, cols: o.cols, topology };
  if (o.rows === undefined && o.cols === undefined) return { ...defaultGridSize(x, topology, weights), topology };
  const units = Math.max(1, Math.min(x.rows, Math.ceil(5 * Math.sqrt(x.rows))));
  const other = (side: number) => Math.max(1, Math.round(units / side));
  return o.rows !== undefined ? { rows: o.rows, cols: other(o.rows), topology } : { rows: other(o.cols!), cols: o.cols!, topology };
}

/** SOM Toolbox's initial radius (som_train_struct): an eighth of the longer side after a linear (PCA) init, a quarter after a random one. */
function autoSigma(g: SomGrid, init: SomParams['init']): number {
  return Math.max(1, Math.ceil(Math.max(g.rows, g.cols) / (init === 'random' ? 4 : 8)));
}

function explicitCodebook(init: number[][], m: number, d: number): Float64Array {
  if (init.length !== m || init.some((r) => r.length !== d))
    throw new SegkitError('E_OPTION', msg.optionInvalid('init', 'som', `a ${m} × ${d} codebook (neurons × features)`, `${init.length} × ${init[0]?.length ?? 0}`), { field: 'init' });
  const out = new Float64Array(m * d);
  init.forEach((r, k) => out.set(r, k * d));
  for (let i = 0; i < out.length; i++)
    if (!Number.isFinite(out[i])) throw new SegkitError('E_OPTION', msg.optionInvalid('init', 'som', 'finite numbers', out[i]), { field: 'init' });
  return out;
}
