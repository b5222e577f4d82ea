/**
 * The K-Modes / K-Prototypes iteration (Huang 1997, 1998), one implementation for both: K-Modes is
 * K-Prototypes with no numeric columns. Cost of a row against a prototype:
 *
 *   Σ_numeric (x − mean)²  +  γ · #{categorical columns where the row's level ≠ the mode}
 *
 * Same steps, order and tie rules as the Python `kmodes` package (nicodv/kmodes 0.12, kmodes.py and
 * kprototypes.py), so that from the same initial prototypes we reach the same labels and cost:
 *   1. every row goes to its cheapest prototype (first minimum on ties); prototypes become the
 *      means and modes of their rows (a tied mode takes the smallest level code);
 *   2. an epoch visits the rows in order; a row whose cheapest prototype is not its own moves, and
 *      both prototypes are updated at once (online, MacQueen-style): the receiving mode changes only
 *      when the moved level now strictly outnumbers it, the giving mode is recomputed when it lost a
 *      row of its own level;
 *   3. after an epoch, labels and cost are recomputed against the final prototypes; stop when no row
 *      moved or the cost did not decrease.
 * Differences, documented: a cluster left empty is refilled with a row drawn by our seeded RNG from
 * the largest cluster (kmodes uses numpy's RNG), and its numeric mean is updated right away; weights
 * count the same on every path (kmodes adds 1 instead of the weight to a moved row's count).
 * Written as typed-array loops (the reason this module exists: kmodes keeps per-cluster Python dicts
 * and is slow beyond ten thousand rows).
 * @module
 */
import { SegkitError } from '../errors.js';
import { msg } from '../messages.js';
import type { Rng } from '../math/rng.js';

/** The data of a K-Prototypes run in flat arrays. */
export interface MixedData {
  readonly rows: number;
  /** rows × nNum, row-major (nNum may be 0: K-Modes). */
  readonly num: Float64Array;
  readonly nNum: number;
  /** rows × nCat level codes, row-major; -1 (unseen) never equals a mode. */
  readonly cat: Int32Array;
  readonly nCat: number;
  /** Levels per categorical column. */
  readonly nLevels: readonly number[];
  readonly weights?: Float64Array;
}

/** Prototypes: k × nNum means and k × nCat modes. */
export interface Prototypes {
  readonly k: number;
  readonly means: Float64Array;
  readonly modes: Int32Array;
}

/** Result of one run from given prototypes. */
export interface KModesRun {
  readonly prototypes: Prototypes;
  readonly labels: Int32Array;
  readonly cost: number;
  readonly nIter: number;
  readonly converged: boolean;
  /** Cost after the initial assignment and after each epoch (never increases but at the last one). */
  readonly epochCosts: number[];
  readonly refilled: number;
}

/** Cost of row i against prototype c. */
export function rowCost(x: MixedData, i: number, p: Prototypes, c: number, gamma: number): number {
  const d = x.nNum, m = x.nCat;
  let num = 0;
  for (let j = 0, a = i * d, b = c * d; j < d; j++) {
    const t = x.num[a + j] - p.means[b + j];
    num += t * t;
  }
  let mis = 0;
  for (let j = 0, a = i * m, b = c * m; j < m; j++) if (x.cat[a + j] !== p.modes[b + j]) mis++;
  return num + gamma * mis;
}

/**
 * Cheapest prototype of row i (first minimum) and its cost; written out in full (hot loop).
 * `hint` (the row's current cluster) is scored first, so later prototypes can stop counting as soon
 * as they cannot win: sums of non-negative terms only grow under rounding, so a partial cost at or
 * above the best (strictly above, for a lower index that would win a tie) proves the full one is too.
 */
export function nearestPrototype(x: MixedData, i: number, p: Prototypes, gamma: number, hint = 0): { c: number; cost: number } {
  const d = x.nNum, m = x.nCat, num = x.num, cat = x.cat, means = p.means, modes = p.modes;
  const a = i * d, ac = i * m;
  let best = -1, bestCost = Infinity;
  for (let t = 0; t < p.k; t++) {
    const c = t === 0 ? hint : t <= hint ? t - 1 : t;
    const b = c * d, bc = c * m;
    // A lower index wins ties, so it is pruned only when strictly worse.
    const wins = best < 0 || c < best;
    let sq = 0;
    for (let j = 0; j < d; j++) {
      const u = num[a + j] - means[b + j];
      sq += u * u;
    }
    if (wins ? sq > bestCost : sq >= bestCost) continue;
    let mis = 0, pruned = false;
    for (let j = 0; j < m; j++)
      if (cat[ac + j] !== modes[bc + j]) {
        mis++;
        const partial = sq + gamma * mis;
        if (wins ? partial > bestCost : partial >= bestCost) {
          pruned = true;
          break;
        }
      }
    if (pruned) continue;
    const cost = sq + gamma * mis;
    if (cost < bestCost || (cost === bestCost && c < best)) (bestCost = cost), (best = c);
  }
  NEAREST.c = best;
  NEAREST.cost = bestCost;
  return NEAREST;
}

/** Reused result of nearestPrototype: the hot loop allocates nothing (read it before the next call). */
const NEAREST = { c: 0, cost: 0 };

/** Labels and weighted cost against fixed prototypes (kmodes' `labels_cost`). */
export function labelsCost(x: MixedData, p: Prototypes, gamma: number, hints?: Int32Array): { labels: Int32Array; cost: number } {
  const labels = new Int32Array(x.rows);
  let cost = 0;
  for (let i = 0; i < x.rows; i++) {
    const r = nearestPrototype(x, i, p, gamma, hints ? hints[i] : 0);
    labels[i] = r.c;
    cost += r.cost * (x.weights ? x.weights[i] : 1);
  }
  return { labels, cost };
}

/** Per-cluster sums, weights and level counts, updated as rows move. */
class ClusterTallies {
  readonly sums: Float64Array;
  readonly size: Float64Array;
  readonly members: Int32Array;
  readonly freq: Float64Array;
  readonly offset: Int32Array;
  readonly width: number;
  constructor(readonly x: MixedData, readonly k: number) {
    this.sums = new Float64Array(k * x.nNum);
    this.size = new Float64Array(k);
    this.members = new Int32Array(k);
    this.offset = new Int32Array(x.nCat + 1);
    for (let j = 0; j < x.nCat; j++) this.offset[j + 1] = this.offset[j] + x.nLevels[j];
    this.width = this.offset[x.nCat];
    this.freq = new Float64Array(k * this.width);
  }
  add(i: number, c: number, sign: 1 | -1): void {
    const x = this.x, w = (x.weights ? x.weights[i] : 1) * sign, d = x.nNum, m = x.nCat;
    for (let j = 0; j < d; j++) this.sums[c * d + j] += x.num[i * d + j] * w;
    this.size[c] += w;
    this.members[c] += sign;
    for (let j = 0; j < m; j++) this.freq[c * this.width + this.offset[j] + x.cat[i * m + j]] += w;
  }
  count(c: number, j: number, level: number): number {
    return this.freq[c * this.width + this.offset[j] + level];
  }
  /** Most frequent level of column j in cluster c; ties go to the smallest code (kmodes' get_max_value_key). */
  mode(c: number, j: number): number {
    const base = c * this.width + this.offset[j];
    let best = 0;
    for (let l = 1; l < this.x.nLevels[j]; l++) if (this.freq[base + l] > this.freq[base + best]) best = l;
    return best;
  }
  setMean(p: Prototypes, c: number): void {
    const d = this.x.nNum;
    // kmodes: an emptied cluster's numeric prototype is 0 until it is refilled.
    for (let j = 0; j < d; j++) (p.means as Float64Array)[c * d + j] = this.size[c] !== 0 ? this.sums[c * d + j] / this.size[c] : 0;
  }
}

/**
 * Runs K-Prototypes (K-Modes when nNum = 0) from initial prototypes. The prototypes are copied.
 * @throws {SegkitError} E_ABORTED when the signal fires between epochs.
 */
export function runKModes(
  x: MixedData, init: Prototypes, gamma: number,
  o: { maxIter: number; rng: Rng; signal?: AbortSignal; onEpoch?: (epoch: number) => void },
): KModesRun {
  const k = init.k, d = x.nNum, m = x.nCat, n = x.rows;
  const p: Prototypes = { k, means: Float64Array.from(init.means), modes: Int32Array.from(init.modes) };
  const t = new ClusterTallies(x, k);
  const member = new Int32Array(n);
  // 1. Initial assignment, then means and modes of the assigned rows.
  for (let i = 0; i < n; i++) {
    const c = nearestPrototype(x, i, p, gamma).c;
    member[i] = c;
    t.add(i, c, 1);
  }
  let refilled = 0;
  for (let c = 0; c < k; c++) if (t.members[c] === 0) (refill(c), refilled++);
  for (let c = 0; c < k; c++) {
    t.setMean(p, c);
    for (let j = 0; j < m; j++) (p.modes as Int32Array)[c * m + j] = t.mode(c, j);
  }
  let cost = labelsCost(x, p, gamma, member).cost;
  const epochCosts = [cost];
  let labels: Int32Array = new Int32Array(0);
  let nIter = 0, converged = false;
  // 2. Epochs of online moves.
  while (nIter < o.maxIter && !converged) {
    if (o.signal?.aborted) throw new SegkitError('E_ABORTED', msg.aborted('k-prototypes'));
    nIter++;
    let moves = 0;
    for (let i = 0; i < n; i++) {
      const from = member[i];
      const to = nearestPrototype(x, i, p, gamma, from).c;
      if (to === from) continue;
      moves++;
      move(i, from, to);
      if (t.members[from] === 0) (refill(from), refilled++);
    }
    // 3. Labels and cost against the final prototypes of the epoch.
    const lc = labelsCost(x, p, gamma, member);
    labels = lc.labels;
    converged = moves === 0 || lc.cost >= cost;
    cost = lc.cost;
    epochCosts.push(cost);
    o.onEpoch?.(nIter);
  }
  if (nIter === 0) labels = labelsCost(x, p, gamma).labels;
  return { prototypes: p, labels, cost, nIter, converged, epochCosts, refilled };

  function move(i: number, from: number, to: number): void {
    member[i] = to;
    t.add(i, to, 1);
    t.add(i, from, -1);
    for (let j = 0; j < m; j++) {
      const v = x.cat[i * m + j];
      const toMode = p.modes[to * m + j];
      if (t.count(to, j, toMode) < t.count(to, j, v)) (p.modes as Int32Array)[to * m + j] = v;
      if (p.modes[from * m + j] === v) (p.modes as Int32Array)[from * m + j] = t.mode(from, j);
    }
    if (d > 0) (t.setMean(p, to), t.setMean(p, from));
  }

  /** An empty cluster takes a random row of the largest cluster (kmodes' rule, our RNG). */
  function refill(c: number): void {
    let largest = 0;
    for (let q = 1; q < k; q++) if (t.members[q] > t.members[largest]) largest = q;
    if (t.members[largest] <= 1) return;
    let pick = o.rng.int(t.members[largest]);
    let i = 0;
    for (; i < n; i++) if (member[i] === largest && pick-- === 0) break;
    move(i, largest, c);
  }
}
