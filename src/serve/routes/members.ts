/**
 * GET /models/{id}/members and /members.csv: the customers of the customer table with their segment,
 * a page at a time (server-side: a page never carries more than `limit` rows, whatever the table
 * size), filtered by segment and by a text in the customer ID; the CSV carries every match.
 * @module
 */
import { SegkitError } from '../../errors.js';
import { msg } from '../../messages.js';
import { segmentName } from '../../model/predict.js';
import { pageMembers, type CustomerView } from '../customer-view.js';
import { membersCsvQuerySchema, membersQuerySchema, membersSchema } from '../dashboard-schemas.js';
import type { RouteContext, RouteSpec } from '../route.js';
import type { ServedModel } from '../served-model.js';
import { modelParamsSchema } from '../schemas.js';
import { servedModel } from './models.js';
import { viewOf } from './overview.js';
import { segmentIndex } from './segment.js';
import { z } from 'zod';

type MembersQuery = z.output<typeof membersQuerySchema>;

function membersView(ctx: RouteContext, served: ServedModel, segment: number | undefined): CustomerView {
  if (segment !== undefined && segment >= 0) segmentIndex(served, segment);
  const view = viewOf(ctx, served);
  if (!view) throw new SegkitError('E_OPTION', msg.membersNeedCustomers(), { field: 'customers' });
  return view;
}

const confidenceOf = (view: CustomerView, row: number) => (Number.isNaN(view.analysis.confidence[row]) ? null : view.analysis.confidence[row]);

export const membersRoute: RouteSpec<{ id: string }, undefined, MembersQuery> = {
  method: 'GET',
  path: '/models/{id}/members',
  operationId: 'members',
  summary: 'Customers and their segment, one page at a time',
  description: 'Needs the server started with a customer table (`--customers`). Filter by `segment` and by `q` (text in the customer ID); page with `offset` and `limit`.',
  tag: 'dashboard',
  params: modelParamsSchema,
  query: membersQuerySchema,
  response: membersSchema,
  errors: [400, 401, 404],
  modelOf: (p) => p.id,
  handler: ({ params, query }, ctx) => {
    const served = servedModel(ctx, params.id);
    const view = membersView(ctx, served, query.segment);
    const { total, rows } = pageMembers(view, { ...(query.segment !== undefined ? { segment: query.segment } : {}), ...(query.q ? { query: query.q } : {}), offset: query.offset, limit: query.limit });
    const labels = view.analysis.labels;
    return {
      model: served.id, total, offset: query.offset, limit: query.limit,
      members: Array.from(rows, (r) => ({ id: view.ids[r], segment: labels[r], segmentName: segmentName(served.model, labels[r]), confidence: confidenceOf(view, r) })),
    };
  },
};

export const membersCsvRoute: RouteSpec<{ id: string }, undefined, z.output<typeof membersCsvQuerySchema>> = {
  method: 'GET',
  path: '/models/{id}/members.csv',
  operationId: 'membersCsv',
  summary: 'The same customers as CSV, every match in one file',
  description: 'Columns: id, segment, segment_name, confidence. Same filters as /members.',
  tag: 'dashboard',
  params: modelParamsSchema,
  query: membersCsvQuerySchema,
  response: z.string().describe('CSV (RFC 4180) with a header row.'),
  contentType: 'text/csv; charset=utf-8',
  errors: [400, 401, 404],
  modelOf: (p) => p.id,
  handler: ({ params, query }, ctx) => {
    const served = servedModel(ctx, params.id);
    const view = membersView(ctx, served, query.segment);
    const { rows } = pageMembers(view, { ...(query.segment !== undefined ? { segment: query.segment } : {}), ...(query.q ? { query: query.q } : {}), offset: 0, limit: Number.MAX_SAFE_INTEGER });
    const names = new Map<number, string>();
    const nameOf = (s: number) => names.get(s) ?? (names.set(s, csvField(segmentName(served.model, s))), names.get(s)!);
    const lines = ['id,segment,segment_name,confidence'];
    for (let j = 0; j < rows.length; j++) {
      const r = rows[j], s = view.analysis.labels[r], c = confidenceOf(view, r);
      lines.push(`${csvField(view.ids[r])},${s},${nameOf(s)},${c === null ? '' : c}`);
    }
    return lines.join('\n') + '\n';
  },
};

/** RFC 4180 quoting; a leading =, +, - or @ is prefixed with ' so a spreadsheet does not run it as a formula. */
function csvField(v: string): string {
  const safe = /^[=+\-@]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
