/**
 * The shape of one API route: what `app.ts` registers with fastify and what `openapi.ts`
 * documents, from the same object, so the document cannot drift from the handlers.
 * @module
 */
import type { z } from 'zod';
import type { ModelRegistry } from './model-registry.js';
import type { Frame } from '../data/frame.js';
import type { CustomerView } from './customer-view.js';

/** What a handler may use besides the request. */
export interface RouteContext {
  readonly registry: ModelRegistry;
  readonly limits: { readonly maxBatch: number };
  /** The OpenAPI document of this API (served by GET /openapi.json). */
  readonly openApi: Record<string, unknown>;
  readonly startedAt: number;
  /** The customer table `similar` searches (`--customers`), when the server was given one. */
  readonly customers?: Frame;
  /** The column whose share per segment the overview shows (`--value`). */
  readonly valueColumn?: string;
  /** The customer table scored once per model (customer-view.ts), by model id. */
  readonly customerViews: Map<string, CustomerView>;
  /** The store the snapshot and migration routes read (`--store`), when the server was given one. */
  readonly store?: string;
}

/** A validated request, as handlers see it. */
export interface RouteRequest<P, B, Q = any> {
  readonly params: P;
  readonly body: B;
  /** The query string's parameters (strings until `query` coerces them). */
  readonly query: Q;
}

/** One route. `path` is written as in OpenAPI (`/models/{id}`). */
export interface RouteSpec<P = any, B = any, Q = any> {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly operationId: string;
  readonly summary: string;
  readonly description?: string;
  readonly tag: string;
  /** Path parameters, validated before the handler runs. */
  readonly params?: z.ZodType<P>;
  /** Query-string parameters, validated before the handler runs. */
  readonly query?: z.ZodType<Q>;
  /** JSON body, validated before the handler runs (with `parse-body.ts` messages). */
  readonly body?: z.ZodType<B>;
  /** A fast validator for the common, valid case: the body as `body` would parse it, or undefined to let `body` decide. */
  readonly plainBody?: (rawBody: unknown) => B | undefined;
  /** Checks on the raw body that must run before validation (a batch above the limit is refused unread). */
  readonly precheck?: (rawBody: unknown, ctx: RouteContext) => void;
  /** The 200 response. */
  readonly response: z.ZodType;
  /** Media type of a 200 that is not JSON (the handler then returns the text). **Default:** JSON. */
  readonly contentType?: string;
  /** Error statuses the route documents (400, 404, 413, …). */
  readonly errors: readonly number[];
  /** False for routes that answer without a token (health checks). **Default:** `true`. */
  readonly auth?: boolean;
  /** The model a request addresses, for the request log. */
  readonly modelOf?: (params: P) => string | undefined;
  readonly handler: (req: RouteRequest<P, B, Q>, ctx: RouteContext) => unknown;
}
