/** The first page: the models this server has, each a link to its overview. */
import { getJson } from '../api.js';
import { append, fmtInt, h } from '../dom.js';
import type { Crumb } from '../main.js';
import type { ModelSummary } from '../types.js';

export async function modelsPage(main: HTMLElement): Promise<Crumb[]> {
  const { models } = await getJson<{ models: ModelSummary[] }>('/models');
  append(main, 
    h('h1', {}, 'Segmentation models'),
    h('p', { class: 'lead' }, 'Each model splits customers into segments. Open one to see what its segments are, find a customer, or predict the segment of a new one.'),
    models.length === 0
      ? h('p', {}, 'This server has no models.')
      : h('table', { class: 'data', id: 'models' },
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Model'), h('th', { scope: 'col' }, 'Method'), h('th', { scope: 'col', class: 'num' }, 'Segments'), h('th', { scope: 'col' }, 'Fitted'))),
          h('tbody', {}, ...models.map((m) => h('tr', {},
            h('th', { scope: 'row' }, h('a', { href: `#/models/${encodeURIComponent(m.id)}` }, m.id)),
            h('td', {}, m.method), h('td', { class: 'num' }, fmtInt(m.segments)), h('td', {}, new Date(m.createdAt).toLocaleString('en-GB')))))),
  );
  return [{ label: 'Models' }];
}
