/**
 * Text helpers shared by the HTML and Markdown outputs of the report and the comparison page.
 * @module
 */

/** Escapes text for HTML. */
export const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** A number for people: thousands whole, otherwise 3 significant digits. */
export const num = (v: number) => (Math.abs(v) >= 1000 ? v.toFixed(0) : Number(v.toPrecision(3)).toString());
