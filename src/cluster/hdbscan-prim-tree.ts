/**
 * The same Prim path as `primPath` (hdbscan-tree.ts: R dbscan's prims, ties to the lowest row),
 * found faster on the k-d tree. Each step adds vertex c and lowers the fringe weight f_i of every
 * remaining row to mrd(c, i) = max(d(c, i), core_c, core_i) where smaller; a node can be skipped
 * when none of its rows can improve: core_c ≥ the node's largest f, or the box is at least that far
 * from c (mrd ≥ d). The next vertex is the (f, row) minimum, kept per node so the root holds it.
 * The weights are the same floating-point values (a minimum of the same mrd values), so the path is
 * identical to the plain O(n²) scan; the scan remains the reference in the tests.
 * @module
 */
import type { KdTree } from '../math/kd-tree.js';
import { SegkitError } from '../errors.js';
import { msg } from '../messages.js';

/** @internal Prim path (see `primPath`) using the k-d tree `tree` built on the same rows. */
export function primPathOnTree(tree: KdTree, core: Float64Array, signal?: AbortSignal): { from: Int32Array; to: Int32Array; weight: Float64Array } {
  const { n, d, nodes, points, order, start, end, left, right, lo, hi } = tree;
  const m = Math.max(0, n - 1);
  const from = new Int32Array(m), to = new Int32Array(m), weight = new Float64Array(m);
  if (n < 2) return { from, to, weight };
  // Per position (tree order): fringe weight and its square; removed rows get f = Infinity for the
  // minimum and are left out of the maximum.
  const f = new Float64Array(n).fill(Infinity), fsq = new Float64Array(n).fill(Infinity);
  const removed = new Uint8Array(n);
  const coreP = new Float64Array(n);
  for (let p = 0; p < n; p++) coreP[p] = core[order[p]];
  const posOf = new Int32Array(n);
  for (let p = 0; p < n; p++) posOf[order[p]] = p;
  // Per node: the (f, row) minimum over remaining rows, the largest f, the remaining count.
  const minF = new Float64Array(nodes).fill(Infinity), minRow = new Int32Array(nodes).fill(n), maxF = new Float64Array(nodes).fill(Infinity);
  const remaining = new Int32Array(nodes);
  const parent = new Int32Array(nodes).fill(-1), leafOf = new Int32Array(n);
  for (let id = 0; id < nodes; id++) {
    remaining[id] = end[id] - start[id];
    if (left[id] >= 0) { parent[left[id]] = id; parent[right[id]] = id; }
    else for (let p = start[id]; p < end[id]; p++) leafOf[p] = id;
  }
  const refreshLeaf = (id: number) => {
    let mn = Infinity, mr = n, mx = -Infinity;
    for (let p = start[id]; p < end[id]; p++) {
      if (removed[p]) continue;
      const v = f[p], r = order[p];
      if (v < mn || (v === mn && r < mr)) { mn = v; mr = r; }
      if (v > mx) mx = v;
    }
    minF[id] = mn; minRow[id] = mr; maxF[id] = mx;
  };
  const refreshUp = (leaf: number) => {
    refreshLeaf(leaf);
    for (let id = parent[leaf]; id >= 0; id = parent[id]) {
      const a = left[id], b = right[id];
      const takeB = minF[b] < minF[a] || (minF[b] === minF[a] && minRow[b] < minRow[a]);
      minF[id] = takeB ? minF[b] : minF[a];
      minRow[id] = takeB ? minRow[b] : minRow[a];
      maxF[id] = maxF[a] > maxF[b] ? maxF[a] : maxF[b];
    }
  };
  const remove = (p: number) => {
    removed[p] = 1;
    for (let id = leafOf[p]; id >= 0; id = parent[id]) remaining[id]--;
    refreshUp(leafOf[p]);
  };
  const stack = new Int32Array(4 * Math.ceil(Math.log2(n + 2)) + 64);
  const dirty = new Int32Array(nodes);
  let c = 0;
  remove(posOf[0]);
  for (let e = 0; e < m; e++) {
    if ((e & 1023) === 0 && signal?.aborted) throw new SegkitError('E_ABORTED', msg.aborted('HDBSCAN'));
    const cp = posOf[c], co = cp * d, cc = coreP[cp];
    let top = 0, nDirty = 0;
    stack[top++] = 0;
    while (top > 0) {
      const id = stack[--top];
      if (remaining[id] === 0) continue;
      const mx = maxF[id];
      if (cc >= mx) continue; // mrd ≥ core_c ≥ every f in the node
      let box = 0;
      for (let j = 0; j < d; j++) {
        const q = points[co + j], l = lo[id * d + j], h = hi[id * d + j];
        const g = q < l ? l - q : q > h ? q - h : 0;
        box += g * g;
      }
      if (box > mx * mx * (1 + 1e-9)) continue; // mrd ≥ d ≥ the box distance > every f in the node
      if (left[id] >= 0) { stack[top++] = left[id]; stack[top++] = right[id]; continue; }
      let changed = false;
      for (let p = start[id]; p < end[id]; p++) {
        if (removed[p]) continue;
        const fp = f[p], ci = coreP[p], lb = cc > ci ? cc : ci;
        if (lb >= fp) continue;
        const base = p * d;
        let sq = 0;
        for (let j = 0; j < d; j++) { const u = points[base + j] - points[co + j]; sq += u * u; }
        if (sq > fsq[p] * (1 + 1e-9)) continue;
        let w = Math.sqrt(sq);
        if (lb > w) w = lb;
        if (w < fp) { f[p] = w; fsq[p] = w * w; changed = true; }
      }
      if (changed) dirty[nDirty++] = id;
    }
    for (let t = 0; t < nDirty; t++) refreshUp(dirty[t]);
    const next = minRow[0];
    from[e] = next; to[e] = c; weight[e] = minF[0];
    remove(posOf[next]);
    c = next;
  }
  return { from, to, weight };
}
