/**
 * Benchmark data: Gaussian blobs written once as raw little-endian float64 (rows × cols) so every
 * peer reads the same numbers. Centers uniform in [-10, 10]^d, noise sd 3.5: the blobs overlap,
 * so Lloyd needs tens of iterations instead of the 2 that separated blobs need.
 */
import { existsSync, mkdirSync, writeFileSync, openSync, readSync, closeSync } from 'node:fs';
import { createRng } from '../src/math/rng.js';
import type { Matrix } from '../src/math/matrix.js';

export interface BenchData { name: string; rows: number; cols: number; k: number; file: string }

export function blobsFile(rows: number, cols: number, k: number, seed = 1, sd = 3.5): BenchData {
  const name = `blobs-${rows}x${cols}-k${k}`;
  const file = new URL(`./out/${name}.f64`, import.meta.url).pathname;
  if (!existsSync(file)) {
    mkdirSync(new URL('./out/', import.meta.url).pathname, { recursive: true });
    const rng = createRng(seed);
    const centers = Array.from({ length: k }, () => Array.from({ length: cols }, () => rng.float() * 20 - 10));
    const data = new Float64Array(rows * cols);
    for (let i = 0; i < rows; i++) {
      const c = centers[rng.int(k)];
      for (let j = 0; j < cols; j++) data[i * cols + j] = c[j] + sd * rng.normal();
    }
    writeFileSync(file, new Uint8Array(data.buffer));
  }
  return { name, rows, cols, k, file };
}

export function readMatrix(d: BenchData): Matrix {
  // Read straight into shared memory (as the preprocessing pipeline allocates it, so the kernels can
  // use the worker pool), without a second copy of the file in a Buffer.
  const data = new Float64Array(new SharedArrayBuffer(d.rows * d.cols * 8));
  const bytes = new Uint8Array(data.buffer);
  const fd = openSync(d.file, 'r');
  for (let off = 0; off < bytes.length; ) off += readSync(fd, bytes, off, Math.min(1 << 26, bytes.length - off), off);
  closeSync(fd);
  return { rows: d.rows, cols: d.cols, data };
}
