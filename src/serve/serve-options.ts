/**
 * Options of the HTTP server: one zod object holding each option's rule, default and doc; the CLI
 * (`segkit serve`) and library callers of `createServer` are validated by it.
 * @module
 */
import { z } from 'zod';

export const serveOptionsSchema = z.strictObject({
  host: z.string().min(1).default('127.0.0.1').describe("Address to listen on. **Default:** `'127.0.0.1'` (this machine only)."),
  port: z.number().int().min(0).max(65535).default(8080).describe('TCP port; 0 picks a free one. **Default:** `8080`.'),
  token: z.string().min(1).optional().describe('Bearer token every route but /healthz requires. **Default:** none (no token).'),
  maxBatch: z.number().int().min(1).default(10_000).describe('Most rows one predict request may carry (413 above). **Default:** `10000`.'),
  bodyLimit: z.number().int().min(1).default(10 * 1024 * 1024).describe('Largest request body in bytes (413 above). **Default:** 10 MiB.'),
  cors: z.string().min(1).optional().describe('The one browser origin allowed to call the API (e.g. `https://crm.example.com`). **Default:** none (CORS off).'),
  requestTimeoutMs: z.number().int().min(1).default(30_000).describe('Time to receive a whole request before 408. **Default:** `30000`.'),
  connectionTimeoutMs: z.number().int().min(1).default(60_000).describe('An idle socket is closed after this long. **Default:** `60000`.'),
  keepAliveTimeoutMs: z.number().int().min(1).default(5_000).describe('A kept-alive connection waits this long for the next request. **Default:** `5000`.'),
  customers: z.string().min(1).optional().describe('Customer table (a file or `duckdb:`/`postgres://` source) that POST /models/{id}/similar searches. **Default:** none.'),
  value: z.string().min(1).optional().describe('Column of the customer table whose share per segment the dashboard shows (e.g. revenue). **Default:** none.'),
  dashboard: z.string().min(1).optional().describe('Directory of the built dashboard (web/dist) to serve at `/`. **Default:** none (API only).'),
  store: z.string().min(1).optional().describe('The segkit store (a DuckDB file or `postgres://` URL) that GET /models/{id}/snapshots and GET /migrations read. **Default:** none (those routes answer 404).'),
  watch: z.boolean().default(true).describe('Reload a model when its file changes. **Default:** `true`.'),
  reloadDebounceMs: z.number().int().min(0).default(100).describe('Quiet time after a file change before reloading. **Default:** `100`.'),
});

/** Options of {@link createServer}, as callers write them. */
export type ServeOptions = z.input<typeof serveOptionsSchema>;
/** Options with every default filled in. */
export type ServeParams = z.output<typeof serveOptionsSchema>;
