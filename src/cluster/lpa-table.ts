/**
 * Text table of an LPA grid for the CLI (one string per line), in tidyLPA's order of columns.
 * BIC, AIC and SABIC are shown "lower is better"; ICL in mclust's sign, "higher is better".
 * @module
 */
import type { LpaGrid } from './lpa-grid.js';
import { TIDYLPA_MODELS } from './lpa.js';

const TIDY_NUMBER: Record<string, number> = Object.fromEntries(Object.entries(TIDYLPA_MODELS).map(([n, m]) => [m, Number(n)]));

/** The comparison table as aligned text lines, best cells marked, with a legend. */
export function formatLpaTable(grid: LpaGrid): string[] {
  const header = ['Model', 'k', 'LogLik', 'Params', 'AIC', 'BIC', 'SABIC', 'ICL', 'Entropy', 'Smallest', 'AvePP min', 'AvePP max', '2+ at 30%', 'Best'];
  const f = (v: number, digits: number) => (Number.isFinite(v) ? v.toFixed(digits) : '–');
  const pct = (v: number) => (Number.isFinite(v) ? `${(100 * v).toFixed(1)}%` : '–');
  const rows = grid.cells.map((c, i) => {
    const tidy = TIDY_NUMBER[c.model];
    const best = [i === grid.bestByBic ? 'BIC' : '', i === grid.bestByIcl ? 'ICL' : ''].filter(Boolean).join(',');
    const notes = c.error ? 'failed' : [!c.converged ? 'not converged' : '', c.warnings.some((w) => w.code === 'W_COVARIANCE_REGULARISED') ? 'regularised' : ''].filter(Boolean).join(', ');
    return [
      tidy ? `${c.model} (${tidy})` : c.model, String(c.k), f(c.logLikelihood, 2), Number.isFinite(c.nParameters) ? String(c.nParameters) : '–',
      f(c.aic, 2), f(c.bic, 2), f(c.sabic, 2), f(c.icl, 2), f(c.entropy, 3),
      Number.isFinite(c.minClassSize) ? `${Math.round(c.minClassSize)} (${pct(c.minClassShare)})` : '–',
      f(c.minAvgPosterior, 3), f(c.maxAvgPosterior, 3), pct(c.multiMembershipShare), [best, notes].filter(Boolean).join(' '),
    ];
  });
  const widths = header.map((h, j) => Math.max(h.length, ...rows.map((r) => r[j].length)));
  const line = (r: string[]) => r.map((v, j) => (j <= 1 || j === r.length - 1 ? v.padEnd(widths[j]) : v.padStart(widths[j]))).join('  ').trimEnd();
  return [
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
    '',
    'AIC, BIC, SABIC: lower is better (BIC = −2 logL + p log n). ICL: mclust\'s sign, higher is better (BIC in mclust\'s sign = −BIC here).',
    'Entropy: relative, 1 = every customer clearly in one profile. AvePP: average posterior of the customers assigned to a profile.',
    '2+ at 30%: share of customers with at least two profiles at probability ≥ 0.30.',
  ];
}
