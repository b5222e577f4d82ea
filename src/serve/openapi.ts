/**
 * Assembles the OpenAPI 3.1 document of the HTTP API from the route table: each route's params,
 * body and response zod schemas go through `z.toJSONSchema` (JSON Schema 2020-12, the dialect of
 * OpenAPI 3.1), errors share one `Error` schema. Committed as docs/openapi.json; a test keeps it current.
 * @module
 */
import { z } from 'zod';
import type { RouteSpec } from './route.js';
import { errorBodySchema } from './schemas.js';
import { SEGKIT_VERSION } from '../version.js';

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad input: the body, a field, a row or a column (the error names it).',
  401: 'Missing or wrong bearer token.',
  404: 'No such model (or route).',
  413: 'Body larger than --body-limit, or more rows than --max-batch.',
  415: 'Body is not JSON.',
  500: 'Internal error (details only in the server log).',
  503: 'The store is busy (another process is writing it); retry.',
};

/** The OpenAPI document of `routes`. */
export function assembleOpenApi(routes: readonly RouteSpec[]): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const op: Record<string, unknown> = {
      operationId: r.operationId,
      summary: r.summary,
      ...(r.description ? { description: r.description } : {}),
      tags: [r.tag],
      ...(r.auth === false ? { security: [] } : {}),
    };
    const parameters = [...(r.params ? parametersOf(r.params, 'path') : []), ...(r.query ? parametersOf(r.query, 'query') : [])];
    if (parameters.length) op.parameters = parameters;
    if (r.body) op.requestBody = { required: true, content: { 'application/json': { schema: jsonSchema(r.body, 'input') } } };
    op.responses = {
      200: { description: 'OK', content: { [r.contentType ?? 'application/json']: { schema: jsonSchema(r.response) } } },
      ...Object.fromEntries([...r.errors, 500].map((s) => [s, { $ref: `#/components/responses/E${s}` }])),
    };
    (paths[r.path] ??= {})[r.method.toLowerCase()] = op;
  }
  const used = [...new Set([...routes.flatMap((r) => r.errors), 500])].sort();
  return {
    openapi: '3.1.0',
    info: {
      title: 'segkit HTTP API',
      version: SEGKIT_VERSION,
      description: 'Segments of customers from saved segkit models: `segkit serve <model.json…>`. Errors are `{ error: { code, message, where, hint } }`.',
    },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'Required when the server runs with --token or SEGKIT_TOKEN.' } },
      schemas: { Error: jsonSchema(errorBodySchema) },
      responses: Object.fromEntries(used.map((s) => [`E${s}`, { description: STATUS_TEXT[s] ?? String(s), content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } }])),
    },
    security: [{ bearer: [] }],
    paths,
  };
}

/** OpenAPI parameter objects of a zod object of path or query parameters. */
function parametersOf(schema: z.ZodType, where: 'path' | 'query'): Record<string, unknown>[] {
  const s = jsonSchema(schema, 'input') as { properties: Record<string, { description?: string }>; required?: string[] };
  return Object.entries(s.properties).map(([name, p]) => ({
    name,
    in: where,
    required: where === 'path' || (s.required ?? []).includes(name),
    ...(p.description ? { description: p.description } : {}),
    schema: { ...p, description: undefined },
  }));
}

/** `io: 'input'` for what clients send (defaults optional), `'output'` for what they receive. */
function jsonSchema(s: z.ZodType, io: 'input' | 'output' = 'output'): Record<string, unknown> {
  const { $schema: _, ...rest } = z.toJSONSchema(s, { io, unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
}
