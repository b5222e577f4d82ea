/** A tiny element builder: h('a', { href: '#/' }, 'text', child) — text children are escaped by the DOM. */
export type Child = Node | string | number | null | undefined | false | Child[];

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string | number | boolean | EventListener | undefined> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (typeof v === 'function') el.addEventListener(k.replace(/^on/, ''), v);
    else if (v === true) el.setAttribute(k, '');
    else el.setAttribute(k, String(v));
  }
  append(el, ...children);
  return el;
}

export function append(el: Element, ...children: Child[]): void {
  for (const c of children) {
    if (Array.isArray(c)) append(el, ...c);
    else if (c !== null && c !== undefined && c !== false) el.append(typeof c === 'number' ? String(c) : c);
  }
}

export const fmtInt = (n: number) => n.toLocaleString('en-US');
export const fmtPct = (x: number | null) => (x === null ? '–' : `${(x * 100).toFixed(1)}%`);
export const fmtNum = (x: number | null | undefined) => (x === null || x === undefined ? '–' : Math.abs(x) >= 1000 ? fmtInt(Math.round(x)) : String(Number(x.toPrecision(3))));

/** A coloured square for a segment (the palette the API and the charts use). */
export function swatch(colour: string): HTMLElement {
  return h('span', { class: 'swatch', style: `background:${colour}`, 'aria-hidden': 'true' });
}
