/**
 * Internal metrics recorded in the model file: the method's diagnostics (inertia, iterations)
 * plus silhouette (exact or stratified sample, with its standard error), Davies-Bouldin and
 * Calinski-Harabasz. Metrics that are undefined for the labeling (a single cluster) are null.
 * @module
 */
import type { Matrix } from '../math/matrix.js';
import type { Rng } from '../math/rng.js';
import { silhouette } from '../evaluate/silhouette.js';
import { daviesBouldin } from '../evaluate/davies-bouldin.js';
import { calinskiHarabasz } from '../evaluate/calinski-harabasz.js';

/** Metrics of a fitted labeling. */
export function trainingMetrics(
  x: Matrix, labels: Int32Array, k: number, diagnostics: Readonly<Record<string, number>>, rng: Rng,
): Record<string, number | null> {
  const out: Record<string, number | null> = { ...diagnostics };
  const distinct = new Set<number>();
  for (const l of labels) if (l >= 0) distinct.add(l);
  const valid = distinct.size >= 2 && distinct.size < x.rows;
  if (!valid) {
    Object.assign(out, { silhouette: null, silhouetteSampleSize: null, silhouetteStandardError: null, daviesBouldin: null, calinskiHarabasz: null });
    return out;
  }
  const s = silhouette(x, labels, { rng });
  out.silhouette = s.score;
  out.silhouetteSampleSize = s.sampleSize;
  out.silhouetteStandardError = s.standardError ?? null;
  out.daviesBouldin = daviesBouldin(x, labels);
  out.calinskiHarabasz = calinskiHarabasz(x, labels);
  out.nClusters = k;
  return out;
}
