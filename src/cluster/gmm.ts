/**
 * Gaussian mixture model fitted by EM, scikit-learn's GaussianMixture with its four covariance types,
 * initialisations, stopping rule and regularisation, plus soft assignment and fit indices
 * (log-likelihood, AIC, BIC in both signs, SABIC, ICL, relative entropy, class sizes, average
 * posteriors, share of rows in two segments at ≥ 30%). McLachlan & Peel, "Finite Mixture Models", 2000.
 * @module
 */
import { z } from 'zod';
import type { Clusterer } from './types.js';
import { mixtureOptionFields } from './mixture/options.js';
import { SKLEARN_COVARIANCE_TYPES } from './mixture/covariance.js';
import { fitMixture, mixturePredict, mixtureProba, type MixtureState } from './mixture/fit-mixture.js';

/** Gaussian mixture options; every field has its rule and default in the schema. */
export const gmmOptionsSchema = z
  .object({
    ...mixtureOptionFields,
    covarianceType: z
      .enum(['full', 'tied', 'diag', 'spherical'])
      .default('full')
      .describe("Covariance of each component: 'full' (own full matrix), 'tied' (one shared full matrix), 'diag' (own diagonal), 'spherical' (own single variance). Default: 'full'."),
  })
  .strict();

/** Options for gmm (all optional; see the schema for defaults). */
export type GmmOptions = z.input<typeof gmmOptionsSchema>;
/** Fully defaulted options, as `fit` receives them. */
export type GmmParams = z.output<typeof gmmOptionsSchema>;
/** A fitted Gaussian mixture (plain JSON); `model` is the mclust name of the covariance type. */
export type GmmState = MixtureState;

/** The Gaussian mixture clusterer. */
export const gmmClusterer: Clusterer<GmmParams, GmmState> = {
  name: 'gmm',
  categoricalInput: 'none',
  schema: gmmOptionsSchema,
  async fit(data, o, ctx) {
    const { resp: _r, run: _run, ...fitted } = await fitMixture(data, { ...o, model: SKLEARN_COVARIANCE_TYPES[o.covarianceType] }, ctx, 'gmm');
    return fitted;
  },
  predict: (state, data) => mixturePredict(state, data, 'gmm'),
  predictProba: (state, data) => mixtureProba(state, data, 'gmm'),
  nClusters: (state) => state.weights.length,
};
