/**
 * The registry of numeric steps by name: a pipeline state stores `{ step: name, state }`, and this
 * table turns the name back into the step when the state is loaded from a model file.
 * @module
 */
import type { Transformer } from './types.js';
import { standardScaler } from './standard-scaler.js';
import { robustScaler } from './robust-scaler.js';
import { minMaxScaler } from './minmax-scaler.js';
import { quantileTransformer } from './quantile-transformer.js';
import { log1p } from './log1p.js';
import { yeoJohnson } from './yeo-johnson.js';
import { outlierStep } from './outliers.js';

/** Names of the numeric steps a pipeline state may contain. */
export type StepName = 'standard' | 'robust' | 'minmax' | 'quantile' | 'log1p' | 'yeo-johnson' | 'outliers';

/** Step by name. States are validated by the model loader, so `unknown` options/states are trusted here. */
export const STEPS: Readonly<Record<StepName, Transformer<any, any>>> = {
  standard: standardScaler,
  robust: robustScaler,
  minmax: minMaxScaler,
  quantile: quantileTransformer,
  log1p,
  'yeo-johnson': yeoJohnson,
  /** Outlier limits (cap or flag), after the skew step and before scaling. */
  outliers: outlierStep,
};

/** A fitted step as saved: its name and plain-JSON state. */
export interface StepState { step: StepName; state: unknown }
