/** Shared setup of the HTTP API tests: tiny models fitted in the test, a server on 127.0.0.1:0, fetch helpers. */
import { join } from 'node:path';
import { readFrame } from '../../../src/data/read-frame.js';
import { parseSourceSpec } from '../../../src/data/source-spec.js';
import { fitModel, type FitModelResult } from '../../../src/model/fit-model.js';
import { saveModel } from '../../../src/model/save.js';
import type { Frame } from '../../../src/data/frame.js';
import { createServer, type SegkitServer } from '../../../src/serve/app.js';
import type { ServeOptions } from '../../../src/serve/serve-options.js';
import type { ModelSource } from '../../../src/serve/model-registry.js';
import { tempDir } from '../../helpers/temp.js';

export const MALL = 'data/samples/mall_customers.csv';
export const ROW = { CustomerID: 7, Gender: 'Female', Age: 35, 'Annual Income (k$)': 18, 'Spending Score (1-100)': 6 };

let mallFrame: Frame | undefined;
/** The mall sample as a Frame (read once). */
export async function mall(): Promise<Frame> {
  return (mallFrame ??= await readFrame(parseSourceSpec(MALL)));
}

/** A k-means model on the mall sample, saved as `<dir>/<name>.json`. */
export async function fitMall(dir: string, name: string, k = 5, seed = 42): Promise<FitModelResult & { file: string }> {
  const r = await fitModel(await mall(), { options: { nClusters: k }, seed });
  const file = join(dir, `${name}.json`);
  saveModel(r.model, file);
  return { ...r, file };
}

/** The mall sample's rows as JSON objects (what a client would send). */
export async function mallRecords(): Promise<Record<string, string | number | null>[]> {
  const f = await mall();
  return Array.from({ length: f.rows }, (_, i) =>
    Object.fromEntries(f.columns.map((c) => [c.name, c.kind === 'numeric' || c.kind === 'boolean' || c.kind === 'date' ? (c.values as Float64Array)[i] : (c.values as (string | null)[])[i]])),
  );
}

export interface TestServer {
  readonly url: string;
  readonly server: SegkitServer;
  /** Every log entry the server wrote. */
  readonly logs: Record<string, unknown>[];
  close(): Promise<void>;
}

/** Starts a server on 127.0.0.1 and an ephemeral port. */
export async function startServer(models: ModelSource[], options: ServeOptions = {}): Promise<TestServer> {
  const logs: Record<string, unknown>[] = [];
  const server = await createServer(models, { port: 0, reloadDebounceMs: 30, ...options }, (e) => void logs.push(e));
  const { url } = await server.listen();
  return { url, server, logs, close: () => server.close() };
}

export interface Answer {
  status: number;
  headers: Headers;
  body: any;
  text: string;
}

/** A request; the body is parsed as JSON when it is JSON. */
export async function call(url: string, init: RequestInit = {}): Promise<Answer> {
  const r = await fetch(url, init);
  const text = await r.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {}
  return { status: r.status, headers: r.headers, body, text };
}

/** POST of a JSON text (sent as is, so invalid JSON can be sent too). */
export function post(url: string, body: string, headers: Record<string, string> = {}): Promise<Answer> {
  return call(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
}

/** Waits until a log entry satisfies `pred` (reloads happen on file events, asynchronously). */
export async function waitForLog(logs: Record<string, unknown>[], pred: (e: Record<string, unknown>) => boolean, timeoutMs = 10_000): Promise<Record<string, unknown>> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const hit = logs.find(pred);
    if (hit) return hit;
    if (Date.now() > end) throw new Error(`no log entry matched within ${timeoutMs} ms; log: ${JSON.stringify(logs.slice(-5))}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export { tempDir };
