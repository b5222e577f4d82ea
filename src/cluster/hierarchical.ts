/**
 * Agglomerative hierarchical clustering (Ward, average, complete, single; Euclidean), cut into
 * k segments, at a height, or at several nested levels at once (4 broad and 12 detailed segments
 * from the same tree). Ward runs on centroids without a distance matrix (hierarchical-ward.ts),
 * single linkage on Prim's MST (hierarchical-single.ts); average and complete need the condensed
 * matrix and refuse above `maxMemoryMB`. Trees equal scipy's `linkage` (merge ids, heights).
 * Müllner, "Modern hierarchical, agglomerative clustering algorithms", arXiv:1109.2378 (2011).
 *
 * Predict rule: a row goes to the nearest finest-level segment centroid (Euclidean); its coarser
 * levels follow through the parent maps, so new customers are always nested too. Training labels
 * come from the tree, and a few training rows may lie nearer another segment's centroid than their
 * own (diagnostic `labelsNotNearestCentroid` counts them).
 * @module
 */
import { z } from 'zod';
import type { Clusterer, ExtraColumn, FitContext, Fitted } from './types.js';
import type { Dataset } from '../data/dataset.js';
import type { Matrix } from '../math/matrix.js';
import { sqDist } from '../math/distance.js';
import { SegkitError, type SegkitWarning } from '../errors.js';
import { msg } from '../messages.js';
import { checkFitData, checkPredictData } from './check-data.js';
import { nearestCenter } from './nearest-center.js';
import { sqDistSql } from './sql-scores.js';
import { toTree, cutAtCount, countAtHeight, type MergeTree, type RawMerges } from './hierarchical-tree.js';
import { wardChain, type MergeHook } from './hierarchical-ward.js';
import { matrixChain, condensedBytes } from './hierarchical-matrix.js';
import { singleLinkageMst } from './hierarchical-single.js';

/** Merges kept in the state for a dendrogram of the top of the tree. */
export const TOP_MERGES = 200;
const MB = 1024 * 1024;
const DEFAULT_K = 8;

/** Hierarchical clustering options; every field has its rule and default in the schema. */
export const hierarchicalOptionsSchema = z
  .object({
    nClusters: z
      .number().int().min(1).optional()
      .describe(`Number of segments: the cut of the tree whose segments are the model's segments. Default: the largest of 'levels', else ${DEFAULT_K}. Not with 'height'.`),
    linkage: z
      .enum(['ward', 'average', 'complete', 'single'])
      .default('ward')
      .describe("Distance between clusters: 'ward' (least increase of within-segment variance; no distance matrix), 'average', 'complete' (both need the n(n−1)/2 distance matrix, see maxMemoryMB) or 'single' (minimum spanning tree, no matrix). Euclidean. Default: 'ward'."),
    height: z
      .number().min(0).optional()
      .describe("Cut the tree at this merge height instead of into nClusters segments: every merge at or below it is kept (scipy's fcluster 'distance'). The number of segments follows and is reported. Default: none."),
    levels: z
      .array(z.number().int().min(1))
      .min(1)
      .refine((a) => a.every((v, i) => i === 0 || v > a[i - 1]), msg.hierLevelsRule())
      .optional()
      .describe('Nested cuts of the same tree, e.g. [4, 12]: every customer gets a segment at each level (columns level_4, level_12). The finest level is the model\'s segments. Ascending, each ≤ the number of rows. Default: none (one level).'),
    maxMemoryMB: z
      .number().positive().default(2048)
      .describe("Memory limit for the distance matrix of 'average' and 'complete' linkage, which needs n(n−1)/2·8 bytes (1.6 GB at 20,000 rows); above it the fit refuses. 'ward' and 'single' need no matrix. Default: 2048."),
  })
  .strict();

/** Options for hierarchical clustering (all optional; see the schema for defaults). */
export type HierarchicalOptions = z.input<typeof hierarchicalOptionsSchema>;
/** Fully defaulted options, as `fit` receives them. */
export type HierarchicalParams = z.output<typeof hierarchicalOptionsSchema>;
/** The four linkages. */
export type Linkage = HierarchicalParams['linkage'];

/** What hierarchical clustering learns: plain data. */
export interface HierarchicalState {
  readonly linkage: Linkage;
  readonly nFeatures: number;
  /** Centroid of each (finest-level) segment, k × nFeatures: what predict uses. */
  readonly centroids: number[][];
  /**
   * Every level, ascending k; the last is the finest (the model's segments, parent = identity).
   * `parent[s]` is the segment at this level of finest segment s: exact, since cuts of one tree nest.
   */
  readonly levels: { k: number; parent: number[] }[];
  /** Training rows n. Tree ids: 0…n−1 are rows, n+i is the cluster made by merge i (scipy's Z ids). */
  readonly nRows: number;
  /** Tree id of each finest segment (a row id for a one-row segment). */
  readonly segmentNodes: number[];
  /**
   * The last merges of the tree (up to 200), for a dendrogram of its top: merge `first + i` joins
   * clusters `a[i]` < `b[i]` at `height[i]` into a cluster of `size[i]` rows with id nRows + first + i.
   */
  readonly topMerges: { first: number; a: number[]; b: number[]; height: number[]; size: number[] };
}

/** The hierarchical clusterer. */
export const hierarchicalClusterer: Clusterer<HierarchicalParams, HierarchicalState> = {
  name: 'hierarchical',
  schema: hierarchicalOptionsSchema,
  async fit(data, options, ctx) {
    return fitHierarchical(data, options, ctx);
  },
  /** Nearest finest-level centroid (Euclidean), ties to the lower segment. */
  predict(state, data) {
    checkPredictData(data, state.nFeatures, 'hierarchical');
    return nearestCenter(data.numeric, centroidMatrix(state));
  },
  distances(state, data) {
    checkPredictData(data, state.nFeatures, 'hierarchical');
    const c = centroidMatrix(state), x = data.numeric;
    const out = new Float64Array(x.rows * c.rows);
    for (let i = 0; i < x.rows; i++)
      for (let j = 0; j < c.rows; j++) out[i * c.rows + j] = Math.sqrt(sqDist(x.data, i * x.cols, c.data, j * c.cols, x.cols));
    return { rows: x.rows, cols: c.rows, data: out };
  },
  sqlScores: (state, input, d) => ({ kind: 'distance', exprs: state.centroids.map((c) => sqDistSql(input.features, c, d)), reported: 'sqrt' }),
  extraColumns: (state, _data, labels) => levelColumns(state, labels),
  nClusters: (state) => state.centroids.length,
};

/** Segment centroids of a state as a Matrix. */
export function centroidMatrix(state: HierarchicalState): Matrix {
  const k = state.centroids.length, d = state.nFeatures;
  const data = new Float64Array(k * d);
  state.centroids.forEach((c, i) => data.set(c, i * d));
  return { rows: k, cols: d, data };
}

/** One `level_<k>` column per level when there are several levels (one level is the segment itself). */
export function levelColumns(state: HierarchicalState, labels: Int32Array): ExtraColumn[] {
  if (state.levels.length < 2) return [];
  const last = state.levels.length - 1;
  return state.levels.map((lv, l) => {
    const values = new Int32Array(labels.length);
    for (let i = 0; i < labels.length; i++) values[i] = labels[i] < 0 ? -1 : lv.parent[labels[i]];
    const kind = l === 0 ? 'broad' : l === last ? 'detailed' : 'intermediate';
    return { name: `level_${lv.k}`, kind: 'int', values, description: msg.hierLevelColumn(lv.k, kind) };
  });
}

/**
 * Bytes the fit needs beyond the data, estimated from its arrays: the merge list and its sorting
 * (about 64 bytes per row) plus, for Ward, the centroids (8·d per row) and the chain with its
 * neighbour cache (about 100 per row); for average/complete, the condensed matrix (what maxMemoryMB limits).
 */
export function hierarchicalMemoryBytes(linkage: Linkage, n: number, d: number): number {
  const tree = 64 * n;
  switch (linkage) {
    case 'ward':
      return tree + n * (8 * d + 100);
    case 'average':
    case 'complete':
      return tree + 48 * n + condensedBytes(n);
    case 'single':
      return tree + 24 * n;
  }
}

async function fitHierarchical(data: Dataset, o: HierarchicalParams, ctx: FitContext): Promise<Fitted<HierarchicalState>> {
  const x = data.numeric;
  const warnings: SegkitWarning[] = [];
  const warn = (code: SegkitWarning['code'], message: string) => {
    warnings.push({ code, message });
    ctx.warn(code, message);
  };
  if (o.height !== undefined && o.nClusters !== undefined)
    throw new SegkitError('E_OPTION', msg.hierHeightAndK(o.nClusters, o.height), { field: 'height' });
  const levels = o.levels ?? [];
  const askedK = o.height !== undefined ? undefined : (o.nClusters ?? levels.at(-1) ?? DEFAULT_K);
  if (askedK !== undefined) checkLevels(levels, askedK);
  checkFitData(data, askedK ?? levels.at(-1) ?? 1, 'hierarchical');
  if (data.weights) warn('W_FALLBACK', msg.hierWeightsIgnored());
  const n = x.rows;
  if (o.linkage === 'average' || o.linkage === 'complete') {
    const need = condensedBytes(n);
    if (need > o.maxMemoryMB * MB)
      throw new SegkitError('E_TOO_LARGE', msg.hierMemory(o.linkage, n, need / MB, o.maxMemoryMB, maxRowsFor(o.maxMemoryMB * MB)), { field: 'maxMemoryMB' });
  }
  if (ctx.signal?.aborted) throw new SegkitError('E_ABORTED', msg.aborted('hierarchical'));

  const hook: MergeHook = (done, total) => {
    if (ctx.signal?.aborted) throw new SegkitError('E_ABORTED', msg.aborted('hierarchical'));
    ctx.onProgress?.({ step: `hierarchical (${o.linkage}) merges`, done, total });
  };
  let raw: RawMerges;
  try {
    raw = mergeRows(x, o.linkage, hook);
  } catch (e) {
    // Allowed by maxMemoryMB but refused by the JavaScript engine (typed arrays stop at 2^32 elements or at free memory).
    if (e instanceof RangeError && (o.linkage === 'average' || o.linkage === 'complete'))
      throw new SegkitError('E_TOO_LARGE', msg.hierAllocFailed(o.linkage, n, condensedBytes(n) / MB), { field: 'maxMemoryMB' }, undefined, { cause: e });
    throw e;
  }
  const tree = toTree(raw, n);
  const k = askedK ?? countAtHeight(tree, o.height!);
  if (askedK === undefined) checkLevels(levels, k);

  const finest = cutAtCount(tree, k);
  const ks = [...levels.filter((v) => v < k), k];
  const levelStates = ks.map((lk) => ({ k: lk, parent: lk === k ? Array.from({ length: k }, (_, s) => s) : parentMap(cutAtCount(tree, lk).labels, finest.labels, k) }));
  const cen = centroidsOf(x, finest.labels, k);
  const state: HierarchicalState = {
    linkage: o.linkage,
    nFeatures: x.cols,
    centroids: Array.from({ length: k }, (_, c) => Array.from(cen.data.subarray(c * x.cols, (c + 1) * x.cols))),
    levels: levelStates,
    nRows: n,
    segmentNodes: Array.from(finest.nodes),
    topMerges: topMerges(tree),
  };
  const nearest = nearestCenter(x, cen);
  let disagree = 0;
  for (let i = 0; i < n; i++) if (nearest[i] !== finest.labels[i]) disagree++;
  const applied = n - k;
  return {
    state,
    labels: finest.labels,
    diagnostics: {
      nClusters: k,
      cutHeight: applied > 0 ? tree.height[applied - 1] : 0,
      ...(applied < n - 1 ? { nextMergeHeight: tree.height[applied] } : {}),
      nMerges: n - 1,
      memoryBytes: hierarchicalMemoryBytes(o.linkage, n, x.cols),
      labelsNotNearestCentroid: disagree,
    },
    warnings,
  };
}

function mergeRows(x: Matrix, linkage: Linkage, hook: MergeHook): RawMerges {
  switch (linkage) {
    case 'ward':
      return wardChain(x, hook);
    case 'average':
    case 'complete':
      return matrixChain(x, linkage, hook);
    case 'single':
      return singleLinkageMst(x, hook);
  }
}

function checkLevels(levels: readonly number[], k: number): void {
  const above = levels.find((v) => v > k);
  if (above !== undefined) throw new SegkitError('E_OPTION', msg.hierLevelAboveK(above, k), { field: 'levels' });
}

/** Largest n whose condensed matrix fits in `bytes`. */
function maxRowsFor(bytes: number): number {
  return Math.floor((1 + Math.sqrt(1 + bytes)) / 2);
}

/** parent[s] = coarse label of finest segment s (any of its rows: the cuts nest). */
function parentMap(coarse: Int32Array, fine: Int32Array, k: number): number[] {
  const parent = new Array<number>(k).fill(-1);
  for (let i = 0; i < fine.length; i++) if (parent[fine[i]] < 0) parent[fine[i]] = coarse[i];
  return parent;
}

function centroidsOf(x: Matrix, labels: Int32Array, k: number): Matrix {
  const d = x.cols, sum = new Float64Array(k * d), count = new Float64Array(k);
  for (let i = 0; i < x.rows; i++) {
    const c = labels[i];
    count[c]++;
    for (let j = 0; j < d; j++) sum[c * d + j] += x.data[i * d + j];
  }
  for (let c = 0; c < k; c++) for (let j = 0; j < d; j++) sum[c * d + j] /= count[c];
  return { rows: k, cols: d, data: sum };
}

function topMerges(tree: MergeTree): HierarchicalState['topMerges'] {
  const m = tree.n - 1, first = Math.max(0, m - TOP_MERGES);
  return {
    first,
    a: Array.from(tree.a.subarray(first)),
    b: Array.from(tree.b.subarray(first)),
    height: Array.from(tree.height.subarray(first)),
    size: Array.from(tree.size.subarray(first)),
  };
}
