/**
 * The self-contained HTML report: one file with inline CSS and the charts as inline SVG, no script
 * and no external resource, so it opens offline and mails as an attachment.
 * @module
 */
import type { ReportModel } from './report-model.js';
import { esc, num } from './text.js';

const pct = (v: number) => `${(v * 100).toFixed(1)}%`;

const METRIC_LABELS: Record<string, string> = { silhouette: 'silhouette', daviesBouldin: 'Davies-Bouldin', calinskiHarabasz: 'Calinski-Harabasz', bic: 'BIC', entropy: 'entropy' };

/** The report as one HTML document; `svgs[i]` is chart i drawn. */
export function reportHtml(r: ReportModel, svgs: readonly string[]): string {
  const o = r.overview;
  const cards = r.cards.map((c) => `
  <article class="card">
    <h3>${esc(c.name)}</h3>
    <p class="big">${c.size.toLocaleString('en-US')} customers · ${pct(c.share)}${c.valueShare !== null ? ` · ${pct(c.valueShare)} of ${esc(o.valueColumn ?? 'value')}` : ''}</p>
    <h4>What sets it apart</h4>
    <ul>${c.apart.map((a) => `<li>${esc(a)}</li>`).join('') || '<li>close to the average customer</li>'}</ul>
    ${c.numbers.length ? `<table><tr><th>feature</th><th>segment</th><th>all</th><th>z</th></tr>${c.numbers.map((n) => `<tr><td>${esc(n.feature)}</td><td>${num(n.mean)}</td><td>${num(n.overall)}</td><td>${n.z >= 0 ? '+' : ''}${n.z.toFixed(2)}</td></tr>`).join('')}</table>` : ''}
    ${c.levels.length ? `<p>${c.levels.map((l) => `${esc(l.feature)} = ${esc(l.level)}: ${pct(l.share)} (×${l.lift.toFixed(2)} the base rate)`).join('<br>')}</p>` : ''}
    ${c.actions.length ? `<h4>Suggested actions</h4><ul>${c.actions.map((a) => `<li>${esc(a.action)} <span class="muted">(${esc(a.because.join('; '))})</span></li>`).join('')}</ul>` : ''}
    ${c.rules.length ? `<h4>Rules</h4><ul>${c.rules.map((x) => `<li>${esc(x.text)} <span class="muted">(precision ${pct(x.precision)}, covers ${pct(x.coverage)})</span></li>`).join('')}</ul>` : ''}
  </article>`).join('');
  const charts = r.charts.map((c, i) => `
  <figure id="${esc(c.id)}" class="chart">
    <figcaption><strong>${esc(c.title)}</strong><br><span class="muted">${esc(c.caption)}</span></figcaption>
    ${svgs[i]}
  </figure>`).join('');
  const metrics = Object.entries(o.metrics).filter(([, v]) => v !== null).map(([k, v]) => `${METRIC_LABELS[k] ?? esc(k)} ${num(v as number)}`).join(' · ');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(r.title)}</title>
<style>
  body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #222; margin: 0 auto; max-width: 1100px; padding: 24px; }
  h1 { font-size: 24px; margin-bottom: 4px; } h2 { margin-top: 36px; border-bottom: 1px solid #ddd; padding-bottom: 4px; }
  h3 { margin: 0 0 6px; font-size: 17px; } h4 { margin: 12px 0 4px; font-size: 13px; text-transform: uppercase; color: #555; }
  .muted { color: #666; font-size: 13px; } .big { font-size: 16px; margin: 0; }
  .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(320px, 1fr)); gap: 16px; }
  .card { border: 1px solid #ddd; border-radius: 8px; padding: 14px 16px; background: #fafafa; }
  .card ul { margin: 4px 0; padding-left: 18px; } table { border-collapse: collapse; font-size: 13px; margin-top: 6px; }
  td, th { padding: 2px 8px; text-align: right; } td:first-child, th:first-child { text-align: left; }
  figure.chart { margin: 24px 0; } figure svg { max-width: 100%; height: auto; }
</style>
</head>
<body>
<h1>${esc(r.title)}</h1>
<p class="muted">${esc(o.method)} model created ${esc(o.modelCreatedAt)} · data: ${esc(o.source)} · ${o.customers.toLocaleString('en-US')} customers, ${o.segments} segments${metrics ? ` · ${metrics}` : ''} · the rules' decision tree is ${pct(o.treeAccuracy)} accurate</p>
<h2>Segments</h2>
<div class="cards">${cards}
</div>
<h2>Charts</h2>${charts}
<p class="muted">Made by segkit. Every number comes from the model file and the table named above; charts are Vega-Lite specs drawn to SVG.</p>
</body>
</html>
`;
}
