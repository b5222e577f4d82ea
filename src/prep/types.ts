/**
 * The contract of a per-column numeric preprocessing step: `fit` learns a plain-JSON state from
 * training values, `transform` applies it unchanged to any values, `inverse` undoes it where it
 * can. Steps receive values without missing entries (imputation runs first).
 * @module
 */

/** One numeric column step. */
export interface NumericStep<State> {
  readonly name: string;
  fit(x: Float64Array): State;
  transform(state: State, x: Float64Array): Float64Array;
  inverse?(state: State, y: Float64Array): Float64Array;
}
