/**
 * GET /openapi.json: the API's OpenAPI 3.1 document, generated from the route table and its zod
 * schemas (`openapi.ts`); the same document is committed as docs/openapi.json.
 * @module
 */
import { z } from 'zod';
import type { RouteSpec } from '../route.js';

export const openApiRoute: RouteSpec = {
  method: 'GET',
  path: '/openapi.json',
  operationId: 'openApi',
  summary: 'This document',
  tag: 'server',
  response: z.record(z.string(), z.unknown()).describe('An OpenAPI 3.1 document.'),
  errors: [401],
  handler: (_req, ctx) => ctx.openApi,
};
