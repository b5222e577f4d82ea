/**
 * HDBSCAN's hierarchy (Campello, Moulavi & Sander, "Density-based clustering based on hierarchical
 * density estimates", PAKDD 2013; McInnes & Healy, "Accelerated hierarchical density based
 * clustering", ICDMW 2017), computed the way R's dbscan::hdbscan 1.1-11 (Debian r-cran-dbscan, the
 * fixtures' reference) computes it, so that labels and membership probabilities match it:
 * 1. core distance = distance to the minSamples-th nearest row, the row itself included (R's
 *    `coredist`: the (minPts − 1)-th neighbour excluding it), by the k-d tree;
 * 2. Prim's algorithm on the mutual-reachability distance max(core_a, core_b, d(a, b)), computed on
 *    the fly (O(n) memory: R stores the n × n matrix); fit runs it on the k-d tree, skipping nodes
 *    that cannot lower any fringe weight (hdbscan-prim-tree.ts), with the same result as `primPath`
 *    below, the plain O(n²) scan kept as the reference. R's `prims` scans candidates in row
 *    order with strict comparisons (ties: the lower row) and records each new vertex as linked to the
 *    vertex added just before it: a path in Prim order with the Prim edge weights. Its single-linkage
 *    clusters are those of the true tree (they are contiguous runs of the Prim order, as in a
 *    reachability plot); only the shape among equal heights differs, and R's shape is what we build;
 * 3. merges in ascending weight (stable: ties in Prim order), as R's `hclustMergeOrder`;
 * 4. the cluster tree top-down, as R's `computeStability`: a merge of two parts of ≥ minClusterSize
 *    points splits a cluster in two; otherwise both parts stay in it, and a point leaves the cluster
 *    (at "eps") when it becomes a singleton, or at the cluster's split height if that is higher;
 *    stability = Σ (1/eps_x − 1/eps_birth) + n_split · (1/eps_death − 1/eps_birth);
 * 5. excess-of-mass selection (R's `fosc`: children win only when their summed score is strictly
 *    larger; the root is never a cluster) or the leaves.
 * @module
 */
import { buildKdTree, knnQuery, type KdTree } from '../math/kd-tree.js';
import { SegkitError } from '../errors.js';
import { primPathOnTree } from './hdbscan-prim-tree.js';
import { msg } from '../messages.js';

/** The cluster tree and each point's place in it. Cluster 0 is the root; children have larger ids. */
export interface HdbscanTree {
  /** Core distance of every row. */
  readonly core: Float64Array;
  readonly nTreeClusters: number;
  /** Parent cluster (-1 for the root). */
  readonly parent: Int32Array;
  /** First child (-1 for a leaf); the second child is firstChild + 1. */
  readonly firstChild: Int32Array;
  /** Height (mutual-reachability distance) at which the cluster appears; the root: the top merge. */
  readonly birth: Float64Array;
  /** Height at which it splits (its smallest singleton height for a leaf). */
  readonly death: Float64Array;
  readonly stability: Float64Array;
  /** Cluster each point leaves from, and the height at which it leaves. */
  readonly pointCluster: Int32Array;
  readonly pointEps: Float64Array;
  /** The tree over the rows (reused by predict-state building). */
  readonly kd: KdTree;
}

/** @internal Core distances: distance to the k-th nearest row, the row itself included. */
export function coreDistances(tree: KdTree, k: number): Float64Array {
  const n = tree.n, kk = Math.min(k, n);
  const core = new Float64Array(n);
  const buf = { index: new Int32Array(kk), dist: new Float64Array(kk) };
  for (let i = 0; i < n; i++) core[i] = knnQuery(tree, tree.data, i, kk, buf).dist[kk - 1];
  return core;
}

/**
 * @internal R's Prim's variant (see the module comment): vertex order from row 0 and the weight with which each
 * vertex joined. `from[e]` = the vertex added at step e + 1, `to[e]` = the one added at step e.
 */
export function primPath(x: Float64Array, n: number, d: number, core: Float64Array, signal?: AbortSignal): { from: Int32Array; to: Int32Array; weight: Float64Array } {
  const m = Math.max(0, n - 1);
  const from = new Int32Array(m), to = new Int32Array(m), weight = new Float64Array(m);
  // Rows not yet in the tree, with their coordinates, core distance and fringe weight side by side
  // (sequential reads); a row leaves by swapping with the last. R scans in row order with strict
  // comparisons, so among equal weights the lowest row wins: the tie rule below says so explicitly.
  const px = new Float64Array(m * d), pc = new Float64Array(m), pf = new Float64Array(m).fill(Infinity), pfs = new Float64Array(m).fill(Infinity);
  const pid = new Int32Array(m);
  for (let t = 0; t < m; t++) {
    pid[t] = t + 1;
    pc[t] = core[t + 1];
    for (let j = 0; j < d; j++) px[t * d + j] = x[(t + 1) * d + j];
  }
  const cx = new Float64Array(d);
  for (let j = 0; j < d; j++) cx[j] = x[j];
  let len = m, c = 0, cc = core[0], minId = n - 1;
  for (let e = 0; e < m; e++) {
    if ((e & 1023) === 0 && signal?.aborted) throw new SegkitError('E_ABORTED', msg.aborted('HDBSCAN'));
    let min = Infinity, minPos = -1;
    for (let t = 0; t < len; t++) {
      let f = pf[t];
      // The weight is max(d, cc, core_i): when the core distances alone reach the fringe weight, or
      // the squared distance is clearly beyond it, the fringe cannot improve; skip the square root.
      const ci = pc[t], lb = cc > ci ? cc : ci;
      if (lb < f) {
        const o = t * d;
        let sq = 0;
        for (let j = 0; j < d; j++) { const u = px[o + j] - cx[j]; sq += u * u; }
        if (sq <= pfs[t] * (1 + 1e-9)) {
          let w = Math.sqrt(sq);
          if (lb > w) w = lb;
          if (w < f) { pf[t] = f = w; pfs[t] = w * w; }
        }
      }
      if (f < min || (f === min && pid[t] < minId)) { min = f; minId = pid[t]; minPos = t; }
    }
    if (minPos < 0) { minPos = 0; minId = pid[0]; } // unreachable with finite data
    from[e] = minId; to[e] = c; weight[e] = min;
    c = minId; cc = pc[minPos];
    for (let j = 0; j < d; j++) cx[j] = px[minPos * d + j];
    const last = --len;
    pid[minPos] = pid[last]; pc[minPos] = pc[last]; pf[minPos] = pf[last]; pfs[minPos] = pfs[last];
    for (let j = 0; j < d; j++) px[minPos * d + j] = px[last * d + j];
  }
  return { from, to, weight };
}

/**
 * @internal Single-linkage merges of the Prim path, in ascending weight (ties in Prim order), in R's hclust
 * encoding: an entry < 0 is row −(entry + 1), an entry > 0 is merge entry − 1.
 */
export function mergesOf(p: { from: Int32Array; to: Int32Array; weight: Float64Array }, n: number): { a: Int32Array; b: Int32Array; height: Float64Array; size: Int32Array } {
  const m = n - 1;
  const idx = Array.from({ length: m }, (_, i) => i).sort((u, v) => p.weight[u] - p.weight[v] || u - v);
  const uf = new Int32Array(n), label = new Int32Array(n), compSize = new Int32Array(n);
  for (let i = 0; i < n; i++) { uf[i] = i; label[i] = -(i + 1); compSize[i] = 1; }
  const find = (i: number): number => {
    while (uf[i] !== i) { uf[i] = uf[uf[i]]; i = uf[i]; }
    return i;
  };
  const a = new Int32Array(m), b = new Int32Array(m), height = new Float64Array(m), size = new Int32Array(m);
  for (let k = 0; k < m; k++) {
    const e = idx[k];
    const ra = find(p.from[e]), rb = find(p.to[e]);
    a[k] = label[ra]; b[k] = label[rb]; height[k] = p.weight[e];
    uf[ra] = rb;
    compSize[rb] += compSize[ra];
    size[k] = compSize[rb];
    label[rb] = k + 1;
  }
  return { a, b, height, size };
}

/** @internal Builds the cluster tree (module comment, steps 1–4). */
export function hdbscanTree(x: Float64Array, n: number, d: number, minSamples: number, minClusterSize: number, signal?: AbortSignal): HdbscanTree {
  const kd = buildKdTree(x, n, d);
  const core = coreDistances(kd, minSamples);
  const { a, b, height, size } = mergesOf(primPathOnTree(kd, core, signal), n);
  const m = n - 1;
  const cap = n + 1;
  const parent = new Int32Array(cap).fill(-1), firstChild = new Int32Array(cap).fill(-1);
  const birth = new Float64Array(cap), death = new Float64Array(cap), sum = new Float64Array(cap), split = new Int32Array(cap);
  const processed = new Uint8Array(cap);
  const tracker = new Int32Array(Math.max(m, 0)); // cluster of each merge, before it splits; 0 = root
  const pointCluster = new Int32Array(n), pointEps = new Float64Array(n);
  let clusters = 1;
  birth[0] = m > 0 ? height[m - 1] : 0;
  const leave = (row: number, c: number, eps: number) => {
    pointCluster[row] = c;
    pointEps[row] = eps;
    sum[c] += 1 / eps - 1 / birth[c];
  };
  for (let k = m - 1; k >= 0; k--) {
    const l = a[k], r = b[k], c = tracker[k], h = height[k];
    if (l < 0 && r < 0) {
      const eps = processed[c] ? death[c] : h;
      leave(-l - 1, c, eps);
      leave(-r - 1, c, eps);
      if (!processed[c]) death[c] = Math.min(h, death[c]);
    } else if (l < 0 || r < 0) {
      leave(-(l < 0 ? l : r) - 1, c, processed[c] ? death[c] : h);
      tracker[(l < 0 ? r : l) - 1] = c;
    } else if (size[l - 1] >= minClusterSize && size[r - 1] >= minClusterSize) {
      death[c] = h;
      processed[c] = 1;
      const u = clusters++, v = clusters++;
      firstChild[c] = u;
      parent[u] = c; parent[v] = c;
      tracker[l - 1] = u; tracker[r - 1] = v;
      birth[u] = h; birth[v] = h;
      death[u] = height[l - 1]; death[v] = height[r - 1];
      split[c] = size[l - 1] + size[r - 1];
    } else {
      tracker[l - 1] = c; tracker[r - 1] = c;
    }
  }
  if (n === 1) { pointCluster[0] = 0; pointEps[0] = Infinity; }
  const stability = new Float64Array(clusters);
  for (let c = 0; c < clusters; c++) stability[c] = sum[c] + (split[c] / death[c] - split[c] / birth[c]);
  return {
    core, nTreeClusters: clusters, parent: parent.slice(0, clusters), firstChild: firstChild.slice(0, clusters),
    birth: birth.slice(0, clusters), death: death.slice(0, clusters), stability, pointCluster, pointEps, kd,
  };
}

/**
 * Selected clusters: 'eom' (excess of mass, R's fosc) or 'leaf'. The root is a candidate only with
 * `allowSingleCluster` (then its stability counts from λ = 0, as in the hdbscan library).
 */
export function selectClusters(t: HdbscanTree, method: 'eom' | 'leaf', allowSingleCluster: boolean): Uint8Array {
  const k = t.nTreeClusters;
  const own = new Uint8Array(k); // the cluster beats its descendants
  const score = new Float64Array(k);
  for (let c = k - 1; c >= 0; c--) {
    const f = t.firstChild[c];
    let stab = t.stability[c];
    if (c === 0) {
      if (!allowSingleCluster) { own[0] = 0; continue; }
      stab = rootStability(t);
    }
    if (f < 0) { own[c] = 1; score[c] = stab; continue; }
    const children = score[f] + score[f + 1];
    if (method === 'leaf') { own[c] = 0; score[c] = children; continue; }
    if (stab < children) { own[c] = 0; score[c] = children; } else { own[c] = 1; score[c] = stab; }
  }
  const selected = new Uint8Array(k);
  const stack = [0];
  while (stack.length > 0) {
    const c = stack.pop()!;
    if (own[c]) { selected[c] = 1; continue; }
    const f = t.firstChild[c];
    if (f >= 0) stack.push(f, f + 1);
  }
  return selected;
}

/** The root's stability with birth λ = 0: Σ 1/eps_x over its points + n_split / eps_death. */
function rootStability(t: HdbscanTree): number {
  let s = 0;
  for (let i = 0; i < t.pointCluster.length; i++) if (t.pointCluster[i] === 0) s += 1 / t.pointEps[i];
  if (t.firstChild[0] >= 0) {
    let inChildren = 0;
    for (let i = 0; i < t.pointCluster.length; i++) if (t.pointCluster[i] !== 0) inChildren++;
    s += inChildren / t.death[0];
  }
  return s;
}

/**
 * Segment of every tree cluster: the selected cluster at or above it, numbered by first appearance
 * in row order; -1 when none is selected above it.
 */
export function clusterSegments(t: HdbscanTree, selected: Uint8Array): { segmentOf: Int32Array; labels: Int32Array; nClusters: number } {
  const k = t.nTreeClusters;
  const owner = new Int32Array(k).fill(-1);
  for (let c = 0; c < k; c++) owner[c] = selected[c] ? c : t.parent[c] >= 0 ? owner[t.parent[c]] : -1; // parents have lower ids
  const number = new Int32Array(k).fill(-1);
  const n = t.pointCluster.length, labels = new Int32Array(n);
  let next = 0;
  for (let i = 0; i < n; i++) {
    const o = owner[t.pointCluster[i]];
    if (o < 0) { labels[i] = -1; continue; }
    if (number[o] < 0) number[o] = next++;
    labels[i] = number[o];
  }
  const segmentOf = new Int32Array(k);
  for (let c = 0; c < k; c++) segmentOf[c] = owner[c] < 0 ? -1 : number[owner[c]];
  return { segmentOf, labels, nClusters: next };
}

/**
 * R's membership_prob: (max core distance in the segment − the row's core distance) / that maximum;
 * 0 for noise. `maxCore[s]` per segment. A segment whose maximum is 0 (duplicates) gives 1.
 */
export function membershipStrength(labels: Int32Array, core: Float64Array, nClusters: number): { strength: Float64Array; maxCore: Float64Array } {
  const maxCore = new Float64Array(nClusters);
  for (let i = 0; i < labels.length; i++) if (labels[i] >= 0 && core[i] > maxCore[labels[i]]) maxCore[labels[i]] = core[i];
  const strength = new Float64Array(labels.length);
  for (let i = 0; i < labels.length; i++) {
    const s = labels[i];
    strength[i] = s < 0 ? 0 : maxCore[s] > 0 ? (maxCore[s] - core[i]) / maxCore[s] : 1;
  }
  return { strength, maxCore };
}
