/**
 * The fit summary's lines for issue 15's steps: outlier limits, pruned features, weights, and what
 * each principal component means (its explained variance and largest loadings).
 * @module
 */
import type { PrepReport } from '../prep/pipeline.js';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const num = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(2));

/** Lines (each ending in a newline) for the outlier, pruning, weights and PCA parts of a prep report; '' when none. */
export function formatReduction(report: unknown): string {
  const r = report as Partial<PrepReport> | null;
  if (!r || typeof r !== 'object') return '';
  const out: string[] = [];
  if (r.outliers) {
    const o = r.outliers;
    const hit = o.columns.filter((c) => c.below + c.above > 0);
    out.push(`  outliers (${o.method}, ${o.action}): ${o.rows} rows with a value beyond the limits${hit.length ? `; ${hit.map((c) => `${c.column} ${c.below + c.above}`).join(', ')}` : ''}`);
  }
  const m = r.matrix;
  if (m?.pruned) {
    const d = m.pruned.dropped;
    out.push(`  correlation pruning (|r| ≥ ${m.pruned.threshold}, ${m.correlation?.method ?? 'pearson'}): ${d.length === 0 ? 'nothing dropped' : `dropped ${d.length}`}`);
    for (const x of d) out.push(`    ${x.feature}: r = ${num(x.correlation)} with ${x.partner} (mean |r| to the rest ${num(x.meanAbs)} vs ${num(x.partnerMeanAbs)})`);
  }
  if (m?.weights && Object.keys(m.weights).length > 0) out.push(`  weights: ${Object.entries(m.weights).map(([k, w]) => `${k} ×${w}`).join(', ')}`);
  if (m?.pca) {
    const p = m.pca;
    out.push(`  PCA: ${p.kept} components of ${p.features.length} features explain ${pct(p.cumulative[p.kept - 1])} of the variance${p.whiten ? ' (whitened)' : ''}`);
    for (const c of p.top) out.push(`    ${c.component} (${pct(c.ratio)}): ${c.loadings.map((l) => `${l.loading >= 0 ? '+' : '−'}${l.feature} ${Math.abs(l.loading).toFixed(2)}`).join(', ')}`);
  }
  return out.map((l) => l + '\n').join('');
}
