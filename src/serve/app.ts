/**
 * The HTTP API server: fastify over the model registry, every route from one table.
 *
 *   request ──1──> CORS preflight ──2──> bearer token ──3──> params, precheck, body (zod) ──4──> handler
 *                                                                                                   │
 *   request log <──6── response <──5── error handler (SegkitError → status + { error }) <──────────┘
 *
 * The handlers are thin: they call the same library functions as the CLI (`predictRecords`).
 * @module
 */
import { readFrame } from '../data/read-frame.js';
import { parseSourceSpec } from '../data/source-spec.js';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { SegkitError } from '../errors.js';
import { msg } from '../messages.js';
import { parseOptions } from '../options.js';
import { API_ROUTES } from './api-routes.js';
import { bearerTokenChecker } from './auth.js';
import { toErrorResponse } from './http-errors.js';
import { ModelRegistry, type ModelSource } from './model-registry.js';
import { assembleOpenApi } from './openapi.js';
import { customerView } from './customer-view.js';
import { registerDashboardFiles } from './dashboard-files.js';
import { parseBody } from './parse-body.js';
import { requestLogEntry, type LogSink } from './request-log.js';
import type { RouteContext, RouteSpec } from './route.js';
import { serveOptionsSchema, type ServeOptions, type ServeParams } from './serve-options.js';

/** A running (or ready to run) segkit server. */
export interface SegkitServer {
  /** The fastify instance (to add a plugin or a route before `listen`). */
  readonly app: FastifyInstance;
  readonly registry: ModelRegistry;
  readonly options: ServeParams;
  /** Starts listening; resolves to the base URL (with the real port when `port` was 0). */
  listen(): Promise<{ url: string; port: number }>;
  /** Stops watching files and closes the server. */
  close(): Promise<void>;
}

/**
 * Loads the models and builds the server (not yet listening).
 * @param log Receives the request log and events; **Default:** none.
 * @throws {SegkitError} E_OPTION/E_UNKNOWN_OPTION for options; E_NOT_FOUND, E_READ, E_MODEL_FORMAT for a model file
 * @example
 *   const server = await createServer([{ id: 'mall', file: 'mall.json' }], { port: 8080 }, jsonLineLog((l) => process.stdout.write(l)));
 *   const { url } = await server.listen();
 */
export async function createServer(models: readonly ModelSource[], options: ServeOptions = {}, log: LogSink = () => {}): Promise<SegkitServer> {
  const o = parseOptions(serveOptionsSchema, options, 'segkit serve');
  const registry = ModelRegistry.load(models, log);
  const customers = o.customers ? await readFrame(parseSourceSpec(o.customers)) : undefined;
  const ctx: RouteContext = {
    registry, limits: { maxBatch: o.maxBatch }, openApi: assembleOpenApi(API_ROUTES), startedAt: performance.now(), customerViews: new Map(),
    ...(customers ? { customers } : {}), ...(o.value ? { valueColumn: o.value } : {}), ...(o.store ? { store: o.store } : {}),
  };
  // The dashboard's overview must paint fast: score the customer table for each model now, not on the first visit.
  if (o.dashboard && customers) for (const m of registry.list()) customerView(ctx.customerViews, m, customers, o.value);
  const app = Fastify({
    bodyLimit: o.bodyLimit,
    connectionTimeout: o.connectionTimeoutMs,
    keepAliveTimeout: o.keepAliveTimeoutMs,
    requestTimeout: o.requestTimeoutMs,
    logger: false,
    return503OnClosing: true,
    // Errors fastify raises before routing (a malformed or too long URL) get the same shape and log line.
    frameworkErrors: (err, req, reply) => {
      const r = toErrorResponse(err, { bodyLimit: o.bodyLimit });
      log(requestLogEntry({ method: req.method, url: req.url, status: r.status, ms: 0 }));
      void (reply as FastifyReply).code(r.status).type('application/json; charset=utf-8').send(r.body);
    },
  });
  // Node's default of 60 s for the headers alone would outlast the whole-request limit.
  app.server.headersTimeout = o.requestTimeoutMs;
  // JSON only: without this, fastify would hand a text/plain body to the handlers as a string.
  app.removeContentTypeParser('text/plain');
  const checkToken = o.token ? bearerTokenChecker(o.token) : undefined;

  // 1. CORS, only for the one origin given: preflights end here, before the token check.
  // 2. Bearer token on every route but the ones marked auth: false. (No hook at all when neither is set.)
  if (o.cors || checkToken)
    app.addHook('onRequest', (req, reply, done) => {
      if (o.cors && req.headers.origin === o.cors) reply.header('access-control-allow-origin', o.cors).header('vary', 'Origin');
      if (req.method === 'OPTIONS' || !checkToken || specOf(req)?.auth === false || isPublicFile(req)) return done();
      const check = checkToken(req.headers.authorization);
      if (check === 'ok') return done();
      reply.header('www-authenticate', `Bearer${check === 'wrong' ? ' error="invalid_token"' : ''}`);
      done(new SegkitError('E_UNAUTHORIZED', check === 'missing' ? msg.unauthorized() : msg.tokenWrong(), { field: 'authorization' }));
    });
  if (o.cors)
    app.options('/*', async (req, reply) => {
      if (req.headers.origin !== o.cors) return reply.code(403).send();
      reply
        .header('access-control-allow-methods', 'GET, POST')
        .header('access-control-allow-headers', 'authorization, content-type')
        .header('access-control-max-age', '600');
      return reply.code(204).send();
    });

  // 3–4. Every route of the table, validated at the edge.
  for (const spec of API_ROUTES) {
    app.route({
      method: spec.method,
      url: spec.path.replace(/\{(\w+)\}/g, ':$1'),
      config: { spec },
      handler: async (req: FastifyRequest, reply: FastifyReply) => {
        const params = spec.params ? parseOptions(spec.params, req.params, `${spec.method} ${spec.path}`) : req.params;
        const query = spec.query ? parseOptions(spec.query, req.query, `${spec.method} ${spec.path}`) : req.query;
        spec.precheck?.(req.body, ctx);
        const body = spec.body ? (spec.plainBody?.(req.body) ?? parseBody(spec.body, req.body)) : undefined;
        const answer = await spec.handler({ params, body, query }, ctx);
        if (spec.contentType) void reply.type(spec.contentType);
        return answer;
      },
    });
  }

  // The built dashboard at / (its files answer without a token; the API calls it makes need one).
  if (o.dashboard) registerDashboardFiles(app, o.dashboard);

  // 5. One error handler; unknown routes are 404 in the same shape.
  app.setErrorHandler(async (err, req, reply) => {
    const r = toErrorResponse(err, { bodyLimit: o.bodyLimit, contentType: req.headers['content-type'] });
    if (r.internal) log({ level: 'error', event: 'internal-error', method: req.method, url: req.url, error: { message: (err as Error)?.message, stack: (err as Error)?.stack } });
    return reply.code(r.status).type('application/json; charset=utf-8').send(r.body);
  });
  app.setNotFoundHandler(async (req) => {
    throw new SegkitError('E_NOT_FOUND', msg.routeNotFound(req.method, req.url.split('?')[0]), { field: 'url' });
  });

  // 6. One log line per request.
  app.addHook('onResponse', (req, reply, done) => {
    const spec = specOf(req);
    log(requestLogEntry({ method: req.method, url: req.url, status: reply.statusCode, ms: reply.elapsedTime, model: spec?.modelOf?.(req.params as any) }));
    done();
  });

  if (o.watch) registry.watch(o.reloadDebounceMs);
  return {
    app,
    registry,
    options: o,
    async listen() {
      await app.listen({ host: o.host, port: o.port });
      const addr = app.server.address();
      const port = typeof addr === 'object' && addr ? addr.port : o.port;
      const host = o.host.includes(':') ? `[${o.host}]` : o.host;
      return { url: `http://${host}:${port}`, port };
    },
    async close() {
      registry.close();
      await app.close();
      log.flush?.();
    },
  };
}

function isPublicFile(req: FastifyRequest): boolean {
  return (req.routeOptions?.config as { publicFile?: boolean } | undefined)?.publicFile === true;
}

function specOf(req: FastifyRequest): RouteSpec | undefined {
  return (req.routeOptions?.config as { spec?: RouteSpec } | undefined)?.spec;
}

