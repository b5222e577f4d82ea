/**
 * Fixed row chunks, and the shape of a runner that executes a chunk op (runner.ts). Work is cut into
 * chunks of CHUNK_ROWS rows whatever the worker count and every op writes per-chunk partials that
 * callers add in chunk order, so 1 or N workers give identical results (as the k-means kernels do,
 * cluster/kmeans-kernels.ts).
 * @module
 */
/** Rows per chunk. */
export const CHUNK_ROWS = 8192;

/** Number of chunks for n rows. */
export function chunkCount(n: number): number {
  return Math.ceil(n / CHUNK_ROWS);
}

/** Runs a named chunk op (MIXTURE_OPS in ops.ts) over chunks [0, chunks); made by runner.ts. */
export interface ChunkRunner {
  readonly parallel: boolean;
  /** An output array the op can write (shared memory on the pool). */
  alloc(length: number): Float64Array;
  /** `a` itself, or a shared copy the workers can read without a copy per message. */
  share(a: Float64Array): Float64Array;
  run(op: string, args: object, chunks: number): Promise<void>;
}
