/**
 * Preprocessing flags shared by `fit` and `select` (moved out of fit.ts so both read data the same
 * way): ID, weight, feature choice, imputation, skew, scaling and encoding; outlier limits, correlation
 * pruning, feature weights and PCA (issue 15).
 * @module
 */
import type { Command } from 'commander';
import { listFlag, numberFlag } from './flags.js';
import { SegkitError } from '../errors.js';
import { msg } from '../messages.js';

/** The preprocessing flags as commander gives them. */
export interface PrepFlags {
  id?: string;
  weight?: string;
  features?: string;
  exclude?: string;
  impute?: string;
  missingIndicator?: boolean;
  skew?: string;
  scale?: string;
  encode?: string;
  categoricalMissing?: string;
  rareLevelShare?: string;
  pca?: string;
  whiten?: boolean;
  pruneCorrelated?: string;
  correlation?: string;
  cap?: string;
  flagOutliers?: string;
  weights?: string;
  template?: string;
  pii?: string;
}

/** Registers --id, --weight, --features, --exclude. */
export function addColumnFlags(cmd: Command): void {
  cmd
    .option('--id <column>', 'customer ID column (default: a unique column named like id / customer_id, else the row number)')
    .option('--weight <column>', 'numeric column of per-customer weights (e.g. revenue); not used as a feature')
    .option('--features <cols>', 'comma-separated columns to use (default: all but the ID)')
    .option('--exclude <cols>', 'comma-separated columns to leave out');
}

/** Registers --impute … --rare-level-share. */
export function addPrepFlags(cmd: Command): void {
  cmd
    .option('--impute <how>', "numeric imputation: 'median' or 'mean'")
    .option('--missing-indicator', 'add a 0/1 column per numeric column with missing values')
    .option('--skew <how>', "skew handling: 'auto', 'none', 'log1p', 'yeo-johnson'")
    .option('--scale <how>', "scaling: 'standard', 'robust', 'minmax', 'quantile', 'none'")
    .option('--encode <how>', "categorical encoding for kmeans: 'onehot' or 'ordinal' (kprototypes/kmodes/kmedoids compare levels directly)")
    .option('--categorical-missing <how>', "missing categories: 'level' (a '(missing)' level of their own) or 'mode' (the most frequent level)")
    .option('--rare-level-share <x>', 'levels rarer than this share are grouped into (other)')
    .option('--cap <rule>', "cap (winsorise) numeric values at limits learned in training, before scaling: 'z:3' (mean ± 3 std), 'q:0.01,0.99' (quantiles) or 'mad:3.5' (median ± 3.5·MAD/0.6745)")
    .option('--flag-outliers <rule>', "flag rows with a value beyond such limits, values kept: 'mad:3.5' (robust modified z-score), 'z:3' or 'q:0.01,0.99'")
    .option('--prune-correlated <r>', 'drop features until no pair has |correlation| ≥ r, in (0, 1]; of a pair, the one with the higher mean |correlation| to the rest goes')
    .option('--correlation <how>', "correlation for --prune-correlated and the report: 'pearson' or 'spearman'")
    .option('--weights <list>', "feature weights applied after scaling, e.g. 'recency=2,monetary=1.5' (prepared feature names such as 'plan=pro', or a categorical column for all its one-hot features)")
    .option('--pca <n>', 'principal components after scaling: a count (e.g. 2) or a share of variance in (0, 1) (e.g. 0.9)')
    .option('--whiten', 'with --pca: scale every component to unit variance')
    .option('--template <text>', "embed-kmeans: sentence each row is rendered as, with {Column} fields (default: 'Name: value' pairs)")
    .option('--pii <cols>', 'embed-kmeans: comma-separated personal-data columns never rendered into text');
}

/** The pipeline options the flags ask for (validated later by the pipeline's schema). */
export function prepOptionsFromFlags(flags: PrepFlags): Record<string, unknown> {
  const prep: Record<string, unknown> = {};
  const set = (k: string, v: unknown) => v !== undefined && (prep[k] = v);
  set('features', listFlag(flags.features));
  set('exclude', listFlag(flags.exclude));
  set('impute', flags.impute);
  set('missingIndicator', flags.missingIndicator);
  set('skew', flags.skew);
  set('scale', flags.scale);
  set('encode', flags.encode);
  set('categoricalMissing', flags.categoricalMissing);
  set('rareLevelShare', numberFlag(flags.rareLevelShare, '--rare-level-share', { min: 0 }));
  set('pca', numberFlag(flags.pca, '--pca'));
  set('whiten', flags.whiten);
  set('pruneCorrelated', numberFlag(flags.pruneCorrelated, '--prune-correlated'));
  set('correlation', flags.correlation);
  set('weights', weightsFlag(flags.weights));
  if (flags.template !== undefined || flags.pii !== undefined) prep.text = { template: flags.template ?? null, pii: listFlag(flags.pii) ?? [] };
  if (flags.cap !== undefined && flags.flagOutliers !== undefined) throw new SegkitError('E_USAGE', msg.capAndFlag(), { field: '--cap' });
  set('outliers', flags.cap !== undefined ? outlierFlag(flags.cap, '--cap', 'cap') : flags.flagOutliers !== undefined ? outlierFlag(flags.flagOutliers, '--flag-outliers', 'flag') : undefined);
  return prep;
}

const OUTLIER_SHAPE = "z:<k>, q:<lower>,<upper> or mad:<k> (e.g. z:3, q:0.01,0.99, mad:3.5)";

/** 'z:3' | 'q:0.01,0.99' | 'mad:3.5' (the part after ':' optional: the defaults) → the `outliers` option. */
function outlierFlag(v: string, flag: string, action: 'cap' | 'flag'): Record<string, unknown> {
  const [rule, arg] = v.split(':', 2).map((s) => s.trim());
  const nums = arg === undefined || arg === '' ? [] : arg.split(',').map((s) => Number(s.trim()));
  const bad = () => new SegkitError('E_OPTION', msg.flagBad(flag, v, OUTLIER_SHAPE), { field: flag });
  if (nums.some((n) => !Number.isFinite(n))) throw bad();
  if (rule === 'z' && nums.length <= 1) return { method: 'z', ...(nums.length ? { z: nums[0] } : {}), action };
  if (rule === 'mad' && nums.length <= 1) return { method: 'mad', ...(nums.length ? { threshold: nums[0] } : {}), action };
  if ((rule === 'q' || rule === 'quantile') && (nums.length === 0 || nums.length === 2)) return { method: 'quantile', ...(nums.length ? { lower: nums[0], upper: nums[1] } : {}), action };
  throw bad();
}

/** 'recency=2,monetary=1.5' → { recency: 2, monetary: 1.5 }; the values are checked by the pipeline. */
function weightsFlag(v: string | undefined): Record<string, number> | undefined {
  if (v === undefined) return undefined;
  const out: Record<string, number> = {};
  for (const part of v.split(',').map((s) => s.trim()).filter(Boolean)) {
    const at = part.lastIndexOf('=');
    const name = part.slice(0, at).trim(), w = Number(part.slice(at + 1));
    if (at <= 0 || part.slice(at + 1).trim() === '' || Number.isNaN(w)) throw new SegkitError('E_OPTION', msg.flagBad('--weights', v, "column=weight,… (e.g. recency=2,monetary=1.5)"), { field: '--weights' });
    out[name] = w;
  }
  return out;
}
