/**
 * K-Prototypes (Huang 1997, 1998) for customers described by numbers and categories: a segment is
 * the mean of its numeric columns and the mode of its categorical ones; a customer's cost is the
 * squared distance to the means plus γ × the number of categories that differ from the modes.
 * Same iteration and tie rules as the Python kmodes package (kmodes-core.ts); γ chosen so neither
 * part swamps the other (kprototypes-gamma.ts).
 *
 * When to use it rather than k-means: when categories matter. K-means needs them one-hot encoded,
 * where a category counts as a squared distance of 2 in 0/1 columns however many levels it has;
 * K-Prototypes compares levels directly and lets γ set their weight.
 * @module
 */
import { z } from 'zod';
import type { Clusterer } from './types.js';
import { fitMixed, predictMixed, mixedDistances, mixedEmbedding, mixedSqlScores, type MixedParams, type MixedState } from './kmodes-fit.js';
import { mixedBaseSchema } from './kmodes.js';

/** K-Prototypes options. */
export const kprototypesOptionsSchema = z
  .object({
    ...mixedBaseSchema,
    gamma: z.union([z.number().positive(), z.enum(['balanced', 'huang'])]).default('balanced')
      .describe("Weight of one categorical mismatch against squared numeric distance: a number, 'huang' (0.5 × mean numeric std: kmodes' default), or 'balanced' (both parts cost the same with one segment). Default: 'balanced'."),
  })
  .strict();

/** The K-Prototypes clusterer. */
export const kprototypesClusterer: Clusterer<MixedParams, MixedState> = {
  name: 'kprototypes',
  categoricalInput: 'codes',
  schema: kprototypesOptionsSchema as z.ZodType<MixedParams, any>,
  fit: (data, options, ctx) => fitMixed(data, options, ctx, 'kprototypes'),
  predict: (state, data) => predictMixed(state, data, 'kprototypes'),
  /** √(squared numeric distance + γ × mismatches): the Euclidean distance after one-hot encoding scaled by √(γ/2). */
  distances: (state, data) => mixedDistances(state, data, 'kprototypes', Math.sqrt),
  embed: (state, data, rows) => mixedEmbedding(state, data, 'kprototypes', rows),
  sqlScores: (state, input, d) => mixedSqlScores(state, input, d, 'sqrt'),
  nClusters: (state) => state.modes.length,
};
