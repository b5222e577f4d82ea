/**
 * Autoencoder + k-means (the seeds' Keras recipe): a dense autoencoder learns to compress the scaled
 * features through a small bottleneck (embed/autoencoder.ts), then k-means segments the bottleneck
 * codes. The encoder's weights go into the model file, so predict encodes new customers the same way.
 * @module
 */
import { z } from 'zod';
import type { Clusterer, FitContext } from './types.js';
import type { Dataset } from '../data/dataset.js';
import { datasetFromMatrix } from '../data/dataset.js';
import { takeRows } from '../math/matrix.js';
import { kmeansClusterer, type KMeansState } from './kmeans.js';
import { encode, trainAutoencoder, type DenseLayer } from '../embed/autoencoder.js';
import { checkFitData, checkPredictData } from './check-data.js';
import { perStateAndRows } from './memo.js';
import { SegkitError, type SegkitWarning } from '../errors.js';
import { msg } from '../messages.js';

export const autoencoderKmeansOptionsSchema = z
  .object({
    nClusters: z.number().int().min(1).default(5).describe('Number of segments (k-means on the bottleneck). Default: 5.'),
    bottleneck: z.number().int().min(1).nullable().default(null).describe('Size of the code layer; must be below the number of features. Default: null = min(8, half the features), at least 1.'),
    hidden: z.number().int().min(1).default(32).describe('Units of the hidden layer on each side of the bottleneck (ReLU). Default: 32.'),
    epochs: z.number().int().min(1).default(50).describe('Training passes at most (early stopping may end sooner). Default: 50.'),
    batchSize: z.number().int().min(1).default(256).describe('Rows per gradient step. Default: 256.'),
    learningRate: z.number().positive().default(0.001).describe('Adam learning rate. Default: 0.001 (Keras).'),
    validationShare: z.number().min(0).max(0.5).default(0.1).describe('Share of rows held out to watch the reconstruction error for early stopping. Default: 0.1.'),
    patience: z.number().int().min(1).default(5).describe('Epochs without a better validation error before training stops (the best epoch is kept). Default: 5.'),
    nInit: z.number().int().min(1).default(10).describe('k-means restarts on the codes (k-means++). Default: 10.'),
  })
  .strict();

export type AutoencoderKmeansOptions = z.input<typeof autoencoderKmeansOptionsSchema>;
export type AutoencoderKmeansParams = z.output<typeof autoencoderKmeansOptionsSchema>;

/** The encoder half and the k-means on its codes. */
export interface AutoencoderKmeansState {
  readonly nFeatures: number;
  readonly encoder: DenseLayer[];
  readonly segments: KMeansState;
  /** Reconstruction error per epoch (training, validation). */
  readonly history: { train: number; validation: number }[];
}

function codes(state: AutoencoderKmeansState, data: Dataset) {
  checkPredictData(data, state.nFeatures, 'autoencoder-kmeans');
  return perStateAndRows(state, data.numeric.data, () => encode(state.encoder, data.numeric));
}

/** The autoencoder + k-means clusterer. */
export const autoencoderKmeansClusterer: Clusterer<AutoencoderKmeansParams, AutoencoderKmeansState> = {
  name: 'autoencoder-kmeans',
  schema: autoencoderKmeansOptionsSchema,
  async fit(data, o, ctx) {
    checkFitData(data, o.nClusters, 'autoencoder-kmeans');
    const d = data.numeric.cols;
    const bottleneck = o.bottleneck ?? Math.max(1, Math.min(8, Math.floor(d / 2)));
    if (bottleneck >= d) throw new SegkitError('E_OPTION', msg.bottleneckTooWide(bottleneck, d), { field: 'bottleneck' });
    if (ctx.signal?.aborted) throw new SegkitError('E_ABORTED', msg.aborted('The autoencoder-kmeans fit'));
    const warnings: SegkitWarning[] = [];
    const ae = trainAutoencoder(data.numeric, { ...o, bottleneck }, ctx.rng.fork(1), (epoch, train, validation) =>
      ctx.onProgress?.({ step: `autoencoder epoch ${epoch} (reconstruction error ${train.toPrecision(3)}, validation ${validation.toPrecision(3)})`, done: epoch, total: o.epochs }), ctx.signal);
    if (ctx.signal?.aborted) throw new SegkitError('E_ABORTED', msg.aborted('The autoencoder-kmeans fit'));
    const sub: FitContext = { ...ctx, rng: ctx.rng.fork(2), warn(code, message) { warnings.push({ code, message }); ctx.warn(code, message); } };
    const z0 = encode(ae.encoder, data.numeric);
    const km = await kmeansClusterer.fit(datasetFromMatrix(z0, undefined, data.weights), kmeansClusterer.schema.parse({ nClusters: o.nClusters, nInit: o.nInit }), sub);
    const last = ae.history[ae.bestEpoch - 1];
    return {
      state: { nFeatures: d, encoder: ae.encoder, segments: km.state, history: ae.history },
      labels: km.labels,
      diagnostics: { ...km.diagnostics, epochs: ae.history.length, bestEpoch: ae.bestEpoch, reconstructionError: last.train, validationError: last.validation },
      warnings,
    };
  },
  predict: (state, data) => kmeansClusterer.predict(state.segments, datasetFromMatrix(codes(state, data))),
  distances: (state, data) => kmeansClusterer.distances!(state.segments, datasetFromMatrix(codes(state, data))),
  embed(state, data, rows) {
    const z0 = codes(state, data);
    return rows ? takeRows(z0, rows) : z0;
  },
  nClusters: (state) => state.segments.centers.length,
};
