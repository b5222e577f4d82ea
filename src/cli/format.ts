/**
 * Human-readable output of the CLI: aligned tables and the fit summary.
 * @module
 */
import { formatReduction } from './format-reduction.js';
import type { SegmentationModel } from '../model/artifact.js';
import type { SegmentSummary } from '../model/segment-summary.js';

/** Formats a number for people: 4 significant digits, thousands kept whole. */
export function fmt(v: number | null | undefined): string {
  if (v === null || v === undefined || Number.isNaN(v)) return '–';
  if (Number.isInteger(v)) return String(v);
  const a = Math.abs(v);
  if (a >= 1000) return v.toFixed(0);
  if (a >= 1) return v.toPrecision(4).replace(/\.?0+$/, '');
  return v.toPrecision(3);
}

/** Left-aligned first column, right-aligned others. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, j) => Math.max(h.length, ...rows.map((r) => (r[j] ?? '').length)));
  const line = (r: string[]) => r.map((c, j) => (j === 0 ? c.padEnd(widths[j]) : c.padStart(widths[j]))).join('  ');
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n') + '\n';
}

/** The summary `segkit fit` prints. */
export function formatFitSummary(model: SegmentationModel, summary: SegmentSummary[], out: string, assignments?: string): string {
  const m = model.manifest;
  const met = model.metrics;
  const parts: string[] = [];
  parts.push(`segkit fit: ${m.rows} customers from ${m.source} → ${summary.length} segments (${m.method}, seed ${m.seed}, ${m.fitSeconds.toFixed(2)} s)\n`);
  parts.push(
    `metrics: ${costLabel(met)} · silhouette ${fmt(met.silhouette)}${met.silhouetteSampleSize && met.silhouetteSampleSize < m.rows ? ` (sample of ${met.silhouetteSampleSize}, ±${fmt(met.silhouetteStandardError)})` : ''} · Davies-Bouldin ${fmt(met.daviesBouldin)} · Calinski-Harabasz ${fmt(met.calinskiHarabasz)} · iterations ${fmt(met.nIter)}\n\n`,
  );
  // Features as rows and segments as columns: readable however many input columns there are.
  const numericCols = Object.keys(summary[0]?.means ?? {});
  const catCols = Object.keys(summary[0]?.topLevels ?? {});
  const header = ['', ...summary.map((s) => model.segments[s.segment]?.name ?? `Segment ${s.segment + 1}`)];
  const rows: string[][] = [
    ['size', ...summary.map((s) => String(s.size))],
    ['share', ...summary.map((s) => `${(s.share * 100).toFixed(1)}%`)],
    ...numericCols.map((c) => [`mean ${c}`, ...summary.map((s) => fmt(s.means[c]))]),
    ...catCols.flatMap((c) => [
      [`top ${c}`, ...summary.map((s) => levelCell(s.levels[c]?.[0]))],
      [`2nd ${c}`, ...summary.map((s) => levelCell(s.levels[c]?.[1]))],
    ]),
  ];
  parts.push(table(header, rows));
  parts.push(`\npreprocessing:\n${formatPrepReport(model.prepReport)}`);
  parts.push(`\nmodel written to ${out}${assignments ? `; assignments written to ${assignments}` : ''}\n`);
  return parts.join('');
}

function levelCell(l: { level: string; share: number } | undefined): string {
  return l ? `${l.level} (${Math.round(l.share * 100)}%)` : '–';
}

/** The method's cost: inertia (k-means), k-medoids' total dissimilarity, or K-Prototypes' cost with each part's share and γ. */
function costLabel(met: Record<string, number | null>): string {
  if (met.logLikelihood !== undefined && met.logLikelihood !== null) // mixtures: fit indices, overlap
    return `log-likelihood ${fmt(met.logLikelihood)} · BIC ${fmt(met.bic)} (lower is better) · ICL ${fmt(met.icl)} · entropy ${fmt(met.entropy)} · ` +
      `${((met.multiMembershipShare ?? 0) * 100).toFixed(1)}% of customers belong ≥30% to two or more segments`;
  if (met.cost === undefined || met.cost === null) return `inertia ${fmt(met.inertia)}`;
  if (met.swaps !== undefined && met.swaps !== null) return `cost ${fmt(met.cost)} (sum of dissimilarities to the medoids)`; // k-medoids
  if (!met.numericCost) return `cost ${fmt(met.cost)} (mismatched categories)`;
  const share = met.categoricalShare ?? 0;
  return `cost ${fmt(met.cost)} (numbers ${Math.round((1 - share) * 100)}%, categories ${Math.round(share * 100)}%, γ ${fmt(met.gamma)})`;
}

/** One line per column decision from the pipeline report. */
export function formatPrepReport(report: unknown): string {
  const cols = (report as { columns?: { column: string; actions: string[]; reason?: string }[] })?.columns;
  if (!Array.isArray(cols)) return '  (none)\n';
  return cols.map((c) => `  ${c.column}: ${c.actions.join(', ')}${c.reason ? ` (${c.reason})` : ''}\n`).join('') + formatReduction(report);
}
