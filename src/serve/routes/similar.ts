/**
 * POST /models/{id}/similar: the customers of the server's customer table (`--customers`) most like
 * one of them (`customer`) or a new customer (`row`), in the model's feature space (model/similar.ts).
 * The index is built from the table on the first request for a model and kept with that loaded model,
 * so a hot-reloaded model gets a fresh index.
 * @module
 */
import { z } from 'zod';
import { SegkitError } from '../../errors.js';
import { msg } from '../../messages.js';
import { frameFromRecords } from '../../data/frame.js';
import { resolveIds } from '../../data/ids.js';
import { buildSimilarityIndex, embedFrame, findSimilar, indexRow, indexVector, type SimilarityIndex } from '../../model/similar.js';
import { predict, segmentName } from '../../model/predict.js';
import type { RouteSpec } from '../route.js';
import type { ServedModel } from '../served-model.js';
import { modelParamsSchema } from '../schemas.js';
import { servedModel } from './models.js';

export const similarBodySchema = z.strictObject({
  customer: z.string().optional().describe('ID of a customer of the customer table to start from.'),
  row: z.record(z.string(), z.unknown()).optional().describe('A new customer, one field per input column (instead of `customer`).'),
  top: z.number().int().min(1).max(1000).default(5).describe('How many customers. **Default:** `5`.'),
  metric: z.enum(['euclidean', 'cosine']).default('euclidean').describe("'euclidean' (distance, smaller is closer) or 'cosine' (similarity). **Default:** `'euclidean'`."),
  sameSegment: z.boolean().default(false).describe('Only customers of the same segment. **Default:** `false`.'),
});

const similarResponseSchema = z.strictObject({
  model: z.string(),
  query: z.string().nullable().describe('The customer ID asked about, or null for a new row.'),
  segment: z.number().int(),
  segmentName: z.string(),
  metric: z.enum(['euclidean', 'cosine']),
  similar: z.array(z.strictObject({ id: z.string(), segment: z.number().int(), segmentName: z.string(), score: z.number().describe('Distance (euclidean) or cosine similarity.') })),
});

const indexes = new WeakMap<ServedModel, SimilarityIndex>();

export const similarRoute: RouteSpec<{ id: string }, z.output<typeof similarBodySchema>> = {
  method: 'POST',
  path: '/models/{id}/similar',
  operationId: 'similar',
  summary: 'Customers most like a given customer or a new one',
  description: "Needs the server started with a customer table (`segkit serve … --customers <table>`). Distances are measured in the model's feature space (the preprocessed columns).",
  tag: 'predict',
  params: modelParamsSchema,
  body: similarBodySchema,
  response: similarResponseSchema,
  errors: [400, 401, 404, 415],
  modelOf: (p) => p.id,
  handler: ({ params, body }, ctx) => {
    const served = servedModel(ctx, params.id);
    if (!ctx.customers) throw new SegkitError('E_OPTION', msg.noCustomerTable(), { field: 'customers' });
    if ((body.customer === undefined) === (body.row === undefined)) throw new SegkitError('E_OPTION', msg.customerOrRow(), { field: body.customer ? 'row' : 'customer' });
    let index = indexes.get(served);
    if (!index) {
      const idColumn = served.model.manifest.idColumn ?? undefined;
      const frame = ctx.customers;
      const { ids } = resolveIds(frame, idColumn && frame.columns.some((c) => c.name === idColumn) ? idColumn : undefined);
      index = buildSimilarityIndex(served.model, frame, ids);
      indexes.set(served, index);
    }
    let query: ArrayLike<number>, segment: number, exclude: number | undefined;
    if (body.customer !== undefined) {
      exclude = indexRow(index, body.customer);
      query = indexVector(index, exclude);
      segment = index.labels[exclude];
    } else {
      const one = frameFromRecords([body.row!], 'request body');
      const e = embedFrame(served.model, one);
      query = e.vectors.subarray(0, e.dims);
      segment = predict(served.model, one)[0].segment;
    }
    const found = findSimilar(index, query, { top: body.top, metric: body.metric, exclude, ...(body.sameSegment ? { segment } : {}) });
    return {
      model: served.id, query: body.customer ?? null, segment, segmentName: segmentName(served.model, segment), metric: body.metric,
      similar: found.map((f) => ({ id: f.id, segment: f.segment, segmentName: segmentName(served.model, f.segment), score: f.score })),
    };
  },
};
