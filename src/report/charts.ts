/**
 * The report's charts as Vega-Lite specs with their data inline: segment sizes, the z-score profile
 * heatmap, distributions of the most distinguishing numbers by segment, the 2-D projection, the
 * confidence of assignments (posterior overlap for mixtures), and the selection curves when k was
 * chosen by `segkit select`. Specs are plain JSON (golden-tested); render-svg.ts draws them.
 * @module
 */
import type { ProfileReport } from '../profile/segment-profile.js';
import type { Projection } from './projection.js';

/** A chart of the report. */
export interface Chart { id: string; title: string; caption: string; spec: Record<string, unknown> }

/** The Vega-Lite schema every chart spec names. */
export const VEGA_LITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';
const SCHEMA = VEGA_LITE_SCHEMA;
const WIDTH = 560;
/**
 * Segment names can be long ("High Spending Score · High Annual Income"): let axes and legends show them.
 * Vega estimates text widths without a canvas (and over-estimates them), hence the generous limit.
 */
const LABEL_LIMIT = 600;
/** Axis and legend labels long enough for segment names. */
export const CHART_CONFIG = { axis: { labelLimit: LABEL_LIMIT }, legend: { labelLimit: LABEL_LIMIT } };
const CONFIG = CHART_CONFIG;
/**
 * The segment colours of every chart (report and dashboard): the Okabe-Ito palette (Okabe & Ito 2008,
 * "Color Universal Design"), distinguishable under the common colour-vision deficiencies; vega's default
 * category10 puts red and green side by side. Yellow and black last (weakest on white, heaviest).
 * More than 8 segments cycle through it.
 */
export const SEGMENT_PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'];
/** Colour of customers outside every segment (noise/outliers). */
export const NOISE_COLOUR = '#9a9a9a';
/** Segment colours: the palette, in segment order (Vega cycles it beyond 8 segments). */
export const segmentScale = (names: readonly string[]) => ({ domain: names, range: SEGMENT_PALETTE });
/** Numbers in chart data, rounded so the specs stay small. */
export const round = (v: number, digits = 4) => (Number.isFinite(v) ? Number(v.toPrecision(digits)) : null);

export function sizesChart(names: string[], r: ProfileReport): Chart {
  const values = r.segments.map((s, i) => ({ segment: names[i], customers: s.size, share: round(s.share * 100, 3), ...(s.value ? { value: round(s.value.share * 100, 3) } : {}) }));
  return {
    id: 'sizes', title: 'Segment sizes', caption: r.valueColumn ? `Customers per segment; the label is the share of ${r.valueColumn}.` : 'Customers per segment and their share.',
    spec: {
      $schema: SCHEMA, config: CONFIG, width: WIDTH, height: { step: 26 }, data: { values },
      layer: [
        { mark: { type: 'bar', color: '#4c78a8' }, encoding: { y: { field: 'segment', type: 'nominal', sort: null, title: null }, x: { field: 'customers', type: 'quantitative', title: 'customers' } } },
        { mark: { type: 'text', align: 'left', dx: 4 }, encoding: { y: { field: 'segment', type: 'nominal', sort: null }, x: { field: 'customers', type: 'quantitative' }, text: { field: r.valueColumn ? 'value' : 'share', type: 'quantitative', format: '.1f' } } },
      ],
    },
  };
}

export function zHeatmap(names: string[], r: ProfileReport): Chart {
  const features = Object.keys(r.overall.numeric);
  const values = r.segments.flatMap((s, i) => features.map((f) => ({ segment: names[i], feature: f, z: round(s.numeric[f].z, 3) })));
  return {
    id: 'profile-heatmap', title: 'Profile: how each segment differs from all customers', caption: 'z = (segment mean − overall mean) / overall standard deviation; red above, blue below the average customer.',
    spec: {
      $schema: SCHEMA, config: CONFIG, width: Math.max(200, features.length * 60), height: { step: 26 }, data: { values },
      encoding: { x: { field: 'feature', type: 'nominal', sort: null, title: null, axis: { labelAngle: -30 } }, y: { field: 'segment', type: 'nominal', sort: null, title: null, axis: { labelLimit: LABEL_LIMIT } } },
      layer: [
        { mark: 'rect', encoding: { color: { field: 'z', type: 'quantitative', scale: { scheme: 'redblue', reverse: true, domain: [-2, 2], clamp: true }, title: 'z' } } },
        { mark: { type: 'text', fontSize: 10 }, encoding: { text: { field: 'z', type: 'quantitative', format: '+.1f' } } },
      ],
    },
  };
}

/** Box plots of one numeric feature by segment, from (at most) `values` sampled rows. */
export function distributionChart(feature: string, values: { segment: string; value: number }[], names: string[]): Chart {
  return {
    id: `distribution-${feature.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase()}`, title: `${feature} by segment`, caption: 'Box: quartiles; whiskers: 1.5 × IQR; dots beyond them.',
    spec: {
      $schema: SCHEMA, config: CONFIG, width: WIDTH, height: { step: 26 }, data: { values },
      mark: { type: 'boxplot', extent: 1.5 }, encoding: { y: { field: 'segment', type: 'nominal', sort: null, title: null, axis: { labelLimit: LABEL_LIMIT } }, x: { field: 'value', type: 'quantitative', title: feature, scale: { zero: false } }, color: { field: 'segment', type: 'nominal', sort: null, legend: null, scale: segmentScale(names) } },
    },
  };
}

export function projectionChart(names: string[], p: Projection, noiseName = 'unassigned'): Chart {
  const values = p.points.map((q) => ({ pc1: round(q.x), pc2: round(q.y), segment: q.segment >= 0 ? names[q.segment] : noiseName }));
  // Rows outside every segment (DBSCAN's outliers) are drawn grey, after the segments in the legend.
  const hasNoise = p.points.some((q) => q.segment < 0);
  const scale = hasNoise ? { domain: [...names, noiseName], range: [...names.map((_, i) => SEGMENT_PALETTE[i % SEGMENT_PALETTE.length]), NOISE_COLOUR] } : segmentScale(names);
  return {
    id: 'projection', title: 'Customers on the first two principal components', caption: `PCA of the model's feature space; ${values.length < p.total ? `a sample of ${values.length.toLocaleString('en-US')} of ${p.total.toLocaleString('en-US')} customers, stratified by segment` : `${values.length} customers shown`}. The axes explain ${(p.explained[0] * 100).toFixed(0)}% and ${(p.explained[1] * 100).toFixed(0)}% of the variance.`,
    spec: {
      $schema: SCHEMA, config: CONFIG, width: WIDTH, height: 380, data: { values },
      mark: { type: 'circle', size: 14, opacity: 0.6 },
      encoding: { x: { field: 'pc1', type: 'quantitative', title: `PC1 (${(p.explained[0] * 100).toFixed(0)}%)` }, y: { field: 'pc2', type: 'quantitative', title: `PC2 (${(p.explained[1] * 100).toFixed(0)}%)` }, color: { field: 'segment', type: 'nominal', title: 'segment', scale, legend: { labelLimit: LABEL_LIMIT } },
        // Hover details in the dashboard (vega-embed's tooltip); the report's static SVG ignores it.
        tooltip: [{ field: 'segment', type: 'nominal' }, { field: 'pc1', type: 'quantitative', format: '.2f' }, { field: 'pc2', type: 'quantitative', format: '.2f' }] },
    },
  };
}

/** Histogram of each segment's assignment confidence (posterior for mixtures, 1 − d₁/d₂ otherwise). */
export function confidenceChart(names: string[], labels: Int32Array, confidence: Float64Array, soft: boolean): Chart {
  const bins = 10, counts = new Map<string, number>();
  for (let i = 0; i < labels.length; i++) {
    if (labels[i] < 0 || Number.isNaN(confidence[i])) continue;
    const b = Math.min(bins - 1, Math.floor(confidence[i] * bins));
    const key = `${labels[i]}|${b}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const values = [...counts].map(([key, customers]) => {
    const [s, b] = key.split('|').map(Number);
    return { segment: names[s], from: b / bins, to: (b + 1) / bins, customers };
  }).sort((a, b) => a.from - b.from || (a.segment < b.segment ? -1 : 1));
  return {
    id: 'confidence', title: soft ? 'Overlap: each customer\'s posterior of its segment' : 'Confidence of assignments', caption: soft ? 'A posterior near 1: clearly in one segment; lower: shared between segments.' : 'Confidence = 1 − d₁/d₂ (distances to the own and the runner-up segment): 0 halfway between two segments, 1 on the center.',
    spec: {
      $schema: SCHEMA, config: CONFIG, width: WIDTH, height: 200, data: { values },
      mark: 'bar', encoding: { x: { field: 'from', bin: { binned: true, step: 1 / bins }, type: 'quantitative', title: soft ? 'posterior' : 'confidence' }, x2: { field: 'to' }, y: { field: 'customers', type: 'quantitative', stack: true }, color: { field: 'segment', type: 'nominal', scale: segmentScale(names), legend: { labelLimit: LABEL_LIMIT } } },
    },
  };
}

/** Selection curves (cost, silhouette, gap, stability against k) from a SelectionReport. */
export function selectionChart(perK: { k: number; cost: number | null; silhouette: number | null; gap: number | null; stability: number | null }[], chosen: number): Chart {
  const values = perK.flatMap((r) => (['cost', 'silhouette', 'gap', 'stability'] as const).filter((m) => r[m] !== null).map((m) => ({ k: r.k, measure: m, value: round(r[m]!), chosen: r.k === chosen })));
  return {
    id: 'selection', title: 'How many segments: the evidence per k', caption: `k = ${chosen} was chosen by segkit select (elbow of the cost, highest silhouette, gap rule, highest stability).`,
    spec: {
      $schema: SCHEMA, config: CONFIG, data: { values }, columns: 2,
      facet: { field: 'measure', type: 'nominal', title: null, sort: ['cost', 'silhouette', 'gap', 'stability'] },
      spec: { width: 250, height: 140, layer: [{ mark: { type: 'line', point: true }, encoding: { x: { field: 'k', type: 'ordinal' }, y: { field: 'value', type: 'quantitative', scale: { zero: false }, title: null } } }, { transform: [{ filter: 'datum.chosen' }], mark: { type: 'point', size: 120, color: '#e45756', filled: true }, encoding: { x: { field: 'k', type: 'ordinal' }, y: { field: 'value', type: 'quantitative' } } }] },
      resolve: { scale: { y: 'independent' } },
    },
  };
}
