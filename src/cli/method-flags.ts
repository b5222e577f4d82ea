/**
 * Clustering-method flags shared by `fit` and `select` (moved out of fit.ts): the method name and
 * the options of the methods (k-means, K-Prototypes, k-medoids). The number of segments is each command's own flag (a k for fit, a range for select).
 * @module
 */
import type { Command } from 'commander';
import { numberFlag } from './flags.js';
import { SegkitError } from '../errors.js';
import { msg } from '../messages.js';

/** The method flags as commander gives them. */
export interface MethodFlags {
  method: string;
  init?: string;
  nInit?: string;
  maxIter?: string;
  tol?: string;
  algorithm?: string;
  batchSize?: string;
  gamma?: string;
  metric?: string;
  swap?: string;
  samples?: string;
  sampleSize?: string;
  covarianceType?: string;
  regCovar?: string;
  embedDims?: string;
  embedModel?: string;
  bottleneck?: string;
  hidden?: string;
  grid?: string;
  topology?: string;
  neighborhood?: string;
  training?: string;
  sigma?: string;
  epochs?: string;
  linkage?: string;
  height?: string;
  maxMemoryMb?: string;
  eps?: string;
  minSamples?: string;
  minClusterSize?: string;
}

/** Registers --init … --batch-size (--method is registered by the command, before its k flag). */
export function addMethodOptionFlags(cmd: Command): void {
  cmd
    .option('--init <how>', "seeding: kmeans 'kmeans++' | 'random'; kprototypes/kmodes 'cao' | 'huang' | 'kmodes++' | 'random'; kmedoids 'build' | 'random'; gmm/lpa 'kmeans' | 'random'")
    .option('--n-init <n>', "restarts, or 'auto'")
    .option('--max-iter <n>', 'iteration cap per restart')
    .option('--tol <x>', 'convergence tolerance (relative to mean feature variance)')
    .option('--algorithm <name>', "kmeans: 'auto', 'lloyd' or 'minibatch'; kmedoids: 'auto', 'pam' or 'clara'")
    .option('--batch-size <n>', 'rows per mini-batch')
    .option('--gamma <x>', "kprototypes: weight of one differing category against squared numeric distance: a number, 'balanced' (default) or 'huang' (kmodes' default)")
    .option('--metric <name>', "kmedoids: 'auto' (Gower when there are categories, else Euclidean), 'gower' or 'euclidean'")
    .option('--swap <how>', "kmedoids: 'eager' (FasterPAM, default) or 'steepest' (classic PAM)")
    .option('--samples <n>', 'kmedoids with CLARA: number of samples')
    .option('--sample-size <n>', 'kmedoids with CLARA: rows per sample')
    .option('--covariance-type <type>', "gmm: 'full' (default), 'tied', 'diag' or 'spherical'")
    .option('--reg-covar <x>', 'gmm/lpa: added to the covariance diagonal (default 1e-6; 0 for mclust exactly)')
    .option('--embed-dims <n>', 'embed-kmeans: embedding dimensions (default 32)')
    .option('--embed-model <dir>', 'embed-kmeans: folder of a local ONNX sentence model (config.json, tokenizer.json, tokenizer_config.json, onnx/model.onnx); default: the built-in embedding')
    .option('--grid <rxc>', "som: map size rows x columns, e.g. '10x10' (default about 5·√n neurons, shaped by the data's two main directions)")
    .option('--topology <t>', "som: 'rectangular' (default) or 'hexagonal'")
    .option('--neighborhood <f>', "som: 'gaussian' (default) or 'bubble'")
    .option('--training <how>', "som: 'batch' (default) or 'online' (MiniSom's rule)")
    .option('--sigma <x>', 'som: initial neighbourhood radius in grid units')
    .option('--epochs <n>', 'som: batch training passes (default 20); autoencoder-kmeans: training epochs at most (default 50)')
    .option('--bottleneck <n>', 'autoencoder-kmeans: size of the code layer (default 8)')
    .option('--hidden <n>', 'autoencoder-kmeans: hidden units on each side of the code layer (default 32)')
    .option('--linkage <how>', "hierarchical: 'ward' (default, no distance matrix), 'average', 'complete' or 'single'")
    .option('--height <h>', 'hierarchical: cut the tree at this merge height instead of into k segments')
    .option('--max-memory-mb <n>', 'hierarchical average/complete: memory limit for the distance matrix (default 2048)')
    .option('--eps <x>', "dbscan: neighbourhood radius in the scaled feature space, or 'auto' (the knee of the k-distance curve; default)")
    .option('--min-samples <n>', 'dbscan/hdbscan: rows (itself included) that make a row a core point')
    .option('--min-cluster-size <n>', 'hdbscan: smallest group of rows that counts as a segment (default 5)');
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
  set('gamma', flags.gamma === undefined || flags.gamma === 'balanced' || flags.gamma === 'huang' ? flags.gamma : numberFlag(flags.gamma, '--gamma', { min: 0 }));
  set('metric', flags.metric);
  set('swap', flags.swap);
  set('samples', numberFlag(flags.samples, '--samples', { integer: true, min: 1 }));
  set('sampleSize', numberFlag(flags.sampleSize, '--sample-size', { integer: true, min: 1 }));
  set('covarianceType', flags.covarianceType);
  set('regCovar', numberFlag(flags.regCovar, '--reg-covar', { min: 0 }));
  set('dims', numberFlag(flags.embedDims, '--embed-dims', { integer: true, min: 2 }));
  set('embedModel', flags.embedModel);
  set('bottleneck', numberFlag(flags.bottleneck, '--bottleneck', { integer: true, min: 1 }));
  set('hidden', numberFlag(flags.hidden, '--hidden', { integer: true, min: 1 }));
  if (flags.grid !== undefined) {
    const m = /^(\d+)\s*[x×]\s*(\d+)$/i.exec(flags.grid.trim());
    if (!m) throw new SegkitError('E_USAGE', msg.gridFlag(flags.grid), { field: '--grid' });
    options.rows = Number(m[1]);
    options.cols = Number(m[2]);
  }
  set('topology', flags.topology);
  set('neighborhood', flags.neighborhood);
  set('training', flags.training);
  set('sigma', numberFlag(flags.sigma, '--sigma', { min: 0 }));
  set('epochs', numberFlag(flags.epochs, '--epochs', { integer: true, min: 1 }));
  set('linkage', flags.linkage);
  set('height', numberFlag(flags.height, '--height', { min: 0 }));
  set('maxMemoryMB', numberFlag(flags.maxMemoryMb, '--max-memory-mb', { min: 1 }));
  set('eps', flags.eps === 'auto' ? 'auto' : numberFlag(flags.eps, '--eps', { min: 0 }));
  set('minSamples', numberFlag(flags.minSamples, '--min-samples', { integer: true, min: 1 }));
  set('minClusterSize', numberFlag(flags.minClusterSize, '--min-cluster-size', { integer: true, min: 2 }));
  return options;
}
