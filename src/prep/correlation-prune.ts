/**
 * Correlation pruning as a pipeline step: features are dropped until no pair of the rest has
 * |correlation| ≥ the threshold. The rule, as caret's `findCorrelation(exact = TRUE)` (Kuhn,
 * caret R/findCorrelation.R): take the pair with the largest |correlation|; of the two, drop the one
 * whose mean |correlation| to the other remaining features is higher (it carries less of its own);
 * on a tie drop the later column; recompute the means; repeat. The state keeps the surviving
 * columns; the report says, for each dropped feature, its partner and their correlation.
 * @module
 */
import type { Matrix } from '../math/matrix.js';

/** Why a feature was dropped. */
export interface PrunedFeature {
  feature: string;
  /** The feature it correlated with, which was kept at that moment. */
  partner: string;
  correlation: number;
  /** Mean |correlation| of the dropped feature and of its partner to the other remaining features. */
  meanAbs: number;
  partnerMeanAbs: number;
}

/** The fitted pruning step: which input columns survive. */
export interface PruneState { step: 'prune'; inputNames: string[]; keep: number[]; dropped: PrunedFeature[] }

/** Applies the rule to a d × d correlation matrix. Assumes 0 < threshold ≤ 1. */
export function fitPrune(r: Float64Array, names: readonly string[], threshold: number): PruneState {
  const d = names.length;
  const alive = new Array<boolean>(d).fill(true);
  const dropped: PrunedFeature[] = [];
  const meanAbs = (j: number) => {
    let s = 0, c = 0;
    for (let t = 0; t < d; t++) if (alive[t] && t !== j) (s += Math.abs(r[j * d + t])), c++;
    return c > 0 ? s / c : 0;
  };
  for (;;) {
    let best = -1, bp = -1, bq = -1;
    for (let p = 0; p < d; p++) if (alive[p]) for (let q = p + 1; q < d; q++) if (alive[q]) {
      const a = Math.abs(r[p * d + q]);
      if (a >= threshold && a > best) (best = a), (bp = p), (bq = q);
    }
    if (bp < 0) break;
    const mp = meanAbs(bp), mq = meanAbs(bq);
    const [drop, keep, md, mk] = mp > mq ? [bp, bq, mp, mq] : [bq, bp, mq, mp];
    alive[drop] = false;
    dropped.push({ feature: names[drop], partner: names[keep], correlation: r[drop * d + keep], meanAbs: md, partnerMeanAbs: mk });
  }
  const keep = alive.flatMap((a, j) => (a ? [j] : []));
  return { step: 'prune', inputNames: [...names], keep, dropped };
}

/** Keeps the surviving columns; a new matrix in shared memory. */
export function applyPrune(s: PruneState, x: Matrix): Matrix {
  const { rows: n, cols: d, data } = x;
  const k = s.keep.length;
  const out = new Float64Array(new SharedArrayBuffer(n * k * 8));
  for (let i = 0; i < n; i++) for (let j = 0; j < k; j++) out[i * k + j] = data[i * d + s.keep[j]];
  return { rows: n, cols: k, data: out };
}

/** Output names: the surviving features. */
export function pruneNames(s: PruneState): string[] {
  return s.keep.map((j) => s.inputNames[j]);
}
