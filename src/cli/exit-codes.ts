/**
 * Exit codes: 0 ok, 1 internal error, 2 usage/options, 3 data/input, 4 model/store, 5 drift verdict
 * 'retrain' (`segkit drift`, so cron/CI can act on it).
 * One mapping from SegkitError codes, used by every command.
 * @module
 */
import type { ErrorCode } from '../errors.js';

export const EXIT_OK = 0;
export const EXIT_INTERNAL = 1;
export const EXIT_USAGE = 2;
export const EXIT_DATA = 3;
export const EXIT_MODEL = 4;
/** `segkit drift`: the data drifted enough that the model should be retrained (verdict 'retrain'). */
export const EXIT_DRIFT = 5;

/** The exit code for an error code. */
export function exitCodeFor(code: ErrorCode): number {
  switch (code) {
    case 'E_OPTION':
    case 'E_UNKNOWN_OPTION':
    case 'E_USAGE':
      return EXIT_USAGE;
    case 'E_MODEL_FORMAT':
    case 'E_WRITE':
    case 'E_STORE_BUSY':
    case 'E_STORE_VERSION':
      return EXIT_MODEL;
    case 'E_ABORTED':
    case 'E_INTERNAL':
      return EXIT_INTERNAL;
    default:
      return EXIT_DATA;
  }
}
