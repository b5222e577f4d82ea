/**
 * DBSCAN's labelling pass (Ester, Kriegel, Sander & Xu, KDD 1996), with scikit-learn's exact rules
 * (sklearn/cluster/_dbscan.py and _dbscan_inner.pyx): the eps-neighbourhood is inclusive and counts
 * the point itself; a point is core when its neighbourhood holds at least minSamples points (or that
 * much sample weight); clusters are grown one at a time from the unlabelled core point of lowest
 * row index, so a border point reachable from two clusters joins the one numbered first, and cluster
 * ids follow the row order of their first core point. Neighbourhoods come from the k-d tree, one
 * query per point, never stored all at once (scikit-learn keeps them all: memory grows with n·density).
 * @module
 */
import type { Matrix } from '../math/matrix.js';
import { buildKdTree, radiusCount, radiusQuery, stackSize, type KdTree } from '../math/kd-tree.js';
import { SegkitError } from '../errors.js';
import { msg } from '../messages.js';

/** Labels (-1 = noise), core flags and counts. */
export interface DbscanLabels {
  readonly labels: Int32Array;
  /** 1 for core points. */
  readonly core: Uint8Array;
  readonly nClusters: number;
  /** The tree over the rows, for callers that query again (the k-distance suggestion). */
  readonly tree: KdTree;
}

/** Rows between two checks of the abort signal. */
const ABORT_EVERY = 4096;

/** DBSCAN on the rows of `x`. `weights` (optional) count instead of 1 per point, as sample_weight does in scikit-learn. */
export function dbscanLabels(x: Matrix, eps: number, minSamples: number, weights?: Float64Array, signal?: AbortSignal): DbscanLabels {
  const n = x.rows, d = x.cols, data = x.data;
  const tree = buildKdTree(data, n, d);
  const core = new Uint8Array(n);
  const stack = new Int32Array(stackSize(tree));
  const q = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    if (i % ABORT_EVERY === 0) checkAbort(signal);
    if (weights) {
      let w = 0;
      q.set(data.subarray(i * d, i * d + d));
      radiusQuery(tree, q, eps, (r) => (w += weights[r]));
      core[i] = w >= minSamples ? 1 : 0;
    } else core[i] = radiusCount(tree, data, i, eps, minSamples, stack) >= minSamples ? 1 : 0;
  }
  const labels = new Int32Array(n).fill(-1);
  const todo = new Int32Array(n); // core points waiting for expansion; each is pushed once
  let cluster = 0, top = 0, expanded = 0;
  const reach = (r: number) => {
    if (labels[r] !== -1) return;
    labels[r] = cluster;
    if (core[r]) todo[top++] = r;
  };
  for (let i = 0; i < n; i++) {
    if (labels[i] !== -1 || !core[i]) continue;
    labels[i] = cluster;
    todo[top++] = i;
    while (top > 0) {
      const p = todo[--top];
      if (++expanded % ABORT_EVERY === 0) checkAbort(signal);
      q.set(data.subarray(p * d, p * d + d));
      radiusQuery(tree, q, eps, reach);
    }
    cluster++;
  }
  return { labels, core, nClusters: cluster, tree };
}

function checkAbort(signal?: AbortSignal): void {
  if (signal?.aborted) throw new SegkitError('E_ABORTED', msg.aborted('DBSCAN'));
}
