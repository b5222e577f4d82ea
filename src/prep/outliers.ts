/**
 * Outlier limits per numeric column, learned in training and saved: capping (winsorising) at
 * z-score or quantile limits, or flagging by the robust modified z-score of Iglewicz & Hoaglin
 * (1993, "How to Detect and Handle Outliers": |0.6745 (x − median) / MAD| > 3.5). One option shape
 * for every outlier rule, so model-based rules (ECOD, issue 12) can join it:
 *   { method: 'z' | 'quantile' | 'mad' | …, <the method's limits>, action: 'cap' | 'flag' }
 * 'cap' clamps values to the limits (in training and at predict); 'flag' leaves values alone and
 * reports the rows outside the limits.
 * @module
 */
import { z } from 'zod';
import type { Transformer } from './types.js';
import { meanVar, percentilesFinite } from './stats.js';

const action = z.enum(['cap', 'flag']);

/** The `outliers` pipeline option: a rule and what to do with values outside its limits. */
export const outliersSchema = z.discriminatedUnion('method', [
  z.object({
    method: z.literal('z'),
    z: z.number().positive().default(3).describe('Limits at mean ± z · std (population std, as scipy.stats.zscore). Default: 3.'),
    action: action.default('cap').describe("'cap' or 'flag'. Default: 'cap'."),
  }).strict(),
  z.object({
    method: z.literal('quantile'),
    lower: z.number().min(0).max(1).default(0.01).describe('Lower quantile limit (numpy linear interpolation). Default: 0.01.'),
    upper: z.number().min(0).max(1).default(0.99).describe('Upper quantile limit, > lower. Default: 0.99.'),
    action: action.default('cap').describe("'cap' or 'flag'. Default: 'cap'."),
  }).strict(),
  z.object({
    method: z.literal('mad'),
    threshold: z.number().positive().default(3.5).describe('Limits at median ± threshold · MAD / 0.6745 (Iglewicz & Hoaglin recommend 3.5). Default: 3.5.'),
    action: action.default('flag').describe("'flag' or 'cap'. Default: 'flag'."),
  }).strict(),
]);

/** Validated `outliers` option. */
export type OutliersParams = z.output<typeof outliersSchema>;

/** The saved limits of one column. */
export interface OutlierState { method: OutliersParams['method']; action: 'cap' | 'flag'; lo: number; hi: number }

/** Φ⁻¹(0.75): MAD / 0.6745 estimates σ for normal data. */
const MAD_TO_SD = 0.6744897501960817;
/** Mean absolute deviation · √(π/2) estimates σ for normal data; the fallback when MAD is 0 (IBM SPSS's modified z). */
const MEANAD_TO_SD = 1.2533141373155001;

/** Limits of one column from its training values (NaN skipped). Assumes validated options (lower < upper). */
export function outlierLimits(x: Float64Array, o: OutliersParams): { lo: number; hi: number } {
  if (o.method === 'z') {
    const { mean, variance } = meanVar(x);
    const sd = Math.sqrt(variance);
    return { lo: mean - o.z * sd, hi: mean + o.z * sd };
  }
  if (o.method === 'quantile') {
    const [lo, hi] = percentilesFinite(x, [o.lower * 100, o.upper * 100]);
    return { lo, hi };
  }
  const [med] = percentilesFinite(x, [50]);
  const dev = new Float64Array(x.length);
  let sum = 0, n = 0;
  for (let i = 0; i < x.length; i++) {
    dev[i] = Math.abs(x[i] - med);
    if (!Number.isNaN(dev[i])) (sum += dev[i]), n++;
  }
  const [mad] = percentilesFinite(dev, [50]);
  // Spend columns are often mostly 0, so MAD is 0 and every non-zero value would be an outlier.
  const spread = mad > 0 ? mad / MAD_TO_SD : n > 0 ? (sum / n) * MEANAD_TO_SD : 0;
  return { lo: med - o.threshold * spread, hi: med + o.threshold * spread };
}

/** The per-column step: clamps under 'cap', passes values through under 'flag'. */
export const outlierStep: Transformer<OutlierState, OutliersParams> = {
  name: 'outliers',
  fit(x, options) {
    const o = options as OutliersParams;
    return { method: o.method, action: o.action, ...outlierLimits(x, o) };
  },
  transform(s, x) {
    const out = new Float64Array(x.length);
    if (s.action === 'flag') out.set(x);
    else for (let i = 0; i < x.length; i++) out[i] = x[i] < s.lo ? s.lo : x[i] > s.hi ? s.hi : x[i];
    return out;
  },
};

/** Values below and above the limits. */
export function countOutside(s: OutlierState, x: ArrayLike<number>): { below: number; above: number } {
  let below = 0, above = 0;
  for (let i = 0; i < x.length; i++) if (x[i] < s.lo) below++; else if (x[i] > s.hi) above++;
  return { below, above };
}
