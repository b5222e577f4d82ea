/**
 * SegkitError: the one error type segkit throws, with a stable code, a message that
 * names the file/row/column/field, and a hint. Warnings are data, collected, never printed here.
 * @module
 */

/** Stable error codes. The CLI maps them to exit codes, the API to HTTP statuses. */
export type ErrorCode =
  | 'E_OPTION'
  | 'E_UNKNOWN_OPTION'
  | 'E_USAGE'
  | 'E_DATA_EMPTY'
  | 'E_DATA_NONFINITE'
  | 'E_DATA_SHAPE'
  | 'E_DATA_TYPE'
  | 'E_DATA_DUPLICATE_ID'
  | 'E_TOO_FEW_ROWS'
  | 'E_FEATURE_MISMATCH'
  | 'E_UNKNOWN_COLUMN'
  | 'E_READ'
  | 'E_WRITE'
  | 'E_MODEL_FORMAT'
  | 'E_NOT_FOUND'
  | 'E_ABORTED'
  | 'E_UNAUTHORIZED'
  | 'E_TOO_LARGE'
  | 'E_STORE_BUSY'
  | 'E_STORE_VERSION'
  | 'E_INTERNAL';

/** Where the problem is: any of file, 1-based data row, column, option field. */
export interface Where {
  file?: string;
  row?: number;
  column?: string;
  field?: string;
}

/** Error raised for every user-facing failure. `code` is stable; `message` is a full sentence. */
export class SegkitError extends Error {
  override readonly name = 'SegkitError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly where: Where = {},
    readonly hint?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  /** Plain JSON form used by `--json` output and the HTTP API. */
  toJSON(): { code: ErrorCode; message: string; where: Where; hint?: string } {
    return { code: this.code, message: this.message, where: this.where, ...(this.hint ? { hint: this.hint } : {}) };
  }
}

/** Stable warning codes. */
export type WarningCode =
  | 'W_NOT_CONVERGED'
  | 'W_FEWER_CLUSTERS'
  | 'W_EMPTY_CLUSTER_RELOCATED'
  | 'W_CONSTANT_FEATURE'
  | 'W_DROPPED_COLUMN'
  | 'W_SAMPLED'
  | 'W_FALLBACK'
  | 'W_MANY_LEVELS'
  | 'W_COVARIANCE_REGULARISED'
  | 'W_UNPARSED_ROWS'
  | 'W_MIXED_DATES'
  | 'W_NEGATIVE_AMOUNTS';

/** A recoverable problem, reported to the user but not fatal. */
export interface SegkitWarning {
  readonly code: WarningCode;
  readonly message: string;
}

/** Type guard for {@link SegkitError}. */
export function isSegkitError(e: unknown): e is SegkitError {
  return e instanceof SegkitError;
}

/** Exhaustiveness check for `switch` over keyword options. */
export function assertUnreachable(x: never, what: string): never {
  throw new Error(`Unreachable ${what}: ${String(x)}`);
}
