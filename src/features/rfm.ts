/**
 * RFM analysis of customer features: scores (see `rfm-score.ts`), the score string ('545'), the
 * named segment of a rule table (see `rfm-schemes.ts`), and a summary per segment (customers,
 * share of customers, share of revenue).
 * @module
 */
import { z } from 'zod';
import { SegkitError } from '../errors.js';
import { msg } from '../messages.js';
import { parseOptions } from '../options.js';
import type { FeatureTable } from './sql-engine.js';
import { rfmScores } from './rfm-score.js';
import { RFM_SCHEMES, rfmSegments, type RfmScheme } from './rfm-schemes.js';

/** Options of {@link rfmAnalysis}. */
export const rfmOptionsSchema = z.object({
  bins: z.number().int().min(2).max(9).default(5).describe('Score levels (5 = quintiles, 3 = terciles). **Default:** 5.'),
  ties: z.enum(['first', 'together']).default('first').describe(
    "'first': equal-size levels, ties broken by customer ID order (pandas qcut on rank(method='first')); 'together': value quantiles, equal values share a score (qcut with duplicates='drop'; may give fewer levels). **Default:** 'first'.",
  ),
}).strict();
export type RfmOptions = z.infer<typeof rfmOptionsSchema>;

/** One row per segment of the summary. */
export interface RfmSegmentSummary {
  readonly segment: string;
  readonly customers: number;
  readonly shareOfCustomers: number;
  readonly shareOfRevenue: number;
  readonly meanRecencyDays: number;
  readonly meanFrequency: number;
  readonly meanMonetary: number;
}

/** Per-customer RFM (customers in ID order, by code point) and the summary. */
export interface RfmResult {
  readonly ids: readonly string[];
  readonly recency: Float64Array;
  readonly frequency: Float64Array;
  readonly monetary: Float64Array;
  readonly r: Int32Array;
  readonly f: Int32Array;
  readonly m: Int32Array;
  readonly score: readonly string[];
  readonly segment: readonly string[];
  readonly summary: readonly RfmSegmentSummary[];
  readonly scheme: string;
  /** Score levels actually formed (R, F, M); fewer than `bins` only with ties 'together'. */
  readonly levels: readonly [number, number, number];
}

/** RFM of a feature table (needs recency_days, frequency, monetary_total). */
export function rfmAnalysis(t: FeatureTable, scheme: RfmScheme = RFM_SCHEMES.classic, options: Partial<RfmOptions> = {}): RfmResult {
  const o = parseOptions(rfmOptionsSchema, options, 'rfm');
  if (scheme.bins !== o.bins) throw new SegkitError('E_OPTION', msg.rfmSchemeBins(scheme.name, scheme.bins, o.bins), { field: 'bins' });
  // Code-point order of IDs, so that rank ties break the same way whatever engine sorted the rows.
  const order = Array.from(t.ids.keys()).sort((i, j) => (t.ids[i] < t.ids[j] ? -1 : t.ids[i] > t.ids[j] ? 1 : 0));
  const col = (name: string) => {
    const c = t.columns.find((x) => x.name === name);
    if (!c) throw new SegkitError('E_UNKNOWN_COLUMN', msg.unknownColumn(name, 'rfm', t.columns.map((x) => x.name)), { column: name });
    return Float64Array.from(order, (i) => c.values[i]);
  };
  const recency = col('recency_days'), frequency = col('frequency'), monetary = col('monetary_total');
  const s = rfmScores(recency, frequency, monetary, o.bins, o.ties);
  const segment = rfmSegments(scheme, s.r, s.f, s.m);
  const names = [...scheme.segments.map((g) => g.name).filter((n, i, a) => a.indexOf(n) === i), 'Other'];
  const revenue = monetary.reduce((a, b) => a + b, 0);
  const summary = names.map((name) => {
    let n = 0, rev = 0, rs = 0, fs = 0;
    for (let i = 0; i < segment.length; i++) if (segment[i] === name) (n++, (rev += monetary[i]), (rs += recency[i]), (fs += frequency[i]));
    return { segment: name, customers: n, shareOfCustomers: n / segment.length, shareOfRevenue: revenue !== 0 ? rev / revenue : 0, meanRecencyDays: rs / n, meanFrequency: fs / n, meanMonetary: rev / n };
  }).filter((g) => g.customers > 0);
  return {
    ids: order.map((i) => t.ids[i]), recency, frequency, monetary, r: s.r, f: s.f, m: s.m,
    score: Array.from(s.r, (r, i) => `${r}${s.f[i]}${s.m[i]}`), segment, summary, scheme: scheme.name, levels: s.levels,
  };
}
