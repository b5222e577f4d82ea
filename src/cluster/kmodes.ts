/**
 * K-Modes (Huang 1998) for customers described by categories only: each segment is a mode (the most
 * frequent level of every column) and a customer's cost is the number of columns where it differs.
 * Same iteration and tie rules as the Python kmodes package (see kmodes-core.ts), Cao or Huang
 * initialisation, seeded restarts.
 * @module
 */
import { z } from 'zod';
import type { Clusterer } from './types.js';
import { fitMixed, predictMixed, mixedDistances, mixedEmbedding, mixedSqlScores, type MixedParams, type MixedState } from './kmodes-fit.js';

/** Initialisation option shared by K-Modes and K-Prototypes. */
export const mixedInitSchema = z
  .union([
    z.enum(['cao', 'huang', 'kmodes++', 'random']),
    z.object({ means: z.array(z.array(z.number())).optional(), modes: z.array(z.array(z.union([z.string(), z.number().int()]))).min(1) }).strict(),
  ])
  .default('cao')
  .describe("Initial prototypes: 'cao' (Cao et al. 2009, density × distance, deterministic), 'huang' (Huang 1998, drawn by level frequency), 'kmodes++' (k-means++ seeding with the method's cost: often better than Cao on large, well-spread data), 'random' rows, or explicit { means, modes } (modes as level names or codes). Default: 'cao'.");

/** Options shared by K-Modes and K-Prototypes. */
export const mixedBaseSchema = {
  nClusters: z.number().int().min(1).default(8).describe('Number of segments. Default: 8. At most the number of distinct rows.'),
  init: mixedInitSchema,
  nInit: z.union([z.literal('auto'), z.number().int().min(1)]).default('auto')
    .describe("Restarts; the lowest cost wins. With 'cao' the first run starts from Cao's prototypes and the others from Huang's (Cao is deterministic). Default: 'auto' = 5 for 'cao' (Cao's start and 4 of Huang's), 1 for explicit prototypes, 10 for 'huang' and 'random' (kmodes' n_init)."),
  maxIter: z.number().int().min(1).default(100).describe('Epochs per restart. Default: 100 (kmodes).'),
};

/** K-Modes options. */
export const kmodesOptionsSchema = z.object(mixedBaseSchema).strict();

/** The K-Modes clusterer. */
export const kmodesClusterer: Clusterer<MixedParams, MixedState> = {
  name: 'kmodes',
  categoricalInput: 'codes',
  schema: kmodesOptionsSchema as z.ZodType<MixedParams, any>,
  fit: (data, options, ctx) => fitMixed(data, options, ctx, 'kmodes'),
  predict: (state, data) => predictMixed(state, data, 'kmodes'),
  /** Number of columns where the customer differs from each segment's mode. */
  distances: (state, data) => mixedDistances(state, data, 'kmodes', (c) => c),
  embed: (state, data, rows) => mixedEmbedding(state, data, 'kmodes', rows),
  sqlScores: (state, input, d) => mixedSqlScores(state, input, d, 'identity'),
  nClusters: (state) => state.modes.length,
};
