/**
 * What the dashboard shows about a model's customers (`segkit serve --customers <table>`): the table
 * scored once per fitted model and kept as aggregates (the report's analysis: profile, rules, a
 * stratified projection sample, distribution samples) plus each segment's row indices for paging.
 * Requests then answer from these in time independent of the table size (paging, charts) or one
 * pass over ids (search). A rename reloads the model but keeps the same fit (same `createdAt` and data
 * hash), so the view is reused and only re-presented with the new names.
 * @module
 */
import type { Frame } from '../data/frame.js';
import { resolveIds } from '../data/ids.js';
import { analyseReport, type ReportAnalysis } from '../report/report-model.js';
import type { ServedModel } from './served-model.js';

/** A model's customers, scored and summarised. */
export interface CustomerView {
  /** The fit this view belongs to (unchanged by a rename). */
  readonly key: string;
  readonly analysis: ReportAnalysis;
  /** Customer ID of each row (the model's ID column, else 1-based row numbers). */
  readonly ids: readonly string[];
  /** Row indices by segment id, in table order; key -1 holds the rows left out of every segment. */
  readonly rowsBySegment: ReadonlyMap<number, Int32Array>;
  /** Seconds the scoring and profiling took. */
  readonly seconds: number;
}

/** Points of the projection scatter at most (stratified by segment above it). */
export const SCATTER_POINTS = 3000;

/**
 * The view of `served` over `customers`, computed on first use for each fit (about 10 s per million
 * rows) and kept in `cache` (one per server, by model id: a refit replaces the entry).
 */
export function customerView(cache: Map<string, CustomerView>, served: ServedModel, customers: Frame, valueColumn?: string): CustomerView {
  const m = served.model.manifest;
  const key = `${served.file}|${m.createdAt}|${m.dataHash}|${valueColumn ?? ''}`;
  const cached = cache.get(served.id);
  if (cached?.key === key) return cached;
  const t0 = performance.now();
  const analysis = analyseReport(served.model, customers, { ...(valueColumn ? { valueColumn } : {}), maxPoints: SCATTER_POINTS });
  const idColumn = m.idColumn && customers.columns.some((c) => c.name === m.idColumn) ? m.idColumn : undefined;
  const { ids } = resolveIds(customers, idColumn);
  const view: CustomerView = { key, analysis, ids, rowsBySegment: rowsBySegment(analysis.labels), seconds: (performance.now() - t0) / 1000 };
  cache.set(served.id, view);
  return view;
}

/** Row indices per label, in row order: two passes over the labels (counts, then fill). */
export function rowsBySegment(labels: Int32Array): Map<number, Int32Array> {
  const counts = new Map<number, number>();
  for (let i = 0; i < labels.length; i++) counts.set(labels[i], (counts.get(labels[i]) ?? 0) + 1);
  const out = new Map<number, Int32Array>();
  const fill = new Map<number, number>();
  for (const [label, n] of counts) {
    out.set(label, new Int32Array(n));
    fill.set(label, 0);
  }
  for (let i = 0; i < labels.length; i++) {
    const at = fill.get(labels[i])!;
    out.get(labels[i])![at] = i;
    fill.set(labels[i], at + 1);
  }
  return out;
}

/** A page of customers, optionally of one segment and with an id containing `query` (case-insensitive). */
export function pageMembers(view: Pick<CustomerView, 'ids' | 'rowsBySegment'>, o: { segment?: number; query?: string; offset: number; limit: number }): { total: number; rows: Int32Array } {
  const pool = o.segment === undefined ? undefined : (view.rowsBySegment.get(o.segment) ?? new Int32Array(0));
  const n = pool ? pool.length : view.ids.length;
  const q = o.query?.trim().toLowerCase();
  if (!q) {
    const from = Math.min(o.offset, n), to = Math.min(n, from + o.limit);
    return { total: n, rows: pool ? pool.slice(from, to) : Int32Array.from({ length: to - from }, (_, i) => from + i) };
  }
  // One pass over the candidates' ids: count every match, keep only the page.
  const keys = searchKeys(view.ids);
  const page: number[] = [];
  let total = 0;
  for (let j = 0; j < n; j++) {
    const row = pool ? pool[j] : j;
    if (!keys[row].includes(q)) continue;
    if (total >= o.offset && page.length < o.limit) page.push(row);
    total++;
  }
  return { total, rows: Int32Array.from(page) };
}

const lowered = new WeakMap<readonly string[], readonly string[]>();

/** The ids in lower case, made once per id list (the ids themselves when none has an upper-case letter). */
function searchKeys(ids: readonly string[]): readonly string[] {
  let keys = lowered.get(ids);
  if (!keys) {
    keys = ids.some((id) => id !== id.toLowerCase()) ? ids.map((id) => id.toLowerCase()) : ids;
    lowered.set(ids, keys);
  }
  return keys;
}
