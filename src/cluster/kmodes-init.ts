/**
 * Initial prototypes for K-Modes / K-Prototypes.
 *
 * - Cao, Liang & Bai, "A new initialization method for categorical data clustering", 2009: the
 *   densest row first (density = mean share of its levels across columns), then repeatedly the row
 *   maximising density × cost to its nearest chosen prototype. Deterministic. As in kmodes the
 *   density uses the categorical columns; the cost is the full mixed cost, and the numeric part of a
 *   prototype is the chosen row's numbers (kmodes draws them from a normal around the mean, which
 *   is random and leaves clusters empty at larger k; real rows cannot).
 *   A running minimum makes it O(n·k·columns) where kmodes recomputes O(n·k²·columns).
 * - Huang 1998: per column, k levels drawn by their frequency; then each prototype is replaced by
 *   the closest row not already a prototype (kmodes' `init_huang`, with our RNG).
 * - Random: k distinct rows drawn uniformly.
 * @module
 */
import { sampleIndices, type Rng } from '../math/rng.js';
import { rowCost, type MixedData, type Prototypes } from './kmodes-core.js';

/** Prototypes copied from the given rows. */
export function prototypesFromRows(x: MixedData, rows: readonly number[]): Prototypes {
  const k = rows.length, d = x.nNum, m = x.nCat;
  const means = new Float64Array(k * d), modes = new Int32Array(k * m);
  rows.forEach((r, c) => {
    means.set(x.num.subarray(r * d, r * d + d), c * d);
    modes.set(x.cat.subarray(r * m, r * m + m), c * m);
  });
  return { k, means, modes };
}

/** Cao et al. 2009 initialisation (deterministic). */
export function caoInit(x: MixedData, k: number, gamma: number): Prototypes {
  const n = x.rows;
  const density = categoricalDensity(x);
  let first = 0;
  for (let i = 1; i < n; i++) if (density[i] > density[first]) first = i;
  const chosen = [first];
  // minScore[i] = min over chosen prototypes of cost(i, prototype) · density[i].
  const minScore = new Float64Array(n).fill(Infinity);
  for (let c = 1; c < k; c++) {
    const p = prototypesFromRows(x, [chosen[c - 1]]);
    let best = 0;
    for (let i = 0; i < n; i++) {
      const s = rowCost(x, i, p, 0, gamma) * density[i];
      if (s < minScore[i]) minScore[i] = s;
      if (minScore[i] > minScore[best]) best = i;
    }
    chosen.push(best);
  }
  return prototypesFromRows(x, chosen);
}

/** Density of each row: Σ_columns share of its level / nCat (Cao et al.'s Dens). */
function categoricalDensity(x: MixedData): Float64Array {
  const n = x.rows, m = x.nCat;
  const density = new Float64Array(n);
  for (let j = 0; j < m; j++) {
    const counts = new Float64Array(x.nLevels[j]);
    for (let i = 0; i < n; i++) counts[x.cat[i * m + j]]++;
    // kmodes divides by n and then by nCat in two steps; the same order keeps ties identical.
    for (let i = 0; i < n; i++) density[i] += counts[x.cat[i * m + j]] / n / m;
  }
  return density;
}

/** Huang 1998 initialisation with our RNG; the closest row is found on the categorical columns, as in kmodes. */
export function huangInit(x: MixedData, k: number, rng: Rng): Prototypes {
  const n = x.rows, m = x.nCat;
  const drawn = new Int32Array(k * m);
  // Drawing a uniform row draws its level with probability equal to the level's share.
  for (let j = 0; j < m; j++) for (let c = 0; c < k; c++) drawn[c * m + j] = x.cat[rng.int(n) * m + j];
  const catOnly: MixedData = { ...x, num: new Float64Array(0), nNum: 0 };
  const p: Prototypes = { k, means: new Float64Array(0), modes: drawn };
  const rows: number[] = [];
  for (let c = 0; c < k; c++) {
    // The closest row whose levels are not already those of a prototype (ties: the first row).
    let best = -1, bestCost = Infinity;
    for (let i = 0; i < n; i++) {
      const cost = rowCost(catOnly, i, p, c, 1);
      if (cost < bestCost && !equalsAnyPrototype(x, i, drawn, k)) (bestCost = cost), (best = i);
    }
    if (best < 0) best = nearestAny(catOnly, p, c);
    rows.push(best);
    drawn.set(x.cat.subarray(best * m, best * m + m), c * m);
  }
  return prototypesFromRows(x, rows);
}

function equalsAnyPrototype(x: MixedData, i: number, modes: Int32Array, k: number): boolean {
  const m = x.nCat;
  outer: for (let c = 0; c < k; c++) {
    for (let j = 0; j < m; j++) if (x.cat[i * m + j] !== modes[c * m + j]) continue outer;
    return true;
  }
  return false;
}

function nearestAny(x: MixedData, p: Prototypes, c: number): number {
  let best = 0, bestCost = Infinity;
  for (let i = 0; i < x.rows; i++) {
    const cost = rowCost(x, i, p, c, 1);
    if (cost < bestCost) (bestCost = cost), (best = i);
  }
  return best;
}

/**
 * k-means++-style seeding with the K-Prototypes cost (Arthur & Vassilvitskii 2007, with the cost in
 * place of the squared distance): the first row uniform, each next row drawn with probability
 * proportional to its cost to the nearest chosen prototype. Spreads prototypes over the data where
 * Cao's density weighting can pick several from one dense group (bench/RESULTS.md: K-Modes on 1M
 * generated rows, Cao's start ends 15% above a ++ start).
 */
export function plusPlusInit(x: MixedData, k: number, gamma: number, rng: Rng): Prototypes {
  const n = x.rows;
  const chosen = [rng.int(n)];
  const minCost = new Float64Array(n).fill(Infinity);
  for (let c = 1; c < k; c++) {
    const p = prototypesFromRows(x, [chosen[c - 1]]);
    let total = 0;
    for (let i = 0; i < n; i++) {
      const cost = rowCost(x, i, p, 0, gamma);
      if (cost < minCost[i]) minCost[i] = cost;
      total += minCost[i];
    }
    if (!(total > 0)) {
      chosen.push(rng.int(n));
      continue;
    }
    let target = rng.float() * total, pick = n - 1;
    for (let i = 0; i < n; i++) if ((target -= minCost[i]) < 0) (pick = i), (i = n);
    chosen.push(pick);
  }
  return prototypesFromRows(x, chosen);
}

/** k distinct rows drawn uniformly. */
export function randomInit(x: MixedData, k: number, rng: Rng): Prototypes {
  return prototypesFromRows(x, Array.from(sampleIndices(x.rows, k, rng)));
}
