/**
 * Options of the preprocessing pipeline: one strict zod schema holding each field's rule, default
 * and doc, validated once at the edge by `fitPipeline` (STYLE.md D, F).
 * @module
 */
import { z } from 'zod';
import { outliersSchema } from './outliers.js';

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
    text: z.object({
      template: z.string().min(1).nullable().default(null)
        .describe('Sentence with {Column} fields, e.g. "A {age}-year-old {job}, balance {balance}". Default: null ("Name: value" pairs of the used columns, in order).'),
      pii: z.array(z.string()).default([])
        .describe('Columns that are personal data: never rendered into text (nor sent to an embedding model). Default: [].'),
    }).strict().nullable().default(null)
      .describe('Also render each row as a sentence for text-embedding methods (embed-kmeans), which ask for it themselves. Default: null.'),
    outliers: outliersSchema.nullable().default(null)
      .describe("Per numeric column, limits learned in training: { method: 'z', z } (mean ± z·std), { method: 'quantile', lower, upper } (winsorising at those quantiles) or { method: 'mad', threshold } (median ± threshold·1.4826·MAD, Iglewicz & Hoaglin's modified z-score); action 'cap' clamps values to the limits, 'flag' keeps them and reports the rows outside. Limits are learned after imputation and the skew step, before scaling; one-hot and 0/1 columns are left alone. The same shape will take model-based methods (ECOD). Default: null (none)."),
    pruneCorrelated: z.number().gt(0).max(1).nullable().default(null)
      .describe('Drop features until no pair has |correlation| ≥ this threshold, in (0, 1]. Of a pair, the feature with the higher mean |correlation| to all the others is dropped (the rule of caret::findCorrelation); ties drop the later column. Computed on the prepared features (after encoding, skew step and scaling). Default: null (keep all).'),
    correlation: z.enum(['pearson', 'spearman']).default('pearson')
      .describe("Correlation of pruneCorrelated and of the report's heatmap: 'pearson' or 'spearman' (Pearson on average ranks). Default: 'pearson'."),
    weights: z.record(z.string(), z.number()).default({})
      .describe('Per prepared feature (e.g. {"recency": 2, "job=admin.": 0.5}) or categorical column (each of its one-hot features), a factor > 0 multiplying the scaled column, so squared distances count it weight² times. Applied after scaling and pruning, before PCA; saved and applied at predict and in SQL export. Default: {} (all 1).'),
    pca: z.number().positive().nullable().default(null)
      .describe('Principal components to keep: a whole number ≥ 1, or a share of variance in (0, 1) (the fewest components whose cumulative explained-variance ratio reaches it). Exact (eigen decomposition of the covariance), on the whole numeric matrix after scaling, pruning and weights, one-hot columns included (with encode \'codes\' the level codes are left out). Features become PC1, PC2, …; profiles still describe segments in the original columns. Default: null (no PCA).'),
    whiten: z.boolean().default(false)
      .describe('With pca: divide each component by its standard deviation, so every component counts the same in distances (sklearn PCA whiten=True). Default: false.'),
  })
  .strict();

/** Pipeline options as a caller gives them (every field optional). */
export type PipelineOptions = z.input<typeof pipelineOptionsSchema>;
/** Fully defaulted pipeline options, as stored in the pipeline state. */
export type PipelineParams = z.output<typeof pipelineOptionsSchema>;
