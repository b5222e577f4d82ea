/**
 * GET /models and GET /models/{id}: which models this server scores with, and what each one is
 * (segments with names, sizes and shares; method; input columns; training metrics).
 * @module
 */
import { SegkitError } from '../../errors.js';
import { msg } from '../../messages.js';
import type { RouteContext, RouteSpec } from '../route.js';
import type { ServedModel } from '../served-model.js';
import { modelDetailSchema, modelListSchema, modelParamsSchema } from '../schemas.js';

/**
 * The current model with this id.
 * @throws {SegkitError} E_NOT_FOUND naming the loaded ids
 */
export function servedModel(ctx: RouteContext, id: string): ServedModel {
  const m = ctx.registry.get(id);
  if (!m) throw new SegkitError('E_NOT_FOUND', msg.modelNotFound(id, ctx.registry.ids()), { field: 'id' });
  return m;
}

export const listModelsRoute: RouteSpec = {
  method: 'GET',
  path: '/models',
  operationId: 'listModels',
  summary: 'The models this server scores with',
  tag: 'models',
  response: modelListSchema,
  errors: [401],
  handler: (_req, ctx) => ({
    models: ctx.registry.list().map((m) => ({
      id: m.id,
      method: m.model.clusterer.method,
      segments: m.model.segments.length,
      createdAt: m.model.manifest.createdAt,
      loadedAt: m.loadedAt,
    })),
  }),
};

export const getModelRoute: RouteSpec<{ id: string }> = {
  method: 'GET',
  path: '/models/{id}',
  operationId: 'getModel',
  summary: 'One model: segments with their profiles, method, input columns, metrics',
  tag: 'models',
  params: modelParamsSchema,
  response: modelDetailSchema,
  errors: [401, 404],
  modelOf: (p) => p.id,
  handler: ({ params }, ctx) => {
    const { id, model, features, loadedAt } = servedModel(ctx, params.id);
    return {
      id,
      method: model.clusterer.method,
      options: model.clusterer.options,
      createdAt: model.manifest.createdAt,
      loadedAt,
      idColumn: model.manifest.idColumn,
      trainingRows: model.manifest.rows,
      features,
      segments: model.segments.map((s) => ({ id: s.id, name: s.name, size: s.size, share: s.share, ...(s.profile ? { profile: s.profile } : {}) })),
      metrics: model.metrics,
      warnings: model.warnings,
    };
  },
};
