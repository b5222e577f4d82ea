/**
 * The contract of every preprocessing step, written down once (scikit-learn's
 * `TransformerMixin` with the fitted attributes pulled out into a plain state): `fit` learns a
 * plain-JSON state from training values, `transform` applies that state unchanged to any values,
 * `inverse` undoes it where the step is invertible. `test/conformance/transformer.ts` checks it.
 * @module
 */

/**
 * One numeric, per-column step (scalers, log1p, Yeo-Johnson, quantile, imputation).
 *
 * Rules every step keeps:
 * - `fit` ignores NaN (missing) values, as scikit-learn's scalers, QuantileTransformer and
 *   PowerTransformer do; `transform` maps NaN to NaN, except the imputer, which fills it.
 * - The state holds numbers, strings and plain arrays only (no typed arrays), so it survives
 *   `JSON.stringify` into the model file unchanged.
 * - Neither `fit` nor `transform` mutates its input; `transform` returns a new array.
 */
export interface Transformer<State, Options = Record<string, never>> {
  /** Registry key, stored beside the state in the pipeline (`'standard'`, `'quantile'`, …). */
  readonly name: string;
  /** Learns the state from training values. Options are trusted (validated by the caller). */
  fit(x: Float64Array, options?: Partial<Options>): State;
  /** Applies a fitted state to values. */
  transform(state: State, x: Float64Array): Float64Array;
  /** Maps transformed values back to the input scale, where the step is invertible. */
  inverse?(state: State, y: Float64Array): Float64Array;
}

/** Result of encoding one text column: a rows × width row-major block and the rows with unseen levels. */
export interface Encoded {
  readonly width: number;
  readonly data: Float64Array;
  /** 0-based rows whose value the encoder never saw in training. */
  readonly unseenRows: readonly number[];
}

/** One categorical (text) step: one-hot or ordinal encoding. Missing values are `null`. */
export interface Encoder<State, Options = Record<string, never>> {
  readonly name: string;
  fit(values: readonly (string | null)[], options?: Partial<Options>): State;
  transform(state: State, values: readonly (string | null)[]): Encoded;
  /** Output column names for a column called `column`. */
  featureNames(state: State, column: string): string[];
}
