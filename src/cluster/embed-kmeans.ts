/**
 * "LLM + K-means" (the seed's headline method): each customer row rendered as a sentence (prep
 * option `text`, embed/render-text.ts), embedded, then k-means on the unit-length embeddings.
 *
 * The embedding here is the built-in one (embed/hashed-tfidf.ts: hashed character n-gram TF-IDF
 * + truncated SVD), which needs no downloaded weights, so the method runs on a fresh, offline
 * machine. Its state goes into the model file, so `predict` embeds new customers the same way.
 * Metrics are computed in the embedding space (`embed`), where k-means' distance lives.
 * @module
 */
import { z } from 'zod';
import type { Clusterer, FitContext } from './types.js';
import type { Dataset } from '../data/dataset.js';
import { datasetFromMatrix } from '../data/dataset.js';
import type { Matrix } from '../math/matrix.js';
import { takeRows } from '../math/matrix.js';
import { kmeansClusterer, type KMeansState } from './kmeans.js';
import { fitHashedTfidf, embedHashedTfidf, type HashedTfidfState } from '../embed/hashed-tfidf.js';
import { checkModelFolder, embedOnnx } from '../embed/onnx-embedder.js';
import { perStateAndRows } from './memo.js';
import { SegkitError, type SegkitWarning } from '../errors.js';
import { msg } from '../messages.js';

export const embedKmeansOptionsSchema = z
  .object({
    nClusters: z.number().int().min(1).default(5).describe('Number of segments. Default: 5.'),
    dims: z.number().int().min(2).max(512).default(32).describe('Embedding dimensions (truncated SVD components). Default: 32.'),
    buckets: z.number().int().min(256).max(1 << 20).refine((v) => (v & (v - 1)) === 0, 'a power of two')
      .default(4096).describe('Hash buckets for the character n-grams (a power of two). Default: 4096.'),
    embedModel: z.string().min(1).nullable().default(null)
      .describe('Folder of a local ONNX sentence model (config.json, tokenizer.json, tokenizer_config.json, onnx/model.onnx), e.g. paraphrase-MiniLM-L6-v2 exported to ONNX; mean pooling and L2 normalisation as sentence-transformers. Default: null (the built-in hashed n-gram TF-IDF + SVD, no downloads).'),
    batchSize: z.number().int().min(1).default(32).describe('Rows per model call with embedModel. Default: 32.'),
    nInit: z.number().int().min(1).default(10).describe('k-means restarts (k-means++). Default: 10.'),
    maxIter: z.number().int().min(1).default(300).describe('k-means iteration cap. Default: 300.'),
  })
  .strict();

export type EmbedKmeansOptions = z.input<typeof embedKmeansOptionsSchema>;
export type EmbedKmeansParams = z.output<typeof embedKmeansOptionsSchema>;

/** The embedding and the k-means on it. */
export interface EmbedKmeansState {
  readonly embedding: HashedTfidfState | OnnxEmbeddingState;
  readonly segments: KMeansState;
}

/** A local ONNX model: where it is and which file it was (predict refuses a changed model). */
export interface OnnxEmbeddingState {
  readonly kind: 'onnx';
  readonly dir: string;
  readonly modelHash: string;
  readonly dims: number;
  readonly batchSize: number;
}

function texts(data: Dataset): readonly string[] {
  if (!data.text) throw new SegkitError('E_OPTION', msg.textRequired('embed-kmeans'), { field: 'method' });
  return data.text;
}

function embedAll(state: EmbedKmeansState, data: Dataset): Matrix {
  const e = state.embedding;
  const text = texts(data);
  return perStateAndRows(state, text, () => (e.kind === 'onnx' ? embedOnnx(e.dir, text, { expectHash: e.modelHash, batchSize: e.batchSize }) : embedHashedTfidf(e, text)));
}

/** The text-embedding + k-means clusterer. */
export const embedKmeansClusterer: Clusterer<EmbedKmeansParams, EmbedKmeansState> = {
  name: 'embed-kmeans',
  categoricalInput: 'text',
  schema: embedKmeansOptionsSchema,
  async fit(data, o, ctx) {
    const t = texts(data);
    if (t.length === 0) throw new SegkitError('E_DATA_EMPTY', msg.dataEmpty('The data'));
    if (t.length < o.nClusters) throw new SegkitError('E_TOO_FEW_ROWS', msg.tooFewRows('embed-kmeans', o.nClusters, t.length), { field: 'nClusters' });
    if (ctx.signal?.aborted) throw new SegkitError('E_ABORTED', msg.aborted('The embed-kmeans fit'));
    const warnings: SegkitWarning[] = [];
    const sub = (stream: number): FitContext => ({ ...ctx, rng: ctx.rng.fork(stream), warn(code, message) { warnings.push({ code, message }); ctx.warn(code, message); } });
    let embedding: HashedTfidfState | OnnxEmbeddingState, x: Matrix;
    if (o.embedModel) {
      const folder = checkModelFolder(o.embedModel);
      x = embedOnnx(folder.dir, t, { batchSize: o.batchSize, onProgress: (done, total) => ctx.onProgress?.({ step: 'embedding rows (ONNX model)', done, total }) });
      embedding = { kind: 'onnx', dir: folder.dir, modelHash: folder.modelHash, dims: x.cols, batchSize: o.batchSize };
    } else {
      ctx.onProgress?.({ step: 'embedding rows (hashed n-gram TF-IDF + SVD)', done: 0, total: 1 });
      ({ state: embedding, x } = fitHashedTfidf(t, { buckets: o.buckets, dims: Math.max(1, Math.min(o.dims, t.length - 1)) }, ctx.rng.fork(1)));
    }
    const km = await kmeansClusterer.fit(datasetFromMatrix(x, undefined, data.weights), kmeansClusterer.schema.parse({ nClusters: o.nClusters, nInit: o.nInit, maxIter: o.maxIter }), sub(2));
    const explained: Record<string, number> = embedding.kind === 'hashed-tfidf' ? { embeddingExplained: embedding.explained.reduce((a, b) => a + b, 0) } : {};
    return { state: { embedding, segments: km.state }, labels: km.labels, diagnostics: { ...km.diagnostics, embeddingDims: embedding.dims, ...explained }, warnings: [...warnings] };
  },
  predict(state, data) {
    return kmeansClusterer.predict(state.segments, datasetFromMatrix(embedAll(state, data)));
  },
  distances(state, data) {
    return kmeansClusterer.distances!(state.segments, datasetFromMatrix(embedAll(state, data)));
  },
  embed(state, data, rows) {
    const x = embedAll(state, data);
    return rows ? takeRows(x, rows) : x;
  },
  nClusters: (state) => state.segments.centers.length,
};
