/**
 * Model-based outliers at fit time (`--outliers ecod`): ECOD (prep/ecod.ts) scores every customer in
 * the model's feature space; the top `contamination` share are outliers. The option has the same
 * shape as the per-column outlier rules of the pipeline (method, its limit, action):
 *
 *   action 'remove': the segments are fitted without the outliers; the outliers are then assigned to
 *                    their nearest segment and flagged (novelty reason, `outlier` column).
 *   action 'group':  the same fit, but the outliers form their own group, segment -1 "outliers".
 *
 * The ECOD state (training ECDFs) is saved in the model, so predict scores new customers against
 * the training data, never against their own batch.
 * @module
 */
import { z } from 'zod';
import type { Dataset } from '../data/dataset.js';
import type { AnyClusterer, ExtraColumn, Fitted } from '../cluster/types.js';
import { fitEcod, scoreEcod, type EcodState } from '../prep/ecod.js';
import { msg } from '../messages.js';

export const modelOutliersSchema = z
  .object({
    method: z.literal('ecod').describe("'ecod': Li et al. 2022, as PyOD computes it."),
    contamination: z.number().gt(0).max(0.5).default(0.1).describe('Share of training customers treated as outliers, in (0, 0.5]. Default: 0.1.'),
    action: z.enum(['remove', 'group']).default('remove')
      .describe("'remove': fit the segments without them, then assign them to the nearest segment, flagged; 'group': they form segment -1, \"outliers\". Default: 'remove'."),
  })
  .strict();

export type ModelOutliersOptions = z.input<typeof modelOutliersSchema>;
export type ModelOutliersParams = z.output<typeof modelOutliersSchema>;

/** What the model file keeps. */
export interface ModelOutliers extends ModelOutliersParams {
  readonly state: EcodState;
}

/** Training outliers: the ECOD state, each row's score and flag, and the rows to fit on. */
export function detectOutliers(data: Dataset, o: ModelOutliersParams): { saved: ModelOutliers; scores: Float64Array; flagged: Uint8Array; keep: Int32Array } {
  const f = fitEcod(data.numeric, o.contamination);
  const keep: number[] = [];
  f.outlier.forEach((v, i) => v === 0 && keep.push(i));
  return { saved: { ...o, state: f.state }, scores: f.scores, flagged: f.outlier, keep: Int32Array.from(keep) };
}

/** Labels of every training row: the fit's for the kept rows, predict (or -1 under 'group') for the outliers. */
export function labelsWithOutliers(clusterer: AnyClusterer, fitted: Fitted<unknown>, all: Dataset, keep: Int32Array, flagged: Uint8Array, action: ModelOutliersParams['action']): Int32Array {
  const labels = action === 'group' ? new Int32Array(all.numeric.rows).fill(-1) : clusterer.predict(fitted.state, all);
  keep.forEach((row, t) => (labels[row] = fitted.labels[t]));
  if (action === 'group') flagged.forEach((f, i) => f === 1 && (labels[i] = -1));
  return labels;
}

/** New rows against a saved detector: scores and flags (score above the training threshold). */
export function scoreOutliers(saved: ModelOutliers, data: Dataset): { scores: Float64Array; flagged: Uint8Array } {
  const scores = scoreEcod(saved.state, data.numeric);
  return { scores, flagged: Uint8Array.from(scores, (s) => (s > saved.state.threshold ? 1 : 0)) };
}

/** The two per-row columns: the ECOD score and the 0/1 flag. */
export function outlierColumns(scores: Float64Array, flagged: Uint8Array): ExtraColumn[] {
  return [
    { name: 'outlier_score', kind: 'float', values: scores, description: 'ECOD outlier score (sum over features of the tail probabilities\' −log; higher = more unusual).' },
    { name: 'outlier', kind: 'int', values: Int32Array.from(flagged), description: '1 when the ECOD score is above the training threshold (the top contamination share of training customers).' },
  ];
}

/** The novelty reason of a flagged row. */
export function outlierReason(score: number, threshold: number): string {
  return msg.ecodOutlierReason(score, threshold);
}
