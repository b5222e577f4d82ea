/**
 * HDBSCAN (Campello, Moulavi & Sander 2013; McInnes & Healy 2017): density-based segments of varying
 * density, noise as segment -1, and a membership strength per row. The hierarchy, selection and
 * strengths follow R's dbscan::hdbscan (hdbscan-tree.ts), the fixtures' reference. Predict follows the
 * hdbscan library's `approximate_predict` (hdbscan/prediction.py): the new row's nearest training
 * row by mutual reachability among its 2·minSamples nearest rows, then that row's cluster in the tree,
 * climbed up while the new row's mutual-reachability distance is beyond the cluster's birth.
 * @module
 */
import { z } from 'zod';
import type { Clusterer, ExtraColumn } from './types.js';
import type { SegkitWarning, WarningCode } from '../errors.js';
import { SegkitError } from '../errors.js';
import { msg } from '../messages.js';
import { checkFitData, checkPredictData } from './check-data.js';
import { clusterSegments, hdbscanTree, membershipStrength, selectClusters } from './hdbscan-tree.js';
import { sampleIndices } from '../math/rng.js';
import { hdbscanApproximatePredict } from './hdbscan-predict.js';

/** Training rows kept in the model for predict by default; above it a seeded sample is kept. */
export const HDBSCAN_MAX_MODEL_ROWS = 100_000;

/** HDBSCAN options; every field has its rule and default in the schema. */
export const hdbscanOptionsSchema = z
  .object({
    minClusterSize: z.number().int().min(2).default(5).describe('Smallest group of rows that counts as a segment (R dbscan::hdbscan minPts). Default: 5.'),
    minSamples: z
      .number().int().min(1).optional()
      .describe("Rows (the row itself included) that define a row's core distance; larger = more conservative, more noise. Default: minClusterSize (as R's minPts)."),
    clusterSelectionMethod: z
      .enum(['eom', 'leaf'])
      .default('eom')
      .describe("'eom' = excess of mass, the most stable segments (R's default and only method); 'leaf' = the finest segments of the tree. Default: 'eom'."),
    allowSingleCluster: z
      .boolean()
      .default(false)
      .describe('Let the whole data be one segment when that is the most stable answer (otherwise it is noise). Default: false.'),
    maxModelRows: z
      .number().int().min(1)
      .default(HDBSCAN_MAX_MODEL_ROWS)
      .describe(`Training rows kept in the model for predict (each costs nFeatures + 3 numbers); above it a seeded sample is kept and a warning says so. Default: ${HDBSCAN_MAX_MODEL_ROWS}.`),
  })
  .strict();

/** Options for HDBSCAN (all optional; see the schema for defaults). */
export type HdbscanOptions = z.input<typeof hdbscanOptionsSchema>;
/** Fully defaulted options, as `fit` receives them. */
export type HdbscanParams = z.output<typeof hdbscanOptionsSchema>;

/** What HDBSCAN keeps for predict: plain data. */
export interface HdbscanState {
  readonly minSamples: number;
  readonly nFeatures: number;
  readonly nClusters: number;
  /** Training rows kept (row-major, nKept × nFeatures), their core distances, the tree cluster each
   *  leaves from and the height (mutual-reachability distance) at which it leaves. */
  readonly rows: number[];
  readonly core: number[];
  readonly pointCluster: number[];
  readonly pointEps: number[];
  /** Per tree cluster: parent (-1 = root), birth height, segment (-1 = not under a selected cluster). */
  readonly clusterParent: number[];
  readonly clusterBirth: number[];
  readonly clusterSegment: number[];
  /** Largest core distance in each segment (for the strength). */
  readonly maxCore: number[];
  /** True when only a sample of the training rows was kept (maxModelRows). */
  readonly rowsSampled: boolean;
}

/** The HDBSCAN clusterer. */
export const hdbscanClusterer: Clusterer<HdbscanParams, HdbscanState> = {
  name: 'hdbscan',
  noise: true,
  schema: hdbscanOptionsSchema,
  async fit(data, o, ctx) {
    if (ctx.signal?.aborted) throw new SegkitError('E_ABORTED', msg.aborted('HDBSCAN'));
    checkFitData(data, 1, 'hdbscan');
    const x = data.numeric, n = x.rows, d = x.cols;
    const minSamples = o.minSamples ?? o.minClusterSize;
    const warnings: SegkitWarning[] = [];
    const warn = (code: WarningCode, message: string) => {
      warnings.push({ code, message });
      ctx.warn(code, message);
    };
    if (data.weights) warn('W_FALLBACK', msg.hdbscanIgnoresWeights());
    ctx.onProgress?.({ step: 'HDBSCAN minimum spanning tree', done: 0, total: 1 });
    const t = hdbscanTree(x.data, n, d, minSamples, o.minClusterSize, ctx.signal);
    const selected = selectClusters(t, o.clusterSelectionMethod, o.allowSingleCluster);
    const { segmentOf, labels, nClusters } = clusterSegments(t, selected);
    const { maxCore } = membershipStrength(labels, t.core, nClusters);
    if (nClusters === 0) warn('W_FEWER_CLUSTERS', msg.hdbscanAllNoise(o.minClusterSize, minSamples));
    const rowsSampled = n > o.maxModelRows;
    const keep = rowsSampled ? sampleIndices(n, o.maxModelRows, ctx.rng.fork(1)).sort() : null;
    if (rowsSampled) warn('W_SAMPLED', msg.hdbscanRowsSampled(n, o.maxModelRows));
    const m = keep ? keep.length : n;
    const rows = new Array<number>(m * d), core = new Array<number>(m), pointCluster = new Array<number>(m), pointEps = new Array<number>(m);
    for (let r = 0; r < m; r++) {
      const i = keep ? keep[r] : r;
      for (let j = 0; j < d; j++) rows[r * d + j] = x.data[i * d + j];
      core[r] = t.core[i]; pointCluster[r] = t.pointCluster[i]; pointEps[r] = t.pointEps[i];
    }
    let nNoise = 0;
    for (let i = 0; i < n; i++) if (labels[i] < 0) nNoise++;
    return {
      state: {
        minSamples, nFeatures: d, nClusters, rows, core, pointCluster, pointEps,
        clusterParent: Array.from(t.parent), clusterBirth: Array.from(t.birth), clusterSegment: Array.from(segmentOf),
        maxCore: Array.from(maxCore), rowsSampled,
      },
      labels,
      diagnostics: { nClusters, nNoise, noiseShare: nNoise / n, treeClusters: t.nTreeClusters, minSamples, rowsKept: m },
      warnings,
    };
  },
  predict(state, data) {
    checkPredictData(data, state.nFeatures, 'hdbscan');
    return hdbscanApproximatePredict(state, data.numeric.data, data.numeric.rows).labels;
  },
  extraColumns(state, data): ExtraColumn[] {
    checkPredictData(data, state.nFeatures, 'hdbscan');
    const { strength } = hdbscanApproximatePredict(state, data.numeric.data, data.numeric.rows);
    return [{
      name: 'strength', kind: 'float', values: strength,
      description: "Membership strength in [0, 1] (R dbscan's membership_prob): 1 at the segment's densest rows, 0 for noise.",
    }];
  },
  nClusters: (state) => state.nClusters,
};
