/**
 * Per-segment summary in the units of the input: size, share, the mean of every numeric input
 * column and the most common level of every categorical one. What `segkit fit` prints.
 * @module
 */
import type { Frame } from '../data/frame.js';
import { isNumericColumn } from '../data/frame.js';

/** Summary of one segment. */
export interface SegmentSummary {
  readonly segment: number;
  readonly size: number;
  readonly share: number;
  /** Mean of each numeric input column over the segment's rows (missing values skipped). */
  readonly means: Record<string, number | null>;
  /** Most common level and its share within the segment, for each categorical column. */
  readonly topLevels: Record<string, { level: string; share: number } | null>;
}

/** Summarises `frame` by `labels` (k segments; -1 rows are left out). */
export function summarizeSegments(frame: Frame, labels: Int32Array, k: number, columns: readonly string[]): SegmentSummary[] {
  const sizes = new Float64Array(k);
  for (const l of labels) if (l >= 0) sizes[l]++;
  const n = labels.length;
  const means: Record<string, number | null>[] = Array.from({ length: k }, () => ({}));
  const tops: Record<string, { level: string; share: number } | null>[] = Array.from({ length: k }, () => ({}));
  for (const c of frame.columns) {
    if (!columns.includes(c.name)) continue;
    if (isNumericColumn(c)) {
      const sum = new Float64Array(k), cnt = new Float64Array(k);
      for (let i = 0; i < n; i++) {
        const l = labels[i], v = c.values[i];
        if (l >= 0 && !Number.isNaN(v)) (sum[l] += v), cnt[l]++;
      }
      for (let s = 0; s < k; s++) means[s][c.name] = cnt[s] > 0 ? sum[s] / cnt[s] : null;
    } else {
      const counts = Array.from({ length: k }, () => new Map<string, number>());
      for (let i = 0; i < n; i++) {
        const l = labels[i], v = c.values[i];
        if (l >= 0 && v !== null) counts[l].set(v, (counts[l].get(v) ?? 0) + 1);
      }
      for (let s = 0; s < k; s++) {
        let best: string | null = null, bc = 0;
        for (const [lv, ct] of counts[s]) if (ct > bc || (ct === bc && best !== null && lv < best)) (best = lv), (bc = ct);
        tops[s][c.name] = best === null ? null : { level: best, share: sizes[s] > 0 ? bc / sizes[s] : 0 };
      }
    }
  }
  return Array.from({ length: k }, (_, s) => ({ segment: s, size: sizes[s], share: n > 0 ? sizes[s] / n : 0, means: means[s], topLevels: tops[s] }));
}
