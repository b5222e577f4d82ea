/**
 * GET /models/{id}/segments/{segment}: one segment's page: its report card (what sets it apart, the
 * surrogate tree's rules, suggested actions, key numbers and levels) and the distribution charts.
 * @module
 */
import { SegkitError } from '../../errors.js';
import { msg } from '../../messages.js';
import type { RouteSpec } from '../route.js';
import type { ServedModel } from '../served-model.js';
import { segmentDetailSchema, segmentParamsSchema } from '../dashboard-schemas.js';
import { servedModel } from './models.js';
import { pageNotice, presentedReport, viewOf } from './overview.js';

/**
 * The index of segment `id` in the model's segment list.
 * @throws {SegkitError} E_NOT_FOUND naming the model's segment ids
 */
export function segmentIndex(served: ServedModel, id: number): number {
  const at = served.model.segments.findIndex((s) => s.id === id);
  if (at < 0) throw new SegkitError('E_NOT_FOUND', msg.segmentIdInvalid(String(id), served.model.segments.map((s) => s.id)), { field: 'segment' });
  return at;
}

export const segmentRoute: RouteSpec<{ id: string; segment: number }> = {
  method: 'GET',
  path: '/models/{id}/segments/{segment}',
  operationId: 'segmentDetail',
  summary: "One segment's profile card, rules and distributions",
  tag: 'dashboard',
  params: segmentParamsSchema,
  response: segmentDetailSchema,
  errors: [400, 401, 404],
  modelOf: (p) => p.id,
  handler: ({ params }, ctx) => {
    const served = servedModel(ctx, params.id);
    const at = segmentIndex(served, params.segment);
    const s = served.model.segments[at];
    const view = viewOf(ctx, served);
    const report = view ? presentedReport(view, served.model) : undefined;
    const card = report?.cards[at];
    return {
      model: served.id,
      segment: card
        ? { id: card.id, name: card.name, size: card.size, share: card.share, valueShare: card.valueShare }
        : { id: s.id, name: s.name, size: s.size, share: s.share, valueShare: null },
      means: s.profile?.means ?? {},
      card: card ? { apart: card.apart, rules: card.rules, actions: card.actions, numbers: card.numbers, levels: card.levels } : null,
      charts: report?.charts.filter((c) => c.id.startsWith('distribution-')) ?? [],
      notice: pageNotice(ctx, served),
    };
  },
};
