/**
 * The selection report as a table for people: one row per k, the criteria's votes beside it, then
 * the recommendation and its reasons.
 * @module
 */
import type { SelectionReport } from './report.js';

const num = (v: number | null, digits = 3): string => (v === null || !Number.isFinite(v) ? '–' : v.toFixed(digits));
const big = (v: number | null): string => (v === null || !Number.isFinite(v) ? '–' : Math.abs(v) >= 1000 ? v.toFixed(0) : v.toPrecision(4));

/** Aligned text table (first column left, others right). */
function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, j) => Math.max(h.length, ...rows.map((r) => (r[j] ?? '').length)));
  const line = (r: string[]) => r.map((c, j) => (j === 0 || j === r.length - 1 ? c.padEnd(widths[j]) : c.padStart(widths[j]))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n') + '\n';
}

/** The report as printed by `segkit select`. */
export function formatSelectionReport(r: SelectionReport): string {
  const votes = new Map<number, string[]>();
  for (const c of r.criteria) if (c.k !== null) votes.set(c.k, [...(votes.get(c.k) ?? []), c.name]);
  const hasGap = r.perK.some((p) => p.gap !== null);
  const hasStab = r.perK.some((p) => p.stability !== null);
  const hasBic = r.perK.some((p) => p.bic !== null);
  const sampled = r.perK.some((p) => p.silhouetteStandardError !== null && p.silhouetteStandardError > 0);
  const header = ['k', r.costName, sampled ? 'silhouette ±SE' : 'silhouette', 'Davies-B.', 'Calinski-H.',
    ...(hasGap ? ['gap ±SE'] : []), ...(hasBic ? ['BIC'] : []), ...(hasStab ? ['stability ±sd'] : []), 'smallest segment', 'votes'];
  const rows = r.perK.map((p) => [
    String(p.k),
    big(p.cost),
    p.silhouette === null ? '–' : `${num(p.silhouette)}${sampled ? ` ±${num(p.silhouetteStandardError, 4)}` : ''}`,
    num(p.daviesBouldin),
    big(p.calinskiHarabasz),
    ...(hasGap ? [p.gap === null ? '–' : `${num(p.gap)} ±${num(p.gapStandardError)}`] : []),
    ...(hasBic ? [big(p.bic)] : []),
    ...(hasStab ? [p.stability === null ? '–' : `${num(p.stability)} ±${num(p.stabilitySd)}`] : []),
    `${p.smallestSegmentSize} (${(100 * p.smallestSegmentShare).toFixed(1)}%)${p.eligible ? '' : ' refused'}`,
    (votes.get(p.k) ?? []).join(', '),
  ]);
  const rec = r.recommendation;
  const out = [
    `segkit select: ${r.rows} customers, ${r.features} features, ${r.method}, k ${r.kRange[0]}..${r.kRange[1]}, ` +
      `${r.gapReferences} gap references (${r.spaceH0}), ${r.bootstrap} bootstrap fits per k, seed ${r.seed}, ${r.seconds.toFixed(1)} s\n\n`,
    table(header, rows),
    '\n',
    rec.k === null ? 'No k recommended.\n' : `Recommended: k = ${rec.k} (${rec.agreement})\n`,
    ...rec.reasons.map((s) => `  - ${s}\n`),
    `Rule: ${rec.rule}\n`,
  ];
  return out.join('');
}
