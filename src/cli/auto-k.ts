/**
 * `segkit fit -k auto`: runs the same selection as `segkit select` on the same preprocessed data,
 * and returns the recommended k with the report that the model's manifest records as evidence.
 * @module
 */
import type { Frame } from '../data/frame.js';
import type { Progress } from '../cluster/types.js';
import { prepareData } from '../model/fit-model.js';
import { selectK } from '../select/select-k.js';
import { parseKRange } from '../select/k-range.js';
import type { SelectionReport } from '../select/report.js';
import { SegkitError } from '../errors.js';

/** Chooses k for `fit`; E_OPTION with the recommender's reasons when no k can be recommended. */
export async function autoK(
  frame: Frame,
  o: { method: string; options: Record<string, unknown>; prep: Record<string, unknown>; idColumn?: string; weightColumn?: string; kRange: string; seed: number; onProgress?: (p: Progress) => void },
): Promise<{ k: number; report: SelectionReport }> {
  const kRange = parseKRange(o.kRange, '--k-range');
  const { prep } = prepareData(frame, { method: o.method, prep: o.prep, idColumn: o.idColumn, weightColumn: o.weightColumn, onProgress: o.onProgress });
  const { nClusters: _ignored, ...options } = o.options;
  const report = await selectK(prep.dataset, { method: o.method, options, kRange: [kRange[0], kRange[1]], seed: o.seed, onProgress: o.onProgress });
  const k = report.recommendation.k;
  if (k === null) throw new SegkitError('E_OPTION', report.recommendation.reasons.at(-1)!, { field: '-k/--n-clusters' }, 'Choose k yourself with -k <n>, or change --k-range.');
  return { k, report };
}
