/**
 * The Hungarian algorithm: a minimum-cost perfect assignment of n rows to m ≥ n columns in O(n²m)
 * (O(k³) for k segments). Kuhn, "The Hungarian method for the assignment problem", Naval Research
 * Logistics Quarterly 2 (1955); Munkres, "Algorithms for the assignment and transportation problems",
 * J. SIAM 5 (1957). This is the shortest-augmenting-path form with row and column potentials
 * (Jonker & Volgenant 1987 describe the same potentials), written from those papers.
 * @module
 */

/**
 * Assigns each row of `cost` (n × m, row-major, n ≤ m) to a distinct column minimising the total.
 * Returns the column of each row. Assumes finite costs.
 */
export function hungarian(cost: Float64Array, n: number, m: number): Int32Array {
  if (n > m) throw new RangeError(`hungarian: ${n} rows need at least as many columns (got ${m})`);
  // 1-based internals: column 0 is the virtual start of each augmenting path.
  const u = new Float64Array(n + 1), v = new Float64Array(m + 1);
  const match = new Int32Array(m + 1); // match[j] = row assigned to column j (0 = free)
  const way = new Int32Array(m + 1);
  const minv = new Float64Array(m + 1);
  const used = new Uint8Array(m + 1);
  for (let i = 1; i <= n; i++) {
    match[0] = i;
    let j0 = 0;
    minv.fill(Infinity);
    used.fill(0);
    // Grow a tree of tight edges from row i until it reaches a free column (Dijkstra on reduced costs).
    do {
      used[j0] = 1;
      const i0 = match[j0];
      let delta = Infinity, j1 = 0;
      for (let j = 1; j <= m; j++) {
        if (used[j]) continue;
        const cur = cost[(i0 - 1) * m + (j - 1)] - u[i0] - v[j];
        if (cur < minv[j]) (minv[j] = cur), (way[j] = j0);
        if (minv[j] < delta) (delta = minv[j]), (j1 = j);
      }
      for (let j = 0; j <= m; j++) {
        if (used[j]) (u[match[j]] += delta), (v[j] -= delta);
        else minv[j] -= delta;
      }
      j0 = j1;
    } while (match[j0] !== 0);
    // Flip the path back to the start.
    do {
      const j1 = way[j0];
      match[j0] = match[j1];
      j0 = j1;
    } while (j0 !== 0);
  }
  const out = new Int32Array(n);
  for (let j = 1; j <= m; j++) if (match[j] > 0) out[match[j] - 1] = j - 1;
  return out;
}
