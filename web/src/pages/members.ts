/**
 * The members table: one page at a time from the server (never all rows), search by customer ID,
 * previous/next, and CSV export of every match (fetched with the token, saved by the browser).
 */
import { enc, getBlob, getJson } from '../api.js';
import { append, fmtInt, fmtPct, h } from '../dom.js';
import type { Members } from '../types.js';

export function membersTable(model: string, o: { segment?: number; label?: string; pageSize?: number; searchFirst?: boolean; exportName?: string }): HTMLElement {
  const limit = o.pageSize ?? 50;
  let offset = 0;
  const uid = `members-${o.segment ?? 'all'}`;
  const input = h('input', { type: 'search', id: `${uid}-q`, name: 'q', placeholder: 'e.g. 1042', autocomplete: 'off' });
  const status = h('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
  const body = h('tbody');
  const prev = h('button', { type: 'button', disabled: true }, '‹ Previous');
  const next = h('button', { type: 'button', disabled: true }, 'Next ›');
  const table = h('table', { class: 'data members' },
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Customer ID'), h('th', { scope: 'col' }, 'Segment'), h('th', { scope: 'col', class: 'num' }, 'Confidence'))), body);
  const query = (extra: Record<string, string | number>) => {
    const p = new URLSearchParams();
    if (o.segment !== undefined) p.set('segment', String(o.segment));
    if (input.value.trim()) p.set('q', input.value.trim());
    for (const [k, v] of Object.entries(extra)) p.set(k, String(v));
    return p.toString();
  };
  const load = async () => {
    status.textContent = 'Loading…';
    try {
      const r = await getJson<Members>(`/models/${enc(model)}/members?${query({ offset, limit })}`);
      body.replaceChildren(...r.members.map((m) => h('tr', {},
        h('td', {}, m.id),
        h('td', {}, m.segment >= 0 ? h('a', { href: `#/models/${enc(model)}/segments/${m.segment}` }, m.segmentName) : m.segmentName),
        h('td', { class: 'num' }, fmtPct(m.confidence)))));
      status.textContent = r.total === 0 ? (input.value.trim() ? `No customer ID contains “${input.value.trim()}”.` : 'No customers.') : `${fmtInt(r.offset + 1)}–${fmtInt(r.offset + r.members.length)} of ${fmtInt(r.total)} customers`;
      prev.disabled = offset === 0;
      next.disabled = offset + limit >= r.total;
      table.hidden = r.total === 0;
    } catch (e) {
      status.textContent = `Could not load the customers: ${(e as Error).message}`;
      status.className = 'status error';
    }
  };
  prev.addEventListener('click', () => { offset = Math.max(0, offset - limit); void load(); });
  next.addEventListener('click', () => { offset += limit; void load(); });
  const form = h('form', { class: 'search', role: 'search' }, h('label', { for: input.id }, o.label ?? 'Search by customer ID'), input, h('button', { type: 'submit' }, 'Search'));
  form.addEventListener('submit', (ev) => { ev.preventDefault(); offset = 0; table.hidden = false; void load(); });
  const exportButton = o.exportName ? h('button', { type: 'button', class: 'export' }, 'Export as CSV') : null;
  exportButton?.addEventListener('click', async () => {
    exportButton.disabled = true;
    try {
      const blob = await getBlob(`/models/${enc(model)}/members.csv?${query({})}`);
      const a = h('a', { href: URL.createObjectURL(blob), download: `${o.exportName}.csv` });
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
    } catch (e) {
      status.textContent = `Export failed: ${(e as Error).message}`;
    } finally {
      exportButton.disabled = false;
    }
  });
  const wrap = h('div', { class: 'members-block' }, form, status, h('div', { class: 'scroll' }, table), h('div', { class: 'pager' }, prev, next, exportButton));
  if (o.searchFirst) {
    table.hidden = true;
    prev.hidden = next.hidden = true;
    form.addEventListener('submit', () => { prev.hidden = next.hidden = false; });
  } else void load();
  return wrap;
}
