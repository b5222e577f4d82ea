/**
 * Per-segment summary in the units of the input: size, share, the mean of every numeric input
 * column and the most common levels of every categorical one. What `segkit fit` prints.
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
  /** The three most common levels with their shares, for each categorical column. */
  readonly levels: Record<string, { level: string; share: number }[]>;
}

/** Summarises `frame` by `labels` (k segments; -1 rows are left out). */
export function summarizeSegments(frame: Frame, labels: Int32Array, k: number, columns: readonly string[]): SegmentSummary[] {
  const sizes = new Float64Array(k);
  for (const l of labels) if (l >= 0) sizes[l]++;
  const n = labels.length;
  const means: Record<string, number | null>[] = Array.from({ length: k }, () => ({}));
  const tops: Record<string, { level: string; share: number } | null>[] = Array.from({ length: k }, () => ({}));
  const top3: Record<string, { level: string; share: number }[]>[] = Array.from({ length: k }, () => ({}));
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
        // Most common first; ties in code-point order, so the output is stable.
        const ranked = [...counts[s]].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 3);
        top3[s][c.name] = ranked.map(([level, ct]) => ({ level, share: sizes[s] > 0 ? ct / sizes[s] : 0 }));
        tops[s][c.name] = top3[s][c.name][0] ?? null;
      }
    }
  }
  return Array.from({ length: k }, (_, s) => ({ segment: s, size: sizes[s], share: n > 0 ? sizes[s] / n : 0, means: means[s], topLevels: tops[s], levels: top3[s] }));
}
