/**
 * Initial medoids for PAM: BUILD (Kaufman & Rousseeuw 1990, "Finding Groups in Data", ch. 2), the
 * greedy start R's cluster::pam uses, with its rules so both pick the same rows; or random rows.
 * @module
 */
import type { DistanceMatrix } from './kmedoids-matrix.js';
import { sampleIndices, type Rng } from '../math/rng.js';

/** The value PAM uses for "farther than any row": R's pam takes 1.1 × the largest entry + 1. */
export function farSentinel(d: DistanceMatrix): number {
  return d.max * 1.1 + 1;
}

/**
 * BUILD: the first medoid is the row with the smallest total dissimilarity, each next one the row
 * that lowers the total most. As R's pam (src/pam.c, bswap): gains start from the sentinel, ties go
 * to the later row (its `ammax <= beter[i]`). `w` weighs each row's dissimilarity (absent = 1).
 * Assumes validated input (k ≤ n).
 */
export function buildMedoids(d: DistanceMatrix, k: number, w: Float64Array | null): Int32Array {
  const n = d.n, D = d.data;
  const nearest = new Float64Array(n).fill(farSentinel(d));
  const isMedoid = new Uint8Array(n);
  const medoids = new Int32Array(k);
  for (let t = 0; t < k; t++) {
    let best = -1, bestGain = 0;
    for (let i = 0; i < n; i++) {
      if (isMedoid[i]) continue;
      let gain = 0;
      const o = i * n;
      // max(c, 0) rather than a branch that random data mispredicts; adding +0 changes no bits.
      if (w) for (let j = 0; j < n; j++) gain += w[j] * Math.max(nearest[j] - D[o + j], 0);
      else for (let j = 0; j < n; j++) gain += Math.max(nearest[j] - D[o + j], 0);
      if (bestGain <= gain) (bestGain = gain), (best = i);
    }
    medoids[t] = best;
    isMedoid[best] = 1;
    const o = best * n;
    for (let j = 0; j < n; j++) if (D[o + j] < nearest[j]) nearest[j] = D[o + j];
  }
  return medoids;
}

/** k distinct rows drawn uniformly. */
export function randomMedoids(n: number, k: number, rng: Rng): Int32Array {
  return sampleIndices(n, k, rng);
}
