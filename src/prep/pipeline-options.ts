/**
 * Options of the preprocessing pipeline: one strict zod schema holding each field's rule, default
 * and doc, validated once at the edge by `fitPipeline` (STYLE.md D, F).
 * @module
 */
import { z } from 'zod';

/**
 * The pipeline options: each field carries its rule, its default and its doc (`.describe()`, with
 * the **Default:**), which the CLI help and the OpenAPI document reuse.
 */
export const pipelineOptionsSchema = z
  .object({
    features: z.array(z.string()).nullable().default(null)
      .describe('Columns to use; a chosen column that is all missing is an error instead of a dropped column. Default: null (every column but the customer ID and ID-kind columns).'),
    exclude: z.array(z.string()).default([]).describe('Columns to leave out. Default: [] (none).'),
    idColumn: z.string().nullable().default(null).describe('Customer ID column: never a feature, even when listed in features. Default: null.'),
    impute: z.enum(['median', 'mean']).default('median')
      .describe("Fill value of missing numbers (SimpleImputer strategy). Default: 'median' (robust to the long tails of spend columns)."),
    categoricalMissing: z.enum(['level', 'mode']).default('level')
      .describe("Missing text values: 'level' makes them a '(missing)' level of their own (absence often means something in customer data, e.g. no contract), 'mode' fills the most frequent level. Default: 'level'."),
    missingIndicator: z.boolean().default(false)
      .describe('Add a 0/1 `<column>__missing` feature for each numeric column with missing training values (MissingIndicator). Default: false.'),
    skew: z.enum(['auto', 'none', 'log1p', 'yeo-johnson']).default('auto')
      .describe("Skew handling of numeric columns. 'auto': log1p for a non-negative column with skewness > skewThreshold, Yeo-Johnson for any other column with |skewness| > skewThreshold; 'log1p' falls back to Yeo-Johnson on a column with negatives. Skipped under scale 'quantile', which is rank-based. Default: 'auto'."),
    skewThreshold: z.number().min(0).default(1)
      .describe('|Fisher-Pearson skewness| above which auto treats a column as skewed (1 is the usual rule of thumb for "highly skewed"). Default: 1.'),
    scale: z.enum(['standard', 'robust', 'minmax', 'quantile', 'none']).default('standard')
      .describe("Scaling of numeric, date and ordinal columns (StandardScaler, RobustScaler, MinMaxScaler, QuantileTransformer). Default: 'standard'."),
    quantileOutput: z.enum(['uniform', 'normal']).default('uniform').describe("Output distribution of scale 'quantile'. Default: 'uniform'."),
    encode: z.enum(['onehot', 'ordinal', 'codes']).default('onehot')
      .describe("Categorical encoding: 'onehot' (OneHotEncoder) or 'ordinal' (OrdinalEncoder) into the numeric matrix, or 'codes': kept as level codes beside it for methods that compare categories directly (K-Modes, K-Prototypes, Gower); those methods ask for it themselves. Default: 'onehot'."),
    ordinalOrder: z.record(z.string(), z.array(z.string()).min(1)).default({})
      .describe('Per categorical column, its levels in order; such a column is ordinal-encoded in that order (then scaled) whatever `encode` says. Default: {} (none).'),
    rareLevelShare: z.number().min(0).max(1).default(0.01)
      .describe("Levels with fewer rows than this share are grouped into '(other)' (OneHotEncoder min_frequency). Default: 0.01."),
    maxLevels: z.number().int().min(2).default(30)
      .describe("At most this many levels per categorical column, '(other)' included; the rarest join '(other)' (OneHotEncoder max_categories). Default: 30."),
  })
  .strict();

/** Pipeline options as a caller gives them (every field optional). */
export type PipelineOptions = z.input<typeof pipelineOptionsSchema>;
/** Fully defaulted pipeline options, as stored in the pipeline state. */
export type PipelineParams = z.output<typeof pipelineOptionsSchema>;
