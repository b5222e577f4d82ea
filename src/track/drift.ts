/**
 * Drift between the data a model was trained on and new data: per input feature, the population
 * stability index (psi.ts: decile bins of the training values) and a distribution test (KS for
 * numbers, chi-square for categories: two-sample-tests.ts); the PSI of the segment shares (training
 * shares in the model vs the new data scored by it); and one verdict.
 *
 * Verdict: the largest PSI over features and segment shares against two thresholds (defaults 0.1 and
 * 0.25, Siddiqi 2006): below `watch` 'ok', below `retrain` 'watch', else 'retrain'. The tests' p-values
 * are reported but do not decide: with thousands of customers they flag differences too small to matter.
 * @module
 */
import type { Frame } from '../data/frame.js';
import { isNumericColumn } from '../data/frame.js';
import type { SegmentationModel } from '../model/artifact.js';
import { scoreFrame } from '../model/predict.js';
import { SegkitError } from '../errors.js';
import { msg } from '../messages.js';
import { psi, quantileEdges, binCounts } from './psi.js';
import { ksTwoSample, chiSquareHomogeneity, type TestResult } from './two-sample-tests.js';

/** A drift verdict. */
export type Verdict = 'ok' | 'watch' | 'retrain';

/** Thresholds of the verdict. */
export interface DriftThresholds {
  /** PSI from which a feature (or the segment shares) is worth watching. **Default:** `0.1`. */
  watch?: number;
  /** PSI from which the model should be retrained. **Default:** `0.25`. */
  retrain?: number;
}

/** One feature's drift. */
export interface FeatureDrift {
  readonly name: string;
  readonly kind: 'numeric' | 'categorical';
  readonly psi: number;
  readonly test: TestResult;
  readonly verdict: Verdict;
}

/** The whole report. */
export interface DriftReport {
  readonly verdict: Verdict;
  readonly thresholds: Required<DriftThresholds>;
  readonly features: readonly FeatureDrift[];
  readonly segments: {
    readonly psi: number;
    readonly verdict: Verdict;
    readonly shares: readonly { id: number; name: string; training: number; current: number }[];
  };
  readonly rows: { readonly baseline: number; readonly current: number };
}

/**
 * Drift of `current` against `baseline` (the training data) for `model`.
 * @throws {SegkitError} E_OPTION (thresholds out of order), E_FEATURE_MISMATCH (a model column missing)
 */
export function driftReport(model: SegmentationModel, baseline: Frame, current: Frame, t: DriftThresholds = {}): DriftReport {
  const thresholds = { watch: t.watch ?? 0.1, retrain: t.retrain ?? 0.25 };
  if (!(thresholds.watch < thresholds.retrain)) throw new SegkitError('E_OPTION', msg.driftThresholds(thresholds.watch, thresholds.retrain), { field: '--psi-watch' });
  const verdictOf = (p: number): Verdict => (p >= thresholds.retrain ? 'retrain' : p >= thresholds.watch ? 'watch' : 'ok');
  const id = model.manifest.idColumn;
  const features: FeatureDrift[] = [];
  for (const col of model.manifest.columns) {
    if (col.name === id || col.kind === 'id') continue;
    const a = column(baseline, col.name), b = column(current, col.name);
    if (isNumericColumn(a) && isNumericColumn(b)) {
      const edges = quantileEdges(a.values);
      const p = psi(binCounts(a.values, edges), binCounts(b.values, edges));
      features.push({ name: col.name, kind: 'numeric', psi: p, test: ksTwoSample(a.values, b.values), verdict: verdictOf(p) });
    } else {
      const [ca, cb] = levelCounts(a.values as readonly (string | number | null)[], b.values as readonly (string | number | null)[]);
      const p = psi(ca, cb);
      features.push({ name: col.name, kind: 'categorical', psi: p, test: chiSquareHomogeneity(ca, cb), verdict: verdictOf(p) });
    }
  }
  // Segment shares: the model's training shares against the new data scored by the model.
  const labels = scoreFrame(model, current).labels;
  const counts = new Float64Array(model.segments.length);
  const index = new Map(model.segments.map((g, i) => [g.id, i]));
  for (const l of labels) {
    const i = index.get(l);
    if (i !== undefined) counts[i]++;
  }
  const trainingCounts = model.segments.map((g) => g.size);
  const segPsi = psi(trainingCounts, counts);
  const total = counts.reduce((x, y) => x + y, 0);
  const shares = model.segments.map((g, i) => ({ id: g.id, name: g.name, training: g.share, current: total > 0 ? counts[i] / total : 0 }));
  const worst = Math.max(segPsi, ...features.map((f) => f.psi));
  return { verdict: verdictOf(worst), thresholds, features, segments: { psi: segPsi, verdict: verdictOf(segPsi), shares }, rows: { baseline: baseline.rows, current: current.rows } };
}

function column(frame: Frame, name: string) {
  const c = frame.columns.find((x) => x.name === name);
  if (!c) throw new SegkitError('E_FEATURE_MISMATCH', msg.unknownColumn(name, 'drift', frame.columns.map((x) => x.name)), { file: frame.source, column: name });
  return c;
}

/** Counts of each level on both sides (missing values as one more level), over the union of levels. */
function levelCounts(a: readonly (string | number | null)[], b: readonly (string | number | null)[]): [Float64Array, Float64Array] {
  const key = (v: string | number | null) => (v === null ? '\u0000missing' : String(v));
  const levels = new Map<string, number>();
  for (const v of [...a, ...b]) if (!levels.has(key(v))) levels.set(key(v), levels.size);
  const ca = new Float64Array(levels.size), cb = new Float64Array(levels.size);
  for (const v of a) ca[levels.get(key(v))!]++;
  for (const v of b) cb[levels.get(key(v))!]++;
  return [ca, cb];
}
