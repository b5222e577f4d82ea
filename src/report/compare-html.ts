/**
 * The method comparison (`segkit compare --html`) as a self-contained HTML page: the metrics table in
 * the common space and each method's own, segment sizes, the agreement (ARI) heatmap and what
 * explains each segmentation. Same conventions as the report: inline SVG, no script, no network.
 * @module
 */
import type { Comparison } from '../model/compare-methods.js';
import type { Chart } from './charts.js';
import { renderSvg } from './render-svg.js';
import { esc, num } from './text.js';
import { VEGA_LITE_SCHEMA } from './charts.js';

const SCHEMA = VEGA_LITE_SCHEMA;
/** A metric cell: '–' where the metric is undefined. */
const cell = (v: number | null | undefined) => (v === null || v === undefined || !Number.isFinite(v) ? '–' : num(v));

/** The comparison's charts: silhouette by method in both spaces, and the ARI heatmap. */
export function compareCharts(c: Comparison): Chart[] {
  const ok = c.methods.filter((m) => !m.error);
  const sil = ok.flatMap((m) => [
    { method: m.method, space: 'common space', silhouette: m.common!.silhouette },
    { method: m.method, space: "method's own space", silhouette: m.own!.silhouette },
  ]);
  const idx = c.methods.map((m, i) => (m.error ? -1 : i)).filter((i) => i >= 0);
  const ari = idx.flatMap((i) => idx.map((j) => ({ a: c.methods[i].method, b: c.methods[j].method, ari: c.ari[i][j] === null ? null : Number(c.ari[i][j]!.toFixed(3)) })));
  return [
    {
      id: 'compare-silhouette', title: 'Silhouette by method (higher = better separated)', caption: 'Each labeling scored in the common space (comparable across methods) and in the space the method optimises.',
      spec: { $schema: SCHEMA, width: 420, height: { step: 18 }, data: { values: sil }, mark: 'bar', encoding: { y: { field: 'method', type: 'nominal', title: null }, yOffset: { field: 'space' }, x: { field: 'silhouette', type: 'quantitative' }, color: { field: 'space', type: 'nominal', title: null, scale: { range: ['#0072B2', '#E69F00'] } } } },
    },
    {
      id: 'compare-ari', title: 'Agreement between methods (adjusted Rand index)', caption: '1 = the same segments; 0 = no more agreement than chance.',
      spec: { $schema: SCHEMA, width: { step: 60 }, height: { step: 32 }, data: { values: ari }, encoding: { x: { field: 'a', type: 'nominal', title: null, sort: null }, y: { field: 'b', type: 'nominal', title: null, sort: null } },
        layer: [{ mark: 'rect', encoding: { color: { field: 'ari', type: 'quantitative', scale: { scheme: 'blues', domain: [0, 1] }, title: 'ARI' } } }, { mark: { type: 'text', fontSize: 11 }, encoding: { text: { field: 'ari', type: 'quantitative', format: '.2f' }, color: { condition: { test: 'datum.ari > 0.6', value: 'white' }, value: 'black' } } }] },
    },
  ];
}

/** The page. */
export async function compareHtml(c: Comparison, title = 'Method comparison'): Promise<string> {
  const charts = compareCharts(c);
  const svgs = await Promise.all(charts.map((ch) => renderSvg(ch.spec)));
  const ok = c.methods.filter((m) => !m.error);
  const rows = ok.map((m) => `<tr><td>${esc(m.method)}</td><td>${cell(m.common!.silhouette)}</td><td>${cell(m.common!.daviesBouldin)}</td><td>${cell(m.common!.calinskiHarabasz)}</td><td>${cell(m.own!.silhouette)}</td><td>${cell(m.own!.daviesBouldin)}</td><td>${cell(m.own!.calinskiHarabasz)}</td><td>${m.seconds.toFixed(2)}</td><td>${m.sizes.join(' / ')}</td></tr>`).join('');
  const expl = ok.map((m) => `<tr><td>${esc(m.method)}</td><td>${(100 * m.explanation!.accuracy).toFixed(1)}%</td><td>${esc(m.explanation!.topFeatures.join(', ') || '–')}</td></tr>`).join('');
  const failed = c.methods.filter((m) => m.error).map((m) => `<li>${esc(m.method)}: ${esc(m.error!)}</li>`).join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(title)}</title>
<style>
  body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #222; margin: 0 auto; max-width: 1100px; padding: 24px; }
  h2 { margin-top: 32px; border-bottom: 1px solid #ddd; padding-bottom: 4px; } .muted { color: #666; font-size: 13px; }
  table { border-collapse: collapse; font-size: 14px; } td, th { padding: 3px 10px; text-align: right; } td:first-child, th:first-child { text-align: left; }
  th { border-bottom: 1px solid #ccc; } figure { margin: 24px 0; } figure svg { max-width: 100%; height: auto; }
</style></head><body>
<h1>${esc(title)}</h1>
<p class="muted">${c.rows.toLocaleString('en-US')} customers, k = ${c.nClusters}, seed ${c.seed}${c.removedOutliers ? `, ${c.removedOutliers} ECOD outliers removed first` : ''}. Common space: ${esc(c.commonSpace)}.</p>
<h2>Metrics</h2>
<table><tr><th>method</th><th>silhouette ↑</th><th>Davies-Bouldin ↓</th><th>Calinski-Harabasz ↑</th><th>own silhouette</th><th>own DB</th><th>own CH</th><th>seconds</th><th>segment sizes</th></tr>${rows}</table>
${failed ? `<p>Could not fit these data:</p><ul>${failed}</ul>` : ''}
<h2>What explains each segmentation</h2>
<p class="muted">A depth-3 decision tree predicting each method's segments from the input columns: its accuracy, and the columns it relies on most.</p>
<table><tr><th>method</th><th>tree accuracy</th><th>columns</th></tr>${expl}</table>
<h2>Charts</h2>
${charts.map((ch, i) => `<figure id="${ch.id}"><figcaption><strong>${esc(ch.title)}</strong><br><span class="muted">${esc(ch.caption)}</span></figcaption>${svgs[i]}</figure>`).join('\n')}
<p class="muted">Made by segkit compare.</p>
</body></html>
`;
}
