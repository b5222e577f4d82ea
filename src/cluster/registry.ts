/**
 * The clusterer registry: method name → clusterer. The CLI, the API and the model file look
 * methods up here, so adding an algorithm is one line.
 * @module
 */
import type { AnyClusterer } from './types.js';
import { kmeansClusterer } from './kmeans.js';
import { kmodesClusterer } from './kmodes.js';
import { kprototypesClusterer } from './kprototypes.js';
import { gmmClusterer } from './gmm.js';
import { lpaClusterer } from './lpa.js';
import { lpaKmeansClusterer } from './lpa-kmeans.js';
import { kmedoidsClusterer } from './kmedoids.js';
import { embedKmeansClusterer } from './embed-kmeans.js';
import { autoencoderKmeansClusterer } from './autoencoder-kmeans.js';
import { somClusterer } from './som.js';
import { hierarchicalClusterer } from './hierarchical.js';
import { dbscanClusterer } from './dbscan.js';
import { hdbscanClusterer } from './hdbscan.js';
import { SegkitError } from '../errors.js';
import { msg } from '../messages.js';

const CLUSTERERS: Record<string, AnyClusterer> = {
  kmeans: kmeansClusterer,
  kmodes: kmodesClusterer,
  kprototypes: kprototypesClusterer,
  gmm: gmmClusterer,
  lpa: lpaClusterer,
  'lpa-kmeans': lpaKmeansClusterer,
  kmedoids: kmedoidsClusterer,
  'embed-kmeans': embedKmeansClusterer,
  'autoencoder-kmeans': autoencoderKmeansClusterer,
  som: somClusterer,
  hierarchical: hierarchicalClusterer,
  dbscan: dbscanClusterer,
  hdbscan: hdbscanClusterer,
};

/** Names of every registered method. */
export function methodNames(): string[] {
  return Object.keys(CLUSTERERS);
}

/** The clusterer for `method`; E_OPTION listing the known methods otherwise. */
export function getClusterer(method: string): AnyClusterer {
  const c = CLUSTERERS[method];
  if (!c) throw new SegkitError('E_OPTION', msg.unknownMethod(method, methodNames()), { field: 'method' });
  return c;
}
