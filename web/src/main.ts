/**
 * The dashboard shell: a hash router (#/, #/models/:id, #/models/:id/segments/:s, #/models/:id/new,
 * #/models/:id/compare)
 * so the server only serves `/`; loading, error and token states shared by every page.
 */
import './style.css';
import { ApiError, setToken } from './api.js';
import { h } from './dom.js';
import { modelsPage } from './pages/models.js';
import { overviewPage } from './pages/overview.js';
import { segmentPage } from './pages/segment.js';
import { predictPage } from './pages/predict.js';
import { comparePage } from './pages/compare.js';

export interface Crumb { label: string; href?: string }
/** A page renders into `main` and returns its breadcrumb. */
export type Page = (main: HTMLElement) => Promise<Crumb[]>;

const main = document.getElementById('main')!;
const crumbs = document.getElementById('crumbs')!;
let renderId = 0;

function route(hash: string): Page {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'models' && parts[1]) {
    if (parts[2] === 'segments' && parts[3] !== undefined) return (m) => segmentPage(m, parts[1], Number(parts[3]));
    if (parts[2] === 'new') return (m) => predictPage(m, parts[1]);
    if (parts[2] === 'compare') return (m) => comparePage(m, parts[1]);
    return (m) => overviewPage(m, parts[1]);
  }
  return modelsPage;
}

export async function render(): Promise<void> {
  const id = ++renderId;
  const page = route(location.hash);
  main.replaceChildren(h('p', { class: 'loading', role: 'status', 'aria-busy': 'true' }, 'Loading…'));
  const body = h('div');
  try {
    const trail = await page(body);
    if (id !== renderId) return; // a newer navigation won
    main.replaceChildren(body);
    crumbs.replaceChildren(...trail.flatMap((c, i) => [i ? h('span', { 'aria-hidden': 'true' }, ' › ') : null, c.href ? h('a', { href: c.href }, c.label) : h('span', { 'aria-current': 'page' }, c.label)].filter((x): x is HTMLElement => x !== null)));
  } catch (e) {
    if (id !== renderId) return;
    crumbs.replaceChildren(h('a', { href: '#/' }, 'Models'));
    main.replaceChildren(errorView(e));
  }
}

/** The whole-page error states: server down (retry), token needed (prompt), anything else (message + way back). */
export function errorView(e: unknown): HTMLElement {
  if (e instanceof ApiError && e.status === 401) return tokenPrompt(e);
  if (e instanceof ApiError && e.offline)
    return h('section', { class: 'problem', role: 'alert' }, h('h1', {}, 'The server is not reachable'), h('p', {}, e.message),
      h('button', { type: 'button', onclick: () => void render() }, 'Retry'));
  const message = e instanceof Error ? e.message : String(e);
  return h('section', { class: 'problem', role: 'alert' }, h('h1', {}, e instanceof ApiError && e.status === 404 ? 'Not found' : 'Something went wrong'),
    h('p', {}, message), e instanceof ApiError && e.hint ? h('p', { class: 'hint' }, e.hint) : null,
    h('p', {}, h('a', { href: '#/' }, 'Back to the models'), ' · ', h('button', { type: 'button', onclick: () => void render() }, 'Retry')));
}

function tokenPrompt(e: ApiError): HTMLElement {
  const input = h('input', { type: 'password', id: 'token', name: 'token', autocomplete: 'current-password', required: true });
  const form = h('form', { class: 'problem token', 'aria-labelledby': 'token-title' },
    h('h1', { id: 'token-title' }, 'This server needs an access token'),
    h('p', {}, e.code === 'E_UNAUTHORIZED' && /not valid/.test(e.message) ? 'The token you gave is not valid (or has expired). Ask for a new one.' : 'Ask the person who runs segkit for the token, then enter it here.'),
    h('label', { for: 'token' }, 'Access token'), input, h('button', { type: 'submit' }, 'Continue'));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    setToken(input.value.trim());
    void render();
  });
  queueMicrotask(() => input.focus());
  return form;
}

window.addEventListener('hashchange', () => {
  void render().then(() => main.focus({ preventScroll: true }));
});
void render();
