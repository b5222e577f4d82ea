/**
 * GET /healthz: liveness for load balancers and orchestrators; answers without a token.
 * @module
 */
import type { RouteSpec } from '../route.js';
import { healthSchema } from '../schemas.js';

export const healthRoute: RouteSpec = {
  method: 'GET',
  path: '/healthz',
  operationId: 'health',
  summary: 'Liveness check',
  description: 'Answers 200 while the server runs, without a token.',
  tag: 'server',
  response: healthSchema,
  errors: [],
  auth: false,
  handler: (_req, ctx) => ({ status: 'ok', models: ctx.registry.ids().length, uptimeSeconds: Math.round((performance.now() - ctx.startedAt) / 1000) }),
};
