/**
 * k-medoids scores in SQL for `export-sql`, in the in-process kernels' floating-point order so the
 * database picks the same medoid: Gower as gowerRowToRows adds (numbers scaled and clamped as
 * gowerRows does, then weighted mismatches, then ÷ Σw), Euclidean as k-means' squared distance.
 * @module
 */
import type { Dialect } from '../data/sql-dialect.js';
import type { SqlScores } from './types.js';
import type { KMedoidsState } from './kmedoids-fit.js';
import { gowerRows } from '../math/gower.js';
import { sqDistSql } from './sql-scores.js';

/** One score expression per medoid. */
export function kmedoidsSqlScores(s: KMedoidsState, input: { features: readonly string[]; codes: readonly string[] }, d: Dialect): SqlScores {
  if (s.metric === 'euclidean') return { kind: 'distance', exprs: s.medoidNumbers.map((m) => sqDistSql(input.features, m, d)), reported: 'sqrt' };
  const g = s.gower!, k = s.medoidRows.length, p = s.numericFeatures.length, m = s.categoricalColumns.length;
  // The medoids' scaled numbers exactly as the in-process kernel holds them.
  const med = gowerRows(g, { rows: k, cols: p, data: Float64Array.from(s.medoidNumbers.flat()) });
  const scaled = input.features.map((f, j) => {
    const lo = g.min[j], r = g.range[j];
    if (!(r > 0)) return d.num(0);
    return `(((LEAST(GREATEST(${f}, ${d.num(lo)}), ${d.num(lo + r)}) - ${d.num(lo)}) / ${d.num(r)}) * ${d.num(g.numericWeights[j])})`;
  });
  const exprs = Array.from({ length: k }, (_, c) => {
    let sum = d.num(0);
    for (let j = 0; j < p; j++) sum = `(${sum} + ABS(${scaled[j]} - ${d.num(med.num[c * p + j])}))`;
    for (let j = 0; j < m; j++)
      sum = `(${sum} + ${d.num(g.categoricalWeights[j])} * CASE WHEN ${input.codes[j]} = ${s.medoidCodes[c][j]} THEN ${d.num(0)} ELSE ${d.num(1)} END)`;
    return `(${sum} / ${d.num(med.totalWeight)})`;
  });
  return { kind: 'distance', exprs, reported: 'identity' };
}
