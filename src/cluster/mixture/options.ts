/**
 * zod option fields shared by the mixture clusterers (gmm, lpa, lpa-kmeans), each with its default.
 * @module
 */
import { z } from 'zod';

export const mixtureOptionFields = {
  nClusters: z.number().int().min(1).default(3).describe('Number of mixture components (segments). Default: 3. At most the number of distinct rows.'),
  init: z
    .union([z.enum(['kmeans', 'random']), z.array(z.array(z.number()))])
    .default('kmeans')
    .describe("Start: 'kmeans' (labels of one seeded k-means run, as scikit-learn), 'random' responsibilities, or initial means (nClusters × nFeatures; weights and covariances from the nearest-mean partition). Default: 'kmeans'."),
  nInit: z.number().int().min(1).default(1).describe('Restarts; the highest log-likelihood wins. Default: 1.'),
  maxIter: z.number().int().min(1).default(100).describe('EM iteration cap per restart. Default: 100.'),
  tol: z.number().min(0).default(1e-3).describe('Stop when the mean per-row log-likelihood changes by less than this (scikit-learn\'s lower bound). Default: 1e-3.'),
  regCovar: z.number().min(0).default(1e-6).describe('Added to every covariance diagonal so covariances stay positive definite (scikit-learn\'s reg_covar). Default: 1e-6. Use 0 to match mclust.'),
};
