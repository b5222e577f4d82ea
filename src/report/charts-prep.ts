/**
 * Charts of the preprocessing report (issue 15) as Vega-Lite specs with their data inline: the
 * explained-variance curve (scree), the loadings of the first components, the correlation heatmap
 * of the prepared features, and a scatter matrix of three chosen components or features coloured by
 * segment. Vega-Lite has no 3-D marks, so the seeds' plotly 3-D scatter becomes the three pairwise
 * views of the same three axes (a scatter-plot matrix), which shows the same structure without
 * rotating. All data comes from the model's prep report (prep/matrix-steps.ts) or the fitted matrix.
 * @module
 */
import type { Matrix } from '../math/matrix.js';
import type { MatrixReport } from '../prep/matrix-steps.js';
import { CHART_CONFIG, VEGA_LITE_SCHEMA, round, type Chart } from './charts.js';

const SCHEMA = VEGA_LITE_SCHEMA;
const WIDTH = 560;
const CONFIG = CHART_CONFIG;

type PcaReport = NonNullable<MatrixReport['pca']>;

/** Bars: each component's share of variance; line: the cumulative share; rule: the components kept. */
export function explainedVarianceChart(p: PcaReport): Chart {
  const values = p.ratios.map((r, j) => ({ component: j + 1, ratio: round(r * 100), cumulative: round(p.cumulative[j] * 100), kept: j < p.kept ? 'kept' : 'dropped' }));
  return {
    id: 'pca-explained-variance', title: 'Explained variance by principal component',
    caption: `Bars: share of the variance of the prepared features per component; line: running total. ${p.kept} components kept (${(p.cumulative[p.kept - 1] * 100).toFixed(1)}%).`,
    spec: {
      $schema: SCHEMA, config: CONFIG, width: WIDTH, height: 260, data: { values },
      encoding: { x: { field: 'component', type: 'ordinal', title: 'component' } },
      layer: [
        { mark: 'bar', encoding: { y: { field: 'ratio', type: 'quantitative', title: '% of variance', scale: { domain: [0, 100] } }, color: { field: 'kept', type: 'nominal', scale: { domain: ['kept', 'dropped'], range: ['#4c78a8', '#c7c7c7'] }, title: null } } },
        { mark: { type: 'line', point: true, color: '#e45756' }, encoding: { y: { field: 'cumulative', type: 'quantitative' } } },
      ],
    },
  };
}

/** Heatmap of the loadings (component × input feature) of the first `components` components. */
export function loadingsHeatmap(p: PcaReport, components = 5): Chart {
  const k = Math.min(components, p.loadings.length);
  const values = p.loadings.slice(0, k).flatMap((row, j) => row.map((l, f) => ({ component: `PC${j + 1}`, feature: p.features[f], loading: round(l, 3) })));
  return {
    id: 'pca-loadings', title: `Loadings of the first ${k} principal components`,
    caption: 'Weight of each prepared feature in each component (unit-length components); red positive, blue negative. A component measures the features with the largest |weights|.',
    spec: {
      $schema: SCHEMA, config: CONFIG, width: Math.max(200, p.features.length * 40), height: { step: 26 }, data: { values },
      encoding: { x: { field: 'feature', type: 'nominal', sort: null, title: null, axis: { labelAngle: -40 } }, y: { field: 'component', type: 'nominal', sort: null, title: null } },
      layer: [
        { mark: 'rect', encoding: { color: { field: 'loading', type: 'quantitative', scale: { scheme: 'redblue', reverse: true, domain: [-1, 1] }, title: 'loading' } } },
        { mark: { type: 'text', fontSize: 9 }, encoding: { text: { field: 'loading', type: 'quantitative', format: '+.2f' } } },
      ],
    },
  };
}

/** Heatmap of the correlation matrix; pruned features are marked in their axis label. */
export function correlationHeatmap(c: NonNullable<MatrixReport['correlation']>, dropped: readonly string[] = []): Chart {
  const label = (n: string) => (dropped.includes(n) ? `${n} (dropped)` : n);
  const values = c.names.flatMap((a, i) => c.names.map((b, j) => ({ a: label(a), b: label(b), r: round(c.values[i][j], 3) })));
  return {
    id: 'correlation-heatmap', title: `Correlation of the prepared features (${c.method === 'spearman' ? 'Spearman' : 'Pearson'})`,
    caption: dropped.length ? `Features marked (dropped) were removed by correlation pruning.` : 'Red: move together; blue: move apart.',
    spec: {
      $schema: SCHEMA, config: CONFIG, width: { step: Math.max(12, Math.min(30, Math.floor(WIDTH / c.names.length))) }, height: { step: Math.max(12, Math.min(30, Math.floor(WIDTH / c.names.length))) }, data: { values },
      mark: 'rect',
      encoding: {
        x: { field: 'a', type: 'nominal', sort: null, title: null, axis: { labelAngle: -40 } },
        y: { field: 'b', type: 'nominal', sort: null, title: null },
        color: { field: 'r', type: 'quantitative', scale: { scheme: 'redblue', reverse: true, domain: [-1, 1] }, title: 'r' },
        tooltip: [{ field: 'a' }, { field: 'b' }, { field: 'r', format: '.2f' }],
      },
    },
  };
}

/**
 * Scatter-plot matrix of three columns of `x` (components or features) coloured by segment: the
 * 2-D stand-in for a 3-D scatter. At most `maxPoints` rows, taken at an even stride (deterministic).
 */
export function scatterMatrixChart(x: Matrix, columns: readonly [number, number, number], names: readonly string[], labels: Int32Array, segmentNames: readonly string[], maxPoints = 2000): Chart {
  const axes = columns.map((j) => names[j]);
  const step = Math.max(1, Math.ceil(x.rows / maxPoints));
  const values: Record<string, unknown>[] = [];
  for (let i = 0; i < x.rows; i += step) {
    const v: Record<string, unknown> = { segment: labels[i] >= 0 ? segmentNames[labels[i]] ?? `Segment ${labels[i] + 1}` : 'noise' };
    columns.forEach((j, a) => (v[axes[a]] = round(x.data[i * x.cols + j])));
    values.push(v);
  }
  return {
    id: 'scatter-matrix', title: `${axes.join(', ')} by segment`,
    caption: `Each pair of ${axes.join(', ')} (Vega-Lite draws no 3-D scatter, so the three axes are shown pairwise); ${values.length} of ${x.rows} customers.`,
    spec: {
      $schema: SCHEMA, config: CONFIG, data: { values },
      repeat: { row: axes, column: axes },
      spec: {
        width: 160, height: 160, mark: { type: 'point', filled: true, size: 12, opacity: 0.6 },
        encoding: {
          x: { field: { repeat: 'column' }, type: 'quantitative', scale: { zero: false } },
          y: { field: { repeat: 'row' }, type: 'quantitative', scale: { zero: false } },
          color: { field: 'segment', type: 'nominal', sort: null },
        },
      },
    },
  };
}

/** The report's prep charts that the data allows: scree, loadings, correlation heatmap. */
export function prepCharts(m: MatrixReport | undefined): Chart[] {
  if (!m) return [];
  const out: Chart[] = [];
  if (m.pca) out.push(explainedVarianceChart(m.pca), loadingsHeatmap(m.pca));
  if (m.correlation) out.push(correlationHeatmap(m.correlation, m.pruned?.dropped.map((d) => d.feature) ?? []));
  return out;
}
