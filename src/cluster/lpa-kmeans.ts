/**
 * Two-stage segmentation: latent profiles first, then k-means on each customer's profile posteriors.
 *
 * Stage-2 input: the posterior probability vectors (rows × nProfiles), not the profile means. The
 * posteriors keep each customer's mixed membership (a customer 50/50 between two profiles lands
 * between them), lie on one [0, 1] scale whatever the units of the features, and can be computed for
 * new customers, so predict runs both stages. K-means on the profile means would cluster only
 * nProfiles points and throw that information away.
 * @module
 */
import { z } from 'zod';
import type { Clusterer, FitContext } from './types.js';
import type { SegkitWarning } from '../errors.js';
import { datasetFromMatrix } from '../data/dataset.js';
import { mixtureOptionFields } from './mixture/options.js';
import { fitMixture, mixtureProba, type MixtureState } from './mixture/fit-mixture.js';
import { lpaModelName, lpaModelSchema } from './lpa.js';
import { mixtureSqlScores } from './mixture/sql-scores.js';
import { sqDistSql } from './sql-scores.js';
import { safeExp } from '../data/sql-dialect.js';
import { kmeansClusterer, kmeansOptionsSchema, type KMeansState } from './kmeans.js';

export const lpaKmeansOptionsSchema = z
  .object({
    nClusters: z.number().int().min(1).default(3).describe('Number of final segments (stage 2, k-means). Default: 3.'),
    nProfiles: z.number().int().min(1).default(6).describe('Number of latent profiles (stage 1). Default: 6.'),
    model: lpaModelSchema.default('EEI').describe("Stage-1 covariance model: mclust's EEI, VVI, EEE, VVV, EII, VII, or tidyLPA's numbers 1, 2, 3, 6. Default: 'EEI'."),
    init: mixtureOptionFields.init,
    nInit: mixtureOptionFields.nInit,
    maxIter: z.number().int().min(1).default(1000).describe('Stage-1 EM iteration cap. Default: 1000.'),
    tol: z.number().min(0).default(1e-5).describe('Stage-1 tolerance on the mean log-likelihood change. Default: 1e-5 (as lpa).'),
    regCovar: mixtureOptionFields.regCovar,
    kmeansNInit: z.number().int().min(1).default(10).describe('Stage-2 k-means restarts (k-means++). Default: 10.'),
  })
  .strict();

export type LpaKmeansOptions = z.input<typeof lpaKmeansOptionsSchema>;
export type LpaKmeansParams = z.output<typeof lpaKmeansOptionsSchema>;

/** Both stages, plain JSON. */
export interface LpaKmeansState {
  /** Stage 1: the latent profile model. */
  readonly profiles: MixtureState;
  /** Stage 2: k-means on the stage-1 posteriors (centers are points of the probability simplex). */
  readonly segments: KMeansState;
  readonly stage2Input: 'posteriors';
}

/** The two-stage "profiles, then k-means" clusterer. */
export const lpaKmeansClusterer: Clusterer<LpaKmeansParams, LpaKmeansState> = {
  name: 'lpa-kmeans',
  categoricalInput: 'none',
  schema: lpaKmeansOptionsSchema,
  async fit(data, o, ctx) {
    const warnings: SegkitWarning[] = [];
    const sub = (stream: number): FitContext => ({
      ...ctx,
      rng: ctx.rng.fork(stream),
      warn(code, message) {
        warnings.push({ code, message });
        ctx.warn(code, message);
      },
    });
    const stage1 = await fitMixture(data, { ...o, nClusters: o.nProfiles, model: lpaModelName(o.model) }, sub(0), 'lpa-kmeans');
    const posteriors = datasetFromMatrix({ rows: data.numeric.rows, cols: o.nProfiles, data: stage1.resp }, undefined, data.weights);
    const km = kmeansOptionsSchema.parse({ nClusters: o.nClusters, nInit: o.kmeansNInit });
    const stage2 = await kmeansClusterer.fit(posteriors, km, sub(1));
    return {
      state: { profiles: stage1.state, segments: stage2.state, stage2Input: 'posteriors' },
      labels: stage2.labels,
      diagnostics: { ...stage1.diagnostics, nProfiles: o.nProfiles, inertia: stage2.diagnostics.inertia, kmeansNIter: stage2.diagnostics.nIter },
      warnings,
    };
  },
  predict(state, data) {
    return kmeansClusterer.predict(state.segments, datasetFromMatrix(mixtureProba(state.profiles, data, 'lpa-kmeans')));
  },
  /** Euclidean distance of each row's posterior vector to each segment center. */
  distances(state, data) {
    return kmeansClusterer.distances!(state.segments, datasetFromMatrix(mixtureProba(state.profiles, data, 'lpa-kmeans')));
  },
  /** Stage 1's posteriors as intermediate columns (normalizeRows' arithmetic), then stage 2's squared distances. */
  sqlScores(state, input, d) {
    const dens = mixtureSqlScores(state.profiles, input.features, d).exprs;
    const m = dens.map((_, j) => d.ident(`_lpa_m${j}`)), e = dens.map((_, j) => d.ident(`_lpa_e${j}`));
    const top = d.ident('_lpa_top'), sum = d.ident('_lpa_sum');
    const posteriors = dens.map((_, j) => d.ident(`_lpa_p${j}`));
    return {
      kind: 'distance',
      prelude: [
        dens.map((expr, j) => ({ alias: `_lpa_m${j}`, expr })),
        [{ alias: '_lpa_top', expr: `GREATEST(${m.join(', ')})` }],
        m.map((a, j) => ({ alias: `_lpa_e${j}`, expr: safeExp(`${a} - ${top}`, d) })),
        [{ alias: '_lpa_sum', expr: e.join(' + ') }],
        e.map((a, j) => ({ alias: `_lpa_p${j}`, expr: `${a} * (${d.num(1)} / ${sum})` })),
      ],
      exprs: state.segments.centers.map((c) => sqDistSql(posteriors, c, d)),
      reported: 'sqrt',
    };
  },
  nClusters: (state) => state.segments.centers.length,
};
