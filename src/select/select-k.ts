/**
 * selectK: the grid runner. For each k of the range it fits the method once on the data, B_gap times
 * on reference data sets and B_boot times on bootstrap resamples, and measures cost, silhouette,
 * Davies-Bouldin, Calinski-Harabasz, gap, BIC/ICL, stability and the smallest segment; then the
 * recommender picks k. Works over the clusterer registry: any method with an `nClusters` option.
 *
 * Randomness (all from the seed, so results do not depend on worker count or order of work):
 * stream 1 → the data fits (fork k), stream 2 → reference draws (fork b) and their fits (fork b, fork k),
 * stream 3 → resamples (fork b) and their fits (fork b, fork k), stream 4 → silhouette samples (fork k).
 * W_k is measured on the numeric matrix (the Euclidean features); for mixed data the reference's
 * categorical codes are permuted column by column (gap-reference.ts).
 * Work runs in three passes (data fits, reference sets, resamples) so each reference set is drawn once.
 * @module
 */
import type { Dataset } from '../data/dataset.js';
import { datasetFromMatrix } from '../data/dataset.js';
import type { AnyClusterer, Fitted } from '../cluster/types.js';
import { createFitContext } from '../cluster/types.js';
import { getClusterer } from '../cluster/registry.js';
import { createRng, drawSeed, type Rng } from '../math/rng.js';
import { takeRows, type Matrix } from '../math/matrix.js';
import { parseOptions } from '../options.js';
import { SegkitError, type SegkitWarning } from '../errors.js';
import { msg } from '../messages.js';
import { silhouette } from '../evaluate/silhouette.js';
import { metricSpace } from '../evaluate/metric-space.js';
import { daviesBouldin } from '../evaluate/davies-bouldin.js';
import { calinskiHarabasz } from '../evaluate/calinski-harabasz.js';
import { selectOptionsSchema, type SelectOptions, type SelectParams } from './select-options.js';
import { checkKRangeAgainstData, checkKRangeShape } from './k-range.js';
import { logWithinDispersion } from './within-dispersion.js';
import { referenceBox, drawReference, permuteCodes } from './gap-reference.js';
import { gapStatistic } from './gap.js';
import { bootstrapSample } from './bootstrap-sample.js';
import { stabilityOf, type ResampleLabels } from './stability.js';
import { costName, costOf, diagnostic } from './method-scores.js';
import { recommend } from './recommend.js';
import { SELECTION_FORMAT, SELECTION_VERSION, type SelectionReport, type SelectionRow } from './report.js';

/**
 * Measures every k of the range and recommends one.
 * @throws {SegkitError} E_OPTION (bad options, malformed range, method without nClusters), E_TOO_FEW_ROWS
 *   (range beyond the rows or distinct rows), the method's own data errors, E_ABORTED.
 * @example
 *   const report = await selectK(dataset, { kRange: [2, 8], gapReferences: 10, bootstrap: 20, seed: 1 });
 *   report.recommendation.k; // e.g. 4, with report.recommendation.reasons
 */
/**
 * Choosing k needs a method with a number of segments (not DBSCAN/HDBSCAN).
 * @throws {SegkitError} E_OPTION naming the method's own parameters
 */
export function checkMethodTakesK(clusterer: AnyClusterer): void {
  const params = optionNames(clusterer);
  if (params && !params.includes('nClusters')) throw new SegkitError('E_OPTION', msg.methodWithoutK(clusterer.name, params), { field: 'method' });
}

export async function selectK(data: Dataset, input: SelectOptions = {}): Promise<SelectionReport> {
  const started = performance.now();
  const { onProgress, signal, ...rest } = input;
  const p: SelectParams = parseOptions(selectOptionsSchema, rest, 'selectK');
  const clusterer = typeof p.method === 'string' ? getClusterer(p.method) : p.method;
  const methodName = clusterer.name;
  checkMethodTakesK(clusterer);
  checkKRangeShape(p.kRange);
  const [kMin, kMax] = p.kRange;
  // Validate the method's options once, at the smallest k, before any work.
  parseOptions(clusterer.schema, { ...p.options, nClusters: kMin }, methodName);
  const x = data.numeric;
  checkKRangeAgainstData(p.kRange, x);
  const seed = p.seed ?? drawSeed();
  const root = createRng(seed);
  const box = p.gapReferences > 0 ? referenceBox(x, p.spaceH0) : null;
  const ks = Array.from({ length: kMax - kMin + 1 }, (_, i) => kMin + i);
  let done = 0;
  const total = ks.length * (1 + p.gapReferences) + ks.filter((k) => k > 1).length * p.bootstrap;
  const tick = (k: number, what: string) => onProgress?.({ step: `choosing k: ${what}, k=${k}`, done: ++done, total });

  const fitK = async (k: number, d: Dataset, rng: Rng, warnings: SegkitWarning[]): Promise<Fitted<unknown>> => {
    if (signal?.aborted) throw new SegkitError('E_ABORTED', msg.aborted('Choosing k'));
    const params = parseOptions(clusterer.schema, { ...p.options, nClusters: k }, methodName);
    return clusterer.fit(d, params, createFitContext(rng, warnings, { signal }));
  };
  const seconds = new Map<number, number>(ks.map((k) => [k, 0]));
  const timed = async <T>(k: number, f: () => Promise<T>): Promise<T> => {
    const t = performance.now();
    const v = await f();
    seconds.set(k, seconds.get(k)! + (performance.now() - t) / 1000);
    return v;
  };

  // 1. The data, and everything measured on its fit.
  const rows: SelectionRow[] = [];
  let cost: string | null = null;
  for (const k of ks)
    await timed(k, async () => {
      const warnings: SegkitWarning[] = [];
      const fitted = await fitK(k, data, root.fork(1).fork(k), warnings);
      tick(k, 'fit on the data');
      cost ??= costName(fitted.diagnostics);
      const { size: smallest, counted } = smallestSegment(fitted.labels, k);
      const share = smallest / Math.max(1, counted);
      const logW = logWithinDispersion(x, fitted.labels);
      rows.push({
        k,
        cost: costOf(fitted.diagnostics) ?? Math.exp(logW),
        ...internalMetrics(metricSpace(clusterer, fitted.state, data, fitted.labels, root.fork(5).fork(k)), root.fork(4).fork(k)),
        logW, expectedLogW: null, gap: null, gapStandardError: null,
        bic: diagnostic(fitted.diagnostics, 'bic'),
        icl: diagnostic(fitted.diagnostics, 'icl'),
        stability: null, stabilitySd: null, stabilityMin: null, stabilityMax: null,
        smallestSegmentSize: smallest,
        smallestSegmentShare: share,
        eligible: share >= p.minSegmentShare,
        warnings: warnings.map((w) => `${w.code}: ${w.message}`),
        seconds: 0,
      });
    });

  // 2. Gap: each reference data set is drawn once and clustered at every k (as clusGap).
  const refLogW: number[][] = [];
  for (let b = 0; b < p.gapReferences; b++) {
    const z = drawReference(box!, root.fork(2).fork(b));
    const ref: Dataset = { ...datasetFromMatrix(z, data.featureNames), ...(data.categorical ? { categorical: permuteCodes(data.categorical, root.fork(2).fork(b).fork(1_000_000)) } : {}) };
    const perK: number[] = [];
    for (const k of ks)
      perK.push(await timed(k, async () => {
        // k = 1 needs no fit: one cluster, as clusGap.
        const labels = k === 1 ? new Int32Array(z.rows) : (await fitK(k, ref, root.fork(2).fork(b).fork(k), [])).labels;
        tick(k, `gap reference ${b + 1}/${p.gapReferences}`);
        return logWithinDispersion(z, labels);
      }));
    refLogW.push(perK);
  }

  // 3. Stability: the same B resamples at every k (drawn again per k from the same stream: cheap,
  // and only one k's labellings are kept at a time). At k = 1 every labelling agrees trivially.
  for (const [i, k] of ks.entries()) {
    if (k === 1 || p.bootstrap < 2) continue;
    const resamples: ResampleLabels[] = [];
    for (let b = 0; b < p.bootstrap; b++)
      await timed(k, async () => {
        const s = bootstrapSample(x.rows, root.fork(3).fork(b));
        const w = new Float64Array(s.counts);
        if (data.weights) for (let j = 0; j < w.length; j++) w[j] *= data.weights[s.rows[j]];
        const sub: Dataset = { ...datasetFromMatrix(takeShared(x, s.rows), data.featureNames, w), ...(data.categorical ? { categorical: takeCodes(data.categorical, s.rows) } : {}) };
        const f = await fitK(k, sub, root.fork(3).fork(b).fork(k), []);
        resamples.push({ rows: s.rows, labels: f.labels });
        tick(k, `bootstrap fit ${b + 1}/${p.bootstrap}`);
      });
    const st = stabilityOf(resamples);
    rows[i] = { ...rows[i], stability: st.mean, stabilitySd: st.sd, stabilityMin: st.min, stabilityMax: st.max };
  }
  for (const [i, k] of ks.entries()) rows[i] = { ...rows[i], seconds: seconds.get(k)! };

  const withGap = p.gapReferences > 0 ? addGap(rows, refLogW) : rows;
  const { criteria, recommendation, kneeDifference } = recommend(withGap, p);
  return {
    format: SELECTION_FORMAT,
    formatVersion: SELECTION_VERSION,
    method: methodName,
    options: p.options,
    kRange: [kMin, kMax],
    rows: x.rows,
    features: x.cols,
    seed,
    gapReferences: p.gapReferences,
    spaceH0: p.spaceH0,
    bootstrap: p.bootstrap,
    minSegmentShare: p.minSegmentShare,
    costName: cost ?? 'withinSS',
    perK: withGap,
    kneeDifference,
    criteria,
    recommendation,
    seconds: (performance.now() - started) / 1000,
  };
}

/** The method's option names: the object schema's keys, else the keys of its defaults; null when neither tells. */
function optionNames(c: AnyClusterer): string[] | null {
  const shape = (c.schema as unknown as { shape?: Record<string, unknown> }).shape;
  if (shape) return Object.keys(shape);
  const defaults = c.schema.safeParse({});
  return defaults.success && typeof defaults.data === 'object' && defaults.data !== null ? Object.keys(defaults.data) : null;
}

function addGap(rows: SelectionRow[], refLogW: number[][]): SelectionRow[] {
  const g = gapStatistic(rows.map((r) => r.logW), refLogW);
  return rows.map((r, i) => ({ ...r, expectedLogW: g.expectedLogW[i], gap: g.gap[i], gapStandardError: g.se[i] }));
}

/** Silhouette (exact up to 10,000 rows, else a stratified sample with its SE), Davies-Bouldin, Calinski-Harabasz; null where undefined. */
function internalMetrics({ x, labels }: { x: Matrix; labels: Int32Array }, rng: Rng) {
  const distinct = new Set<number>();
  for (const l of labels) if (l >= 0) distinct.add(l);
  let assigned = 0;
  for (const l of labels) if (l >= 0) assigned++;
  if (distinct.size < 2 || distinct.size > assigned - 1)
    return { silhouette: null, silhouetteStandardError: null, silhouetteSampleSize: null, daviesBouldin: null, calinskiHarabasz: null };
  const s = silhouette(x, labels, { rng });
  return {
    silhouette: s.score, silhouetteStandardError: s.standardError, silhouetteSampleSize: s.sampleSize,
    daviesBouldin: daviesBouldin(x, labels), calinskiHarabasz: calinskiHarabasz(x, labels),
  };
}

/** Size of the smallest of the k segments (an empty segment counts as 0) and the rows assigned. */
function smallestSegment(labels: Int32Array, k: number): { size: number; counted: number } {
  const sizes = new Float64Array(k);
  let counted = 0;
  for (const l of labels) if (l >= 0 && l < k) sizes[l]++, counted++;
  let min = Infinity;
  for (const s of sizes) min = Math.min(min, s);
  return { size: min, counted };
}

/** Rows of `x` copied into shared memory (so the k-means kernels may use the worker pool). */
function takeShared(x: Matrix, rows: Int32Array): Matrix {
  const m = takeRows(x, rows);
  const shared = new Float64Array(new SharedArrayBuffer(m.data.length * 8));
  shared.set(m.data);
  return { rows: m.rows, cols: m.cols, data: shared };
}

function takeCodes(c: NonNullable<Dataset['categorical']>, rows: Int32Array): NonNullable<Dataset['categorical']> {
  const out = new Int32Array(rows.length * c.cols);
  for (let r = 0; r < rows.length; r++) out.set(c.data.subarray(rows[r] * c.cols, (rows[r] + 1) * c.cols), r * c.cols);
  return { ...c, rows: rows.length, data: out };
}
