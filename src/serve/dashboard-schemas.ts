/**
 * Request and response shapes of the routes the web dashboard reads (overview, segment, members,
 * rename), as zod schemas: validated at the edge and documented in docs/openapi.json like the rest.
 * @module
 */
import { z } from 'zod';

export const chartSchema = z.strictObject({
  id: z.string(),
  title: z.string(),
  caption: z.string(),
  spec: z.record(z.string(), z.unknown()).describe('A Vega-Lite spec with its data inline: the same spec the HTML report draws.'),
});

export const segmentParamsSchema = z.strictObject({
  id: z.string().describe('Model id.'),
  segment: z.coerce.number().int().min(0).describe('Segment id (0-based).'),
});

const segmentRowSchema = z.strictObject({
  id: z.number().int(),
  name: z.string(),
  size: z.number().int().describe('Customers in the segment: of the customer table when the server has one, else of the training data.'),
  share: z.number(),
  valueShare: z.number().nullable().describe("The segment's share of the --value column's total (null without one)."),
});

export const overviewQuerySchema = z.strictObject({
  charts: z.enum(['0', '1']).default('1').describe("'0' leaves the chart specs out (a page that needs only the segments and palette). **Default:** `'1'`."),
});

export const overviewSchema = z.strictObject({
  id: z.string(),
  method: z.string(),
  createdAt: z.string(),
  trainingRows: z.number().int(),
  customers: z.number().int().nullable().describe('Rows of the customer table (--customers), or null when the server has none.'),
  valueColumn: z.string().nullable(),
  palette: z.array(z.string()).describe('Segment colours, by segment id (cycling): the charts use the same.'),
  segments: z.array(segmentRowSchema),
  charts: z.array(chartSchema).describe('Sizes, profile heatmap, 2-D projection (a stratified sample above a few thousand customers), distributions, confidence, selection curves; empty without a customer table.'),
  metrics: z.record(z.string(), z.number().nullable()),
  notice: z.string().nullable().describe('Why some of the page is missing or stale (no customer table; the model file gone from disk), or null.'),
});

export const segmentDetailSchema = z.strictObject({
  model: z.string(),
  segment: segmentRowSchema,
  means: z.record(z.string(), z.number().nullable()).describe("Training means of the numeric inputs (from the model file)."),
  card: z.strictObject({
    apart: z.array(z.string()).describe('What sets the segment apart, largest effect first.'),
    rules: z.array(z.strictObject({ text: z.string(), precision: z.number(), coverage: z.number() })).describe("A surrogate decision tree's rules for the segment."),
    actions: z.array(z.strictObject({ action: z.string(), because: z.array(z.string()) })),
    numbers: z.array(z.strictObject({ feature: z.string(), mean: z.number(), overall: z.number(), z: z.number() })),
    levels: z.array(z.strictObject({ feature: z.string(), level: z.string(), share: z.number(), lift: z.number() })),
  }).nullable().describe('The report card of the segment (null without a customer table).'),
  charts: z.array(chartSchema).describe('Distributions of the most separating numbers by segment.'),
  notice: z.string().nullable().describe('As in the overview.'),
});

export const membersQuerySchema = z.strictObject({
  segment: z.coerce.number().int().min(-1).optional().describe('Only this segment (-1: customers left out of every segment). **Default:** every customer.'),
  q: z.string().max(200).optional().describe('Only customers whose ID contains this text (case-insensitive).'),
  offset: z.coerce.number().int().min(0).default(0).describe('Customers to skip. **Default:** `0`.'),
  limit: z.coerce.number().int().min(1).max(1000).default(50).describe('Customers per page. **Default:** `50`.'),
});

export const membersCsvQuerySchema = membersQuerySchema.pick({ segment: true, q: true });

export const membersSchema = z.strictObject({
  model: z.string(),
  total: z.number().int().describe('Customers that match (all pages).'),
  offset: z.number().int(),
  limit: z.number().int(),
  members: z.array(z.strictObject({
    id: z.string(),
    segment: z.number().int(),
    segmentName: z.string(),
    confidence: z.number().nullable().describe('Confidence of the assignment, in [0, 1] (null when the method has none).'),
  })),
});

export const renameBodySchema = z.strictObject({
  name: z.string().describe('The new name, unique among the segments, at most 80 characters.'),
});

export const renameResponseSchema = z.strictObject({
  model: z.string(),
  segment: z.number().int(),
  name: z.string(),
  previous: z.string(),
  createdAt: z.string().describe('The model\'s createdAt (unchanged: a rename is not a refit).'),
});
