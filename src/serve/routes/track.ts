/**
 * GET /models/{id}/snapshots and GET /migrations: the store's history over HTTP (the same library
 * calls as `segkit migrations`). The store is opened per request and closed after, so a CLI snapshot
 * can write between requests; while one writes, a request waits up to 2 s, then answers 503.
 * @module
 */
import { z } from 'zod';
import { SegkitError } from '../../errors.js';
import { msg } from '../../messages.js';
import type { RouteContext, RouteSpec } from '../route.js';
import { modelParamsSchema } from '../schemas.js';
import { servedModel } from './models.js';
import { openStore, type StoreDb } from '../../track/store.js';
import { modelHash } from '../../track/model-hash.js';
import { migrations, segmentDistribution } from '../../track/transitions.js';
import { transitionChart } from '../../report/over-time.js';
import { chartSchema } from '../dashboard-schemas.js';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD');
const segmentCount = z.strictObject({ id: z.number().int(), name: z.string(), count: z.number().int(), share: z.number() });

const snapshotsResponseSchema = z.strictObject({
  id: z.string().describe('The served model id.'),
  storeModel: z.number().int().nullable().describe('The model\'s id in the store; null when it has no snapshot yet.'),
  snapshots: z.array(z.strictObject({
    snapshot: z.number().int(),
    asOf: date,
    customers: z.number().int(),
    segments: z.array(segmentCount).describe('Customers per segment on that date (for a chart over time).'),
  })),
});

const migrationsQuerySchema = z.strictObject({
  from: date.describe('The earlier snapshot date, YYYY-MM-DD.'),
  to: date.describe('The later snapshot date, YYYY-MM-DD.'),
  model: z.coerce.number().int().min(1).optional().describe('Use the snapshots of this store model id. **Default:** the latest snapshot of each date.'),
});

const snapshotInfo = z.strictObject({ id: z.number().int(), run: z.number().int(), model: z.number().int(), asOf: date, rows: z.number().int() });
const migrationsResponseSchema = z.strictObject({
  from: snapshotInfo,
  to: snapshotInfo,
  segments: z.array(z.strictObject({ id: z.number().int(), name: z.string() })),
  counts: z.array(z.array(z.number().int())).describe('counts[i][j]: customers in segments[i] at `from` and segments[j] at `to`.'),
  rowPercent: z.array(z.array(z.number())),
  entered: z.array(z.number().int()),
  left: z.array(z.number().int()),
  common: z.number().int(),
  newCustomers: z.number().int(),
  lostCustomers: z.number().int(),
  ari: z.number().describe('Adjusted Rand index of the two snapshots on the common customers (temporal stability).'),
  charts: z.array(chartSchema).describe("The transition heatmap, the same Vega-Lite spec as the HTML report's \"over time\" section."),
});

async function withStore<T>(ctx: RouteContext, fn: (db: StoreDb) => Promise<T>): Promise<T> {
  if (!ctx.store) throw new SegkitError('E_NOT_FOUND', msg.storeNotServed(), { field: 'store' });
  const db = await openStore(ctx.store, { waitMs: 2000 });
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

export const snapshotsRoute: RouteSpec<{ id: string }> = {
  method: 'GET',
  path: '/models/{id}/snapshots',
  operationId: 'listSnapshots',
  summary: "The model's snapshots in the store, with customers per segment on each date",
  tag: 'track',
  params: modelParamsSchema,
  response: snapshotsResponseSchema,
  errors: [400, 401, 404, 503],
  modelOf: (p) => p.id,
  handler: ({ params }, ctx) => {
    const served = servedModel(ctx, params.id);
    return withStore(ctx, async (db) => {
      const found = await db.query(`SELECT id FROM models WHERE file_hash = ${db.dialect.lit(modelHash(served.model))}`);
      if (found.length === 0) return { id: served.id, storeModel: null, snapshots: [] };
      const storeModel = Number(found[0].id);
      const bySnapshot = new Map<number, { snapshot: number; asOf: string; customers: number; segments: z.infer<typeof segmentCount>[] }>();
      for (const r of await segmentDistribution(db)) {
        if (r.model !== storeModel) continue;
        const s = bySnapshot.get(r.snapshot) ?? { snapshot: r.snapshot, asOf: r.asOf, customers: 0, segments: [] };
        s.customers += r.count;
        s.segments.push({ id: r.segment, name: r.name, count: r.count, share: r.share });
        bySnapshot.set(r.snapshot, s);
      }
      return { id: served.id, storeModel, snapshots: [...bySnapshot.values()] };
    });
  },
};

export const migrationsRoute: RouteSpec<unknown, unknown, z.infer<typeof migrationsQuerySchema>> = {
  method: 'GET',
  path: '/migrations',
  operationId: 'getMigrations',
  summary: 'Who moved between segments from one snapshot to another: transition matrix, entered/left, new/lost, ARI',
  tag: 'track',
  query: migrationsQuerySchema,
  response: migrationsResponseSchema,
  errors: [400, 401, 404, 503],
  handler: ({ query }, ctx) => withStore(ctx, async (db) => {
    const m = await migrations(db, { from: query!.from, to: query!.to, ...(query!.model !== undefined ? { model: query!.model } : {}) });
    return { ...m, charts: [transitionChart(m)] };
  }),
};
