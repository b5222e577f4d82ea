/** A segment's page: name (renamable), what sets it apart, its rules, distributions and its members. */
import { ApiError, enc, getJson, postJson } from '../api.js';
import { chartFigure } from '../chart.js';
import { append, fmtInt, fmtNum, fmtPct, h } from '../dom.js';
import { render, type Crumb } from '../main.js';
import type { SegmentDetail } from '../types.js';
import { membersTable } from './members.js';

export async function segmentPage(main: HTMLElement, model: string, segment: number): Promise<Crumb[]> {
  const d = await getJson<SegmentDetail>(`/models/${enc(model)}/segments/${segment}`);
  const s = d.segment;
  append(main, 
    h('h1', { id: 'segment-name' }, s.name),
    h('p', { class: 'lead' }, `${fmtInt(s.size)} customers (${fmtPct(s.share)} of all)`, s.valueShare !== null ? `, ${fmtPct(s.valueShare)} of the value` : '', '.'),
    renameForm(model, segment, s.name),
    d.notice ? h('p', { class: 'notice', role: 'note' }, d.notice) : null,
  );
  if (d.card) {
    const c = d.card;
    append(main, h('section', { class: 'card', id: 'card', 'aria-labelledby': 'card-title' },
      h('h2', { id: 'card-title' }, 'What sets it apart'),
      c.apart.length ? h('ul', {}, ...c.apart.map((t) => h('li', {}, t))) : h('p', {}, 'Nothing stands out: this segment is close to the average customer.'),
      c.rules.length ? [h('h3', {}, 'How to recognise its customers'), h('ul', { class: 'rules' }, ...c.rules.map((r) => h('li', {}, r.text, h('span', { class: 'muted' }, ` (right for ${fmtPct(r.precision)}, covers ${fmtPct(r.coverage)} of the segment)`))))] : null,
      c.actions.length ? [h('h3', {}, 'Suggested actions'), h('ul', {}, ...c.actions.map((a) => h('li', {}, a.action, h('span', { class: 'muted' }, ` — because ${a.because.join('; ')}`))))] : null,
      c.numbers.length ? [h('h3', {}, 'Key numbers'), h('table', { class: 'data' },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Feature'), h('th', { scope: 'col', class: 'num' }, 'Segment mean'), h('th', { scope: 'col', class: 'num' }, 'All customers'), h('th', { scope: 'col', class: 'num' }, 'z'))),
        h('tbody', {}, ...c.numbers.map((n) => h('tr', {}, h('th', { scope: 'row' }, n.feature), h('td', { class: 'num' }, fmtNum(n.mean)), h('td', { class: 'num' }, fmtNum(n.overall)), h('td', { class: 'num' }, (n.z >= 0 ? '+' : '') + n.z.toFixed(1))))))] : null,
      c.levels.length ? [h('h3', {}, 'Typical categories'), h('ul', {}, ...c.levels.map((l) => h('li', {}, `${l.feature}: ${l.level} (${fmtPct(l.share)}, ${l.lift.toFixed(1)}× the average)`)))] : null,
    ));
  } else if (Object.keys(d.means).length) {
    append(main, h('h2', {}, 'Averages in training'), h('dl', { class: 'metrics' }, ...Object.entries(d.means).flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, fmtNum(v))])));
  }
  if (d.charts.length) append(main, h('h2', {}, 'Distributions'), h('div', { class: 'charts' }, ...d.charts.map(chartFigure)));
  if (d.card) append(main, h('h2', {}, 'Customers in this segment'), membersTable(model, { segment, exportName: `${model}-segment-${segment}` }));
  return [{ label: 'Models', href: '#/' }, { label: model, href: `#/models/${enc(model)}` }, { label: s.name }];
}

function renameForm(model: string, segment: number, current: string): HTMLElement {
  const input = h('input', { id: 'rename', name: 'name', value: current, maxlength: 80, required: true, 'aria-describedby': 'rename-msg' });
  const message = h('span', { id: 'rename-msg', class: 'field-msg', role: 'status', 'aria-live': 'polite' });
  const form = h('form', { class: 'inline', id: 'rename-form' }, h('label', { for: 'rename' }, 'Name'), input, h('button', { type: 'submit' }, 'Rename'), message);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    input.removeAttribute('aria-invalid');
    message.textContent = 'Saving…';
    try {
      const r = await postJson<{ name: string }>(`/models/${enc(model)}/segments/${segment}/name`, { name: input.value });
      message.textContent = `Saved: “${r.name}” is now in the model file.`;
      document.getElementById('segment-name')!.textContent = r.name;
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) return void render(); // the page-level token prompt
      input.setAttribute('aria-invalid', 'true');
      message.textContent = (e as Error).message;
    }
  });
  return form;
}
