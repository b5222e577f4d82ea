/**
 * Charts that only some methods have: the top of a hierarchical tree (dendrogram with the cut
 * levels), a self-organizing map (U-matrix and the segment map with hits), and the share of customers
 * a density method leaves out (outliers). Same Vega-Lite conventions as charts.ts.
 * @module
 */
import type { Chart } from './charts.js';
import { CHART_CONFIG, NOISE_COLOUR, VEGA_LITE_SCHEMA, round, segmentScale } from './charts.js';
import type { HierarchicalState } from '../cluster/hierarchical.js';
import type { SomState } from '../cluster/som.js';

const SCHEMA = VEGA_LITE_SCHEMA;
const CONFIG = CHART_CONFIG;

/**
 * The tree above the model's segments: each segment is a leaf, each merge a ⊓ joining its two
 * children at its height; dashed lines mark the cut of every level (-k 4,12). Null when the stored
 * top merges do not reach down to the segments (more than 200 segments).
 */
export function dendrogramChart(state: HierarchicalState, names: readonly string[]): Chart | null {
  const { topMerges: t, nRows } = state;
  const merges = new Map<number, { a: number; b: number; h: number }>();
  t.a.forEach((a, i) => merges.set(nRows + t.first + i, { a, b: t.b[i], h: t.height[i] }));
  const leaf = new Map(state.segmentNodes.map((node, s) => [node, s]));
  const root = nRows + t.first + t.a.length - 1;
  const links: { x: number; x2: number; y: number; y2: number }[] = [];
  const leaves: { x: number; segment: string }[] = [];
  // Depth-first from the root: leaves get x = 0, 1, 2, … in drawing order; a merge sits above the middle of its children.
  const place = (node: number): { x: number; h: number } | null => {
    const s = leaf.get(node);
    if (s !== undefined) {
      leaves.push({ x: leaves.length, segment: names[s] });
      return { x: leaves.length - 1, h: 0 };
    }
    const m = merges.get(node);
    if (!m) return null;
    const a = place(m.a), b = place(m.b);
    if (!a || !b) return null;
    links.push({ x: a.x, x2: a.x, y: a.h, y2: m.h }, { x: b.x, x2: b.x, y: b.h, y2: m.h }, { x: a.x, x2: b.x, y: m.h, y2: m.h });
    return { x: (a.x + b.x) / 2, h: m.h };
  };
  if (!place(root) || leaves.length !== names.length) return null;
  // A level with k segments is cut between the (k−1)-th and k-th highest merges.
  const heights = [...t.height].sort((a, b) => b - a);
  const cuts = state.levels.filter((l) => l.k > 1 && l.k <= heights.length).map((l) => ({ level: `k = ${l.k}`, y: round((heights[l.k - 2] + (heights[l.k - 1] ?? 0)) / 2) }));
  const rounded = links.map((l) => ({ x: l.x, x2: l.x2, y: round(l.y), y2: round(l.y2) }));
  return {
    id: 'dendrogram', title: 'The tree above the segments (dendrogram)',
    caption: `Each segment is a leaf; the height of a join is the ${state.linkage} linkage distance at which two groups merged. ${cuts.length > 1 ? 'Dashed lines: the cut of each level (broad and detailed segments).' : 'The dashed line is the cut that gives the segments.'} Tall joins separate groups that are far apart.`,
    spec: {
      $schema: SCHEMA, config: CONFIG, width: Math.max(300, names.length * 48), height: 320,
      layer: [
        { data: { values: rounded }, mark: { type: 'rule', color: '#4c4c4c' }, encoding: { x: { field: 'x', type: 'quantitative', axis: null, scale: { domain: [-0.5, names.length - 0.5] } }, x2: { field: 'x2' }, y: { field: 'y', type: 'quantitative', title: 'merge height' }, y2: { field: 'y2' } } },
        { data: { values: cuts }, mark: { type: 'rule', strokeDash: [4, 3], color: '#D55E00' }, encoding: { y: { field: 'y', type: 'quantitative' } } },
        { data: { values: leaves }, mark: { type: 'text', angle: 300, align: 'right', baseline: 'middle', dy: 6 }, encoding: { x: { field: 'x', type: 'quantitative' }, y: { datum: 0 }, text: { field: 'segment' }, color: { field: 'segment', type: 'nominal', scale: segmentScale(names), legend: null } } },
      ],
    },
  };
}

/** Grid position of neuron r·cols + c; hexagonal maps shift every other row by ½ (as R kohonen). */
function cell(state: SomState, neuron: number): { x: number; y: number } {
  const r = Math.floor(neuron / state.cols), c = neuron % state.cols;
  return { x: c + (state.topology === 'hexagonal' && r % 2 === 1 ? 0.5 : 0), y: r };
}

/**
 * Two views of a self-organizing map: the U-matrix (each neuron's mean distance to its grid
 * neighbours; dark ridges are borders between groups of customers) and the segment map (each neuron
 * coloured by its segment, sized by the customers it won).
 */
export function somCharts(state: SomState, names: readonly string[]): Chart[] {
  const neurons = state.codebook.length;
  const values = Array.from({ length: neurons }, (_, k) => ({ ...cell(state, k), neuron: k, u: round(state.uMatrix[k]), hits: round(state.hits[k]), segment: names[state.neuronSegment[k]] ?? `Segment ${state.neuronSegment[k] + 1}` }));
  const side = Math.max(12, Math.min(44, Math.floor(520 / Math.max(state.rows, state.cols))));
  const axis = { x: { field: 'x', type: 'quantitative', axis: null, scale: { domain: [-0.6, state.cols] } }, y: { field: 'y', type: 'quantitative', axis: null, scale: { domain: [state.rows - 0.4, -0.6] } } };
  const shape = state.topology === 'hexagonal' ? 'circle' : 'square';
  const size = { width: side * (state.cols + 0.6), height: side * (state.rows + 0.2) };
  return [
    {
      id: 'som-umatrix', title: `Self-organizing map: U-matrix (${state.rows} × ${state.cols}, ${state.topology})`,
      caption: `Each cell is a neuron; darker = farther from its neighbours on the map, so dark ridges are borders between groups of customers. Quantization error ${round(state.quantizationError, 3)}, topographic error ${round(state.topographicError, 3)}.`,
      spec: { $schema: SCHEMA, config: CONFIG, ...size, data: { values }, mark: { type: 'point', shape, filled: true, size: side * side * 0.8 }, encoding: { ...axis, color: { field: 'u', type: 'quantitative', scale: { scheme: 'greys' }, title: 'distance to neighbours' }, tooltip: [{ field: 'neuron' }, { field: 'u', title: 'U' }, { field: 'hits' }, { field: 'segment' }] } },
    },
    {
      id: 'som-segments', title: 'Self-organizing map: segments and customers per neuron',
      caption: 'Each neuron coloured by its segment (the second stage groups neurons); the dot size is the number of customers whose best-matching neuron it is.',
      spec: {
        $schema: SCHEMA, config: CONFIG, ...size, data: { values },
        layer: [
          { mark: { type: 'point', shape, filled: true, size: side * side * 0.8, opacity: 0.35 }, encoding: { ...axis, color: { field: 'segment', type: 'nominal', scale: segmentScale(names), title: 'segment' } } },
          { mark: { type: 'circle', color: '#222' }, encoding: { ...axis, size: { field: 'hits', type: 'quantitative', title: 'customers', scale: { range: [0, side * side * 0.35] } }, tooltip: [{ field: 'neuron' }, { field: 'hits' }, { field: 'segment' }] } },
        ],
      },
    },
  ];
}

/** Customers in segments against those a density method leaves out, with the value share when given. */
export function outlierShareChart(labels: Int32Array, noiseName: string, value?: Float64Array, valueColumn?: string): Chart {
  let out = 0, vin = 0, vout = 0;
  for (let i = 0; i < labels.length; i++) {
    const v = value && Number.isFinite(value[i]) ? value[i] : 0;
    if (labels[i] < 0) (out++, (vout += v));
    else vin += v;
  }
  const n = labels.length, vt = vin + vout;
  const values = [
    { group: 'in a segment', measure: 'customers', share: round((100 * (n - out)) / n, 3) },
    { group: noiseName, measure: 'customers', share: round((100 * out) / n, 3) },
    ...(value && vt > 0 ? [{ group: 'in a segment', measure: valueColumn ?? 'value', share: round((100 * vin) / vt, 3) }, { group: noiseName, measure: valueColumn ?? 'value', share: round((100 * vout) / vt, 3) }] : []),
  ];
  return {
    id: 'outlier-share', title: `Customers outside every segment (${noiseName})`,
    caption: `${out.toLocaleString('en-US')} of ${n.toLocaleString('en-US')} customers (${((100 * out) / n).toFixed(1)}%) lie in no dense group${value && vt > 0 ? `; they hold ${((100 * vout) / vt).toFixed(1)}% of ${valueColumn ?? 'the value'}` : ''}. Small groups with a large share of value are worth a look ("super shoppers").`,
    spec: {
      $schema: SCHEMA, config: CONFIG, width: 420, height: { step: 30 }, data: { values },
      mark: 'bar',
      encoding: { y: { field: 'measure', type: 'nominal', title: null }, x: { field: 'share', type: 'quantitative', title: 'share (%)', stack: 'zero' }, color: { field: 'group', type: 'nominal', scale: { domain: ['in a segment', noiseName], range: ['#4c78a8', NOISE_COLOUR] }, title: null }, tooltip: [{ field: 'group' }, { field: 'measure' }, { field: 'share', format: '.1f' }] },
    },
  };
}
