/**
 * Clustering-method flags shared by `fit` and `select` (moved out of fit.ts): the method name and
 * the k-means options. The number of segments is each command's own flag (a k for fit, a range for select).
 * @module
 */
import type { Command } from 'commander';
import { numberFlag } from './flags.js';

/** The method flags as commander gives them. */
export interface MethodFlags {
  method: string;
  init?: string;
  nInit?: string;
  maxIter?: string;
  tol?: string;
  algorithm?: string;
  batchSize?: string;
}

/** Registers --init … --batch-size (--method is registered by the command, before its k flag). */
export function addMethodOptionFlags(cmd: Command): void {
  cmd
    .option('--init <how>', "k-means seeding: 'kmeans++' or 'random'")
    .option('--n-init <n>', "restarts, or 'auto'")
    .option('--max-iter <n>', 'iteration cap per restart')
    .option('--tol <x>', 'convergence tolerance (relative to mean feature variance)')
    .option('--algorithm <name>', "'auto', 'lloyd' or 'minibatch'")
    .option('--batch-size <n>', 'rows per mini-batch');
}

/** The method options the flags ask for, without nClusters (validated later by the method's schema). */
export function methodOptionsFromFlags(flags: MethodFlags): Record<string, unknown> {
  const options: Record<string, unknown> = {};
  const set = (k: string, v: unknown) => v !== undefined && (options[k] = v);
  set('init', flags.init);
  set('nInit', flags.nInit === 'auto' ? 'auto' : numberFlag(flags.nInit, '--n-init', { integer: true, min: 1 }));
  set('maxIter', numberFlag(flags.maxIter, '--max-iter', { integer: true, min: 1 }));
  set('tol', numberFlag(flags.tol, '--tol', { min: 0 }));
  set('algorithm', flags.algorithm);
  set('batchSize', numberFlag(flags.batchSize, '--batch-size', { integer: true, min: 1 }));
  return options;
}
