/**
 * The report's "over time" charts, from a segkit store (track/): how customers moved between the
 * last two snapshots (transition heatmap, row percentages) and each segment's share in every snapshot;
 * and the drift of the reported customers against the training data (PSI per feature, track/drift.ts).
 * @module
 */
import type { Chart } from './charts.js';
import { CHART_CONFIG, SEGMENT_PALETTE, VEGA_LITE_SCHEMA } from './charts.js';
import { openStore, listSnapshots } from '../track/store.js';
import { migrations, segmentDistribution, type Migrations, type DistributionRow } from '../track/transitions.js';
import type { DriftReport } from '../track/drift.js';

const SCHEMA = VEGA_LITE_SCHEMA;
const CONFIG = CHART_CONFIG;

/** Transition heatmap between two snapshots: share of each --from segment that went to each --to segment. */
export function transitionChart(m: Migrations): Chart {
  const names = m.segments.map((s) => s.name);
  const values = m.segments.flatMap((a, i) => m.segments.map((b, j) => ({ from: a.name, to: b.name, percent: Number(m.rowPercent[i][j].toFixed(1)), customers: m.counts[i][j] })));
  return {
    id: 'transitions', title: `Where customers went: ${m.from.asOf} → ${m.to.asOf}`,
    caption: `Each row is a segment on ${m.from.asOf}; a cell is the share of its customers in each segment on ${m.to.asOf} (${m.common.toLocaleString('en-US')} customers in both snapshots, ${m.newCustomers.toLocaleString('en-US')} new, ${m.lostCustomers.toLocaleString('en-US')} lost; ARI ${m.ari.toFixed(2)}). The diagonal is who stayed.`,
    spec: {
      $schema: SCHEMA, config: CONFIG, width: { step: 56 }, height: { step: 30 }, data: { values },
      encoding: { x: { field: 'to', type: 'nominal', sort: names, title: `segment on ${m.to.asOf}`, axis: { labelAngle: -30 } }, y: { field: 'from', type: 'nominal', sort: names, title: `segment on ${m.from.asOf}` } },
      layer: [
        { mark: 'rect', encoding: { color: { field: 'percent', type: 'quantitative', scale: { scheme: 'blues', domain: [0, 100] }, title: '% of row' }, tooltip: [{ field: 'from' }, { field: 'to' }, { field: 'customers' }, { field: 'percent' }] } },
        { mark: { type: 'text', fontSize: 11 }, encoding: { text: { field: 'percent', type: 'quantitative', format: '.0f' }, color: { condition: { test: 'datum.percent > 60', value: 'white' }, value: 'black' } } },
      ],
    },
  };
}

/** Each segment's share of customers in every snapshot (stacked bars, one per snapshot date). */
export function distributionOverTimeChart(rows: readonly DistributionRow[]): Chart {
  const names = [...new Set(rows.map((r) => r.name))];
  return {
    id: 'distribution-over-time', title: 'Segment shares over time',
    caption: 'Share of customers in each segment at every recorded snapshot (segkit snapshot).',
    spec: {
      $schema: SCHEMA, config: CONFIG, width: Math.max(200, new Set(rows.map((r) => r.asOf)).size * 60), height: 260,
      data: { values: rows.map((r) => ({ date: r.asOf, segment: r.name, share: Number((100 * r.share).toFixed(2)), customers: r.count })) },
      mark: 'bar',
      encoding: { x: { field: 'date', type: 'ordinal', title: null }, y: { field: 'share', type: 'quantitative', title: '% of customers', stack: 'zero' }, color: { field: 'segment', type: 'nominal', scale: { domain: names, range: names.map((_, i) => SEGMENT_PALETTE[i % SEGMENT_PALETTE.length]) } }, tooltip: [{ field: 'date' }, { field: 'segment' }, { field: 'customers' }, { field: 'share' }] },
    },
  };
}

/** The over-time charts of a store: none with no snapshot, the distribution with one, both with two or more. */
export async function overTimeCharts(storeLocation: string): Promise<Chart[]> {
  const db = await openStore(storeLocation);
  try {
    const snaps = await listSnapshots(db);
    if (snaps.length === 0) return [];
    const charts = [distributionOverTimeChart(await segmentDistribution(db))];
    const dates = [...new Set(snaps.map((s) => s.asOf))];
    if (dates.length >= 2) charts.unshift(transitionChart(await migrations(db, { from: dates.at(-2)!, to: dates.at(-1)! })));
    return charts;
  } finally {
    await db.close();
  }
}

/** PSI of every feature and of the segment shares, against the watch and retrain thresholds, with the verdict. */
export function driftChart(r: DriftReport): Chart {
  const values = [
    ...r.features.map((f) => ({ what: f.name, psi: Number(f.psi.toFixed(4)), verdict: f.verdict })),
    { what: 'segment shares', psi: Number(r.segments.psi.toFixed(4)), verdict: r.segments.verdict },
  ];
  const rules = [{ psi: r.thresholds.watch, label: 'watch' }, { psi: r.thresholds.retrain, label: 'retrain' }];
  return {
    id: 'drift', title: `Drift against the training data: ${r.verdict}`,
    caption: `Population stability index (PSI) of each feature's distribution, ${r.rows.current.toLocaleString('en-US')} customers here against ${r.rows.baseline.toLocaleString('en-US')} in training; at or above ${r.thresholds.watch} watch, at or above ${r.thresholds.retrain} retrain (Siddiqi 2006). 'segkit drift' gives the tests and exits non-zero on retrain.`,
    spec: {
      $schema: SCHEMA, config: CONFIG, width: 480, height: { step: 22 },
      layer: [
        { data: { values }, mark: 'bar', encoding: { y: { field: 'what', type: 'nominal', sort: null, title: null }, x: { field: 'psi', type: 'quantitative', title: 'PSI' }, color: { field: 'verdict', type: 'nominal', scale: { domain: ['ok', 'watch', 'retrain'], range: ['#009E73', '#E69F00', '#D55E00'] } }, tooltip: [{ field: 'what' }, { field: 'psi' }, { field: 'verdict' }] } },
        { data: { values: rules }, mark: { type: 'rule', strokeDash: [4, 3], color: '#555' }, encoding: { x: { field: 'psi', type: 'quantitative' } } },
      ],
    },
  };
}
