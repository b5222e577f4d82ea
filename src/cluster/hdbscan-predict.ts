/**
 * HDBSCAN predict for new rows, the approach of the hdbscan library's `approximate_predict`
 * (scikit-learn-contrib/hdbscan, hdbscan/prediction.py, `_find_neighbor_and_lambda` and
 * `_find_cluster_and_probability`), in distances instead of λ = 1/distance:
 * - the row's 2·minSamples nearest kept training rows; its core distance = distance to the
 *   minSamples-th of them (a training row finds itself first, so this is its own core distance);
 * - the neighbour with the smallest mutual-reachability distance max(core_row, core_nb, d) (first
 *   in distance order on ties) and that distance `r`;
 * - the tree cluster that neighbour leaves from; when the neighbour leaves below `r`, climb to the
 *   ancestor that exists at height `r` (birth above `r`);
 * - that cluster's segment (-1 when no selected cluster is above it).
 * A training row therefore predicts its own training label. The strength is R's membership_prob
 * rule applied to the row's core distance, clamped to [0, 1] (the library's λ ratio is not what the
 * training strengths of R report, and fit and predict should agree on training rows).
 * @module
 */
import { cachedKdTree, knnQuery, type KdTree } from '../math/kd-tree.js';
import type { HdbscanState } from './hdbscan.js';

/** The k-d tree over the kept training rows, built once per state object. */
function keptTree(state: HdbscanState): KdTree {
  return cachedKdTree(state, state.rows, state.core.length, state.nFeatures);
}

/** Segment and strength of each of the `n` rows of `x` (row-major, nFeatures columns). */
export function hdbscanApproximatePredict(state: HdbscanState, x: Float64Array, n: number): { labels: Int32Array; strength: Float64Array } {
  const tree = keptTree(state);
  const m = state.core.length;
  const k = Math.min(2 * state.minSamples, m);
  const kc = Math.min(state.minSamples, m);
  const labels = new Int32Array(n), strength = new Float64Array(n);
  const buf = { index: new Int32Array(k), dist: new Float64Array(k) };
  const { core, pointCluster, pointEps, clusterParent, clusterBirth, clusterSegment, maxCore } = state;
  for (let i = 0; i < n; i++) {
    knnQuery(tree, x, i, k, buf);
    const own = buf.dist[kc - 1];
    let best = Infinity, nb = -1;
    for (let t = 0; t < k; t++) {
      const j = buf.index[t];
      const r = Math.max(core[j], own, buf.dist[t]);
      if (r < best) { best = r; nb = j; }
    }
    let c = pointCluster[nb];
    if (pointEps[nb] < best) while (clusterParent[c] >= 0 && clusterBirth[c] <= best) c = clusterParent[c];
    const s = clusterSegment[c];
    labels[i] = s;
    strength[i] = s < 0 ? 0 : maxCore[s] > 0 ? Math.min(1, Math.max(0, (maxCore[s] - own) / maxCore[s])) : 1;
  }
  return { labels, strength };
}
