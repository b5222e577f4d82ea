/**
 * The optional native kernels (native/kmeans_kernels.cc, built by `npm ci` through binding.gyp):
 * loaded once per thread when present, unless SEGKIT_KERNELS=ts forces the TypeScript kernels
 * (CI runs the k-means tests both ways). Both paths give bit-identical results; see the C++ file.
 * @module
 */
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The native k-means kernels' signatures (argument order as the TypeScript kernels). */
export interface NativeKernels {
  assign(x: Float64Array, d: number, k: number, centers: Float64Array, half: Float64Array, labels: Int32Array,
    upper: Float64Array, lower: Float64Array, plain: boolean, start: number, end: number): void;
  accumulate(x: Float64Array, d: number, k: number, labels: Int32Array, w: Float64Array | null, chunk: number, n: number,
    out: Float64Array, chunkRows: number): void;
  kppScore(x: Float64Array, d: number, k: number, n: number, closest: Float64Array, nearest: Int32Array, ids: Int32Array,
    gap: Float64Array, nTrials: number, w: Float64Array | null, cand: Float64Array, pots: Float64Array, chunk: number, chunkRows: number): void;
  nearestTwo(x: Float64Array, d: number, k: number, centers: Float64Array, labels: Int32Array, best: Float64Array,
    second: Int32Array, next: Float64Array, start: number, end: number): void;
  /** Widest instruction set the build dispatches to on this CPU: 'avx512', 'avx2', 'x86-64'. */
  isa(): string;
}

const ADDON = fileURLToPath(new URL('../../build/Release/segkit_kernels.node', import.meta.url));

let loaded: { kernels: NativeKernels | null; reason: string } | undefined;

function load(): { kernels: NativeKernels | null; reason: string } {
  if (process.env.SEGKIT_KERNELS === 'ts') return { kernels: null, reason: 'SEGKIT_KERNELS=ts' };
  if (!existsSync(ADDON)) return { kernels: null, reason: 'native build absent (npm ci builds it with node-gyp)' };
  try {
    return { kernels: createRequire(import.meta.url)(ADDON) as NativeKernels, reason: '' };
  } catch (e) {
    return { kernels: null, reason: `native build failed to load: ${(e as Error).message.split('\n')[0]}` };
  }
}

/** The native kernels, or null when they are absent or disabled. */
export function nativeKernels(): NativeKernels | null {
  loaded ??= load();
  return loaded.kernels;
}

/** One line for `segkit --version`: which kernels run and why. */
export function kernelInfo(): string {
  const k = nativeKernels();
  return k ? `native C++ (${k.isa()})` : `TypeScript (${loaded!.reason})`;
}
