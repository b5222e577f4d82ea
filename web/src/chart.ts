/**
 * Draws one of the API's Vega-Lite specs (the HTML report's own specs, unchanged) with vega-embed,
 * loaded on first use so the page's text paints before the chart library arrives.
 */
import { h } from './dom.js';
import type { Chart } from './types.js';

export function chartFigure(chart: Chart): HTMLElement {
  const plot = h('div', { class: 'plot', 'aria-busy': 'true' }, 'Drawing the chart…');
  const fig = h('figure', { class: 'chart', id: `chart-${chart.id}`, 'data-chart': chart.id },
    h('figcaption', {}, h('strong', {}, chart.title), h('span', { class: 'caption' }, chart.caption)),
    h('div', { class: 'scroll', tabindex: 0, role: 'img', 'aria-label': `${chart.title}. ${chart.caption}` }, plot));
  void draw(plot, chart);
  return fig;
}

async function draw(el: HTMLElement, chart: Chart): Promise<void> {
  try {
    const { default: embed } = await import('vega-embed');
    el.textContent = '';
    // SVG (crisp, testable), no action menu (its links leave the machine), vega-tooltip for hover details.
    await embed(el, chart.spec as never, { actions: false, renderer: 'svg', tooltip: true });
    el.removeAttribute('aria-busy');
  } catch (e) {
    el.removeAttribute('aria-busy');
    el.className = 'error';
    el.textContent = `This chart could not be drawn: ${(e as Error).message}`;
  }
}
