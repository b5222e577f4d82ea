/**
 * POST /models/{id}/predict: the segment of one customer (`row`) or a batch (`rows`), through the
 * library's `predict` unchanged: the same pipeline, the same fields, in request order.
 * @module
 */
import { SegkitError } from '../../errors.js';
import { msg } from '../../messages.js';
import { predictRecords } from '../../model/predict-records.js';
import type { RouteSpec } from '../route.js';
import { modelParamsSchema, plainPredictBody, predictBodySchema, predictResponseSchema, type PredictBody } from '../schemas.js';
import { servedModel } from './models.js';

/** Source name of request rows in error messages ("request body, row 2, column "age": …"). */
const SOURCE = 'request body';

export const predictRoute: RouteSpec<{ id: string }, PredictBody> = {
  method: 'POST',
  path: '/models/{id}/predict',
  operationId: 'predict',
  summary: 'Segment of one customer or a batch',
  description:
    'Rows go through the model\'s saved preprocessing and its method\'s predict rule. Every row must have each input column ' +
    '(null for missing, imputed as in training); extra columns are ignored; an unseen categorical level is scored and noted in `notes`. ' +
    'Rows are numbered from 1 in error messages.',
  tag: 'predict',
  params: modelParamsSchema,
  body: predictBodySchema,
  plainBody: plainPredictBody,
  precheck: (raw, ctx) => {
    // Refuse an oversized batch before validating (or scoring) any of it.
    const rows = (raw as { rows?: unknown } | null)?.rows;
    if (Array.isArray(rows) && rows.length > ctx.limits.maxBatch)
      throw new SegkitError('E_TOO_LARGE', msg.batchTooLarge(rows.length, ctx.limits.maxBatch), { field: 'rows' });
  },
  response: predictResponseSchema,
  errors: [400, 401, 404, 413, 415],
  modelOf: (p) => p.id,
  handler: ({ params, body }, ctx) => {
    const served = servedModel(ctx, params.id);
    if ((body.rows === undefined) === (body.row === undefined)) throw new SegkitError('E_OPTION', msg.bodyRowsOrRow(), { field: body.rows ? 'row' : 'rows' });
    const rows = body.rows ?? [body.row!];
    // Strict columns: a key absent from a row is a client bug, not a missing value (null is).
    for (let i = 0; i < rows.length; i++)
      for (const f of served.features)
        if (!Object.hasOwn(rows[i], f.name)) throw new SegkitError('E_FEATURE_MISMATCH', msg.rowMissingFeature(i + 1, f.name), { row: i + 1, column: f.name, field: body.rows ? `rows.${i}` : 'row' });
    return { model: served.id, modelCreatedAt: served.model.manifest.createdAt, predictions: predictRecords(served.model, rows, SOURCE) };
  },
};
