/**
 * Everything the HTML report shows, as plain JSON (the report's "model", golden-tested): an overview,
 * one card per segment (name, size, value share, what sets it apart, the surrogate tree's rules for
 * it, key numbers) and the charts as Vega-Lite specs with inline data.
 *
 *   model + table ──score──> labels, confidence ──profile──> statistics, tests, rules ──> cards, charts
 * @module
 */
import type { Frame } from '../data/frame.js';
import { isNumericColumn } from '../data/frame.js';
import type { SegmentationModel } from '../model/artifact.js';
import { noiseName, scoreFrame, segmentName } from '../model/predict.js';
import { getClusterer } from '../cluster/registry.js';
import { decodeState } from '../model/state-codec.js';
import { profileSegments, type ProfileReport } from '../profile/segment-profile.js';
import { surrogateTree, type SurrogateTree } from '../profile/surrogate-tree.js';
import { createRng } from '../math/rng.js';
import { principalProjection, type Projection } from './projection.js';
import { suggestActions, type Playbook } from '../profile/playbook.js';
import { prepCharts, scatterMatrixChart } from './charts-prep.js';
import { dendrogramChart, outlierShareChart, somCharts } from './charts-method.js';
import type { HierarchicalState } from '../cluster/hierarchical.js';
import type { SomState } from '../cluster/som.js';
import type { PrepReport } from '../prep/pipeline.js';
import type { Matrix } from '../math/matrix.js';
import { confidenceChart, distributionChart, projectionChart, selectionChart, sizesChart, zHeatmap, type Chart } from './charts.js';

/** One segment's card. */
export interface SegmentCard {
  id: number; name: string; size: number; share: number; valueShare: number | null;
  apart: string[]; rules: { text: string; precision: number; coverage: number }[];
  /** Suggested actions from the playbook, with the evidence that triggered each. */
  actions: { action: string; because: string[] }[];
  numbers: { feature: string; mean: number; overall: number; z: number }[];
  levels: { feature: string; level: string; share: number; lift: number }[];
}

/** The report as data. */
export interface ReportModel {
  title: string;
  overview: { source: string; customers: number; segments: number; method: string; modelCreatedAt: string; treeAccuracy: number; valueColumn: string | null; metrics: Record<string, number | null> };
  cards: SegmentCard[];
  charts: Chart[];
}

/** Rows sampled per distribution chart. */
const DISTRIBUTION_ROWS = 2000;

/**
 * The heavy, name-free part of a report: scores, profile, rules, projection and the sampled rows of the
 * distribution charts. The dashboard keeps one per fitted model and re-presents it after a rename.
 */
export interface ReportAnalysis {
  source: string; rows: number; method: string; modelCreatedAt: string; valueColumn: string | null;
  labels: Int32Array; confidence: Float64Array; soft: boolean;
  profile: ProfileReport; tree: SurrogateTree; projection: Projection;
  /** The most separating numbers, each with its sampled (segment, value) pairs. */
  distributions: { feature: string; segments: Int32Array; values: Float64Array }[];
  selection?: { perK: { k: number; cost: number | null; silhouette: number | null; gap: number | null; stability: number | null }[]; chosen: number };
  metrics: Record<string, number | null>;
  treeAccuracy: number;
  /** Method-specific chart data: the hierarchical tree or the SOM (their states), and outliers of density methods. */
  methodCharts?: { hierarchical?: HierarchicalState; som?: SomState; noise?: { name: string; value?: Float64Array } };
  /** Feature reduction (issue 15): the prep report's matrix part and a sample of PC1–PC3. */
  reduction?: { matrix: NonNullable<PrepReport['matrix']>; pcs?: { x: Matrix; labels: Int32Array } };
}

/** Builds the report of `model` on the customers of `frame`. */
export function buildReport(model: SegmentationModel, frame: Frame, o: { valueColumn?: string; title?: string; playbook?: Playbook } = {}): { report: ReportModel; profile: ProfileReport; tree: SurrogateTree } {
  const a = analyseReport(model, frame, o);
  return { report: presentReport(a, model.segments.map((g) => segmentName(model, g.id)), o), profile: a.profile, tree: a.tree };
}

/** Scores and profiles `frame` with `model` (the slow part of {@link buildReport}). */
export function analyseReport(model: SegmentationModel, frame: Frame, o: { valueColumn?: string; maxPoints?: number } = {}): ReportAnalysis {
  const rng = createRng(model.manifest.seed);
  const s = scoreFrame(model, frame);
  const k = model.segments.length;
  const idColumn = model.manifest.idColumn;
  const columns = model.manifest.columns.map((c) => c.name).filter((c) => c !== idColumn);
  const profile = profileSegments(frame, s.labels, k, columns, o.valueColumn);
  const tree = surrogateTree(frame, s.labels, k, columns.filter((c) => c !== o.valueColumn), rng.fork(1));
  // The numbers that separate segments most (largest Kruskal-Wallis ε²) get a distribution chart.
  const isNumber = (f: string) => frame.columns.find((c) => c.name === f)?.kind === 'numeric'; // not 0/1 flags or dates
  const top = Object.entries(profile.tests.numeric).filter(([f, t]) => isNumber(f) && Number.isFinite(t.epsilonSquared)).sort((a, b) => b[1].epsilonSquared - a[1].epsilonSquared).slice(0, 3).map(([f]) => f);
  const sample = rng.fork(2).shuffle(Int32Array.from({ length: frame.rows }, (_, i) => i)).slice(0, DISTRIBUTION_ROWS).sort();
  const distributions = top.map((f) => {
    const c = frame.columns.find((x) => x.name === f)!;
    const rows = isNumericColumn(c) ? [...sample].filter((i) => s.labels[i] >= 0 && !Number.isNaN(c.values[i])) : [];
    return { feature: f, segments: Int32Array.from(rows, (i) => s.labels[i]), values: Float64Array.from(rows, (i) => (c.values as Float64Array)[i]) };
  });
  // The model's feature space from the rows scoring already transformed (no second pipeline pass).
  const clusterer = getClusterer(model.clusterer.method);
  const space = clusterer.embed ? clusterer.embed(decodeState(model.clusterer.state), s.dataset) : s.dataset.numeric;
  const projection = principalProjection(space, s.labels, rng.fork(3), o.maxPoints);
  const selection = model.manifest.selection as { perK?: { k: number; cost: number | null; silhouette: number | null; gap: number | null; stability: number | null }[]; recommendation?: { k: number } } | undefined;
  const metrics = Object.fromEntries(['silhouette', 'daviesBouldin', 'calinskiHarabasz', 'bic', 'entropy'].filter((m) => model.metrics[m] !== undefined).map((m) => [m, model.metrics[m]]));
  const reduction = reductionData(model, s.dataset.numeric, s.labels);
  const methodCharts = methodChartData(model, frame, clusterer.noise ? noiseName(model.clusterer.method) : null, o.valueColumn);
  return {
    source: frame.source, rows: frame.rows, method: model.manifest.method, modelCreatedAt: model.manifest.createdAt, valueColumn: o.valueColumn ?? null,
    labels: s.labels, confidence: s.confidence, soft: Boolean(s.probabilities), profile, tree, projection, distributions,
    ...(selection?.perK && selection.recommendation ? { selection: { perK: selection.perK, chosen: selection.recommendation.k } } : {}),
    metrics, treeAccuracy: tree.accuracy,
    ...(reduction ? { reduction } : {}),
    ...(methodCharts ? { methodCharts } : {}),
  };
}

/** Cards and charts of an analysis, with the segments' current `names` (cheap: no pass over the customers). */
export function presentReport(a: ReportAnalysis, names: string[], o: { title?: string; playbook?: Playbook } = {}): ReportModel {
  const { profile, tree } = a;
  const cards: SegmentCard[] = profile.segments.map((p, i) => ({
    id: p.segment, name: names[i], size: p.size, share: p.share, valueShare: p.value ? p.value.share : null,
    apart: p.distinguishing.slice(0, 3).map((d) => d.text),
    actions: suggestActions(p.distinguishing, o.playbook),
    rules: tree.rules.filter((r) => r.segment === p.segment && r.coverage >= 0.05).slice(0, 2).map((r) => ({ text: r.text, precision: r.precision, coverage: r.coverage })),
    numbers: Object.entries(p.numeric).sort((a, b) => Math.abs(b[1].z) - Math.abs(a[1].z)).slice(0, 4).map(([f, v]) => ({ feature: f, mean: v.mean, overall: profile.overall.numeric[f].mean, z: v.z })),
    levels: Object.entries(p.categorical).map(([f, l]) => ({ feature: f, ...l[0] })).filter((l) => l.level !== undefined).sort((a, b) => b.lift - a.lift).slice(0, 2),
  }));
  const distributions = a.distributions.map((d) => distributionChart(d.feature, Array.from(d.values, (value, j) => ({ segment: names[d.segments[j]], value })), names));
  const charts: Chart[] = [
    sizesChart(names, profile),
    ...(Object.keys(profile.overall.numeric).length > 0 ? [zHeatmap(names, profile)] : []),
    projectionChart(names, a.projection, a.methodCharts?.noise?.name),
    ...(a.methodCharts?.noise ? [outlierShareChart(a.labels, a.methodCharts.noise.name, a.methodCharts.noise.value, a.valueColumn ?? undefined)] : []),
    ...(a.methodCharts?.hierarchical ? [dendrogramChart(a.methodCharts.hierarchical, names)].filter((c): c is Chart => c !== null) : []),
    ...(a.methodCharts?.som ? somCharts(a.methodCharts.som, names) : []),
    ...reductionCharts(a.reduction, names),
    ...distributions,
    confidenceChart(names, a.labels, a.confidence, a.soft),
    ...(a.selection ? [selectionChart(a.selection.perK, a.selection.chosen)] : []),
  ];
  const k = names.length;
  return {
    title: o.title ?? `Customer segments: ${k} segments of ${a.rows.toLocaleString('en-US')} customers`,
    overview: { source: a.source, customers: a.rows, segments: k, method: a.method, modelCreatedAt: a.modelCreatedAt, treeAccuracy: a.treeAccuracy, valueColumn: a.valueColumn, metrics: a.metrics },
    cards, charts,
  };
}

/** Issue 15's charts when the model reduced its features: scree, loadings, correlations, and PC1–PC3 by segment. */
function reductionCharts(r: ReportAnalysis['reduction'], names: string[]): Chart[] {
  const charts = prepCharts(r?.matrix);
  if (r?.pcs) charts.push(scatterMatrixChart(r.pcs.x, [0, 1, 2], ['PC1', 'PC2', 'PC3'], r.pcs.labels, names));
  return charts;
}

/** What the method-specific charts need (charts-method.ts). */
function methodChartData(model: SegmentationModel, frame: Frame, noise: string | null, valueColumn: string | undefined): ReportAnalysis['methodCharts'] {
  const method = model.clusterer.method;
  if (method === 'hierarchical') return { hierarchical: decodeState(model.clusterer.state) as HierarchicalState };
  if (method === 'som') return { som: decodeState(model.clusterer.state) as SomState };
  if (!noise) return undefined;
  const c = valueColumn ? frame.columns.find((x) => x.name === valueColumn) : undefined;
  return { noise: { name: noise, ...(c && isNumericColumn(c) ? { value: c.values } : {}) } };
}

/** What the reduction charts need, kept small: the prep report and PC1–PC3 of about 2,000 customers. */
function reductionData(model: SegmentationModel, x: Matrix, labels: Int32Array): ReportAnalysis['reduction'] {
  const matrix = (model.prepReport as Partial<PrepReport> | null)?.matrix;
  if (!matrix) return undefined;
  if (!matrix.pca || x.cols < 3) return { matrix };
  const step = Math.max(1, Math.ceil(x.rows / 2000));
  const rows = Int32Array.from({ length: Math.ceil(x.rows / step) }, (_, t) => t * step);
  const data = new Float64Array(rows.length * 3);
  rows.forEach((i, t) => data.set(x.data.subarray(i * x.cols, i * x.cols + 3), t * 3));
  return { matrix, pcs: { x: { rows: rows.length, cols: 3, data }, labels: Int32Array.from(rows, (i) => labels[i]) } };
}
