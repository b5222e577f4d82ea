/**
 * Compare two snapshots of a model (needs `segkit serve --store`): segment sizes on each date, how
 * stable the segmentation is (ARI on the customers in both), new and lost customers, and the
 * transition heatmap (the report's own spec, sent by the API).
 */
import { ApiError, enc, getJson } from '../api.js';
import { chartFigure } from '../chart.js';
import { append, fmtInt, fmtNum, fmtPct, h } from '../dom.js';
import type { Crumb } from '../main.js';
import type { Chart } from '../types.js';

interface Snapshots { id: string; storeModel: number | null; snapshots: { snapshot: number; asOf: string; customers: number; segments: { id: number; name: string; count: number; share: number }[] }[] }
interface Migrations { segments: { id: number; name: string }[]; entered: number[]; left: number[]; common: number; newCustomers: number; lostCustomers: number; ari: number; charts: Chart[] }

export async function comparePage(main: HTMLElement, id: string): Promise<Crumb[]> {
  const trail = [{ label: 'Models', href: '#/' }, { label: id, href: `#/models/${enc(id)}` }, { label: 'Compare snapshots' }];
  let s: Snapshots;
  try {
    s = await getJson<Snapshots>(`/models/${enc(id)}/snapshots`);
  } catch (e) {
    if (e instanceof ApiError && e.status === 404 && /store/i.test(e.message)) {
      append(main, h('h1', {}, 'Compare snapshots'), h('p', { class: 'notice', role: 'note' }, 'This server has no store. Record snapshots with "segkit snapshot", then start the server with --store to compare them here.'));
      return trail;
    }
    throw e;
  }
  const dates = s.snapshots.map((x) => x.asOf);
  append(main, h('h1', {}, `Compare snapshots of ${id}`));
  if (dates.length < 2) {
    append(main, h('p', { class: 'notice', role: 'note' }, `The store has ${dates.length} snapshot${dates.length === 1 ? '' : 's'} of this model; record another with "segkit snapshot <model> <table> --as-of DATE" to compare.`));
    return trail;
  }
  const select = (name: string, value: string) => h('select', { id: name, name }, ...dates.map((d) => h('option', { value: d, ...(d === value ? { selected: true } : {}) }, d)));
  const from = select('from', dates.at(-2)!), to = select('to', dates.at(-1)!);
  const result = h('div', { id: 'comparison', 'aria-live': 'polite' });
  const form = h('form', { class: 'compare-form' }, h('label', { for: 'from' }, 'From '), from, h('label', { for: 'to' }, ' to '), to, h('button', { type: 'submit' }, 'Compare'));
  append(main, form, result);
  const show = async () => {
    result.replaceChildren(h('p', { class: 'loading', role: 'status' }, 'Comparing…'));
    try {
      const f = (from as HTMLSelectElement).value, t = (to as HTMLSelectElement).value;
      const m = await getJson<Migrations>(`/migrations?from=${enc(f)}&to=${enc(t)}&model=${s.storeModel}`);
      const size = (date: string, seg: number) => s.snapshots.find((x) => x.asOf === date)?.segments.find((g) => g.id === seg);
      result.replaceChildren(
        h('p', { class: 'lead', id: 'stability' }, `Stability (adjusted Rand index on the ${fmtInt(m.common)} customers in both): `, h('strong', { id: 'ari' }, fmtNum(m.ari)),
          `; ${fmtInt(m.newCustomers)} new and ${fmtInt(m.lostCustomers)} lost customers.`),
        h('table', { class: 'data', id: 'compare-sizes' },
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Segment'), h('th', { scope: 'col', class: 'num' }, `Customers ${f}`), h('th', { scope: 'col', class: 'num' }, `Customers ${t}`), h('th', { scope: 'col', class: 'num' }, 'Entered'), h('th', { scope: 'col', class: 'num' }, 'Left'))),
          h('tbody', {}, ...m.segments.map((g, i) => h('tr', {}, h('th', { scope: 'row' }, g.name),
            h('td', { class: 'num' }, size(f, g.id) ? `${fmtInt(size(f, g.id)!.count)} (${fmtPct(size(f, g.id)!.share)})` : '–'),
            h('td', { class: 'num' }, size(t, g.id) ? `${fmtInt(size(t, g.id)!.count)} (${fmtPct(size(t, g.id)!.share)})` : '–'),
            h('td', { class: 'num' }, fmtInt(m.entered[i])), h('td', { class: 'num' }, fmtInt(m.left[i])))))),
        ...m.charts.map(chartFigure),
      );
    } catch (e) {
      result.replaceChildren(h('p', { class: 'error', role: 'alert' }, `The comparison could not be made: ${(e as Error).message}`));
    }
  };
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    void show();
  });
  await show();
  return trail;
}
