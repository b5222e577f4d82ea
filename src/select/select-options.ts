/**
 * Options of `selectK`: every field's rule, default and doc in one zod schema, parsed once at the edge.
 * @module
 */
import { z } from 'zod';
import type { AnyClusterer, Progress } from '../cluster/types.js';

const isClusterer = (v: unknown): v is AnyClusterer =>
  typeof v === 'object' && v !== null && typeof (v as AnyClusterer).fit === 'function' && typeof (v as AnyClusterer).name === 'string';

/** The selection options schema. */
export const selectOptionsSchema = z
  .object({
    method: z
      .union([z.string(), z.custom<AnyClusterer>(isClusterer, 'a method name or a clusterer')])
      .default('kmeans')
      .describe("Clustering method: a registry name ('kmeans', …) or a Clusterer. It must have an 'nClusters' option. Default: 'kmeans'."),
    options: z
      .record(z.string(), z.unknown())
      .default({})
      .describe("The method's other options (validated by its schema); 'nClusters' is set by the grid. Default: {}."),
    kRange: z
      .tuple([z.number().int(), z.number().int()])
      .default([2, 10])
      .describe('Inclusive range [min, max] of k, min ≥ 1, max > min, max < rows. Default: [2, 10].'),
    gapReferences: z
      .number()
      .int()
      .min(0)
      .refine((v) => v !== 1, 'an integer 0 (no gap statistic) or ≥ 2 (a standard error needs two references)')
      .default(10)
      .describe('Reference data sets B for the gap statistic; 0 = no gap. Default: 10 (clusGap uses 100; its SE shrinks as 1/√B).'),
    spaceH0: z
      .enum(['scaledPCA', 'original'])
      .default('scaledPCA')
      .describe("Box of the gap's uniform reference: 'scaledPCA' (principal-component box, clusGap's default) or 'original' (feature ranges). Default: 'scaledPCA'."),
    bootstrap: z
      .number()
      .int()
      .min(0)
      .refine((v) => v !== 1, 'an integer 0 (no stability) or ≥ 2 (stability compares pairs of fits)')
      .default(20)
      .describe('Bootstrap fits per k for the stability score; 0 = none. Default: 20.'),
    minSegmentShare: z
      .number()
      .min(0)
      .max(1)
      .default(0.01)
      .describe('A k whose smallest segment holds less than this share of rows is never recommended. Default: 0.01 (1% of customers).'),
    kneeSensitivity: z.number().min(0).default(1).describe("Kneedle's S for the elbow of the cost curve. Default: 1 (the paper's)."),
    seed: z.number().int().min(0).optional().describe('Seed of every random choice; drawn and recorded in the report when absent.'),
  })
  .strict();

/** Options of `selectK` as users write them (all optional), plus callbacks. */
export type SelectOptions = z.input<typeof selectOptionsSchema> & {
  /** Progress across the whole grid: one step per fit. */
  onProgress?: (p: Progress) => void;
  signal?: AbortSignal;
};
/** Fully defaulted options. */
export type SelectParams = z.output<typeof selectOptionsSchema>;
