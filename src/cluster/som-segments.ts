/**
 * Second stage of a self-organizing map: segments are groups of neurons (Vesanto & Alhoniemi,
 * "Clustering of the self-organizing map", IEEE Trans. Neural Networks 11(3), 2000). 'kmeans':
 * segkit's k-means on the codebook, each neuron weighted by its hits, so empty neurons do not pull
 * the centers but still get the segment of the nearest center. The map from `SomSecondStage` to
 * its function is the seam for more methods (a 'hierarchical' stage once that clusterer lands).
 * @module
 */
import type { FitContext } from './types.js';
import type { Matrix } from '../math/matrix.js';
import { datasetFromMatrix } from '../data/dataset.js';
import { kmeansClusterer, kmeansOptionsSchema } from './kmeans.js';
import { msg } from '../messages.js';

export type SomSecondStage = 'kmeans';

/** Settings every second stage receives. */
export interface SecondStageInput {
  readonly codebook: Matrix;
  readonly hits: Float64Array;
  readonly nClusters: number;
  readonly nInit: number;
}

type Stage = (input: SecondStageInput, ctx: FitContext) => Promise<Int32Array>;

const STAGES: Record<SomSecondStage, Stage> = {
  async kmeans({ codebook, hits, nClusters, nInit }, ctx) {
    let hit = 0;
    for (let k = 0; k < hits.length; k++) if (hits[k] > 0) hit++;
    // k-means++ cannot seed k clusters from fewer than k weighted points: weigh neurons equally then.
    const weights = hit >= nClusters ? hits : undefined;
    if (!weights) ctx.warn('W_FALLBACK', msg.somFewHitNeurons(hit, nClusters));
    const params = kmeansOptionsSchema.parse({ nClusters, nInit, algorithm: 'lloyd' });
    const f = await kmeansClusterer.fit(datasetFromMatrix(codebook, undefined, weights), params, ctx);
    return f.labels;
  },
};

/** Segment of every neuron. */
export function segmentNeurons(stage: SomSecondStage, input: SecondStageInput, ctx: FitContext): Promise<Int32Array> {
  return STAGES[stage](input, ctx);
}
