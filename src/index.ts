/**
 * segkit public API. Every public name is listed here explicitly, grouped by area.
 * @module
 */

// errors
export { SegkitError, isSegkitError } from './errors.js';
export type { ErrorCode, Where, SegkitWarning, WarningCode } from './errors.js';

// math
export { matrix, row, fromRows, toRows } from './math/matrix.js';
export type { Matrix } from './math/matrix.js';
export { createRng } from './math/rng.js';
export type { Rng } from './math/rng.js';

// data
export type { Frame, Column, ColumnKind, NumericColumn, TextColumn } from './data/frame.js';
export { frameFromRecords } from './data/frame.js';
export type { Dataset, CodeMatrix } from './data/dataset.js';
export { datasetFromMatrix } from './data/dataset.js';

// cluster
export type { Clusterer, Fitted, FitContext, Progress } from './cluster/types.js';
