/** A model's overview: its segments (name, size, shares), a customer finder, and the report's charts. */
import { enc, getJson } from '../api.js';
import { chartFigure } from '../chart.js';
import { append, fmtInt, fmtNum, fmtPct, h, swatch } from '../dom.js';
import type { Crumb } from '../main.js';
import type { Overview } from '../types.js';
import { membersTable } from './members.js';

export async function overviewPage(main: HTMLElement, id: string): Promise<Crumb[]> {
  // The segments first (a few KB), the chart specs after (hundreds of KB at a million customers).
  const o = await getJson<Overview>(`/models/${enc(id)}/overview?charts=0`);
  const colour = (s: number) => o.palette[((s % o.palette.length) + o.palette.length) % o.palette.length];
  const base = `#/models/${enc(id)}`;
  append(main, 
    h('h1', {}, `${o.id}: ${o.segments.length} segments`),
    h('p', { class: 'lead' },
      `Method ${o.method}, fitted ${new Date(o.createdAt).toLocaleDateString('en-GB')} on ${fmtInt(o.trainingRows)} customers`,
      o.customers !== null ? `; ${fmtInt(o.customers)} customers in the served table.` : '.'),
    h('p', {}, h('a', { class: 'button', href: `${base}/new` }, 'Predict the segment of a new customer'), ' ', h('a', { class: 'button', href: `${base}/compare` }, 'Compare snapshots')),
    o.notice ? h('p', { class: 'notice', role: 'note' }, o.notice) : null,
    h('h2', {}, 'Segments'),
    h('table', { class: 'data', id: 'segments' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Segment'), h('th', { scope: 'col', class: 'num' }, 'Customers'), h('th', { scope: 'col', class: 'num' }, 'Share'),
        o.valueColumn ? h('th', { scope: 'col', class: 'num' }, `Share of ${o.valueColumn}`) : null)),
      h('tbody', {}, ...o.segments.map((s) => h('tr', {},
        h('th', { scope: 'row' }, swatch(colour(s.id)), h('a', { href: `${base}/segments/${s.id}` }, s.name)),
        h('td', { class: 'num' }, fmtInt(s.size)), h('td', { class: 'num' }, fmtPct(s.share)),
        o.valueColumn ? h('td', { class: 'num' }, fmtPct(s.valueShare)) : null)))),
  );
  const metrics = Object.entries(o.metrics).filter(([, v]) => v !== null);
  if (metrics.length) append(main, h('details', {}, h('summary', {}, 'Fit quality'), h('dl', { class: 'metrics' }, ...metrics.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, fmtNum(v))]))));
  if (o.customers !== null) {
    append(main, h('h2', {}, 'Find a customer'), membersTable(id, { label: 'Customer ID', pageSize: 10, searchFirst: true }));
  }
  if (o.customers !== null) {
    const charts = h('div', { class: 'charts', 'aria-busy': 'true' }, h('p', { class: 'loading', role: 'status' }, 'Loading the charts…'));
    append(main, h('h2', {}, 'Charts'), charts);
    getJson<Overview>(`/models/${enc(id)}/overview`).then(
      (full) => { charts.replaceChildren(...full.charts.map(chartFigure)); charts.removeAttribute('aria-busy'); },
      (e: Error) => { charts.replaceChildren(h('p', { class: 'error', role: 'alert' }, `The charts could not be loaded: ${e.message}`)); charts.removeAttribute('aria-busy'); },
    );
  }
  return [{ label: 'Models', href: '#/' }, { label: o.id }];
}
