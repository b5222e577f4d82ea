/**
 * GET /models/{id}/overview: what the dashboard's model page shows, as aggregates only (segment
 * sizes and shares, the report's chart specs, metrics), so it answers in milliseconds for any
 * number of customers: the table was scored once (customer-view.ts).
 * @module
 */
import { existsSync } from 'node:fs';
import type { SegmentationModel } from '../../model/artifact.js';
import { segmentName } from '../../model/predict.js';
import { msg } from '../../messages.js';
import { SEGMENT_PALETTE } from '../../report/charts.js';
import { presentReport, type ReportModel } from '../../report/report-model.js';
import { customerView, type CustomerView } from '../customer-view.js';
import { overviewQuerySchema, overviewSchema } from '../dashboard-schemas.js';
import type { RouteContext, RouteSpec } from '../route.js';
import type { ServedModel } from '../served-model.js';
import { modelParamsSchema } from '../schemas.js';
import { servedModel } from './models.js';

/** Why part of a page is missing or stale: no customer table, or the model file gone from disk; null when neither. */
export function pageNotice(ctx: RouteContext, served: ServedModel): string | null {
  const notes = [...(existsSync(served.file) ? [] : [msg.modelFileGone(served.file)]), ...(ctx.customers ? [] : [msg.membersNeedCustomers()])];
  return notes.length ? notes.join(' ') : null;
}

/** The customer view of a model, when the server has a customer table. */
export function viewOf(ctx: RouteContext, served: ServedModel): CustomerView | undefined {
  return ctx.customers ? customerView(ctx.customerViews, served, ctx.customers, ctx.valueColumn) : undefined;
}

const presented = new WeakMap<CustomerView, { names: string; report: ReportModel }>();

/** The report's cards and charts for the model's current segment names (re-presented after a rename). */
export function presentedReport(view: CustomerView, model: SegmentationModel): ReportModel {
  const names = model.segments.map((g) => segmentName(model, g.id));
  const hit = presented.get(view);
  if (hit && hit.names === JSON.stringify(names)) return hit.report;
  const report = presentReport(view.analysis, names);
  presented.set(view, { names: JSON.stringify(names), report });
  return report;
}

export const overviewRoute: RouteSpec<{ id: string }, undefined, { charts: '0' | '1' }> = {
  method: 'GET',
  path: '/models/{id}/overview',
  operationId: 'modelOverview',
  summary: "A model's segments and charts, as aggregates (the dashboard's overview)",
  description: 'Segment sizes, shares and value shares, and the Vega-Lite specs of the HTML report. Counts and charts come from the customer table (`--customers`), scored once per model; without one, sizes are the training sizes and there are no charts.',
  tag: 'dashboard',
  params: modelParamsSchema,
  query: overviewQuerySchema,
  response: overviewSchema,
  errors: [400, 401, 404],
  modelOf: (p) => p.id,
  handler: ({ params, query }, ctx) => {
    const served = servedModel(ctx, params.id);
    const { model } = served;
    const view = viewOf(ctx, served);
    const report = view ? presentedReport(view, model) : undefined;
    return {
      id: served.id,
      method: model.clusterer.method,
      createdAt: model.manifest.createdAt,
      trainingRows: model.manifest.rows,
      customers: view ? view.ids.length : null,
      valueColumn: view?.analysis.valueColumn ?? null,
      palette: SEGMENT_PALETTE,
      segments: report
        ? report.cards.map((c) => ({ id: c.id, name: c.name, size: c.size, share: c.share, valueShare: c.valueShare }))
        : model.segments.map((s) => ({ id: s.id, name: s.name, size: s.size, share: s.share, valueShare: null })),
      charts: query.charts === '1' ? (report?.charts ?? []) : [],
      metrics: model.metrics,
      notice: pageNotice(ctx, served),
    };
  },
};
