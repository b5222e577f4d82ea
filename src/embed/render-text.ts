/**
 * Customer rows as sentences, for text-embedding methods ("Age: 58, Job: management, Marital:
 * married"), as the seed's "LLM + K-means" renders them. The default is "Name: value" pairs in the
 * model's column order; a template with {Column} fields replaces it. A missing value renders
 * as "unknown" (the template's text around it stays, so sentences keep their shape). Columns named
 * as personal data (`pii`) are never rendered, and the customer ID never is.
 * @module
 */
import type { Frame, Column } from '../data/frame.js';
import { isNumericColumn } from '../data/frame.js';
import { SegkitError } from '../errors.js';
import { msg } from '../messages.js';

/** How rows are rendered: the columns (in order) and an optional template. */
export interface TextRendering {
  readonly columns: readonly string[];
  readonly template: string | null;
}

const FIELD = /\{([^{}]+)\}/g;

/**
 * Checks a rendering against the columns available: the template's {Column} fields must name columns, and
 * personal-data columns may not appear in the template.
 * @throws {SegkitError} E_UNKNOWN_COLUMN naming the field; E_OPTION for a PII column in the template
 */
export function checkRendering(template: string | null, available: readonly string[], pii: readonly string[], source: string): void {
  for (const p of pii) if (!available.includes(p)) throw new SegkitError('E_UNKNOWN_COLUMN', msg.unknownColumn(p, '--pii', available), { file: source, column: p, field: 'text.pii' });
  if (template === null) return;
  for (const m of template.matchAll(FIELD)) {
    const name = m[1];
    if (pii.includes(name)) throw new SegkitError('E_OPTION', msg.templatePii(name), { field: 'text.template', column: name });
    if (!available.includes(name)) throw new SegkitError('E_UNKNOWN_COLUMN', msg.unknownColumn(name, 'the text template', available), { file: source, column: name, field: 'text.template' });
  }
}

/** The sentence of every row of `frame`. */
export function renderRows(frame: Frame, r: TextRendering): string[] {
  const cols = new Map<string, Column>();
  for (const c of frame.columns) cols.set(c.name, c);
  const value = (name: string, i: number): string => {
    const c = cols.get(name);
    if (!c) throw new SegkitError('E_FEATURE_MISMATCH', msg.missingFeature(name, frame.source), { file: frame.source, column: name });
    if (isNumericColumn(c)) {
      const v = c.values[i];
      if (Number.isNaN(v)) return 'unknown';
      if (c.kind === 'boolean') return v ? 'yes' : 'no';
      if (c.kind === 'date') return new Date(v * 86_400_000).toISOString().slice(0, 10);
      return formatNumber(v);
    }
    const v = c.values[i];
    return v === null || v === '' ? 'unknown' : v;
  };
  const out = new Array<string>(frame.rows);
  for (let i = 0; i < frame.rows; i++) {
    out[i] = r.template === null
      ? r.columns.map((name) => `${name}: ${value(name, i)}`).join(', ')
      : r.template.replace(FIELD, (_, name: string) => value(name, i));
  }
  return out;
}

/** Numbers as people write them: integers whole, others with up to 6 significant digits. */
function formatNumber(v: number): string {
  return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(6)));
}
