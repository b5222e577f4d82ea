/**
 * Options of the preprocessing pipeline: one zod schema with each field's rule, default and doc.
 * @module
 */
import { z } from 'zod';

export const pipelineOptionsSchema = z
  .object({
    features: z.array(z.string()).optional().describe('Columns to use. Default: every column but the customer ID.'),
    exclude: z.array(z.string()).default([]).describe('Columns to leave out. Default: none.'),
    idColumn: z.string().optional().describe('Customer ID column; never a feature.'),
    impute: z.enum(['median', 'mean']).default('median').describe("Numeric imputation. Default: 'median' (robust to the skew of spend columns)."),
    missingIndicator: z.boolean().default(false).describe('Add a 0/1 `<col>__missing` feature for each numeric column with missing values. Default: false.'),
    skew: z
      .enum(['auto', 'none', 'log1p', 'yeo-johnson'])
      .default('auto')
      .describe(`Skew handling of numeric columns. 'auto': log1p for non-negative columns with skewness > 1, Yeo-Johnson for other columns with |skewness| > 1. Default: 'auto'.`),
    skewThreshold: z.number().min(0).default(1).describe('|Skewness| above which auto treats a column as skewed. Default: 1.'),
    scale: z.enum(['standard', 'robust', 'minmax', 'quantile', 'none']).default('standard').describe("Scaling of numeric columns. Default: 'standard'."),
    encode: z.enum(['onehot', 'ordinal']).default('onehot').describe("Categorical encoding. Default: 'onehot'."),
    rareLevelShare: z.number().min(0).max(1).default(0.01).describe('Levels rarer than this share of rows are grouped into (other). Default: 0.01.'),
    maxLevels: z.number().int().min(2).default(30).describe('At most this many levels per categorical column; the rest join (other). Default: 30.'),
  })
  .strict();

/** Pipeline options as a caller gives them. */
export type PipelineOptions = z.input<typeof pipelineOptionsSchema>;
/** Fully defaulted pipeline options. */
export type PipelineParams = z.output<typeof pipelineOptionsSchema>;
