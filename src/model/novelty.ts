/**
 * Novelty: is a customer unlike anyone the model was trained on? Three documented reasons, each a
 * readable string per row:
 * - an unseen category level (from the pipeline's row notes);
 * - a number far outside the training range: beyond [min − 10% span, max + 10% span] of the raw
 *   training values (a little beyond the largest balance is normal growth; far beyond is not);
 * - a distance to its segment beyond the 99th percentile of the segment's training customers (for
 *   methods with distances), so 1% of training customers are flagged by construction.
 * The thresholds are learned at fit time and saved in the model file.
 * @module
 */
import type { Frame } from '../data/frame.js';
import { isNumericColumn } from '../data/frame.js';
import { coerceNumeric } from '../prep/coerce.js';
import { percentileFinite } from '../prep/stats.js';
import type { RowNote } from '../prep/pipeline.js';

/** Share of the training span a value may lie beyond the training range before it is novel. */
export const RANGE_MARGIN = 0.1;
/** Percentile of the training distances beyond which a customer is far from its segment. */
export const DISTANCE_PERCENTILE = 99;

/** Novelty thresholds saved in the model. */
export interface NoveltyRules {
  /** Per segment, the 99th percentile of its training customers' distances (null: no distances). */
  distanceP99: (number | null)[];
  /** Raw training range [min, max] of each numeric or date input column, with its kind. */
  ranges: Record<string, { kind: 'numeric' | 'date'; min: number; max: number }>;
}

const NONE: readonly string[] = Object.freeze([]);

/** Learns the thresholds from the training frame, labels and distances. */
export function learnNovelty(frame: Frame, columns: readonly { name: string; kind: string }[], labels: Int32Array, distance: Float64Array, k: number): NoveltyRules {
  const ranges: NoveltyRules['ranges'] = {};
  for (const p of columns) {
    if (p.kind !== 'numeric' && p.kind !== 'date') continue;
    const c = frame.columns.find((x) => x.name === p.name);
    if (!c || !isNumericColumn(c)) continue;
    let min = Infinity, max = -Infinity;
    for (const v of c.values) if (!Number.isNaN(v)) (min = v < min ? v : min), (max = v > max ? v : max);
    if (min <= max) ranges[p.name] = { kind: p.kind, min, max };
  }
  const bySegment: number[][] = Array.from({ length: k }, () => []);
  for (let i = 0; i < labels.length; i++) if (labels[i] >= 0 && !Number.isNaN(distance[i])) bySegment[labels[i]].push(distance[i]);
  const distanceP99 = bySegment.map((d) => (d.length > 0 ? percentileFinite(d, DISTANCE_PERCENTILE) : null));
  return { distanceP99, ranges };
}

/** Reasons per row (an empty array for most rows). */
export function noveltyReasons(
  rules: NoveltyRules, frame: Frame, labels: Int32Array, distance: Float64Array, notes: readonly RowNote[], segmentName: (id: number) => string,
): (readonly string[])[] {
  const out: (readonly string[])[] = new Array(frame.rows).fill(NONE);
  const add = (i: number, reason: string) => (out[i] === NONE ? (out[i] = [reason]) : (out[i] as string[]).push(reason));
  for (const n of notes) if (n.kind === 'unseen-level') add(n.row - 1, `unseen level ${JSON.stringify(n.value ?? '(missing)')} in ${n.column}`);
  for (const [name, r] of Object.entries(rules.ranges)) {
    const c = frame.columns.find((x) => x.name === name);
    if (!c) continue;
    const x = coerceNumeric(c, r.kind, frame.source);
    const span = r.max - r.min, lo = r.min - RANGE_MARGIN * span, hi = r.max + RANGE_MARGIN * span;
    for (let i = 0; i < x.length; i++)
      if (x[i] < lo || x[i] > hi) add(i, `${name} = ${fmt(x[i], r.kind)} is far outside the training range [${fmt(r.min, r.kind)}, ${fmt(r.max, r.kind)}]`);
  }
  for (let i = 0; i < labels.length; i++) {
    const p99 = labels[i] >= 0 ? rules.distanceP99[labels[i]] : null;
    if (p99 !== null && p99 !== undefined && distance[i] > p99)
      add(i, `distance ${fmt(distance[i])} to ${segmentName(labels[i])} is beyond the ${DISTANCE_PERCENTILE}th percentile of its training customers (${fmt(p99)})`);
  }
  return out;
}

function fmt(v: number, kind: 'numeric' | 'date' = 'numeric'): string {
  if (kind === 'date') return new Date(v * 86_400_000).toISOString().slice(0, 10);
  return Number.isInteger(v) ? String(v) : v.toPrecision(4);
}
