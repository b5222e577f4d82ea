/**
 * Preprocessing flags shared by `fit` and `select` (moved out of fit.ts so both read data the same
 * way): ID, weight, feature choice, imputation, skew, scaling and encoding.
 * @module
 */
import type { Command } from 'commander';
import { listFlag, numberFlag } from './flags.js';

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
    .option('--rare-level-share <x>', 'levels rarer than this share are grouped into (other)');
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
  return prep;
}
