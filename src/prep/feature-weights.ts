/**
 * Feature weights as a pipeline step: each prepared (scaled) column is multiplied by its weight, so
 * the squared Euclidean distance counts it weight² times, as a weighted distance would
 * (the seeds' custom distance with "recency counts twice"). Applied after scaling and pruning,
 * before PCA; saved, and applied again at predict and in SQL export.
 * @module
 */
import { SegkitError } from '../errors.js';
import { msg } from '../messages.js';
import type { Matrix } from '../math/matrix.js';

/** The fitted weights step: one factor per input feature (1 where none was given). */
export interface WeightsState { step: 'weights'; inputNames: string[]; factors: number[] }

/**
 * Checks the weights against the feature names and builds the state. A name is a prepared feature
 * (`recency`, `plan=pro`) or a categorical column, whose weight then applies to each of its one-hot features.
 * @param dropped features removed earlier by pruning: their weights are skipped with a warning message.
 * @throws {SegkitError} E_UNKNOWN_COLUMN (field 'weights') for an unknown feature, E_OPTION for a weight that is not a finite number > 0.
 */
export function fitWeights(weights: Readonly<Record<string, number>>, names: readonly string[], dropped: readonly string[] = []): { state: WeightsState; skipped: string[] } {
  const skipped: string[] = [];
  const factors = names.map(() => 1);
  // Column-wide weights first, so a weight on one feature (`plan=pro`) wins over its column's (`plan`).
  const entries = Object.entries(weights).sort(([a], [b]) => Number(names.includes(a)) - Number(names.includes(b)));
  for (const [name, w] of entries) {
    if (!(Number.isFinite(w) && w > 0)) throw new SegkitError('E_OPTION', msg.weightNotPositive(name, w), { field: `weights.${name}` });
    const j = names.indexOf(name);
    // A categorical column's name weights all its one-hot features (`plan` → `plan=basic`, `plan=pro`, …).
    const levels = names.flatMap((n, t) => (n.startsWith(`${name}=`) ? [t] : []));
    if (j >= 0) factors[j] = w;
    else if (levels.length > 0) for (const t of levels) factors[t] = w;
    else if (dropped.includes(name)) skipped.push(name);
    else throw new SegkitError('E_UNKNOWN_COLUMN', msg.weightUnknown(name, [...names, ...dropped]), { field: `weights.${name}`, column: name });
  }
  return { state: { step: 'weights', inputNames: [...names], factors }, skipped };
}

/** Multiplies each column by its factor; a new matrix in shared memory. */
export function applyWeights(s: WeightsState, x: Matrix): Matrix {
  const { rows: n, cols: d, data } = x;
  const out = new Float64Array(new SharedArrayBuffer(n * d * 8));
  const f = Float64Array.from(s.factors);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) out[i * d + j] = data[i * d + j] * f[j];
  return { rows: n, cols: d, data: out };
}
