/**
 * K-medoids: segments represented by actual customers (medoids), under Gower's dissimilarity for
 * numbers and categories or Euclidean distance for numbers. BUILD or random start, FasterPAM swaps
 * (Schubert & Rousseeuw 2021) or classic PAM swaps (Kaufman & Rousseeuw 1990) on a full
 * dissimilarity matrix up to 10,000 rows, CLARA samples above. Matches R's cluster::pam.
 *
 * When to use it: when a segment should be described by a real, typical customer, when the data
 * mixes numbers and categories and a bounded, outlier-robust dissimilarity is wanted, or when
 * means make no sense. It costs O(n²) time on the matrix, so it suits small and medium data.
 * @module
 */
import { z } from 'zod';
import type { Clusterer } from './types.js';
import { kmedoidsSqlScores } from './kmedoids-sql.js';
import { fitKMedoids, predictKMedoids, kmedoidsDistances, kmedoidsEmbed, type KMedoidsState } from './kmedoids-fit.js';

/** K-medoids options; every field has its rule and default in the schema. */
export const kmedoidsOptionsSchema = z
  .object({
    nClusters: z.number().int().min(1).default(8).describe('Number of segments. Default: 8. At most the number of distinct rows.'),
    metric: z.enum(['auto', 'gower', 'euclidean']).default('auto')
      .describe("Dissimilarity: 'gower' (numbers scaled by their training range, categories 0/1; R's daisy), 'euclidean' (numbers only, not squared: R's pam), or 'auto' = gower when the data has categorical columns, else euclidean. Default: 'auto'."),
    init: z.union([z.enum(['build', 'random']), z.array(z.number().int().min(0)).min(1)]).default('build')
      .describe("Initial medoids: 'build' (PAM's greedy BUILD, deterministic, as R's pam), 'random' distinct rows, or explicit 0-based row indices (nClusters of them). Default: 'build'."),
    swap: z.enum(['eager', 'steepest']).default('eager')
      .describe("'eager' = FasterPAM: take the first improving swap (fast, about as good); 'steepest' = classic PAM: the best swap each iteration. Default: 'eager'."),
    maxIter: z.number().int().min(1).default(100).describe("Cap on passes over the candidates ('eager') or on swaps ('steepest'). Default: 100."),
    algorithm: z.enum(['auto', 'pam', 'clara']).default('auto')
      .describe("'pam' on the full n × n dissimilarity matrix (at most 10,000 rows), 'clara' on samples, or 'auto' = pam up to 10,000 rows, clara above. Default: 'auto'."),
    samples: z.number().int().min(1).default(5).describe('CLARA: number of samples (R clara default). Default: 5.'),
    sampleSize: z.union([z.literal('auto'), z.number().int().min(2).max(10_000)]).default('auto')
      .describe("CLARA: rows per sample, at most 10,000. Default: 'auto' = max(1000, 40 + 2·nClusters), at most the number of rows."),
    columnWeights: z.record(z.string(), z.number().min(0)).default({})
      .describe('Gower: weight of each column by name (numeric or categorical); columns not named weigh 1. Default: all 1.'),
  })
  .strict();

/** Options for k-medoids (all optional; see the schema for defaults). */
export type KMedoidsOptions = z.input<typeof kmedoidsOptionsSchema>;
/** Fully defaulted options, as `fit` receives them. */
export type KMedoidsParams = z.output<typeof kmedoidsOptionsSchema>;

/** The k-medoids clusterer. */
export const kmedoidsClusterer: Clusterer<KMedoidsParams, KMedoidsState> = {
  name: 'kmedoids',
  categoricalInput: 'codes',
  schema: kmedoidsOptionsSchema,
  fit: (data, options, ctx) => fitKMedoids(data, options, ctx),
  predict: (state, data) => predictKMedoids(state, data),
  /** Dissimilarity of each row to each medoid (Gower in [0, 1], or Euclidean). */
  distances: (state, data) => kmedoidsDistances(state, data),
  /** Gower: scaled numbers beside one-hot columns, where L1 distance equals Gower (kmedoids-embed.ts). */
  embed: (state, data, rows) => kmedoidsEmbed(state, data, rows),
  sqlScores: (state, input, d) => kmedoidsSqlScores(state, input, d),
  nClusters: (state) => state.medoidRows.length,
};

export type { KMedoidsState } from './kmedoids-fit.js';
