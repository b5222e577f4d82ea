/**
 * The new-customer form, generated from the model's input columns (GET /models/{id}): the predicted
 * segment, its confidence, novelty flags and the 5 most similar customers. A value the API refuses
 * marks its field with the API's own message (the error body names the column).
 */
import { ApiError, enc, getJson, postJson } from '../api.js';
import { append, fmtPct, h, swatch } from '../dom.js';
import { render, type Crumb } from '../main.js';
import type { Feature, ModelDetail, Overview, Prediction, Similar } from '../types.js';

export async function predictPage(main: HTMLElement, model: string): Promise<Crumb[]> {
  const [m, o] = await Promise.all([getJson<ModelDetail>(`/models/${enc(model)}`), getJson<Overview>(`/models/${enc(model)}/overview?charts=0`)]);
  const colour = (s: number) => (s < 0 ? '#888888' : o.palette[s % o.palette.length]);
  const fields = m.features.map((f, i) => field(f, i));
  const result = h('section', { id: 'result', 'aria-live': 'polite' });
  const formError = h('p', { class: 'error', role: 'alert', hidden: true });
  const form = h('form', { id: 'predict-form', class: 'grid-form', novalidate: true },
    ...fields.map((f) => f.el), formError, h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Predict segment')));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    for (const f of fields) f.clear();
    formError.hidden = true;
    const row = Object.fromEntries(fields.map((f) => [f.feature.name, f.value()]));
    result.replaceChildren(h('p', { role: 'status' }, 'Predicting…'));
    try {
      const { predictions: [p] } = await postJson<{ predictions: Prediction[] }>(`/models/${enc(model)}/predict`, { row });
      result.replaceChildren(answer(p, colour));
      if (o.customers !== null) {
        const sim = await postJson<Similar>(`/models/${enc(model)}/similar`, { row, top: 5 });
        result.append(similarTable(model, sim, colour));
      } else result.append(h('p', { class: 'notice' }, 'Similar customers need the customer table (start the server with --customers).'));
    } catch (e) {
      result.replaceChildren();
      if (e instanceof ApiError && e.status === 401) return void render();
      const name = e instanceof ApiError ? (e.where.column ?? e.where.field?.replace(/^row\./, '')) : undefined;
      const target = fields.find((f) => f.feature.name === name);
      if (target) target.mark((e as Error).message);
      else {
        formError.textContent = (e as Error).message;
        formError.hidden = false;
      }
    }
  });
  append(main, 
    h('h1', {}, 'Predict the segment of a new customer'),
    h('p', { class: 'lead' }, `Fill in what you know; leave a field empty when it is unknown (it is then filled in as the model was trained). Model ${m.id}.`),
    form, result,
  );
  return [{ label: 'Models', href: '#/' }, { label: model, href: `#/models/${enc(model)}` }, { label: 'New customer' }];
}

interface Field { feature: Feature; el: HTMLElement; value(): string | number | boolean | null; mark(message: string): void; clear(): void }

function field(f: Feature, i: number): Field {
  const id = `f${i}`;
  const msgEl = h('span', { id: `${id}-msg`, class: 'field-msg' });
  let control: HTMLInputElement | HTMLSelectElement;
  if (f.kind === 'categorical') {
    // A text box with the training levels as suggestions: an unseen level is allowed (and flagged as novel).
    const list = h('datalist', { id: `${id}-levels` }, ...(f.levels ?? []).map((l) => h('option', { value: l })));
    control = h('input', { id, name: f.name, list: list.id, autocomplete: 'off', 'aria-describedby': msgEl.id });
    return wrap(f, control, msgEl, [list], () => ((control as HTMLInputElement).value.trim() === '' ? null : (control as HTMLInputElement).value.trim()));
  }
  if (f.kind === 'boolean') {
    control = h('select', { id, name: f.name, 'aria-describedby': msgEl.id }, h('option', { value: '' }, '(unknown)'), h('option', { value: 'true' }, 'yes'), h('option', { value: 'false' }, 'no'));
    return wrap(f, control, msgEl, [], () => (control.value === '' ? null : control.value === 'true'));
  }
  // Numbers and dates as text, so a mistyped value reaches the API, which names the problem.
  control = h('input', { id, name: f.name, inputmode: f.kind === 'numeric' ? 'decimal' : 'text', placeholder: f.kind === 'date' ? 'YYYY-MM-DD' : '', autocomplete: 'off', 'aria-describedby': msgEl.id });
  return wrap(f, control, msgEl, [], () => {
    const v = (control as HTMLInputElement).value.trim();
    if (v === '') return null;
    return f.kind === 'numeric' && /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(v) ? Number(v) : v;
  });
}

function wrap(f: Feature, control: HTMLInputElement | HTMLSelectElement, msgEl: HTMLElement, extra: HTMLElement[], value: () => string | number | boolean | null): Field {
  const el = h('div', { class: 'field' }, h('label', { for: control.id }, f.name, h('span', { class: 'muted' }, ` (${f.kind})`)), control, ...extra, msgEl);
  return {
    feature: f, el, value,
    mark(message) { control.setAttribute('aria-invalid', 'true'); msgEl.textContent = message; control.focus(); },
    clear() { control.removeAttribute('aria-invalid'); msgEl.textContent = ''; },
  };
}

function answer(p: Prediction, colour: (s: number) => string): HTMLElement {
  return h('div', { class: 'card answer', id: 'answer', 'data-segment': p.segment },
    h('h2', {}, swatch(colour(p.segment)), 'Segment: ', h('span', { id: 'answer-name' }, p.segmentName)),
    h('p', {}, 'Confidence: ', h('strong', { id: 'answer-confidence' }, fmtPct(p.confidence)), p.runnerUpName ? ` · next closest: ${p.runnerUpName}` : ''),
    p.novel
      ? h('div', { class: 'notice', id: 'novelty' }, h('strong', {}, 'Unlike the customers the model was trained on: '), h('ul', {}, ...p.noveltyReasons.map((r) => h('li', {}, r))))
      : h('p', { class: 'muted', id: 'novelty' }, 'Like the customers the model was trained on.'),
    p.notes.length ? h('ul', { class: 'muted' }, ...p.notes.map((n) => h('li', {}, n))) : null);
}

function similarTable(model: string, s: Similar, colour: (s: number) => string): HTMLElement {
  return h('section', { id: 'similar' }, h('h2', {}, '5 most similar customers'),
    h('table', { class: 'data' }, h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Customer ID'), h('th', { scope: 'col' }, 'Segment'), h('th', { scope: 'col', class: 'num' }, 'Distance'))),
      h('tbody', {}, ...s.similar.map((c) => h('tr', {}, h('td', {}, c.id),
        h('td', {}, swatch(colour(c.segment)), c.segment >= 0 ? h('a', { href: `#/models/${enc(model)}/segments/${c.segment}` }, c.segmentName) : c.segmentName),
        h('td', { class: 'num' }, c.score.toFixed(3)))))));
}
