/**
 * Aligning a retrained model's segments to the old model's ids by co-membership: the new clusters and
 * the old model's segments (the old model scoring the same customers) form a contingency table, and
 * the Hungarian algorithm (hungarian.ts) pairs them to maximise the customers they share. Matched new
 * clusters take the old id (and name); unmatched ones get new ids from max old id + 1. Match quality
 * is the Jaccard index of each pair; an old segment whose best partner shares under `minJaccard` of
 * their customers is reported as vanished (its id is kept on the cluster that took its place).
 * @module
 */
import { hungarian } from './hungarian.js';

/** One old segment and the new cluster that took its id. */
export interface AlignedPair {
  /** The old model's segment id, kept by the new cluster. */
  readonly segment: number;
  /** The cluster's number as the new fit gave it. */
  readonly newCluster: number;
  /** Customers in both. */
  readonly shared: number;
  /** shared / (old size + new size − shared), in [0, 1]. */
  readonly jaccard: number;
}

/** The result of {@link alignByCoMembership}. Plain JSON (kept in the new model's lineage). */
export interface Alignment {
  readonly basis: 'co-membership';
  /** Final segment id of each new cluster (index = new cluster number). */
  readonly mapping: number[];
  readonly pairs: AlignedPair[];
  /** Final ids of new clusters with no old partner. */
  readonly newSegments: number[];
  /** Old ids whose partner shares less than `minJaccard` (or that have none). */
  readonly vanished: number[];
  /** Customer-weighted share of customers that kept their id: Σ shared / n. */
  readonly agreement: number;
}

/**
 * Aligns `newLabels` (0…kNew−1) to `oldLabels` (old segment ids, -1 = unassigned, ignored) on the same customers.
 * `oldIds` lists every old segment id (also those with no customer here). Requires kNew ≥ oldIds.length.
 */
export function alignByCoMembership(oldLabels: Int32Array, newLabels: Int32Array, oldIds: readonly number[], kNew: number, minJaccard = 0.2): Alignment {
  const kOld = oldIds.length;
  const row = new Map(oldIds.map((id, i) => [id, i]));
  const table = new Float64Array(kOld * kNew), oldSize = new Float64Array(kOld), newSize = new Float64Array(kNew);
  let n = 0;
  for (let i = 0; i < newLabels.length; i++) {
    const b = newLabels[i];
    if (b < 0) continue;
    newSize[b]++;
    const a = row.get(oldLabels[i]);
    if (a === undefined) continue;
    oldSize[a]++;
    table[a * kNew + b]++;
    n++;
  }
  // Maximise shared customers = minimise their negation.
  const cost = table.map((v) => -v);
  const partner = hungarian(cost, kOld, kNew);
  const mapping = new Array<number>(kNew).fill(-1);
  const pairs: AlignedPair[] = [];
  const vanished: number[] = [];
  let kept = 0;
  for (let a = 0; a < kOld; a++) {
    const b = partner[a];
    const shared = table[a * kNew + b];
    const union = oldSize[a] + newSize[b] - shared;
    const jaccard = union > 0 ? shared / union : 0;
    mapping[b] = oldIds[a];
    pairs.push({ segment: oldIds[a], newCluster: b, shared, jaccard });
    if (jaccard < minJaccard) vanished.push(oldIds[a]);
    kept += shared;
  }
  let next = Math.max(-1, ...oldIds) + 1;
  const newSegments: number[] = [];
  for (let b = 0; b < kNew; b++) if (mapping[b] < 0) newSegments.push((mapping[b] = next++));
  return { basis: 'co-membership', mapping, pairs, newSegments, vanished, agreement: n > 0 ? kept / n : 0 };
}
