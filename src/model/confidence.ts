/**
 * Confidence of a hard assignment, one rule per kind of method, always in [0, 1]:
 * - methods with posteriors (mixtures): the largest posterior; the runner-up is the second largest;
 * - methods with distances (k-means, K-Prototypes, K-Modes, medoids): 1 − d₁/d₂, with d₁ the distance
 *   to the assigned segment and d₂ to the runner-up. 1 on the segment's center, 0 halfway between
 *   two segments (a coin toss), monotone in the margin d₂ − d₁ for a fixed d₂. BigQuery ML and the
 *   seeds' "confidence" columns use similar margin ratios; a softmax over distances would depend on
 *   the scale of the features, this does not.
 * A single segment gets confidence 1 and no runner-up.
 * @module
 */
import type { Matrix } from '../math/matrix.js';

/** Per-row scores of a hard assignment. */
export interface AssignmentScores {
  /** Distance to the assigned segment (NaN where the method has none). */
  readonly distance: Float64Array;
  /** Runner-up segment (-1 where none). */
  readonly runnerUp: Int32Array;
  readonly confidence: Float64Array;
  /** rows × k posteriors, for methods with soft assignment. */
  readonly probabilities?: Matrix;
}

/** Confidence from the distances to the best (d₁) and the second-best (d₂) segment. */
export function marginConfidence(d1: number, d2: number): number {
  if (d2 === Infinity) return 1; // a single segment
  if (!(d2 > 0)) return 0; // both at distance 0: a tie
  return Math.min(1, Math.max(0, 1 - d1 / d2));
}

/** Scores from a rows × k distance matrix and the labels. */
export function scoresFromDistances(dm: Matrix, labels: Int32Array): AssignmentScores {
  const n = labels.length, k = dm.cols;
  const distance = new Float64Array(n).fill(NaN), runnerUp = new Int32Array(n).fill(-1), confidence = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const l = labels[i];
    if (l < 0) continue;
    let second = -1, d2 = Infinity;
    for (let j = 0; j < k; j++) if (j !== l && dm.data[i * k + j] < d2) (d2 = dm.data[i * k + j]), (second = j);
    distance[i] = dm.data[i * k + l];
    runnerUp[i] = second;
    confidence[i] = marginConfidence(distance[i], d2);
  }
  return { distance, runnerUp, confidence };
}

/** Scores from a rows × k posterior matrix: confidence = the largest posterior. */
export function scoresFromPosteriors(p: Matrix, labels: Int32Array): AssignmentScores {
  const n = labels.length, k = p.cols;
  const distance = new Float64Array(n).fill(NaN), runnerUp = new Int32Array(n).fill(-1), confidence = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const l = labels[i];
    if (l < 0) continue;
    let second = -1, p2 = -1;
    for (let j = 0; j < k; j++) if (j !== l && p.data[i * k + j] > p2) (p2 = p.data[i * k + j]), (second = j);
    runnerUp[i] = second;
    confidence[i] = Math.min(1, Math.max(0, p.data[i * k + l]));
  }
  return { distance, runnerUp, confidence, probabilities: p };
}
