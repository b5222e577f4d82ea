/**
 * The SegmentationModel artifact: one JSON document holding the fitted pipeline, the clusterer
 * state, the segments, training metrics and a manifest of how it was made. This is the format
 * users keep for years, so it is versioned and validated on load.
 * @module
 */
import { z } from 'zod';
import type { NoveltyRules } from './novelty.js';
import type { FeaturePlan } from '../features/prepare-features.js';

/** Format name written in every model file. */
export const FORMAT_NAME = 'segkit-model';
/** Current format version. Bump on any incompatible change and keep a reader for old versions. */
/**
 * Version 2 (issue 6, 12, 15): whole-matrix prep steps (pruning, weights, PCA), rows rendered as text,
 * model-level outlier detection. A reader of version 1 would ignore them and score wrongly, hence the
 * bump; this reader reads versions 1 and 2 (a version-1 file simply has none of them).
 */
export const FORMAT_VERSION = 2;
/** The oldest format version this segkit still reads. */
export const OLDEST_READABLE_VERSION = 1;

/** One segment as users see it. */
export interface Segment {
  /** Cluster id as the clusterer numbers it (0-based). */
  readonly id: number;
  /** Display name; 'Segment 1' … until profiling names it. */
  readonly name: string;
  readonly size: number;
  readonly share: number;
  /** What the segment's training customers look like in input units (absent in older models). */
  readonly profile?: SegmentProfile;
}

/** Per-segment summary kept in the model: means of numbers, the most common levels of categories. */
export interface SegmentProfile {
  readonly means: Record<string, number | null>;
  readonly levels: Record<string, { level: string; share: number }[]>;
}

/** How the model was made. */
export interface Manifest {
  readonly segkitVersion: string;
  readonly createdAt: string;
  /** SHA-256 over the training frame's column names, kinds and values. */
  readonly dataHash: string;
  readonly source: string;
  readonly rows: number;
  readonly columns: readonly { name: string; kind: string }[];
  readonly idColumn: string | null;
  readonly method: string;
  readonly options: Record<string, unknown>;
  readonly prepOptions: Record<string, unknown>;
  readonly seed: number;
  readonly fitSeconds: number;
  /** The evidence for k when it was chosen by `fit -k auto` (a SelectionReport, plain JSON). */
  readonly selection?: unknown;
}

/** The whole model file. `pipeline` and `clusterer.state` are encoded by `state-codec`. */
export interface SegmentationModel {
  readonly format: typeof FORMAT_NAME;
  readonly formatVersion: number;
  readonly manifest: Manifest;
  readonly pipeline: unknown;
  readonly clusterer: { readonly method: string; readonly options: Record<string, unknown>; readonly state: unknown };
  readonly segments: readonly Segment[];
  readonly metrics: Readonly<Record<string, number | null>>;
  /** Preprocessing decisions, for `inspect`. */
  readonly prepReport: unknown;
  /** Thresholds that flag new customers as novel (absent in models from before they existed). */
  readonly novelty?: NoveltyRules;
  /** ECOD outlier detector learned at fit time (`--outliers ecod`); its state is encoded like the clusterer's. */
  readonly outliers?: { readonly method: 'ecod'; readonly contamination: number; readonly action: 'remove' | 'group'; readonly state: unknown };
  /** How the customer table was computed from transactions (`fit --from-transactions`), so `assign` can re-score later transactions. */
  readonly features?: FeaturePlan;
  /** Which model this one replaced (`segkit retrain`) and how its segment ids were aligned to it (absent for a first fit). */
  readonly lineage?: Lineage;
  readonly warnings: readonly { code: string; message: string }[];
}

/** Where a retrained model came from (src/track/retrain.ts). */
export interface Lineage {
  /** The model it replaced: its file hash (SHA-256 of the document, as the store keys models), path and creation time. */
  readonly replaces: { readonly fileHash: string; readonly path?: string; readonly createdAt: string };
  /** How segment ids were matched to the old model's (plain JSON: basis, pairs with match quality, new and vanished ids). */
  readonly alignment?: unknown;
}

/** Structural schema checked on load (after format and version). */
export const modelSchema = z.object({
  format: z.literal(FORMAT_NAME),
  formatVersion: z.number().int(),
  manifest: z.object({
    segkitVersion: z.string(),
    createdAt: z.string(),
    dataHash: z.string(),
    source: z.string(),
    rows: z.number().int().min(0),
    columns: z.array(z.object({ name: z.string(), kind: z.string() })),
    idColumn: z.string().nullable(),
    method: z.string(),
    options: z.record(z.string(), z.unknown()),
    prepOptions: z.record(z.string(), z.unknown()),
    seed: z.number(),
    fitSeconds: z.number(),
    selection: z.unknown().optional(),
  }),
  pipeline: z.unknown(),
  clusterer: z.object({ method: z.string(), options: z.record(z.string(), z.unknown()), state: z.unknown() }),
  segments: z.array(z.object({
    id: z.number().int(), name: z.string(), size: z.number().int().min(0), share: z.number(),
    profile: z.object({
      means: z.record(z.string(), z.number().nullable()),
      levels: z.record(z.string(), z.array(z.object({ level: z.string(), share: z.number() }))),
    }).optional(),
  })),
  metrics: z.record(z.string(), z.number().nullable()),
  prepReport: z.unknown(),
  novelty: z.object({
    distanceP99: z.array(z.number().nullable()),
    ranges: z.record(z.string(), z.object({ kind: z.enum(['numeric', 'date']), min: z.number(), max: z.number() })),
  }).optional(),
  outliers: z.object({ method: z.literal('ecod'), contamination: z.number(), action: z.enum(['remove', 'group']), state: z.unknown() }).optional(),
  features: z.object({
    spec: z.record(z.string(), z.unknown()),
    date: z.object({ format: z.enum(['auto', 'iso', 'yyyymmdd', 'mdy', 'dmy']), slashOrder: z.enum(['mdy', 'dmy']) }),
    families: z.object({ dayParts: z.boolean(), category: z.boolean(), cancellations: z.boolean(), discount: z.boolean(), windowDays: z.number().int().min(1) }),
    sql: z.string(),
  }).optional(),
  lineage: z.object({
    replaces: z.object({ fileHash: z.string(), path: z.string().optional(), createdAt: z.string() }),
    alignment: z.unknown().optional(),
  }).optional(),
  warnings: z.array(z.object({ code: z.string(), message: z.string() })),
});
