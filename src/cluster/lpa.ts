/**
 * Latent profile analysis: a Gaussian mixture restricted to one of mclust's covariance models, named
 * as mclust names them or by tidyLPA's model numbers (Rosenberg et al. 2018, "tidyLPA", JOSS 3(30);
 * Fraley & Raftery 2002): 1 = EEI (equal variances, zero covariances), 2 = VVI (varying variances,
 * zero covariances), 3 = EEE (equal variances and covariances), 6 = VVV (varying variances and
 * covariances); EII and VII (one variance per profile or overall) also fit. Same EM core as gmm.
 * @module
 */
import { z } from 'zod';
import type { Clusterer } from './types.js';
import { mixtureOptionFields } from './mixture/options.js';
import type { CovarianceModel } from './mixture/covariance.js';
import { fitMixture, mixturePredict, mixtureProba, type MixtureState } from './mixture/fit-mixture.js';

/** tidyLPA's model numbers and the mclust model each one is. */
export const TIDYLPA_MODELS = { 1: 'EEI', 2: 'VVI', 3: 'EEE', 6: 'VVV' } as const satisfies Record<number, CovarianceModel>;

/** An LPA model as the user may name it: an mclust name or a tidyLPA number. */
export const lpaModelSchema = z
  .union([z.enum(['EII', 'VII', 'EEI', 'VVI', 'EEE', 'VVV']), z.literal(1), z.literal(2), z.literal(3), z.literal(6)])
  .describe("Covariance model: mclust's EEI, VVI, EEE, VVV, EII, VII, or tidyLPA's numbers 1 (EEI), 2 (VVI), 3 (EEE), 6 (VVV).");

/** The mclust name of an LPA model given either way. */
export function lpaModelName(m: z.output<typeof lpaModelSchema>): CovarianceModel {
  return typeof m === 'number' ? TIDYLPA_MODELS[m] : m;
}

/** LPA options; `tol` defaults tighter than gmm's so fit indices settle to mclust's optimum. */
export const lpaOptionsSchema = z
  .object({
    ...mixtureOptionFields,
    model: lpaModelSchema.default('EEI').describe("Covariance model: mclust's EEI, VVI, EEE, VVV, EII, VII, or tidyLPA's numbers 1 (EEI), 2 (VVI), 3 (EEE), 6 (VVV). Default: 'EEI' (tidyLPA's model 1)."),
    maxIter: z.number().int().min(1).default(1000).describe('EM iteration cap per restart. Default: 1000.'),
    tol: z.number().min(0).default(1e-5).describe('Stop when the mean per-row log-likelihood changes by less than this. Default: 1e-5 (tighter than gmm\'s 1e-3 so the fit indices settle; mclust\'s relative 1e-5 is looser on standardised data).'),
  })
  .strict();

export type LpaOptions = z.input<typeof lpaOptionsSchema>;
export type LpaParams = z.output<typeof lpaOptionsSchema>;
export type LpaState = MixtureState;

/** The latent profile analysis clusterer. */
export const lpaClusterer: Clusterer<LpaParams, LpaState> = {
  name: 'lpa',
  categoricalInput: 'none',
  schema: lpaOptionsSchema,
  async fit(data, o, ctx) {
    const { resp: _r, run: _run, ...fitted } = await fitMixture(data, { ...o, model: lpaModelName(o.model) }, ctx, 'lpa');
    return fitted;
  },
  predict: (state, data) => mixturePredict(state, data, 'lpa'),
  predictProba: (state, data) => mixtureProba(state, data, 'lpa'),
  nClusters: (state) => state.weights.length,
};
